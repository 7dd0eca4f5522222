import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SyncscopeError } from '../domain/errors';
import { shellCommand } from '../shell/quote';
import { pmcArgv, pmcPollArgv, readPollStderr } from './pmc-command';

const CLIENT = '/tmp/syncscope-pmc-0123456789ab';

describe('pmcArgv', () => {
  it('builds the poll for a UDS path, with its own client socket', () => {
    expect(pmcArgv('/run/ptp/ptp4l', CLIENT)).toEqual(['pmc', '-u', '-b', '0', '-s', '/run/ptp/ptp4l', '-i', CLIENT, 'GET TIME_STATUS_NP', 'GET CURRENT_DATA_SET', 'GET PORT_DATA_SET']);
  });

  it.each([
    ['relative', 'var/run/ptp4l'],
    ['shell metacharacters', '/var/run/ptp4l; rm -rf /'],
    ['command substitution', '/tmp/$(id)'],
    ['dot-dot', '/var/run/../../etc/shadow'],
    ['newline', '/var/run/ptp4l\nreboot'],
    ['too long for sun_path', `/${'a'.repeat(120)}`],
  ])('rejects a %s UDS path as invalid input', (_what, path) => {
    let thrown: unknown;
    try {
      pmcPollArgv(path, CLIENT, 5000);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SyncscopeError);
    expect((thrown as SyncscopeError).value).toMatchObject({ code: 'invalid-input', field: 'udsPath' });
  });

  it.each(['/tmp/`id`', '/tmp/syncscope-pmc-../../etc/passwd', '/etc/passwd', '/tmp/syncscope-pmc-0123456789aB'])('accepts only its own client socket paths (%s is refused)', (path) => {
    expect(() => pmcPollArgv('/var/run/ptp4l', path, 5000)).toThrow(SyncscopeError);
  });
});

describe('the poll script, run by a real sh', () => {
  // `sh -c` through the same quoting the SSH transport uses: what a device's login shell receives.
  const runPoll = (argv: string[]) => spawnSync('sh', ['-c', shellCommand(argv)], { encoding: 'utf8', timeout: 15_000 });

  it('passes pmc its arguments as bytes, keeps its exit status, and notes a missing socket', () => {
    // `echo` stands in for pmc: the script runs whatever argv follows its own two arguments.
    const argv = pmcPollArgv('/run/syncscope-test/no-such-socket', CLIENT, 5000);
    argv[argv.indexOf('pmc')] = 'echo';
    const res = runPoll(argv);
    expect(res.stdout.trim()).toBe(`-u -b 0 -s /run/syncscope-test/no-such-socket -i ${CLIENT} GET TIME_STATUS_NP GET CURRENT_DATA_SET GET PORT_DATA_SET`);
    expect(readPollStderr(res.stderr)).toEqual({ udsAccess: 'missing', pmcStderr: '' });
  });

  it('kills a command that outlives the deadline, and removes the client socket after it', () => {
    writeFileSync(CLIENT, '');
    const argv = pmcPollArgv('/tmp', CLIENT, 1000);
    // `sleep 30` stands in for a hung pmc.
    argv.splice(argv.indexOf('pmc'), argv.length, 'sleep', '30');
    const res = runPoll(argv);
    // 137: KILLed by the watchdog after 1 s (without it, spawnSync's own 15 s limit ends it, status null).
    expect(res.status).toBe(137);
    expect(existsSync(CLIENT)).toBe(false);
  });

  it('reports the shell\'s "not found" as status 127', () => {
    const argv = pmcPollArgv('/tmp', CLIENT, 5000);
    argv[argv.indexOf('pmc')] = 'syncscope-no-such-program';
    expect(runPoll(argv).status).toBe(127);
  });
});

describe('readPollStderr', () => {
  it("takes the script's own lines out of pmc's stderr", () => {
    expect(readPollStderr('pmc[1]: uds: bind failed\nsyncscope-poll: uds not-writable\n')).toEqual({ udsAccess: 'not-writable', pmcStderr: 'pmc[1]: uds: bind failed\n' });
    expect(readPollStderr('')).toEqual({ udsAccess: 'writable', pmcStderr: '' });
  });
});
