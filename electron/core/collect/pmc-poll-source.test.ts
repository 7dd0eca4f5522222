import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPollResult } from './pmc-poll-source';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../test/fixtures/pmc/linuxptp-3.1', name), 'utf8');
const res = (stdout: string, stderr = '', exitCode: number | null = 0, truncated = false) => ({ stdout, stderr, exitCode, truncated, durationMs: 1 });
const spec = { id: 'd1', name: 'ss-s1', udsPath: '/run/ptp4l' };

describe('readPollResult on real pmc output', () => {
  it('turns a slave poll into a sample without a problem', () => {
    const o = readPollResult(res(fixture('slave-poll-combined.txt')), spec, 1000);
    expect(o.problem).toBeNull();
    expect(o.sample).toMatchObject({ deviceId: 'd1', tMs: 1000, portState: 'UNCALIBRATED', meanPathDelayNs: 15523, offsetFromMasterNs: -10445 });
  });

  it('names the device and the UDS path when ptp4l does not answer', () => {
    const o = readPollResult(res(fixture('no-ptp4l-combined.stdout.txt')), { ...spec, udsPath: '/run/nowhere' }, 1000);
    expect(o.sample).toBeNull();
    expect(o.problem).toMatchObject({ code: 'ptp4l-not-running', deviceId: 'd1', messageId: 'pmc.no-response' });
    expect(o.problem?.message).toMatch(/^ss-s1: .*\(UDS \/run\/nowhere\)$/);
  });

  it("reads the poll script's notes: a socket the login may not write is a permission problem", () => {
    const o = readPollResult(res(fixture('no-ptp4l-combined.stdout.txt'), 'syncscope-poll: uds not-writable\n'), spec, 1);
    expect(o.problem).toMatchObject({ code: 'pmc-permission', messageId: 'pmc.permission' });
  });

  it('reads pmc failures from stderr (a non-root login without a client socket)', () => {
    const o = readPollResult(res(fixture('nonroot-default-client-socket.stdout.txt'), fixture('nonroot-default-client-socket.stderr.txt'), 255), spec, 1);
    expect(o.sample).toBeNull();
    expect(o.problem?.message).toMatch(/bind failed/);
  });

  it('says pmc is missing when the shell cannot find it', () => {
    const o = readPollResult(res('', 'syncscope-poll: 2: pmc: not found\n', 127), spec, 1);
    expect(o.problem).toMatchObject({ code: 'pmc-missing', message: "ss-s1: pmc is not installed, or not on the login's PATH." });
  });

  it('does not read output that was cut off, even when what arrived parses', () => {
    const o = readPollResult(res(fixture('slave-poll-combined.txt'), '', 0, true), spec, 1);
    expect(o.sample).toBeNull();
    expect(o.problem).toMatchObject({ code: 'device-output', messageId: 'pmc.output-truncated' });
  });

  it('calls garbage garbage', () => {
    const o = readPollResult(res('Welcome to BusyBox!\n\x00\x01binary'), spec, 1);
    expect(o.sample).toBeNull();
    expect(o.problem?.code).toBe('device-output');
  });
});
