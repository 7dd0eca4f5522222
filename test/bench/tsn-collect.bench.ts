import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { CatalogMetrics } from '../../electron/core/metrics/catalog-metrics';
import { openStore } from '../../electron/core/store/open-store';
import { SECTION_MARK, parsePollOutput, splitSections } from '../../shared/tsn/stats/poll-output';
import { StatsReadings, type InterfaceReason } from '../../shared/tsn/stats/stats-readings';
import type { BenchResult } from './poll-transport.bench';

/**
 * Console CPU of TSN and system statistics (issue 9 aims at < 1 % of one core) for 10 devices × 4
 * interfaces × 8 queues at 1 Hz: each device's one-exec poll output (tc -s -j qdisc show with a
 * taprio root and 8 pfifo children per interface, 8 taprio classes, ethtool -S with 8 tx + 8 rx
 * queues in igc's naming plus driver counters, and this machine's /proc files) with counters that
 * advance every second, through section splitting, parsing, rate computation across resets and
 * reading building; then the same again with what the engine does with the readings: appended to a
 * real store (openStore in a temporary folder, its write queue flushed every simulated second as its
 * 250 ms timer would) and recorded into the /metrics catalog (CatalogMetrics), the page rendered at
 * every Prometheus scrape (every 15 s). Baseline in the same run: only JSON.parse of the same tc JSON
 * and a line split of the rest (what reading the output costs before anything is understood).
 */
const DEVICES = 10;
const IFACES = ['eth0', 'eth1', 'eth2', 'eth3'];
const QUEUES = 8;
const SECONDS = 60;
/** A common Prometheus scrape_interval: /metrics is rendered this often. */
const SCRAPE_EVERY_S = 15;

const FIXTURES = join(__dirname, '../../shared/tsn/stats/fixtures');
const proc = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function qdiscJson(s: number): string {
  const out: string[] = [];
  for (const dev of IFACES) {
    out.push(`{"kind":"taprio","handle":"100:","dev":"${dev}","root":true,"refcnt":9,"options":{"tc":8,"map":[0,1,2,3,4,5,6,7,0,0,0,0,0,0,0,0],"queues":[{"offset":0,"count":1},{"offset":1,"count":1},{"offset":2,"count":1},{"offset":3,"count":1},{"offset":4,"count":1},{"offset":5,"count":1},{"offset":6,"count":1},{"offset":7,"count":1}],"clockid":"TAI","base_time":1528743495910289987,"cycle_time":1000000,"cycle_time_extension":0,"schedule":[{"index":0,"cmd":"S","gatemask":"0x1","interval":500000},{"index":1,"cmd":"S","gatemask":"0xfe","interval":500000}]},"bytes":${1_000_000 + s * 125_000},"packets":${10_000 + s * 900},"drops":${s * 3},"overlimits":0,"requeues":${s},"backlog":${(s % 4) * 1514},"qlen":${s % 4}}`);
    for (let q = 1; q <= QUEUES; q++) out.push(`{"kind":"pfifo","handle":"0:","dev":"${dev}","parent":"100:${q}","options":{"limit":1000},"bytes":${q * 1000 + s * 15_000},"packets":${q * 10 + s * 110},"drops":${s % 7 === 0 ? s : 0},"overlimits":0,"requeues":0,"backlog":0,"qlen":0}`);
  }
  return `[${out.join(',')}]`;
}

function classJson(dev: string, s: number): string {
  const out: string[] = [];
  for (let q = 1; q <= QUEUES; q++) out.push(`{"class":"taprio","handle":"100:${q}","root":true,"leaf":"${8000 + q}:","bytes":${q * 1000 + s * 15_000},"packets":${q * 10 + s * 110},"drops":0,"overlimits":0,"requeues":0,"backlog":0,"qlen":0,"window_drops":${s % 11},"tx_overruns":0}`);
  return `[${out.join(',')}]`;
}

function ethtool(s: number): string {
  const lines = ['NIC statistics:', `     rx_packets: ${s * 1000}`, `     tx_packets: ${s * 900}`, `     rx_bytes: ${s * 1_400_000}`, `     tx_bytes: ${s * 1_200_000}`];
  for (let i = 0; i < 16; i++) lines.push(`     driver_counter_${i}: ${s * i}`);
  for (const dir of ['tx', 'rx']) {
    for (let q = 0; q < QUEUES; q++) {
      lines.push(`     ${dir}_queue_${q}_packets: ${s * 110 + q}`, `     ${dir}_queue_${q}_bytes: ${s * 150_000 + q}`);
      lines.push(dir === 'tx' ? `     tx_queue_${q}_restart: 0` : `     rx_queue_${q}_drops: ${s % 5}`);
    }
  }
  return lines.join('\n');
}

function pollText(s: number, stat: string, meminfo: string, netdev: string): string {
  const parts = [`${SECTION_MARK} qdisc`, qdiscJson(s)];
  for (const dev of IFACES) parts.push(`${SECTION_MARK} class ${dev}`, classJson(dev, s), `${SECTION_MARK} ethtool-S ${dev}`, ethtool(s));
  const cpu = `cpu  ${1000 + s * 30} 0 ${500 + s * 10} ${100_000 + s * 160} 10 0 5 0 0 0\ncpu0 ${500 + s * 15} 0 250 50000 5 0 2 0 0 0\ncpu1 ${500 + s * 15} 0 250 50000 5 0 3 0 0 0\n`;
  parts.push(`${SECTION_MARK} stat`, cpu + stat.split('\n').filter((l) => !l.startsWith('cpu')).join('\n'), `${SECTION_MARK} meminfo`, meminfo, `${SECTION_MARK} loadavg`, '0.52 0.58 0.59 1/467 12345', `${SECTION_MARK} netdev`, netdev);
  return parts.join('\n');
}

export async function benchTsnCollect(): Promise<BenchResult> {
  const stat = proc('proc-stat-host.txt');
  const meminfo = proc('proc-meminfo-host.txt');
  const netdevBase = proc('proc-net-dev-host.txt');
  // Texts made before timing: second s of device d (each device's counters move on its own).
  const texts: string[][] = [];
  for (let s = 0; s < SECONDS; s++) {
    const netdev = `${netdevBase.trimEnd()}\n${IFACES.map((i, n) => `  ${i}: ${s * 1_400_000 + n} ${s * 1000} 0 0 0 0 0 0 ${s * 1_200_000} ${s * 900} 0 0 0 0 0 0`).join('\n')}\n`;
    const text = pollText(s, stat, meminfo, netdev);
    texts.push(Array.from({ length: DEVICES }, () => text));
  }
  const chosen = new Map<string, InterfaceReason[]>(IFACES.map((i) => [i, ['qdisc']]));
  let values = 0;
  const collect = () => {
    const builders = Array.from({ length: DEVICES }, (_, d) => new StatsReadings(`dev-${d}`));
    for (let s = 0; s < SECONDS; s++) {
      for (let d = 0; d < DEVICES; d++) {
        const out = parsePollOutput(texts[s]![d]!, IFACES);
        const { readings } = builders[d]!.build(out, chosen, (1_700_000_000 + s) * 1e6);
        values += readings.reduce((n, r) => n + r.values.length, 0);
      }
    }
  };
  const baseline = () => {
    for (let s = 0; s < SECONDS; s++) {
      for (let d = 0; d < DEVICES; d++) {
        for (const [key, body] of splitSections(texts[s]![d]!)) {
          if (key === 'qdisc' || key.startsWith('class ')) JSON.parse(body);
          else body.split('\n');
        }
      }
    }
  };
  // The engine's path after collection: a real store and the /metrics catalog, made before timing.
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-bench-tsn-'));
  const store = openStore(join(dir, 'store'));
  const deviceIds = Array.from({ length: DEVICES }, (_, d) => store.devices.add({ transport: 'local', name: `bench-${d}`, pollIntervalMs: 1000 }).id);
  const registry = new Registry();
  const metrics = new CatalogMetrics(registry);
  let pageBytes = 0;
  let minute = 0;
  /** CPU ms spent in each part of the engine's path, over the timed rounds. */
  const part = { store: 0, record: 0, render: 0 };
  const cpuMsSince = (c: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  };
  const collectStoreExport = async () => {
    const builders = deviceIds.map((id) => new StatsReadings(id));
    const t0 = 1_700_000_000 + minute++ * SECONDS;
    for (let s = 0; s < SECONDS; s++) {
      for (let d = 0; d < DEVICES; d++) {
        const out = parsePollOutput(texts[s]![d]!, IFACES);
        const { readings } = builders[d]!.build(out, chosen, (t0 + s) * 1e6);
        let c = process.cpuUsage();
        store.series.appendReadings(readings);
        part.store += cpuMsSince(c);
        c = process.cpuUsage();
        metrics.record(`bench-${d}`, readings);
        part.record += cpuMsSince(c);
      }
      let c = process.cpuUsage();
      store.series.flush();
      part.store += cpuMsSince(c);
      if (s % SCRAPE_EVERY_S === 0) {
        c = process.cpuUsage();
        pageBytes = (await registry.metrics()).length;
        part.render += cpuMsSince(c);
      }
    }
  };
  const timeAsync = async (fn: () => Promise<void>, rounds: number) => {
    await fn();
    part.store = part.record = part.render = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) await fn();
    const wallMs = (performance.now() - t0) / rounds;
    return { wallMs, cpuMs: cpuMsSince(cpu0) / rounds };
  };
  const time = (fn: () => void, rounds: number) => {
    fn();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) fn();
    const wallMs = (performance.now() - t0) / rounds;
    const cpu = process.cpuUsage(cpu0);
    return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 / rounds };
  };
  const rounds = 5;
  const base = time(baseline, rounds);
  values = 0;
  const full = time(collect, rounds);
  const perPollValues = values / (rounds * SECONDS * DEVICES);
  const stored = await timeAsync(collectStoreExport, rounds);
  store.close();
  rmSync(dir, { recursive: true, force: true });
  // One simulated minute of 1 Hz collection took cpuMs: the share of one core is cpuMs / 60 s.
  const pct = (ms: number) => ((ms / (SECONDS * 1000)) * 100).toFixed(3);
  const bytes = texts[0]![0]!.length;
  return {
    name: `TSN + system statistics: ${DEVICES} devices × ${IFACES.length} interfaces × ${QUEUES} queues at 1 Hz (${SECONDS} s simulated, ${(bytes / 1024).toFixed(1)} KiB poll output, ${perPollValues.toFixed(0)} values per poll)`,
    lines: [
      `baseline JSON.parse + line split only: ${base.cpuMs.toFixed(1)} ms CPU per simulated minute = ${pct(base.cpuMs)} % of one core`,
      `split + parse + rates + readings     : ${full.cpuMs.toFixed(1)} ms CPU per simulated minute = ${pct(full.cpuMs)} % of one core (${(full.cpuMs / base.cpuMs).toFixed(2)}x baseline; aim < 1 %)`,
      `+ store writes + /metrics every ${SCRAPE_EVERY_S} s : ${stored.cpuMs.toFixed(1)} ms CPU per simulated minute = ${pct(stored.cpuMs)} % of one core (${(stored.cpuMs / base.cpuMs).toFixed(2)}x baseline; aim < 1 %: ${Number(pct(stored.cpuMs)) < 1 ? 'met' : 'NOT met'}; /metrics page ${(pageBytes / 1024).toFixed(0)} KiB)`,
      `  of which store appendReadings + flush ${(part.store / rounds).toFixed(1)} ms, /metrics record ${(part.record / rounds).toFixed(1)} ms, /metrics render ${(part.render / rounds).toFixed(1)} ms per simulated minute`,
      `per device poll                      : ${((full.cpuMs / (SECONDS * DEVICES)) * 1000).toFixed(0)} µs CPU (${((full.wallMs / (SECONDS * DEVICES)) * 1000).toFixed(0)} µs wall); with store and /metrics ${((stored.cpuMs / (SECONDS * DEVICES)) * 1000).toFixed(0)} µs CPU (${((stored.wallMs / (SECONDS * DEVICES)) * 1000).toFixed(0)} µs wall)`,
    ],
  };
}

if (require.main === module) {
  void benchTsnCollect().then((r) => {
    console.log(r.name);
    for (const l of r.lines) console.log(`  ${l}`);
  });
}
