import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClasses, parseQdiscs } from './tc-parse';
import { isConfiguredRoot } from './tc-stats';
import { repairUnlabelledObjects } from './tc-json';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('tc -s qdisc show', () => {
  it('reads htb shaping drops and backlog from real iproute2 6.1 JSON and text alike', () => {
    const json = parseQdiscs(fixture('tc-6.1-qdisc-htb-pfifo-drops.json'));
    expect(json.format).toBe('json');
    expect(json.problems).toEqual([]);
    expect(json.entries.map((q) => [q.kind, q.handle, q.parent, q.root])).toEqual([
      ['htb', '1:', null, true],
      ['pfifo', '10:', '1:10', false],
    ]);
    expect(json.entries[0]).toMatchObject({ bytes: 4618, packets: 7, drops: 191, overlimits: 3, requeues: 0, backlogBytes: 5768, qlen: 4 });
    const text = parseQdiscs(fixture('tc-6.1-qdisc-htb-pfifo-drops.txt'));
    expect(text.format).toBe('text');
    expect(text.problems).toEqual([]);
    // The text was captured a moment before the JSON: same qdiscs, its own numbers.
    expect(text.entries.map((q) => [q.kind, q.handle, q.parent, q.root])).toEqual([
      ['htb', '1:', null, true],
      ['pfifo', '10:', '1:10', false],
    ]);
    expect(text.entries[0]).toMatchObject({ bytes: 6060, packets: 8, drops: 191, overlimits: 4, requeues: 0, backlogBytes: 4326, qlen: 3 });
  });

  it('reads every qdisc of every interface, default and configured, from a dev-less show', () => {
    for (const name of ['tc-6.1-qdisc-all-mq-bfifo-ingress.json', 'tc-6.1-qdisc-all-mq-bfifo-ingress.txt']) {
      const r = parseQdiscs(fixture(name));
      expect(r.problems, name).toEqual([]);
      expect(r.entries.map((q) => `${q.dev}/${q.kind}/${q.handle}/${q.parent ?? 'root'}`), name).toEqual([
        'lo/noqueue/0:/root',
        'v0/mq/1:/root',
        'v0/pfifo_fast/0:/1:4',
        'v0/pfifo_fast/0:/1:3',
        'v0/pfifo_fast/0:/1:1',
        'v0/bfifo/8007:/1:2',
        'v0/ingress/ffff:/ffff:fff1',
      ]);
      expect(r.entries.find((q) => q.kind === 'bfifo')).toMatchObject({ bytes: 72100, packets: 50 });
      expect(r.entries.filter(isConfiguredRoot).map((q) => `${q.dev}/${q.kind}`), name).toEqual(['v0/mq']);
    }
  });

  it('reads tbf and clsact in both printouts', () => {
    const j = parseQdiscs(fixture('tc-6.1-qdisc-tbf-clsact.json'));
    const t = parseQdiscs(fixture('tc-6.1-qdisc-tbf-clsact.txt'));
    for (const r of [j, t]) {
      expect(r.problems).toEqual([]);
      expect(r.entries.map((q) => q.kind)).toEqual(['tbf', 'clsact']);
    }
    expect(t.entries[0]).toMatchObject({ handle: '5:', root: true, bytes: 4326, packets: 3, drops: 97, overlimits: 101 });
  });

  it('keeps taprio offload counters (window_drops, tx_overruns) and hardware bytes from JSON and text', () => {
    const j = parseQdiscs(fixture('tc-taprio-offload-qdisc.json'));
    const t = parseQdiscs(fixture('tc-taprio-offload.txt'));
    for (const r of [j, t]) {
      expect(r.problems).toEqual([]);
      expect(r.entries).toHaveLength(1);
      expect(r.entries[0]).toMatchObject({ kind: 'taprio', handle: '8001:', root: true, bytes: 52000, packets: 400, hwBytes: 52000, hwPackets: 400 });
      expect(r.entries[0]?.xstats).toMatchObject({ window_drops: 12, tx_overruns: 3 });
    }
    expect(j.entries[0]?.offloaded).toBe(true);
    // The text keeps the schedule lines for the config reader, not as statistics.
    expect(String(t.entries[0]?.options)).toContain('index 1 cmd S gatemask 0x2 interval 80000');
  });

  it('reads the invalid JSON old iproute2 prints for a pending taprio schedule, says so, and keeps every qdisc', () => {
    const text = fixture('tc-taprio-admin-old-invalid.json');
    expect(() => JSON.parse(text)).toThrow();
    const r = parseQdiscs(text);
    expect(r.entries.map((q) => q.kind)).toEqual(['taprio', 'pfifo']);
    expect(r.entries[0]).toMatchObject({ bytes: 1234567, packets: 890, drops: 3, requeues: 1, backlogBytes: 3028, qlen: 2 });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ messageId: 'tsn.taprio-invalid-json', code: 'device-output' });
    expect(r.problems[0]?.message).toContain('eno0');
    // The repaired options carry the pending schedule under `admin`, as the fixed iproute2 prints it.
    const valid = parseQdiscs(fixture('tc-taprio-admin-valid.json'));
    expect(valid.problems).toEqual([]);
    expect(r.entries[0]?.options).toEqual(valid.entries[0]?.options);
  });

  it('keeps the readable qdiscs when one member is cut off, and says what it skipped', () => {
    const whole = fixture('tc-mqprio-cbs-etf.json');
    const bad = whole.replace('"kind":"cbs","handle":"8001:"', '"kind":"cbs","handle":"8001:","rate":-nan');
    const r = parseQdiscs(bad);
    expect(r.entries.map((q) => q.kind)).toEqual(['mqprio', 'etf']);
    expect(r.problems.map((p) => p.messageId)).toEqual(['tsn.entry-unreadable']);
    // An output cut off mid-way (a full transport buffer) keeps the members before the cut.
    const cut = parseQdiscs(whole.slice(0, whole.indexOf('"kind":"etf"') + 20));
    expect(cut.entries.map((q) => q.kind)).toEqual(['mqprio', 'cbs']);
  });

  it('reads mqprio, cbs and etf children', () => {
    const r = parseQdiscs(fixture('tc-mqprio-cbs-etf.json'));
    expect(r.problems).toEqual([]);
    expect(r.entries.map((q) => [q.kind, q.handle, q.parent, q.drops, q.backlogBytes, q.qlen])).toEqual([
      ['mqprio', '100:', null, 5, 0, 0],
      ['cbs', '8001:', '100:4', 5, 1514, 1],
      ['etf', '8002:', '100:1', 2, 0, 0],
    ]);
  });

  it('reads sizes, rates and xstats of the text form (fq_codel, fq)', () => {
    const r = parseQdiscs(fixture('tc-fq-codel.txt'));
    expect(r.problems).toEqual([]);
    expect(r.entries[0]).toMatchObject({ kind: 'fq_codel', dev: 'eth0', bytes: 123456789, packets: 98765, drops: 42, requeues: 7, backlogBytes: 15 * 1024, qlen: 10, rateBps: 12000, pps: 3 });
    expect(r.entries[0]?.xstats).toMatchObject({ maxpacket: 1514, drop_overlimit: 40, new_flow_count: 311, old_flows_len: 1 });
    expect(r.entries[1]).toMatchObject({ kind: 'fq', dev: 'eth1', packets: 50 });
    expect(r.entries[1]?.xstats).toMatchObject({ gc: 0, highprio: 0, flows_plimit: 0 });
  });

  it('says what it could not read instead of throwing', () => {
    for (const junk of ['Cannot find device "eth9"', '[{"kind":', '{"a":1}', '\u0000\u0001', 'qdisc']) {
      const r = parseQdiscs(junk);
      expect(r.entries).toEqual([]);
      expect(r.problems.length, junk).toBeGreaterThan(0);
    }
    expect(parseQdiscs('[]')).toEqual({ entries: [], problems: [], format: 'json' });
  });

  it('labels exactly the unlabelled object, not strings that look like one', () => {
    expect(repairUnlabelledObjects('{"a":"x,{y","b":[{"c":1}],{"d":2}}').text).toBe('{"a":"x,{y","b":[{"c":1}],"admin":{"d":2}}');
    expect(repairUnlabelledObjects('[{"a":1},{"b":2}]')).toEqual({ text: '[{"a":1},{"b":2}]', repaired: false });
  });
});

describe('tc -s class show', () => {
  it('reads htb classes from the text iproute2 6.1 prints even with -j', () => {
    const r = parseClasses(fixture('tc-6.1-class-htb-j-prints-text.txt'));
    expect(r.format).toBe('text');
    expect(r.problems).toEqual([]);
    expect(r.entries.map((c) => [c.kind, c.classid, c.parent, c.leaf, c.root])).toEqual([
      ['htb', '1:10', '1:1', '10:', false],
      ['htb', '1:1', null, null, true],
    ]);
    expect(r.entries[0]).toMatchObject({ bytes: 17596, packets: 16, drops: 282, overlimits: 10, backlogBytes: 2884, qlen: 2 });
    expect(r.entries[0]?.xstats).toMatchObject({ lended: 16, borrowed: 0, giants: 0 });
    expect(r.entries[0]?.xstats.tokens).toBeTypeOf('number');
  });

  it('reads mq classes (one per tx queue) and taprio per-traffic-class offload counters', () => {
    const mq = parseClasses(fixture('tc-6.1-class-mq-j-prints-text.txt'));
    expect(mq.entries.map((c) => [c.classid, c.leaf, c.packets])).toEqual([
      ['1:1', null, 0],
      ['1:2', '8007:', 50],
      ['1:3', null, 0],
      ['1:4', null, 0],
    ]);
    const taprio = parseClasses(fixture('tc-taprio-offload-class.json'));
    expect(taprio.format).toBe('json');
    expect(taprio.entries.map((c) => [c.kind, c.classid, c.leaf, c.xstats.window_drops, c.xstats.tx_overruns])).toEqual([
      ['taprio', '8001:1', '8002:', 12, 3],
      ['taprio', '8001:2', '8003:', 0, 0],
    ]);
  });

  it('gives no classes and no problem for a classless qdisc', () => {
    expect(parseClasses('')).toEqual({ entries: [], problems: [], format: 'text' });
  });
});
