import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parsePollOutput, SECTION_MARK } from '../../../shared/tsn/stats/poll-output';
import { StatsReadings } from '../../../shared/tsn/stats/stats-readings';
import { CatalogMetrics } from '../metrics/catalog-metrics';

const fixture = (name: string) => readFileSync(new URL(`../../../shared/tsn/stats/fixtures/${name}`, import.meta.url), 'utf8');

describe('TSN and system series on /metrics', () => {
  it('exports qdisc, class, queue and netdev counters with device, interface, handle/class/queue labels, and promtool accepts the page', async () => {
    const registry = new Registry();
    const metrics = new CatalogMetrics(registry);
    const b = new StatsReadings('dev-1');
    const text = [
      `${SECTION_MARK} qdisc`,
      fixture('tc-6.1-qdisc-htb-pfifo-drops.json').replaceAll('"handle":', '"dev":"v0","handle":'),
      `${SECTION_MARK} class v0`,
      fixture('tc-6.1-class-htb-j-prints-text.txt'),
      `${SECTION_MARK} ethtool-S v0`,
      fixture('ethtool-igc-S.txt'),
      `${SECTION_MARK} netdev`,
      fixture('proc-net-dev-host.txt'),
      `${SECTION_MARK} loadavg`,
      '0.50 0.40 0.30 1/100 42',
    ].join('\n');
    const { readings } = b.build(parsePollOutput(text, ['v0']), new Map([['v0', ['qdisc']]]), 1_000_000);
    metrics.record('lab-t1', readings);
    const page = await registry.metrics();
    expect(page).toContain('syncscope_tsn_qdisc_drops_total{device="lab-t1",instance_name="tsn",interface="v0",handle="10:",parent="1:10",kind="pfifo"} 191');
    expect(page).toContain('syncscope_tsn_qdisc_backlog_bytes{device="lab-t1",instance_name="tsn",interface="v0",handle="1:",parent="root",kind="htb"} 5768');
    expect(page).toContain('syncscope_tsn_class_drops_total{device="lab-t1",instance_name="tsn",interface="v0",class="1:10",parent="1:1",kind="htb"} 282');
    expect(page).toContain('syncscope_tsn_queue_packets_total{device="lab-t1",instance_name="tsn",interface="v0",queue="1",direction="tx"} 1001');
    expect(page).toContain('syncscope_device_load1{device="lab-t1",instance_name="system"} 0.5');
    expect(page).toMatch(/syncscope_device_network_receive_bytes_total\{device="lab-t1",instance_name="system",interface="lo"\} \d+/);
    // Rates are Syncscope's own view; Prometheus computes its own from the counters.
    expect(page).not.toContain('bit_rate');
    if (existsSync('/usr/bin/promtool')) execFileSync('/usr/bin/promtool', ['check', 'metrics'], { input: page });
  });
});
