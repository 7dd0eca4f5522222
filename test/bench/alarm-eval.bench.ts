import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlarmBook } from '../../shared/alarms/alarm-book';
import { AlarmEvaluator } from '../../shared/alarms/evaluator';
import { AlarmRule, type AlarmRuleInput } from '../../shared/alarms/rule-schema';
import type { EventMessage } from '../../shared/contract/events';
import type { MetricKey } from '../../shared/series/metric-catalog';
import type { Reading, ReadingValue } from '../../shared/series/series';
import { Engine } from '../../electron/core/engine';
import { createLogger } from '../../electron/core/log';
import type { BenchResult } from './poll-transport.bench';

/**
 * Alarm evaluation at issue 10's scale: 1,000 devices × 20 series at 1 Hz (20,000 values a second)
 * against 200 rules of every kind, many scoped to groups of devices.
 * - CPU: 60 s of that load through the evaluator and the alarm book (what the engine's alarm service
 *   runs per reading), as a fraction of one core; baseline in the same run: a bare loop over the same
 *   readings (reading each value once).
 * - Latency: a real collecting engine (temp data folder, SQLite) fed the load in real time through its
 *   event stream, as collection feeds it; a device's offset jumps beyond 1 µs and we time emit →
 *   `alarms.changed` (firing). Baseline: emit → a plain subscriber's next event-loop turn after the same second's batch.
 */

const DEVICES = 1000;
const ids = Array.from({ length: DEVICES }, (_, i) => `dev-${String(i).padStart(4, '0')}`);

/** 20 series per device: the PTP data sets and servo lines a slave reports each second. */
const SERIES: { metric: MetricKey; labels?: Record<string, string>; value: (t: number, d: number) => number }[] = [
  { metric: 'ptp.offset_from_master', value: (t, d) => 30 * Math.sin(t / 7 + d) },
  { metric: 'ptp.master_offset', value: (t, d) => 25 * Math.sin(t / 5 + d) },
  { metric: 'ptp.mean_path_delay', value: () => 1200 },
  { metric: 'ptp.steps_removed', value: () => 1 },
  { metric: 'ptp.port_state', labels: { port: '1' }, value: () => 9 },
  { metric: 'ptp.gm_clock_class', value: () => 6 },
  { metric: 'ptp.rate_offset', value: (t) => 0.1 * Math.cos(t) },
  { metric: 'ptp.freq', value: (t, d) => -1200 + d },
  { metric: 'ptp.gm_present', value: () => 1 },
  { metric: 'ptp.gm_clock_accuracy', value: () => 0x21 },
  { metric: 'ptp.gm_offset_scaled_log_variance', value: () => 0x4e5d },
  { metric: 'ptp.gm_priority1', value: () => 128 },
  { metric: 'ptp.gm_priority2', value: () => 128 },
  { metric: 'ptp.clock_class', value: () => 255 },
  { metric: 'ptp.port_messages', labels: { port: '1', counter: 'rx_Sync' }, value: (t) => t * 8 },
  { metric: 'ptp.port_messages', labels: { port: '1', counter: 'tx_Delay_Req' }, value: (t) => t * 8 },
  { metric: 'ptp.port_service_stats', labels: { port: '1', counter: 'sync_timeout' }, value: () => 0 },
  { metric: 'ptp.port_service_stats', labels: { port: '1', counter: 'announce_timeout' }, value: () => 0 },
  { metric: 'ptp.servo_offset', value: (t, d) => 20 * Math.sin(t / 3 + d) },
  { metric: 'ptp.servo_state', value: () => 2 },
];

function readingOf(d: number, t: number, tMs: number): Reading {
  const values: ReadingValue[] = SERIES.map((s) => ({ metric: s.metric, ...(s.labels ? { labels: s.labels } : {}), value: s.value(t, d), flags: 0 }));
  return { deviceId: ids[d] ?? '', instance: 'ptp4l', tUs: tMs * 1000, deviceTimeNs: null, values };
}

/** 200 rules: thresholds with hysteresis and N of M on the gauges, states, rates, absences, changes, lines; half global, half on a group. */
function rules(): AlarmRule[] {
  const out: AlarmRuleInput[] = [];
  const gauges: MetricKey[] = ['ptp.offset_from_master', 'ptp.master_offset', 'ptp.servo_offset', 'ptp.mean_path_delay', 'ptp.freq', 'ptp.rate_offset'];
  for (let i = 0; i < 120; i++) {
    const metric = gauges[i % gauges.length] as MetricKey;
    const scope = i % 2 === 0 ? {} : { match: `dev-0${i % 10}*` };
    out.push({ id: `t${i}`, name: `threshold ${i}`, severity: i % 3 ? 'warning' : 'critical', kind: 'threshold', metric, op: '>', abs: true, value: 1000 + i * 10, clearAt: 500, forMs: (i % 4) * 1000, clearForMs: 5000, scope, ...(i % 5 === 4 ? { nOfM: { n: 3, m: 5 } } : {}) });
  }
  for (let i = 0; i < 30; i++) out.push({ id: `s${i}`, name: `state ${i}`, severity: 'critical', kind: 'state', metric: i % 2 ? 'ptp.port_state' : 'ptp.servo_state', expected: i % 2 ? [6, 9, 10] : [2, 3], forMs: 5000, scope: i % 2 ? {} : { match: `dev-${i % 10}*` } });
  for (let i = 0; i < 20; i++) out.push({ id: `r${i}`, name: `rate ${i}`, severity: 'warning', kind: 'rate', metric: i % 2 ? 'ptp.port_service_stats' : 'ptp.port_messages', labels: i % 2 ? { counter: 'sync_timeout' } : { counter: 'rx_Sync' }, perSecond: i % 2 ? 0 : 100 });
  for (let i = 0; i < 10; i++) out.push({ id: `a${i}`, name: `absence ${i}`, severity: 'warning', kind: 'absence', of: 'series', metric: gauges[i % gauges.length] as MetricKey, forMs: 10_000 });
  for (let i = 0; i < 20; i++) out.push(i % 2 ? { id: `c${i}`, name: `change ${i}`, severity: 'warning', kind: 'change', event: 'gm-change' } : { id: `l${i}`, name: `line ${i}`, severity: 'critical', kind: 'line', event: 'notice', to: ['tx-timestamp-timeout'] });
  return out.map((r) => AlarmRule.parse(r));
}

export function cpuFraction(seconds: number): { evalMs: number; baseMs: number; firstSecondMs: number; fired: number } {
  const evaluator = new AlarmEvaluator();
  const all = rules();
  const byId = new Map(all.map((r) => [r.id, r]));
  let n = 0;
  const book = new AlarmBook({ newId: () => String(++n), rule: (id) => byId.get(id), deviceName: (id) => id });
  evaluator.setRules(all);
  evaluator.setDevices(ids.map((id) => ({ id, name: id })), 0);
  const t0Ms = Date.now();
  let sum = 0;
  let baseMs = 0;
  let evalMs = 0;
  let firstSecondMs = 0;
  let fired = 0;
  for (let t = 0; t < seconds; t++) {
    // Each second's readings are made untimed (collection made them); timed: what evaluation adds, and the bare loop.
    const batch = ids.map((_, d) => readingOf(d, t, t0Ms + t * 1000));
    const b0 = performance.now();
    for (const r of batch) for (const v of r.values) sum += v.value ?? 0;
    const e0 = performance.now();
    for (const r of batch) {
      const signals = evaluator.feed({ type: 'readings', readings: [r] });
      if (signals.length) fired += book.apply(signals).length;
    }
    const ticked = evaluator.tick(t0Ms + t * 1000 + 999);
    if (ticked.length) fired += book.apply(ticked).length;
    fired += book.tick(t0Ms + t * 1000 + 999).length;
    const e1 = performance.now();
    // The first second also builds every series' slot (which rules watch it): a one-time cost per new series.
    if (t === 0) firstSecondMs = e1 - e0;
    else {
      baseMs += e0 - b0;
      evalMs += e1 - e0;
    }
  }
  if (sum === Number.MAX_VALUE) console.log(sum);
  return { evalMs: evalMs / ((seconds - 1) / seconds), baseMs: baseMs / ((seconds - 1) / seconds), firstSecondMs, fired };
}

async function firingLatency(seconds: number): Promise<{ latenciesMs: number[]; baselineMs: number[]; cpuPct: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-alarm-bench-'));
  const engine = new Engine({ dataDir: dir, processMetrics: false, log: createLogger({ level: 'silent' }) });
  try {
    await engine.handlers['alarms.rules.import']({ file: { format: 'syncscope-alarm-rules', version: 1, rules: rules() }, mode: 'replace' }, { origin: 'test' });
    engine.alarms.service?.start();
    const waiting = new Map<string, (t: number) => void>();
    engine.subscribe((m: EventMessage) => {
      if (m.event !== 'alarms.changed') return;
      for (const a of m.payload.alarms) if (a.state === 'firing' && a.ruleId === 't0') waiting.get(a.deviceId ?? '')?.(performance.now());
    });
    const latenciesMs: number[] = [];
    const baselineMs: number[] = [];
    const t0Ms = Date.now();
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    for (let t = 0; t < seconds; t++) {
      const tMs = t0Ms + t * 1000;
      const victim = (t * 37) % DEVICES;
      for (let d = 0; d < DEVICES; d++) {
        const r = readingOf(d, t, tMs);
        if (d === victim && t >= 2) (r.values[0] as ReadingValue).value = 50_000;
        engine.emit({ event: 'series.readings', payload: { deviceId: r.deviceId, readings: [r] } });
      }
      if (t >= 2) {
        // The triggering sample went out last of this second's batch: time it to the alarm (t0 is global, forMs 0).
        const sent = performance.now();
        const fired = new Promise<number>((ok) => {
          waiting.set(ids[victim] ?? '', ok);
          setTimeout(() => ok(Number.POSITIVE_INFINITY), 5000);
        });
        const turn = new Promise<number>((ok) => setImmediate(() => ok(performance.now())));
        baselineMs.push((await turn) - sent);
        latenciesMs.push((await fired) - sent);
      }
      const next = w0 + (t + 1) * 1000;
      await new Promise((ok) => setTimeout(ok, Math.max(0, next - performance.now())));
    }
    const cpu = process.cpuUsage(cpu0);
    const wallMs = performance.now() - w0;
    return { latenciesMs, baselineMs, cpuPct: ((cpu.user + cpu.system) / 1000 / wallMs) * 100 };
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

export async function benchAlarmEval(seconds = 60, liveSeconds = 12): Promise<BenchResult> {
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  cpuFraction(5); // warm-up
  const { evalMs, baseMs, firstSecondMs, fired } = cpuFraction(seconds);
  const live = await firingLatency(liveSeconds);
  const evalPct = (evalMs / (seconds * 1000)) * 100;
  return {
    name: `alarm evaluation: ${DEVICES} devices × ${SERIES.length} series at 1 Hz, 200 rules (load ${load})`,
    lines: [
      `baseline  bare loop over ${seconds} s of readings : ${baseMs.toFixed(1)} ms (${((baseMs / (seconds * 1000)) * 100).toFixed(3)} % of a core)`,
      `evaluator + alarm book                      : ${evalMs.toFixed(1)} ms = ${evalPct.toFixed(2)} % of one core (aim < 2 %), ${(evalMs / baseMs).toFixed(1)}x baseline, ${((evalMs * 1e6) / (seconds * DEVICES * SERIES.length)).toFixed(0)} ns per value, ${fired} alarm changes`,
      `first second (building ${DEVICES * SERIES.length} series slots)  : ${firstSecondMs.toFixed(1)} ms, once per new series`,
      `real engine, ${liveSeconds} s live (store, events, queue)  : whole process ${live.cpuPct.toFixed(1)} % of a core including making and emitting the readings`,
      `firing latency after the triggering sample   : p50 ${pct(live.latenciesMs, 50).toFixed(1)} ms, max ${Math.max(...live.latenciesMs).toFixed(1)} ms (aim < 100 ms) over ${live.latenciesMs.length} alarms; baseline next event-loop turn p50 ${pct(live.baselineMs, 50).toFixed(2)} ms`,
    ],
  };
}

if (process.argv[1]?.endsWith('alarm-eval.bench.ts')) {
  void benchAlarmEval().then((r) => {
    console.log(r.name);
    for (const l of r.lines) console.log(`  ${l}`);
  });
}
