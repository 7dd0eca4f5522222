import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/contract/dispatch';
import type { MethodName, ParamsIn, Result } from '../../shared/contract/methods';
import type { PushProgress } from '../../shared/contract/methods-config';
import { SyncscopeError } from '../../shared/domain/errors';
import { Engine } from '../../electron/core/engine';
import { createLogger } from '../../electron/core/log';
import { waitFor } from '../support/engine-server';
import { skipUnlessAvailable } from '../support/skip';
import { labScenarioDevice, labSkipReason, labUp, type LabDevice, type LabInfo } from './lab';
import { holdLabDevice } from './lab-helpers';
import { labPid } from './scenario-engine';

const run = promisify(execFile);
const skip = skipUnlessAvailable('config push lab scenarios', labSkipReason());

/** ss-p1's ptp4l is a slave-only clock of domain 0 with software timestamps and free_running: it stays UNCALIBRATED under ss-gm. */
const VERIFY = { expectedPortStates: ['UNCALIBRATED', 'SLAVE'] as ('UNCALIBRATED' | 'SLAVE')[], timeoutMs: 30_000 };

async function pmcGet(uds: string, dataSet: string): Promise<string> {
  const { stdout } = await run('pmc', ['-u', '-b', '0', '-s', uds, `GET ${dataSet}`], { timeout: 5_000 });
  return stdout;
}
const field = (out: string, name: string) => new RegExp(`^\\s+${name}\\s+(\\S+)`, 'm').exec(out)?.[1];

/** The per-connection sshd processes of a lab device (children of its listening sshd): killing them drops every SSH connection to it at once. */
function sshdSessions(listener: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === listener;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** Lines sshd logged for logins (every connection that got as far as running anything). */
function logins(d: LabDevice): number {
  return readFileSync(d.sshdLog, 'utf8').split('\n').filter((l) => /Accepted (publickey|password)/.test(l)).length;
}

/**
 * The config push against a real device: ss-p1 (test/lab/lab.sh) runs a real ptp4l and sshd in its
 * namespace, and its restart-ptp4l script restarts that ptp4l with its ptp4l.conf as a service
 * manager would. A real engine pushes over SSH/SFTP, and the audit log is its real SQLite file.
 */
describe.skipIf(skip !== null)('config push on the lab (ss-p1)', () => {
  let lab: LabInfo;
  let dev: LabDevice;
  let engine: Engine;
  let dataDir: string;
  let deviceId: string;
  let original: string;
  let release: (() => Promise<void>) | null = null;
  const progress: PushProgress[] = [];
  const conf = () => dev.instances[0]!.ptp4lConfig;
  const uds = () => dev.instances[0]!.udsPath;
  const restartScript = () => `${lab.stateDir}/${dev.name}/restart-ptp4l`;

  async function call<M extends MethodName>(method: M, params: ParamsIn<M>): Promise<Result<M>> {
    const res = await dispatch(engine.handlers, { method, params }, { origin: 'test', user: 'lab-test' });
    if (!res.ok) throw new SyncscopeError(res.error);
    return res.value as Result<M>;
  }

  /** Brings ss-p1 back to the config lab.sh wrote, whatever a failed test left. */
  async function restoreOriginal(): Promise<void> {
    if (readFileSync(conf(), 'utf8') === original) return;
    writeFileSync(conf(), original);
    await run('ip', ['netns', 'exec', dev.netns, restartScript()], { timeout: 30_000 });
  }

  beforeAll(async () => {
    lab = await labUp();
    dev = labScenarioDevice(lab, 'ss-p1');
    release = await holdLabDevice(lab.stateDir, dev.name);
    original = readFileSync(conf(), 'utf8');
    dataDir = mkdtempSync(join(tmpdir(), 'syncscope-push-lab-'));
    engine = new Engine({ dataDir, collect: false, processMetrics: false, log: createLogger({ level: 'silent' }) });
    engine.subscribe((msg) => {
      if (msg.event === 'config.push.progress') progress.push(msg.payload);
    });
    const i = dev.instances[0]!;
    const view = await call('devices.add', {
      transport: 'ssh',
      name: dev.name,
      host: dev.host,
      user: dev.user,
      auth: { kind: 'privateKey', privateKey: readFileSync(dev.privateKeyPath, 'utf8') },
      hostKeySha256: dev.hostKeySha256,
      instances: [{ name: i.name, udsPath: i.udsPath, configPath: i.ptp4lConfig, restartCommand: [restartScript()] }],
    });
    deviceId = view.id;
  }, 120_000);

  afterAll(async () => {
    if (dev) await restoreOriginal();
    await engine?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    await release?.();
    await labUp();
  }, 120_000);

  it('changes priority1 and logSyncInterval, and the device comes back with them (read back through pmc)', async () => {
    const file = await call('config.read', { deviceId, instance: 'ptp4l' });
    expect(file).toMatchObject({ path: conf(), text: original, restartCommand: [restartScript()] });
    const text = original.replace(/^priority1\s+128$/m, 'priority1               127').replace(/^logSyncInterval\s+0$/m, 'logSyncInterval         -1');
    const preview = await call('config.preview', { deviceId, instance: 'ptp4l', text });
    expect(preview.validation.ok).toBe(true);
    expect(preview.blockers).toEqual([]);
    expect(preview.diff.options).toEqual([
      { section: 'global', option: 'logSyncInterval', from: '0', to: '-1' },
      { section: 'global', option: 'priority1', from: '128', to: '127' },
    ]);
    const pidBefore = labPid(lab.stateDir, dev.name, 'ptp4l');

    const result = await call('config.push', { deviceId, instance: 'ptp4l', text, confirmedSha256: preview.currentSha256, verify: VERIFY });
    expect(result.error).toBeNull();
    expect(result.outcome).toBe('applied');
    expect(result.verified).toMatchObject({ priority1: 127, domainNumber: 0 });
    expect(result.verified!.ports.map((p) => p.logSyncInterval)).toEqual([-1]);
    console.log(`push to verified on ss-p1: ${Math.round(result.durationMs)} ms in all, verified ${result.verified!.afterMs} ms after the restart; steps: ${result.steps.map((s) => `${s.step} ${(s.endedAtMs ?? 0) - s.startedAtMs} ms`).join(', ')}`);

    // The device itself, asked apart from the engine: a new ptp4l, the new file, the new values.
    expect(labPid(lab.stateDir, dev.name, 'ptp4l')).not.toBe(pidBefore);
    expect(readFileSync(conf(), 'utf8')).toBe(text);
    expect(readFileSync(result.backupPath!, 'utf8')).toBe(original);
    expect(field(await pmcGet(uds(), 'DEFAULT_DATA_SET'), 'priority1')).toBe('127');
    expect(field(await pmcGet(uds(), 'PORT_DATA_SET'), 'logSyncInterval')).toBe('-1');
    rmSync(result.backupPath!);

    const [entry] = await call('config.audit', { deviceId, limit: 1 });
    expect(entry).toMatchObject({ id: result.auditId, outcome: 'applied', actor: { origin: 'test', user: 'lab-test' }, target: conf(), oldSha256: preview.currentSha256 });
    expect(entry!.diff).toContain('-priority1               128\n+priority1               127');
    expect(progress.filter((p) => p.auditId === result.auditId).map((p) => `${p.step}:${p.state}`)).toEqual(
      ['connect', 'read', 'validate', 'backup', 'write', 'apply', 'verify'].flatMap((s) => [`${s}:running`, `${s}:ok`]),
    );

    // And back, the same way.
    const back = await call('config.push', { deviceId, instance: 'ptp4l', text: original, confirmedSha256: entry!.newSha256, verify: VERIFY });
    expect(back.outcome).toBe('applied');
    expect(field(await pmcGet(uds(), 'DEFAULT_DATA_SET'), 'priority1')).toBe('128');
    rmSync(back.backupPath!);
  }, 180_000);

  it('rolls back by itself when ptp4l refuses to start with the new config, and the audit log has both', async () => {
    const text = original.replace(/^time_stamping\s+software$/m, 'time_stamping           hardware');
    const { currentSha256, validation } = await call('config.preview', { deviceId, instance: 'ptp4l', text });
    expect(validation.ok).toBe(true);
    const result = await call('config.push', { deviceId, instance: 'ptp4l', text, confirmedSha256: currentSha256, verify: VERIFY });
    expect(result.outcome).toBe('rolled-back');
    expect(result.error).toMatchObject({ messageId: 'config-push.apply-failed' });
    // ptp4l's own words, verbatim.
    expect(result.error!.message).toMatch(/timestamping/);
    expect(result.rollback).toMatchObject({ result: 'restored', error: null });
    expect(result.steps.filter((s) => s.phase === 'rollback').map((s) => `${s.step} ${s.state}`)).toEqual(['write ok', 'apply ok', 'verify ok']);
    expect(readFileSync(conf(), 'utf8')).toBe(original);
    expect(field(await pmcGet(uds(), 'PORT_DATA_SET'), 'portState')).toMatch(/LISTENING|UNCALIBRATED|SLAVE/);
    const [entry] = await call('config.audit', { deviceId, limit: 1 });
    expect(entry).toMatchObject({ id: result.auditId, outcome: 'rolled-back', error: { messageId: 'config-push.apply-failed' }, rollback: { result: 'restored' } });
    expect(entry!.diff).toContain('+time_stamping           hardware');
    const csv = await call('config.auditExport', { deviceId, format: 'csv' });
    expect(csv.text).toContain('rolled-back');
    expect(csv.text).toContain('push apply');
    rmSync(result.backupPath!);
  }, 180_000);

  it('refuses a hostile path, restart command or instance before any command runs on the device', async () => {
    const before = logins(dev);
    const i = dev.instances[0]!;
    const refused = async (p: Promise<unknown>) => {
      const err = await p.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(SyncscopeError);
      expect((err as SyncscopeError).value.code).toBe('invalid-input');
    };
    await refused(call('devices.update', { id: deviceId, patch: { instances: [{ name: i.name, udsPath: i.udsPath, configPath: `${i.ptp4lConfig}; reboot` }] } }));
    await refused(call('devices.update', { id: deviceId, patch: { instances: [{ name: i.name, udsPath: i.udsPath, configPath: '/etc/../etc/shadow' }] } }));
    await refused(call('devices.update', { id: deviceId, patch: { instances: [{ name: i.name, udsPath: i.udsPath, configPath: i.ptp4lConfig, restartCommand: ['systemctl', 'restart', 'ptp4l; reboot'] }] } }));
    await refused(call('devices.update', { id: deviceId, patch: { instances: [{ name: i.name, udsPath: i.udsPath, configPath: i.ptp4lConfig, restartCommand: ['$(reboot)'] }] } }));
    await refused(call('config.push', { deviceId, instance: 'eth0; reboot', text: original, confirmedSha256: '0'.repeat(64) }));
    await refused(call('config.read', { deviceId, instance: '../../etc' }));
    // The profile is as it was, and the device saw no login at all.
    expect((await call('devices.list', {}))[0]!.instances[0]).toMatchObject({ configPath: i.ptp4lConfig, restartCommand: [restartScript()] });
    expect(logins(dev)).toBe(before);
  }, 60_000);

  /** Pushes a priority1 change, killing every sshd session of ss-p1 when the push reaches `step`. */
  async function pushDroppedAt(step: 'write' | 'apply') {
    const text = original.replace(/^priority1\s+128$/m, 'priority1               126');
    const { currentSha256 } = await call('config.preview', { deviceId, instance: 'ptp4l', text });
    const listener = labPid(lab.stateDir, dev.name, 'sshd');
    let killed: number[] = [];
    const off = engine.subscribe((msg) => {
      if (msg.event !== 'config.push.progress' || msg.payload.phase !== 'push' || msg.payload.step !== step || msg.payload.state !== 'running') return;
      killed = sshdSessions(listener);
      for (const pid of killed) process.kill(pid, 'SIGKILL');
    });
    try {
      const result = await call('config.push', { deviceId, instance: 'ptp4l', text, confirmedSha256: currentSha256, verify: VERIFY });
      expect(killed.length).toBeGreaterThan(0);
      expect(result.error).toMatchObject({ messageId: 'config-push.connection-lost', params: { step } });
      const [entry] = await call('config.audit', { deviceId, limit: 1 });
      expect(entry).toMatchObject({ id: result.auditId, outcome: result.outcome, error: { messageId: 'config-push.connection-lost' } });
      expect(entry!.steps.find((s) => s.state === 'failed')).toMatchObject({ phase: 'push', step });
      return result;
    } finally {
      off();
    }
  }

  it('loses its connection while applying (sshd sessions killed) and, once back, restores the old config and a running ptp4l', async () => {
    const result = await pushDroppedAt('apply');
    expect(result.outcome).toBe('rolled-back');
    expect(result.steps.filter((s) => s.phase === 'rollback').map((s) => `${s.step} ${s.state}`)).toEqual(['write ok', 'apply ok', 'verify ok']);
    expect(readFileSync(conf(), 'utf8')).toBe(original);
    await waitFor('ptp4l to answer with the old priority1', async () => field(await pmcGet(uds(), 'DEFAULT_DATA_SET'), 'priority1') === '128', 20_000, 500);
    rmSync(result.backupPath!);
  }, 180_000);

  it('loses its connection while writing and finds, once back, the old file untouched: nothing restarted', async () => {
    const pidBefore = labPid(lab.stateDir, dev.name, 'ptp4l');
    const result = await pushDroppedAt('write');
    expect(result.outcome).toBe('failed');
    expect(result.steps.filter((s) => s.phase === 'rollback').map((s) => `${s.step} ${s.state} ${s.detail ?? ''}`)).toEqual(['read ok the file is as it was: nothing to restore']);
    expect(readFileSync(conf(), 'utf8')).toBe(original);
    expect(labPid(lab.stateDir, dev.name, 'ptp4l')).toBe(pidBefore);
    // The half-written temporary file went with the next connection.
    expect(readdirSync(`${lab.stateDir}/${dev.name}`).filter((f) => f.includes('syncscope-tmp'))).toEqual([]);
    rmSync(result.backupPath!);
  }, 180_000);

  it('pushes a TSN qdisc with tc, says the kernel\'s refusal verbatim and puts the previous qdisc back; a hostile interface never reaches tc', async () => {
    const tcShow = async () => (await run('ip', ['netns', 'exec', dev.netns, 'tc', '-j', 'qdisc', 'show', 'dev', 'eth0'], { timeout: 10_000 })).stdout.trim();
    const before = await tcShow();
    const model = JSON.stringify({ kind: 'cbs', parent: 'root', idleslopeKbps: 20000, sendslopeKbps: -980000, hicreditBytes: 30, locreditBytes: -1470 });
    const current = await call('config.qdiscRead', { deviceId, iface: 'eth0' });
    expect(current.text).toBe(before);
    const preview = await call('config.qdiscPreview', { deviceId, iface: 'eth0', model });
    expect(preview.validation.ok).toBe(true);
    expect(preview.diff.unified).toContain('+tc qdisc replace dev eth0 parent root cbs idleslope 20000 sendslope -980000 hicredit 30 locredit -1470');
    const result = await call('config.qdiscPush', { deviceId, iface: 'eth0', model, confirmedSha256: preview.currentSha256 });
    if (result.outcome === 'applied') {
      // A kernel with sch_cbs: it took it. Put the interface back as it was.
      await run('ip', ['netns', 'exec', dev.netns, 'tc', 'qdisc', 'del', 'dev', 'eth0', 'root']);
    } else {
      // This kernel has no cbs (nor taprio, etf, mqprio): tc's own words, then the interface as it was.
      expect(result.outcome).toBe('rolled-back');
      expect(result.error).toMatchObject({ messageId: 'config-push.apply-failed' });
      expect(result.error!.message).toContain('Error: Specified qdisc kind is unknown.');
      expect(result.rollback).toMatchObject({ result: 'restored' });
      expect(await tcShow()).toBe(before);
    }
    const [entry] = await call('config.audit', { deviceId, limit: 1 });
    expect(entry).toMatchObject({ id: result.auditId, targetKind: 'tsn-qdisc', target: 'eth0', instance: null });
    const logins0 = logins(dev);
    const err = await call('config.qdiscPush', { deviceId, iface: 'eth0;reboot', model, confirmedSha256: preview.currentSha256 }).then(
      () => null,
      (e: unknown) => e as SyncscopeError,
    );
    expect(err?.value).toMatchObject({ code: 'invalid-input', field: 'iface' });
    expect(logins(dev)).toBe(logins0);
  }, 120_000);

  it('says a full disk on the device plainly and leaves the file as it was (a small tmpfs in the device\'s mount namespace)', async () => {
    const sshd = labPid(lab.stateDir, dev.name, 'sshd');
    const dir = `${lab.stateDir}/${dev.name}/full`;
    const inNs = (...argv: string[]) => run('nsenter', ['-t', String(sshd), '-m', ...argv], { timeout: 10_000 });
    await run('mkdir', ['-p', dir]);
    // Two pages: the config takes one and its backup the other; the new file finds no room.
    await inNs('mount', '-t', 'tmpfs', '-o', 'size=8k,mode=0755', 'syncscope-full', dir);
    try {
      await inNs('cp', conf(), `${dir}/ptp4l.conf`);
      const i = dev.instances[0]!;
      await call('devices.update', {
        id: deviceId,
        patch: {
          instances: [
            { name: i.name, udsPath: i.udsPath, configPath: i.ptp4lConfig, restartCommand: [restartScript()] },
            { name: 'full', udsPath: i.udsPath, configPath: `${dir}/ptp4l.conf`, restartCommand: [restartScript()] },
          ],
        },
      });
      const text = `${original}# ${'padding so the new file needs its own page '.repeat(120)}\n`;
      const { currentSha256 } = await call('config.preview', { deviceId, instance: 'full', text });
      const pidBefore = labPid(lab.stateDir, dev.name, 'ptp4l');
      const result = await call('config.push', { deviceId, instance: 'full', text, confirmedSha256: currentSha256, verify: VERIFY });
      expect(result.outcome).toBe('failed');
      expect(result.error).toMatchObject({ messageId: 'config-push.disk-full' });
      expect(result.error!.message).toMatch(/No space left on device/);
      expect(result.steps.filter((s) => s.state === 'failed').map((s) => `${s.phase} ${s.step}`)).toEqual(['push write']);
      // The file is as it was, no temporary file is left, and ptp4l was never touched.
      expect((await inNs('cat', `${dir}/ptp4l.conf`)).stdout).toBe(original);
      expect((await inNs('ls', '-a', dir)).stdout.split('\n').filter((f) => f.includes('syncscope-tmp'))).toEqual([]);
      expect(labPid(lab.stateDir, dev.name, 'ptp4l')).toBe(pidBefore);
      const [entry] = await call('config.audit', { deviceId, limit: 1 });
      expect(entry).toMatchObject({ outcome: 'failed', instance: 'full', error: { messageId: 'config-push.disk-full' } });
    } finally {
      await inNs('umount', dir).catch(() => undefined);
      await run('rmdir', [dir]).catch(() => undefined);
    }
  }, 120_000);
});
