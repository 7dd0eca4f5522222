import { describe, expect, it } from 'vitest';
import { G8273_2_CLASS_C, G8271_1_NETWORK_LIMIT } from '../../../shared/history/analysis/timing-masks';
import { logLogColumns } from './loglog-data';

describe('MTIE/TDEV chart columns', () => {
  const curve = [
    { tauS: 0.5, valueNs: 3, independentWindows: 100 },
    { tauS: 1, valueNs: 4, independentWindows: 50 },
    { tauS: 10, valueNs: 0, independentWindows: 5 },
    { tauS: 2000, valueNs: null, independentWindows: 0 },
  ];

  it('puts the mask limit beside each τ it covers and leaves out what a log axis cannot draw', () => {
    const { data, masks } = logLogColumns(curve, [G8273_2_CLASS_C, G8271_1_NETWORK_LIMIT], 'dteLMtieNs');
    // G.8271.1 has no MTIE curve here: it is not drawn.
    expect(masks.map((m) => m.id)).toEqual(['g8273.2-class-c']);
    expect(data[0]).toEqual([0.5, 1, 10, 2000]);
    expect(data[1]).toEqual([3, 4, null, null]);
    expect(data[2]).toEqual([null, 10, 10, null]);
  });
});
