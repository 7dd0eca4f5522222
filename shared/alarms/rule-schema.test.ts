import { describe, expect, it } from 'vitest';
import { checkConsistency } from './consistency';
import { defaultRules } from './default-rules';
import { AlarmRule, RuleFile, ruleFile } from './rule-schema';

describe('alarm rules as data', () => {
  it('give a newcomer the default set from practice, every rule valid, ids unique', () => {
    const rules = defaultRules();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['offset-out-of-band', 'servo-not-locked', 'port-faulty', 'grandmaster-changed', 'gm-clock-class-not-locked', 'tx-timestamp-timeout', 'phc2sys-offset-high', 'phc2sys-absent', 'ts2phc-holdover', 'device-offline']));
    expect(rules.find((r) => r.id === 'offset-out-of-band')).toMatchObject({ value: 100, nOfM: { n: 8, m: 10 }, clearAt: 50 });
  });

  it('round-trip through a JSON rule file with its format version', () => {
    const file = JSON.parse(JSON.stringify(ruleFile(defaultRules())));
    expect(RuleFile.parse(file).rules).toEqual(defaultRules());
    expect(RuleFile.safeParse({ ...file, version: 2 }).success).toBe(false);
  });

  it('refuse a hysteresis on the wrong side, an unknown metric and N above M, naming the field', () => {
    const base = { id: 'x', name: 'x', severity: 'warning', kind: 'threshold', metric: 'ptp.offset_from_master', op: '>', value: 100 };
    expect(AlarmRule.safeParse({ ...base, clearAt: 200 }).error?.issues.some((i) => i.path.includes('clearAt'))).toBe(true);
    expect(AlarmRule.safeParse({ ...base, metric: 'ptp.nope' }).success).toBe(false);
    expect(AlarmRule.safeParse({ ...base, nOfM: { n: 5, m: 3 } }).success).toBe(false);
    expect(AlarmRule.safeParse({ ...base, id: 'Has Spaces' }).success).toBe(false);
  });
});

describe('consistency with device settings', () => {
  it('warn that a 100 ns in-spec limit ends a 4-hour holdover after about 17 min, and say why in both languages', () => {
    const [w, ...rest] = checkConsistency(defaultRules().filter((r) => r.id === 'offset-out-of-band'), [{ name: 'tgm-1', pollIntervalMs: 1000, holdoverS: 14_400, holdoverDriftPpb: 0.1 }]);
    expect(rest).toEqual([]);
    expect(w).toMatchObject({ ruleId: 'offset-out-of-band', device: 'tgm-1', warning: { messageId: 'alarms.warn-ends-holdover-early' } });
    expect(w!.warning.message).toContain('after about 17 min');
    expect(w!.warning.message).toContain('14400 s');
  });

  it('warn when a limit lies beyond the step threshold or below the servo threshold, or a duration is shorter than polling', () => {
    const rules = [AlarmRule.parse({ id: 'big', name: 'Big', severity: 'critical', kind: 'threshold', metric: 'ptp.offset_from_master', op: '>', abs: true, value: 2e8, forMs: 500 }), AlarmRule.parse({ id: 'small', name: 'Small', severity: 'warning', kind: 'threshold', metric: 'ptp.servo_offset', op: '>', abs: true, value: 20 })];
    const ids = checkConsistency(rules, [{ name: 'bc-1', pollIntervalMs: 1000, stepThresholdS: 0.1, servoOffsetThresholdNs: 30 }]).map((w) => `${w.ruleId}:${w.warning.messageId}`);
    expect(ids).toEqual(['big:alarms.warn-for-below-poll', 'big:alarms.warn-above-step-threshold', 'small:alarms.warn-below-servo-threshold']);
  });
});
