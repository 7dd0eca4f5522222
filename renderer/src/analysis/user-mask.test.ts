import { describe, expect, it } from 'vitest';
import { timingMaskSchema } from '../../../shared/history/analysis/timing-masks';
import { userMask } from './user-mask';

describe('a user mask from the form', () => {
  it('is a valid mask with flat limits over 1–1000 s', () => {
    const m = userMask('Lab limit 2', 25, 0);
    expect(m).not.toBeNull();
    expect(timingMaskSchema.safeParse(m).success).toBe(true);
    expect(m).toMatchObject({ id: 'user-lab-limit-2', source: 'user', dteLMtieNs: [{ fromTauS: 1, toTauS: 1000, limitNs: [25, 25] }] });
    expect(m?.dteLTdevNs).toBeUndefined();
  });

  it('needs a name and at least one limit', () => {
    expect(userMask('  ', 10, 10)).toBeNull();
    expect(userMask('x', 0, 0)).toBeNull();
    expect(userMask('实验室', 0, 3)?.id).toBe('user-mask');
  });
});
