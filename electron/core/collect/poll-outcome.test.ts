import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backoffMs } from './backoff';
import { pollOutcome } from './poll-outcome';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../test/fixtures/pmc/linuxptp-3.1', name), 'utf8');
const res = (stdout: string, stderr = '', exitCode: number | null = 0) => ({ stdout, stderr, exitCode, durationMs: 1 });

describe('pollOutcome on real pmc output', () => {
  it('turns a slave poll into a sample without a problem', () => {
    const o = pollOutcome(res(fixture('slave-poll-combined.txt')), 'd1', 'ss-s1', '/run/ptp4l', 1000);
    expect(o.problem).toBeNull();
    expect(o.sample).toMatchObject({ deviceId: 'd1', tMs: 1000, portState: 'UNCALIBRATED', meanPathDelayNs: 15523, offsetFromMasterNs: -10445 });
  });

  it('names the device and the UDS path when ptp4l does not answer', () => {
    const o = pollOutcome(res(fixture('no-ptp4l-combined.stdout.txt')), 'd1', 'ss-s1', '/run/nowhere', 1000);
    expect(o.sample).toBeNull();
    expect(o.problem).toMatchObject({ code: 'ptp4l-not-running', deviceId: 'd1' });
    expect(o.problem?.message).toMatch(/^ss-s1: .*\(UDS \/run\/nowhere\)$/);
  });

  it('reads pmc failures from stderr (a non-root login without a client socket)', () => {
    const o = pollOutcome(res(fixture('nonroot-default-client-socket.stdout.txt'), fixture('nonroot-default-client-socket.stderr.txt'), 255), 'd1', 'ss-s1', '/run/ptp4l', 1);
    expect(o.sample).toBeNull();
    expect(o.problem?.message).toMatch(/bind failed/);
  });

  it('says pmc is missing when the shell cannot find it', () => {
    const o = pollOutcome(res('', 'sh: 1: exec: pmc: not found\n', 127), 'd1', 'ss-s1', '/run/ptp4l', 1);
    expect(o.problem).toMatchObject({ code: 'pmc-missing', message: 'pmc is not installed on ss-s1, or not on its PATH.' });
  });

  it('calls garbage garbage', () => {
    const o = pollOutcome(res('Welcome to BusyBox!\n\x00\x01binary'), 'd1', 'ss-s1', '/run/ptp4l', 1);
    expect(o.sample).toBeNull();
    expect(o.problem?.code).toBe('device-output');
  });
});

describe('backoff', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 100].map((n) => backoffMs(n))).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
