import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { execFile, execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultRules } from '../../../shared/alarms/default-rules';
import { prometheusRulesYaml } from '../../../shared/alarms/prometheus-rules';
import { AlarmRule } from '../../../shared/alarms/rule-schema';
import { skipUnlessAvailable } from '../../../test/support/skip';

const run = promisify(execFile);
function promtoolMissing(): string | null {
  try {
    execFileSync('promtool', ['--version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'promtool is not installed (Debian package prometheus)';
  }
}
const skip = skipUnlessAvailable('Prometheus rule export', promtoolMissing());
const dir = mkdtempSync(join(tmpdir(), 'syncscope-promrules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function promtool(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run('promtool', args, { cwd: dir });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, out: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe.skipIf(skip !== null)('Prometheus alerting rules export', () => {
  it('passes promtool check rules for the default set and for scoped, labelled and hysteresis rules', async () => {
    const extra = [
      AlarmRule.parse({ id: 'lab-offset', name: 'Lab "offset"', severity: 'critical', kind: 'threshold', metric: 'ptp.offset_from_master', op: '>', abs: true, value: 1000, forMs: 5000, clearAt: 500, clearForMs: 10_000, scope: { devices: ['s1.lab', 'gm-1'], match: 'bc-*' } }),
      AlarmRule.parse({ id: 'rx-sync', name: 'rx Sync stuck', severity: 'warning', kind: 'rate', metric: 'ptp.port_messages', labels: { counter: 'rx_Sync', port: '1' }, perSecond: 100 }),
    ];
    const file = join(dir, 'syncscope.rules.yml');
    writeFileSync(file, prometheusRulesYaml([...defaultRules(), ...extra]));
    const r = await promtool('check', 'rules', file);
    expect(r.out).toMatch(/SUCCESS: \d+ rules found/);
    expect(r.code).toBe(0);
  });

  it('fires the hysteresis rule after 5 s beyond 1 µs and holds it in the band, as promtool test rules evaluates it', async () => {
    const rule = AlarmRule.parse({ id: 'offset', name: 'Offset', severity: 'critical', kind: 'threshold', metric: 'ptp.offset_from_master', op: '>', abs: true, value: 1000, forMs: 5000, clearAt: 500 });
    writeFileSync(join(dir, 'offset.rules.yml'), prometheusRulesYaml([rule]));
    // 1 s samples: 2 µs for 20 s, then 700 ns (the band) for 20 s, then 100 ns.
    const series = ['2e-6', ...Array(19).fill('2e-6'), ...Array(20).fill('7e-7'), ...Array(20).fill('1e-7')].join(' ');
    const alert = (t: string, firing: boolean) => `      - eval_time: ${t}\n        alertname: SyncscopeOffset\n        exp_alerts:${firing ? `\n          - exp_labels: { severity: critical, syncscope_rule: offset, device: s1, instance_name: ptp4l }\n            exp_annotations: { summary: "Offset on s1" }` : ' []'}`;
    writeFileSync(
      join(dir, 'offset.test.yml'),
      ['rule_files: [offset.rules.yml]', 'evaluation_interval: 1s', 'tests:', '  - interval: 1s', '    input_series:', `      - series: 'syncscope_ptp_offset_from_master_seconds{device="s1", instance_name="ptp4l"}'`, `        values: '${series}'`, '    alert_rule_test:', alert('3s', false), alert('10s', true), alert('30s', true), alert('50s', false)].join('\n') + '\n',
    );
    const r = await promtool('test', 'rules', 'offset.test.yml');
    expect(r.out).toContain('SUCCESS');
    expect(r.code).toBe(0);
  });
});
