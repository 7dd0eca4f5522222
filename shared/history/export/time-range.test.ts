import { describe, expect, it } from 'vitest';
import { errorValueOf } from '../../domain/errors';
import { parseTimeFlag, resolveRange } from './time-range';

const NOW = Date.UTC(2026, 11, 7, 21, 0, 0);

describe('history ranges from the command line', () => {
  it('reads ISO 8601 (zone-less as UTC), now, and durations back from now', () => {
    expect(parseTimeFlag('--from', '2026-12-07T20:00:00Z', NOW)).toBe(Date.UTC(2026, 11, 7, 20));
    expect(parseTimeFlag('--from', '2026-12-07 20:00', NOW)).toBe(Date.UTC(2026, 11, 7, 20));
    expect(parseTimeFlag('--from', '2026-12-07T22:00:00+02:00', NOW)).toBe(Date.UTC(2026, 11, 7, 20));
    expect(parseTimeFlag('--from', '2026-12-07', NOW)).toBe(Date.UTC(2026, 11, 7));
    expect(parseTimeFlag('--from', '2h', NOW)).toBe(NOW - 7_200_000);
    expect(parseTimeFlag('--to', 'now', NOW)).toBe(NOW);
    expect(parseTimeFlag('--since', '-1h', NOW)).toBe(NOW - 3_600_000);
    expect(parseTimeFlag('--since', '-90s', NOW)).toBe(NOW - 90_000);
    expect(() => parseTimeFlag('--since', '--1h', NOW)).toThrow(/--since/);
    expect(errorValueOf((() => { try { return parseTimeFlag('--from', 'yesterday', NOW); } catch (e) { return e; } })())).toMatchObject({ code: 'invalid-input', message: '--from: "yesterday" is not a time.' });
  });

  it('defaults to the last hour of a device, or the whole session', () => {
    expect(resolveRange({}, null, NOW)).toEqual({ fromMs: NOW - 3_600_000, toMs: NOW });
    const span = { fromMs: NOW - 86_400_000, toMs: NOW - 3_600_000 };
    expect(resolveRange({}, span, NOW)).toEqual(span);
    expect(resolveRange({ from: '2026-12-07T10:00:00Z' }, span, NOW)).toEqual({ fromMs: Date.UTC(2026, 11, 7, 10), toMs: span.toMs });
    expect(resolveRange({ to: '2026-12-07T10:00:00Z' }, null, NOW)).toEqual({ fromMs: Date.UTC(2026, 11, 7, 9), toMs: Date.UTC(2026, 11, 7, 10) });
    expect(() => resolveRange({ from: '1h', to: '2h' }, null, NOW)).toThrow(/--from/);
  });
});
