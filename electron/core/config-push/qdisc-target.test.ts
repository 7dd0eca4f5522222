import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalTransport } from '../transport/local-transport';
import { PushSession } from './push-session';
import { QdiscTarget, refusesReplace } from './qdisc-target';

/**
 * This kernel has none of the TSN qdiscs (the lab test meets its real "Specified qdisc kind is
 * unknown"), so a driver that refuses a replace is played by a `tc` first on PATH that answers as
 * the kernel does (net/sched/sch_api.c: "Change operation not supported by specified qdisc", and
 * an offload driver's "Device failed to setup taprio offload") and logs each argv it was given.
 */
const TC = `#!/bin/sh
echo "$*" >> "$TC_LOG"
case "$1 $2 $3" in
  "qdisc replace dev") echo 'Error: Change operation not supported by specified qdisc.' >&2; exit 2 ;;
  "qdisc del dev") exit 0 ;;
  "-j qdisc show") printf '%s\n' "$TC_SHOW"; exit 0 ;;
  "qdisc add dev") if [ -n "$TC_OFFLOAD_FAILS" ]; then echo 'Error: Device failed to setup taprio offload.' >&2; exit 2; fi; exit 0 ;;
esac
exit 1
`;

const MODEL = JSON.stringify({ kind: 'cbs', parent: '100:1', idleslopeKbps: 20000, sendslopeKbps: -980000, hicreditBytes: 30, locreditBytes: -1470 });

// Real processes and files: a machine busy with other suites takes longer than vitest's 5 s default.
describe('a qdisc push where the driver refuses a replace', { timeout: 30_000 }, () => {
  let dir: string;
  let path: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-tc-'));
    writeFileSync(join(dir, 'tc'), TC);
    chmodSync(join(dir, 'tc'), 0o755);
    path = process.env.PATH;
    process.env.PATH = `${dir}:${path ?? ''}`;
    process.env.TC_LOG = join(dir, 'log');
  });
  afterEach(() => {
    process.env.PATH = path;
    delete process.env.TC_LOG;
    delete process.env.TC_OFFLOAD_FAILS;
  });

  async function apply() {
    const session = new PushSession(new LocalTransport(), true, { device: 'bench', deviceId: 'dev-1' });
    try {
      const target = new QdiscTarget('eth1', { device: 'bench', deviceId: 'dev-1' });
      expect(target.validate(MODEL).ok).toBe(true);
      return await target.apply(await session.io());
    } finally {
      session.close();
    }
  }

  it('deletes what is there and adds the new qdisc in its place', async () => {
    const out = await apply();
    expect(readFileSync(join(dir, 'log'), 'utf8').trim().split('\n')).toEqual([
      'qdisc replace dev eth1 parent 100:1 cbs idleslope 20000 sendslope -980000 hicredit 30 locredit -1470',
      'qdisc del dev eth1 parent 100:1',
      'qdisc add dev eth1 parent 100:1 cbs idleslope 20000 sendslope -980000 hicredit 30 locredit -1470',
    ]);
    expect(out.detail).toContain('replace refused (Error: Change operation not supported by specified qdisc.)');
  });

  it("says the driver's offload error verbatim", async () => {
    process.env.TC_OFFLOAD_FAILS = '1';
    await expect(apply()).rejects.toMatchObject({ value: { messageId: 'config-push.apply-failed', params: { output: 'Error: Device failed to setup taprio offload.' } } });
  });

  it('restores nothing when the push never took, even over a qdisc it does not model (a tbf root)', async () => {
    // tc -j qdisc show of a tbf root, as iproute2 6.1 prints it (captured on this machine's lab).
    process.env.TC_SHOW = '[{"kind":"tbf","handle":"8001:","root":true,"refcnt":2,"options":{"rate":12500,"burst":1600,"lat":50000}}]';
    const session = new PushSession(new LocalTransport(), true, { device: 'bench', deviceId: 'dev-1' });
    try {
      const target = new QdiscTarget('eth1', { device: 'bench', deviceId: 'dev-1' });
      const io = await session.io();
      const before = await target.read(io);
      expect(target.validate(MODEL).ok).toBe(true);
      await expect(target.restore(io, before)).resolves.toEqual({ detail: 'eth1 still shows its previous qdiscs: nothing to restore' });
      // Had tc changed the interface, restore undoes it (the cbs under 100:1 is deleted again).
      process.env.TC_SHOW = '[{"kind":"tbf","handle":"8001:","root":true,"refcnt":2,"options":{"rate":12500,"burst":1600,"lat":50000}},{"kind":"cbs","handle":"8002:","parent":"100:1","options":{}}]';
      await expect(target.restore(io, before)).resolves.toEqual({ detail: expect.stringContaining('tc qdisc del dev eth1 parent 100:1') });
    } finally {
      session.close();
      delete process.env.TC_SHOW;
    }
  });

  it('tells a refused replace from a failure that a delete would not mend', () => {
    expect(refusesReplace('Error: Change operation not supported by specified qdisc.')).toBe(true);
    expect(refusesReplace('RTNETLINK answers: Operation not supported')).toBe(true);
    expect(refusesReplace('Error: Specified qdisc kind is unknown.')).toBe(false);
    expect(refusesReplace('Error: Device failed to setup taprio offload.')).toBe(false);
  });

  it('refuses a hostile interface name before anything runs', () => {
    expect(() => new QdiscTarget('eth0; reboot', { device: 'bench', deviceId: 'dev-1' })).toThrow(/not a plain Linux interface name/);
    expect(() => new QdiscTarget('-x', { device: 'bench', deviceId: 'dev-1' })).toThrow();
  });
});
