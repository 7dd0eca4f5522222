import { describe, expect, it } from 'vitest';
import { SyncscopeError } from '../domain/errors';
import { shellCommand } from '../shell/quote';
import { pmcPollArgv } from './pmc-command';

describe('pmcPollArgv', () => {
  it('builds the poll for a UDS path', () => {
    expect(pmcPollArgv('/var/run/ptp4l')).toEqual(['pmc', '-u', '-b', '0', '-s', '/var/run/ptp4l', 'GET TIME_STATUS_NP', 'GET CURRENT_DATA_SET', 'GET PORT_DATA_SET']);
  });

  it('adds a client socket path for non-root logins', () => {
    expect(pmcPollArgv('/run/ptp/ptp4l', { clientSocketPath: '/tmp/syncscope-pmc.42' })).toEqual(['pmc', '-u', '-b', '0', '-s', '/run/ptp/ptp4l', '-i', '/tmp/syncscope-pmc.42', 'GET TIME_STATUS_NP', 'GET CURRENT_DATA_SET', 'GET PORT_DATA_SET']);
  });

  it('quotes into one remote command string', () => {
    expect(shellCommand(pmcPollArgv('/var/run/ptp4l'))).toBe("'pmc' '-u' '-b' '0' '-s' '/var/run/ptp4l' 'GET TIME_STATUS_NP' 'GET CURRENT_DATA_SET' 'GET PORT_DATA_SET'");
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
      pmcPollArgv(path);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(SyncscopeError);
    expect((thrown as SyncscopeError).value).toMatchObject({ code: 'invalid-input', field: 'udsPath' });
  });

  it('checks the client socket path the same way', () => {
    expect(() => pmcPollArgv('/var/run/ptp4l', { clientSocketPath: '/tmp/`id`' })).toThrow(SyncscopeError);
  });
});
