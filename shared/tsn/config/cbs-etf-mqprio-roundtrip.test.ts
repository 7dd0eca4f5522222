import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CbsModel } from './cbs';
import type { EtfModel } from './etf';
import type { MqprioModel } from './mqprio';
import { parseQdiscShow, parseTcCommand, qdiscDifferences, tcCommandFor } from './tc-qdisc';
import { qdiscArgv, placeProblems } from './tc-command';
import { cbsOptionWords } from './cbs';
import { etfOptionWords } from './etf';
import { mqprioOptionWords } from './mqprio';

const classId = fc.tuple(fc.integer({ min: 1, max: 0xffff }), fc.integer({ min: 1, max: 0xffff })).map(([a, b]) => `${a.toString(16)}:${b.toString(16)}`);
const handle = fc.option(fc.integer({ min: 1, max: 0xffff }).map((h) => h.toString(16)), { nil: null });

const cbs: fc.Arbitrary<CbsModel> = fc.record({
  kind: fc.constant('cbs' as const),
  parent: classId,
  handle,
  idleslopeKbps: fc.integer({ min: 1, max: 0x7fff_ffff }),
  sendslopeKbps: fc.integer({ min: -0x8000_0000, max: -1 }),
  hicreditBytes: fc.integer({ min: 0, max: 0x7fff_ffff }),
  locreditBytes: fc.integer({ min: -0x8000_0000, max: 0 }),
  offload: fc.boolean(),
});

const etf: fc.Arbitrary<EtfModel> = fc.record({
  kind: fc.constant('etf' as const),
  parent: classId,
  handle,
  clockid: fc.constant('TAI' as const),
  deltaNs: fc.integer({ min: 0, max: 0x7fff_ffff }),
  deadlineMode: fc.boolean(),
  offload: fc.boolean(),
  skipSockCheck: fc.boolean(),
});

const mqprio: fc.Arbitrary<MqprioModel> = fc.integer({ min: 1, max: 16 }).chain((numTc) =>
  fc.record({
    kind: fc.constant('mqprio' as const),
    handle: fc.integer({ min: 1, max: 0xffff }).map((h) => h.toString(16)),
    numTc: fc.constant(numTc),
    priorityMap: fc.array(fc.integer({ min: 0, max: numTc - 1 }), { minLength: 16, maxLength: 16 }),
    queues: fc.array(fc.integer({ min: 1, max: 8 }), { minLength: numTc, maxLength: numTc }).map((counts) => {
      let offset = 0;
      return counts.map((count) => ({ count, offset: (offset += count) - count }));
    }),
    hw: fc.constant(1 as const),
    mode: fc.constantFrom('dcb' as const, 'channel' as const),
    shaper: fc.constant('bw_rlimit' as const),
    minRateBytesPerSec: fc.option(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: numTc, maxLength: numTc }), { nil: null }),
    maxRateBytesPerSec: fc.option(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: numTc, maxLength: numTc }), { nil: null }),
    fp: fc.option(fc.array(fc.constantFrom('E' as const, 'P' as const), { minLength: numTc, maxLength: numTc }), { nil: null }),
  }),
);

/** The words of a model, written directly (the round trip is about the words, not validation). */
function argvOf(m: CbsModel | EtfModel | MqprioModel): string[] {
  const place = m.kind === 'mqprio' ? { parent: 'root', handle: m.handle } : { parent: m.parent, handle: m.handle };
  expect(placeProblems('eth0', place)).toEqual([]);
  return qdiscArgv('eth0', place, m.kind, m.kind === 'cbs' ? cbsOptionWords(m) : m.kind === 'etf' ? etfOptionWords(m) : mqprioOptionWords(m));
}

describe('cbs, etf and mqprio round trips (fast-check)', () => {
  it('model → tc argv → model gives the model back', () => {
    fc.assert(
      fc.property(fc.oneof(cbs, etf, mqprio), (m) => {
        const back = parseTcCommand(argvOf(m));
        expect(back.problems).toEqual([]);
        expect(back.model).toEqual(m);
      }),
      { numRuns: 300 },
    );
  });

  it('model → tc -j JSON (cbs_print_opt, etf_print_opt) → model: the device has what was pushed', () => {
    fc.assert(
      fc.property(fc.oneof(cbs, etf), fc.integer({ min: 0x8001, max: 0xffff }), (m, kernelHandle) => {
        const options =
          m.kind === 'cbs'
            ? `{"hicredit":${m.hicreditBytes},"locredit":${m.locreditBytes},"sendslope":${m.sendslopeKbps},"idleslope":${m.idleslopeKbps},"offload":${m.offload ? 1 : 0}}`
            : `{"clockid":"TAI","delta":${m.deltaNs},"offload":"${m.offload ? 'on' : 'off'}","deadline_mode":"${m.deadlineMode ? 'on' : 'off'}","skip_sock_check":"${m.skipSockCheck ? 'on' : 'off'}"}`;
        // The kernel names a qdisc pushed without a handle itself (8001: …).
        const printedHandle = (m.handle ?? kernelHandle.toString(16)).replace(/^0+/, '');
        const text = `[{"kind":"${m.kind}","handle":"${printedHandle}:","parent":"${m.parent}","options":${options}}]\n`;
        const { qdiscs, problems } = parseQdiscShow(text);
        expect(problems).toEqual([]);
        expect(qdiscDifferences(m, qdiscs[0] ?? null)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to write a command for an invalid model, and says why', () => {
    fc.assert(
      fc.property(cbs, (m) => {
        const r = tcCommandFor({ ...m, sendslopeKbps: 1 }, 'eth0');
        expect(r.argv).toBeNull();
        expect(r.problems.map((p) => p.field)).toContain('sendslopeKbps');
      }),
      { numRuns: 50 },
    );
  });
});
