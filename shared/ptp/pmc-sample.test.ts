import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorValue } from '../domain/errors';
import { errorText } from '../errors/catalog';
import { PtpSample } from '../domain/ptp';
import { sampleFromPmc } from './pmc-sample';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const T = 1_763_925_000_000;

describe('sampleFromPmc with every data set present', () => {
  it('merges a locked slave into one valid sample', () => {
    const { sample, problem } = sampleFromPmc(fixture('linuxptp-3.1.1-slave-poll.txt'), 'dev-1', T);
    expect(problem).toBeNull();
    expect(sample).toEqual({
      deviceId: 'dev-1',
      tMs: T,
      masterOffsetNs: 2869,
      offsetFromMasterNs: 2869,
      meanPathDelayNs: 1888,
      stepsRemoved: 2,
      gmPresent: true,
      gmIdentity: 'a6cc01.fffe.be6e6d',
      portState: 'SLAVE',
      ports: [{ portIdentity: '4e9130.fffe.bdd739-1', portState: 'SLAVE' }],
    });
    expect(PtpSample.parse(sample)).toEqual(sample);
  });

  it('lists every port of a boundary clock and takes the first non-UDS port as its state', () => {
    const { sample } = sampleFromPmc(fixture('linuxptp-3.1.1-boundary-clock-poll.txt'), 'bc', T);
    expect(sample?.ports).toEqual([
      { portIdentity: 'fe185b.fffe.558901-1', portState: 'SLAVE' },
      { portIdentity: 'fe185b.fffe.558901-2', portState: 'MASTER' },
    ]);
    expect(sample?.portState).toBe('SLAVE');
  });

  it('skips port 0 (the UDS port) when choosing the sample state', () => {
    const text = fixture('linuxptp-3.1.1-slave-poll.txt').replace(
      '\t4e9130.fffe.bdd739-1 seq 2',
      '\t4e9130.fffe.bdd739-0 seq 2 RESPONSE MANAGEMENT PORT_DATA_SET \n\t\tportIdentity            4e9130.fffe.bdd739-0\n\t\tportState               LISTENING\n\t4e9130.fffe.bdd739-1 seq 2',
    );
    const { sample } = sampleFromPmc(text, 'd', T);
    expect(sample?.ports.map((p) => p.portState)).toEqual(['LISTENING', 'SLAVE']);
    expect(sample?.portState).toBe('SLAVE');
  });

  it("does not chart a grandmaster's zero offsets as measurements", () => {
    const { sample, problem } = sampleFromPmc(fixture('linuxptp-3.1.1-grandmaster-poll.txt'), 'gm', T);
    expect(problem).toBeNull();
    expect(sample).toMatchObject({ masterOffsetNs: null, offsetFromMasterNs: null, meanPathDelayNs: null, stepsRemoved: 0, gmPresent: false, portState: 'MASTER' });
  });
});

describe('sampleFromPmc problems, in words a lab engineer can act on', () => {
  it('no-response: ptp4l not running or on another UDS path', () => {
    const { sample, problem } = sampleFromPmc(fixture('linuxptp-3.1.1-no-ptp4l.txt'), 'd', T);
    expect(sample).toBeNull();
    expect(problem).toMatchObject({ kind: 'no-response', code: 'ptp4l-not-running' });
    expect(problem?.message).toContain('GET TIME_STATUS_NP, GET CURRENT_DATA_SET, GET PORT_DATA_SET');
    expect(problem?.hint).toContain('uds_address');
    expect(problem?.hint).toContain('ptp4l runs');
    expect(problem?.hint).toContain('domain');
  });

  it('partial: a refused data set is named, and the sample keeps what came back', () => {
    const { sample, problem } = sampleFromPmc(fixture('linuxptp-3.1.1-management-error-status.txt'), 'd', T);
    expect(problem).toMatchObject({ kind: 'partial', code: 'device-output' });
    expect(problem?.message).toBe('d: ptp4l answered the poll without CURRENT_DATA_SET, PORT_DATA_SET (MANAGEMENT_ERROR_STATUS for GET PORT_DATA_SET).');
    expect(sample).toMatchObject({ masterOffsetNs: -857, gmPresent: true, stepsRemoved: null, portState: null, ports: [] });
    expect(PtpSample.safeParse(sample).success).toBe(true);
  });

  it('partial: the request pmc never sent does not shift which one was refused', () => {
    const { sample, problem } = sampleFromPmc(fixture('linuxptp-3.1.1-unsent-then-error.txt'), 'd', T);
    expect(problem?.message).toBe('d: ptp4l answered the poll without TIME_STATUS_NP, PORT_DATA_SET (MANAGEMENT_ERROR_STATUS for GET PORT_DATA_SET).');
    expect(sample).toMatchObject({ stepsRemoved: 0, offsetFromMasterNs: null });
  });

  it('refused: every request answered with MANAGEMENT_ERROR_STATUS', () => {
    const text = 'sending: GET TIME_STATUS_NP\nsending: GET CURRENT_DATA_SET\nsending: GET PORT_DATA_SET\n' + [0, 1, 2].map((s) => `\t001122.fffe.334455-0 seq ${s} RESPONSE MANAGEMENT_ERROR_STATUS \n`).join('');
    const { sample, problem } = sampleFromPmc(text, 'd', T);
    expect(sample).toBeNull();
    expect(problem?.kind).toBe('refused');
    expect(problem?.message).toContain('GET TIME_STATUS_NP, GET CURRENT_DATA_SET, GET PORT_DATA_SET');
  });

  it('pmc-failed: a non-root pmc that cannot bind its socket (lab capture, stderr)', () => {
    const stderr = readFileSync(new URL('../../test/fixtures/pmc/linuxptp-3.1/nonroot-default-client-socket.stderr.txt', import.meta.url), 'utf8');
    const { problem } = sampleFromPmc(stderr, 'd', T);
    expect(problem?.kind).toBe('pmc-failed');
    expect(problem?.message).toContain('uds: bind failed: Permission denied');
    expect(problem?.hint).toContain('-i');
  });

  it('pmc-missing: the shell cannot find pmc, by its words or by status 127 (one decision)', () => {
    const { problem } = sampleFromPmc('bash: line 1: pmc: command not found\n', 'd', T);
    expect(problem).toMatchObject({ kind: 'pmc-missing', code: 'pmc-missing' });
    expect(problem?.hint).toContain('/usr/sbin');
    expect(sampleFromPmc('sh: 1: exec: pmc: not found\n', 'd', T, { exitCode: 127 }).problem?.kind).toBe('pmc-missing');
    expect(sampleFromPmc('', 'd', T, { exitCode: 127 }).problem?.kind).toBe('pmc-missing');
    // A pmc that ran and sent is not missing, whatever the status.
    expect(sampleFromPmc(fixture('linuxptp-3.1.1-no-ptp4l.txt'), 'd', T, { exitCode: 127 }).problem?.kind).toBe('no-response');
  });

  it('permission: a login that may not write the socket is told so, naming the socket and uds_file_mode', () => {
    // What pmc 3.1 prints when its sendto is refused (lab capture, user sslab, root-only socket): only the `sending:` lines.
    const text = ['stdout', 'stderr'].map((s) => readFileSync(new URL(`../../test/fixtures/pmc/linuxptp-3.1/nonroot-uds-not-writable.${s}.txt`, import.meta.url), 'utf8')).join('\n');
    expect(sampleFromPmc(text, 'd', T).problem?.kind).toBe('no-response');
    const { sample, problem } = sampleFromPmc(text, 'd', T, { deviceName: 'ss-x1', udsPath: '/run/ptp4l', udsAccess: 'not-writable' });
    expect(sample).toBeNull();
    expect(problem).toMatchObject({ kind: 'permission', code: 'pmc-permission', messageId: 'pmc.permission', deviceId: 'd' });
    expect(problem?.message).toContain("ss-x1: the SSH login may not write to ptp4l's socket /run/ptp4l");
    expect(problem?.hint).toContain('uds_file_mode');
    expect(problem?.hint).toContain('chmod g+w /run/ptp4l');
  });

  it('no-socket: nothing at the UDS path is told apart from a silent ptp4l', () => {
    const ctx = { deviceName: 'ss-s1', udsPath: '/run/nowhere' };
    expect(sampleFromPmc(fixture('linuxptp-3.1.1-no-ptp4l.txt'), 'd', T, { ...ctx, udsAccess: 'missing' }).problem).toMatchObject({ kind: 'no-socket', code: 'ptp4l-not-running', message: 'ss-s1: there is no socket at the UDS path, so ptp4l did not answer. (UDS /run/nowhere)' });
    expect(sampleFromPmc(fixture('linuxptp-3.1.1-no-ptp4l.txt'), 'd', T, ctx).problem?.kind).toBe('no-response');
  });

  it('no-output: pmc printed nothing', () => {
    expect(sampleFromPmc('', 'd', T).problem?.kind).toBe('no-output');
    expect(sampleFromPmc('\r\n\n', 'd', T).problem?.kind).toBe('no-output');
  });

  it('garbage: output that is not pmc at all, quoted safely', () => {
    const { sample, problem } = sampleFromPmc('Last login: Mon Nov 23\n\u001b[31mPS1 junk\n', 'd', T);
    expect(sample).toBeNull();
    expect(problem?.kind).toBe('garbage');
    expect(problem?.message).toBe('d: the output is not pmc\'s (2 lines; first: "Last login: Mon Nov 23").');
  });

  it('gives each problem as a catalog error the UI can show in Chinese', () => {
    const { problem } = sampleFromPmc(fixture('linuxptp-3.1.1-no-ptp4l.txt'), 'dev-9', T, { deviceName: 'ss-s1', udsPath: '/run/ptp4l' });
    if (!problem) throw new Error('expected a problem');
    const { kind: _kind, ...err } = problem;
    expect(ErrorValue.parse(err)).toEqual(err);
    expect(err).toMatchObject({ code: 'ptp4l-not-running', deviceId: 'dev-9', messageId: 'pmc.no-response' });
    expect(errorText(err, 'zh-CN').message).toBe('ss-s1：pmc 已发送 GET TIME_STATUS_NP, GET CURRENT_DATA_SET, GET PORT_DATA_SET，但 ptp4l 没有应答。（UDS /run/ptp4l）');
  });

  it('always returns a schema-valid sample or a problem, never throws (property)', () => {
    const pieces = fc.constantFrom(...fixture('linuxptp-3.1.1-boundary-clock-poll.txt').split('\n'), '\t001122.fffe.334455-0 seq 0 RESPONSE MANAGEMENT_ERROR_STATUS ', 'garbage', '');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 60 }), (lines) => {
        const { sample, problem } = sampleFromPmc(lines.join('\n'), 'd', T);
        if (sample) expect(PtpSample.safeParse(sample).success).toBe(true);
        expect(sample !== null || problem !== null).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
