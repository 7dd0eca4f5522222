import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigValidation, PushProgress } from '../../../shared/contract/methods-config';
import { SyncscopeError } from '../../../shared/domain/errors';
import { PTPCONF_CHECKER } from '../../../shared/ptpconf';
import { openDatabase, type Db } from '../store/db';
import { LocalTransport } from '../transport/local-transport';
import { AuditRepo } from './audit-repo';
import { backupPathFor } from './device-files';
import { sha256Hex } from './ptp4l-conf-target';
import { runPush } from './push-pipeline';
import { PushRecorder, startEntry } from './push-recorder';
import { PushSession, type DeviceIo } from './push-session';
import type { PushTarget, StepOutcome, TargetState } from './push-target';
import { runRestart } from './restart-command';

/**
 * The pipeline's steps against a real device stand-in: the local transport, files in a temp dir, and
 * a small service whose restart script reads its config for real (a `# fail-start` line makes it
 * refuse to start, `# never-ready` makes it start but never report ready) and writes its state to a
 * file that verify reads. The audit log is a real SQLite file with the real migrations.
 */
const SERVICE = `conf=$1 state=$2
if grep -q '^# fail-start' "$conf"; then echo 'svc: refused to start: bad option in' "$conf" >&2; echo dead > "$state"; exit 1; fi
if grep -q '^# never-ready' "$conf"; then echo starting > "$state"; exit 0; fi
if [ -e "$(dirname "$conf")/broken-forever" ]; then echo 'svc: no start at all' >&2; echo dead > "$state"; exit 1; fi
echo "running $(sha256sum < "$conf" | cut -d' ' -f1)" > "$state"`;

class ServiceTarget implements PushTarget {
  readonly kind = 'ptp4l-conf';
  constructor(
    readonly target: string,
    private readonly dir: string,
  ) {}
  async read(io: DeviceIo): Promise<TargetState> {
    const text = await io.files.read(this.target);
    return { text, sha256: sha256Hex(text), detail: 'read' };
  }
  validate(text: string): ConfigValidation {
    return PTPCONF_CHECKER.validate(text, '3.1.1');
  }
  async backup(io: DeviceIo, current: TargetState, atMs: number): Promise<string> {
    const path = backupPathFor(this.target, atMs);
    await io.files.replace(path, current.text, 'back up', this.target);
    return path;
  }
  async write(io: DeviceIo, text: string): Promise<StepOutcome> {
    await io.files.replace(this.target, text, 'replace');
    return { detail: 'written' };
  }
  apply(io: DeviceIo): Promise<StepOutcome> {
    return runRestart(io.transport, { device: 'here', deviceId: 'dev-1' }, ['sh', join(this.dir, 'svc.sh'), this.target, join(this.dir, 'state')]);
  }
  async verify(io: DeviceIo, text: string): Promise<StepOutcome> {
    for (let i = 0; i < 5; i++) {
      const state = (await io.files.read(join(this.dir, 'state'))).trim();
      if (state === `running ${sha256Hex(text)}`) return { detail: state };
      await sleep(20);
    }
    throw new SyncscopeError({ code: 'device-output', message: 'the service did not report ready' });
  }
  restore(io: DeviceIo, previous: TargetState): Promise<StepOutcome> {
    return this.write(io, previous.text);
  }
  applyRestored(io: DeviceIo): Promise<StepOutcome> {
    return this.apply(io);
  }
  verifyRestored(io: DeviceIo, previous: TargetState): Promise<StepOutcome> {
    return this.verify(io, previous.text);
  }
}

const OLD = '[global]\ndomainNumber 0\npriority1 128\nlogSyncInterval 0\n';
const NEW = '[global]\ndomainNumber 0\npriority1 127\nlogSyncInterval -1\n';

// Real processes and files: a machine busy with other suites takes longer than vitest's 5 s default.
describe('the push pipeline, step by step', { timeout: 30_000 }, () => {
  let dir: string;
  let db: Db;
  let audit: AuditRepo;
  let conf: string;
  let progress: PushProgress[];
  let seenInRow: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-push-'));
    conf = join(dir, 'ptp4l.conf');
    writeFileSync(join(dir, 'svc.sh'), SERVICE);
    writeFileSync(conf, OLD);
    db = openDatabase(join(dir, 'engine.db'));
    audit = new AuditRepo(db);
    progress = [];
    seenInRow = [];
    // The service runs the old config, as a device would before the push.
    const t = new LocalTransport();
    await t.connect();
    await runRestart(t, { device: 'here', deviceId: 'dev-1' }, ['sh', join(dir, 'svc.sh'), conf, join(dir, 'state')]);
    t.close();
  });
  afterEach(() => db.close());

  async function push(text: string, confirmed = sha256Hex(OLD)) {
    const transport = new LocalTransport();
    const session = new PushSession(transport, true, { device: 'here', deviceId: 'dev-1' });
    const id = `push-${progress.length}-${Math.random()}`;
    const recorder = new PushRecorder(
      startEntry({ id, actor: { origin: 'test', user: null, address: null }, deviceId: 'dev-1', deviceName: 'here', targetKind: 'ptp4l-conf', target: conf, instance: 'ptp4l', newSha256: sha256Hex(text) }),
      audit,
      (p) => {
        progress.push(p);
        // Each step is in the audit row by the time anyone hears of it.
        const row = audit.get(p.auditId);
        const s = row?.steps.find((x) => x.phase === p.phase && x.step === p.step && x.state === p.state);
        if (s) seenInRow.push(`${p.phase} ${p.step} ${p.state}`);
      },
    );
    try {
      return await runPush({ target: new ServiceTarget(conf, dir), session, recorder, newText: text, newSha256: sha256Hex(text), confirmedSha256: confirmed, diffOf: () => 'diff', reconnectWindowMs: 2_000 });
    } finally {
      session.close();
    }
  }

  const states = (r: Awaited<ReturnType<typeof push>>) => r.steps.map((s) => `${s.phase} ${s.step} ${s.state}`);

  it('backs up, writes, applies and verifies; the audit row had each step before it was told', async () => {
    const r = await push(NEW);
    expect(r.outcome).toBe('applied');
    expect(states(r)).toEqual(['push connect ok', 'push read ok', 'push validate ok', 'push backup ok', 'push write ok', 'push apply ok', 'push verify ok']);
    expect(readFileSync(conf, 'utf8')).toBe(NEW);
    expect(readFileSync(r.backupPath!, 'utf8')).toBe(OLD);
    expect(readFileSync(join(dir, 'state'), 'utf8').trim()).toBe(`running ${sha256Hex(NEW)}`);
    expect(seenInRow).toHaveLength(progress.length);
    expect(progress.map((p) => p.state)).toEqual(['running', 'ok', 'running', 'ok', 'running', 'ok', 'running', 'ok', 'running', 'ok', 'running', 'ok', 'running', 'ok']);
    const row = audit.get(r.auditId)!;
    expect(row).toMatchObject({ outcome: 'applied', oldSha256: sha256Hex(OLD), backupPath: r.backupPath, error: null, rollback: null });
    expect(row.endedAtMs).not.toBeNull();
  });

  it('rolls back by itself when the service refuses the new config, saying the device\'s own words', async () => {
    const r = await push(`${NEW}# fail-start\n`);
    expect(r.outcome).toBe('rolled-back');
    expect(r.error).toMatchObject({ messageId: 'config-push.apply-failed' });
    expect(r.error!.message).toContain('svc: refused to start: bad option in');
    expect(states(r)).toEqual([
      'push connect ok',
      'push read ok',
      'push validate ok',
      'push backup ok',
      'push write ok',
      'push apply failed',
      'rollback write ok',
      'rollback apply ok',
      'rollback verify ok',
    ]);
    expect(readFileSync(conf, 'utf8')).toBe(OLD);
    expect(readFileSync(join(dir, 'state'), 'utf8').trim()).toBe(`running ${sha256Hex(OLD)}`);
    expect(audit.get(r.auditId)).toMatchObject({ outcome: 'rolled-back', rollback: { result: 'restored', error: null } });
  });

  it('rolls back when the device never comes back with the new config', async () => {
    const r = await push(`${NEW}# never-ready\n`);
    expect(r.outcome).toBe('rolled-back');
    expect(states(r).slice(-4)).toEqual(['push verify failed', 'rollback write ok', 'rollback apply ok', 'rollback verify ok']);
    expect(readFileSync(conf, 'utf8')).toBe(OLD);
  });

  it('says when the rollback failed too, and keeps the backup named for a person', async () => {
    writeFileSync(join(dir, 'broken-forever'), '');
    const r = await push(NEW);
    expect(r.outcome).toBe('rollback-failed');
    expect(r.rollback).toMatchObject({ result: 'failed', error: { messageId: 'config-push.rollback-failed' } });
    expect(r.rollback!.error!.hint).toContain(r.backupPath!);
    expect(readFileSync(conf, 'utf8')).toBe(OLD);
  });

  it('refuses a file changed since the preview, and an invalid config, before anything is written', async () => {
    const changed = await push(NEW, sha256Hex('something else\n'));
    expect(changed).toMatchObject({ outcome: 'refused', error: { messageId: 'config-push.changed-since-preview' }, backupPath: null });
    const invalid = await push('[global]\npriority1 999\nno_such_option 1\n');
    expect(invalid).toMatchObject({ outcome: 'refused', error: { messageId: 'config-push.invalid-config' } });
    expect(states(invalid)).toEqual(['push connect ok', 'push read ok', 'push validate failed']);
    expect(readFileSync(conf, 'utf8')).toBe(OLD);
    expect(readdirSync(dir).filter((f) => f.includes('syncscope'))).toEqual([]);
    expect(audit.list({ limit: 10 }).map((e) => e.outcome)).toEqual(['refused', 'refused']);
  });

  it('does nothing for a text the device holds already', async () => {
    const r = await push(OLD);
    expect(r.outcome).toBe('unchanged');
    expect(existsSync(r.backupPath ?? '/nonexistent')).toBe(false);
  });
});
