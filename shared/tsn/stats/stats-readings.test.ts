import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECTION_MARK, parsePollOutput } from './poll-output';
import { StatsReadings, SYSTEM_INSTANCE, TSN_INSTANCE, type InterfaceReason } from './stats-readings';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function poll(qdisc: string, opts: { classes?: string; ethtool?: string; stat?: string; netdev?: string; bootId?: string } = {}): string {
  const parts = [`${SECTION_MARK} qdisc`, qdisc];
  if (opts.classes !== undefined) parts.push(`${SECTION_MARK} class v0`, opts.classes);
  if (opts.ethtool !== undefined) parts.push(`${SECTION_MARK} ethtool-S v0`, opts.ethtool);
  if (opts.stat !== undefined) parts.push(`${SECTION_MARK} stat`, opts.stat);
  if (opts.netdev !== undefined) parts.push(`${SECTION_MARK} netdev`, opts.netdev);
  if (opts.bootId !== undefined) parts.push(`${SECTION_MARK} bootid`, opts.bootId);
  return parts.join('\n');
}

const V0 = new Map<string, InterfaceReason[]>([['v0', ['qdisc']]]);
const valueOf = (r: ReturnType<StatsReadings['build']>, metric: string, match: Record<string, string>) =>
  r.readings.flatMap((x) => x.values).find((v) => v.metric === metric && Object.entries(match).every(([k, want]) => v.labels?.[k] === want))?.value;

describe('readings and rates of a TSN poll', () => {
  it('stores counters, gauges and per-second rates labelled by interface, handle, parent and kind', () => {
    const b = new StatsReadings('dev-1');
    const q1 = '[{"kind":"htb","handle":"1:","dev":"v0","root":true,"options":{},"bytes":1000,"packets":10,"drops":0,"overlimits":0,"requeues":0,"backlog":0,"qlen":0}]';
    const q2 = '[{"kind":"htb","handle":"1:","dev":"v0","root":true,"options":{},"bytes":3000,"packets":14,"drops":6,"overlimits":2,"requeues":0,"backlog":2884,"qlen":2}]';
    const first = b.build(parsePollOutput(poll(q1), ['v0']), V0, 1_000_000);
    expect(first.readings.map((r) => r.instance)).toEqual([TSN_INSTANCE]);
    expect(valueOf(first, 'tsn.qdisc.bit_rate', { handle: '1:' })).toBeUndefined();
    const second = b.build(parsePollOutput(poll(q2), ['v0']), V0, 3_000_000);
    const labels = { interface: 'v0', handle: '1:', parent: 'root', kind: 'htb' };
    expect(valueOf(second, 'tsn.qdisc.drops', labels)).toBe(6);
    expect(valueOf(second, 'tsn.qdisc.backlog', labels)).toBe(2884);
    expect(valueOf(second, 'tsn.qdisc.qlen', labels)).toBe(2);
    expect(valueOf(second, 'tsn.qdisc.bit_rate', labels)).toBe(8000);
    expect(valueOf(second, 'tsn.qdisc.drop_rate', labels)).toBe(3);
    expect(second.state.interfaces[0]?.qdiscs[0]?.rates).toEqual({ bitRate: 8000, packetRate: 2, dropRate: 3 });
    expect(second.events).toEqual([]);
  });

  it('makes a qdisc replaced under the same handle a counter-reset event and no rate, never a negative one', () => {
    const b = new StatsReadings('dev-1');
    const json = fixture('tc-6.1-qdisc-htb-pfifo-drops.json').replaceAll('"handle":', '"dev":"v0","handle":');
    b.build(parsePollOutput(poll(json), ['v0']), V0, 1_000_000);
    const replaced = json.replace('"bytes":4618,"packets":7,"drops":191', '"bytes":100,"packets":1,"drops":0');
    const r = b.build(parsePollOutput(poll(replaced), ['v0']), V0, 2_000_000);
    const rates = r.readings.flatMap((x) => x.values).filter((v) => v.metric.endsWith('_rate'));
    expect(rates.every((v) => (v.value ?? 0) >= 0)).toBe(true);
    expect(valueOf(r, 'tsn.qdisc.bit_rate', { handle: '1:' })).toBeUndefined();
    expect(r.events).toEqual([expect.objectContaining({ kind: 'counter-reset', instance: TSN_INSTANCE, to: 'qdisc 1:', detail: expect.objectContaining({ interface: 'v0', reason: 'went-back', counter: 'tsn.qdisc.bytes', from: 4618, to: 100 }) })]);
  });

  it('makes a reboot (a new boot_id) one device event, not one per counter; a stepped clock (new btime, same boot) is no reboot', () => {
    const b = new StatsReadings('dev-1');
    const stat = (boot: number, busy: number) => `cpu  ${busy} 0 0 1000 0 0 0 0 0 0\nbtime ${boot}\n`;
    const netdev = (rx: number) => `Inter-|\n face |\n  v0: ${rx} 10 0 0 0 0 0 0 500 5 0 0 0 0 0 0\n`;
    const bootA = '1f0e4c2a-3b5d-4e6f-8a9b-0c1d2e3f4a5b';
    const bootB = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    b.build(parsePollOutput(poll('[]', { stat: stat(1700000000, 100), netdev: netdev(5000), bootId: bootA }), ['v0']), V0, 1_000_000);
    const stepped = b.build(parsePollOutput(poll('[]', { stat: stat(1700000037, 200), netdev: netdev(6000), bootId: bootA }), ['v0']), V0, 2_000_000);
    expect(stepped.events).toEqual([]);
    expect(valueOf(stepped, 'system.net.rx_bit_rate', { interface: 'v0' })).toBe(8000);
    const r = b.build(parsePollOutput(poll('[]', { stat: stat(1700000900, 10), netdev: netdev(9000), bootId: bootB }), ['v0']), V0, 3_000_000);
    expect(r.events).toEqual([expect.objectContaining({ kind: 'counter-reset', to: 'all counters', detail: expect.objectContaining({ reason: 'reboot', bootId: bootB }) })]);
    // The counter passed its old value, yet no rate: the device started over.
    expect(valueOf(r, 'system.net.rx_bit_rate', { interface: 'v0' })).toBeUndefined();
    expect(r.readings.find((x) => x.instance === SYSTEM_INSTANCE)?.values.find((v) => v.metric === 'system.cpu_busy')).toBeUndefined();
  });

  it('reads per-queue counters and taprio per-class offload counters into series', () => {
    const b = new StatsReadings('dev-1');
    const out = parsePollOutput(poll('[]', { classes: fixture('tc-taprio-offload-class.json'), ethtool: fixture('ethtool-enetc-S.txt') }), ['v0']);
    const r = b.build(out, V0, 1_000_000);
    expect(valueOf(r, 'tsn.class.window_drops', { class: '8001:1' })).toBe(12);
    expect(valueOf(r, 'tsn.class.tx_overruns', { class: '8001:1' })).toBe(3);
    expect(valueOf(r, 'tsn.queue.window_drops', { queue: '0', direction: 'tx' })).toBe(7);
    expect(valueOf(r, 'tsn.queue.packets', { queue: '0', direction: 'rx' })).toBe(500);
    expect(r.state.interfaces[0]?.queues.find((q) => q.direction === 'tx' && q.queue === 0)?.rawNames.window_drops).toBe('Tx window drop  0 frames');
  });
});
