import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';

/** Who runs an engine, in the words its error message uses. */
export type EngineHolder = 'syncscope serve' | 'Syncscope desktop app';

export const LOCK_FILE = 'engine.lock';

const LockInfo = z.object({ pid: z.number().int(), host: z.string(), what: z.string(), sinceMs: z.number(), token: z.string().optional() });
type LockInfo = z.infer<typeof LockInfo>;

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const parsed = LockInfo.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data folder for one collecting engine, for the engine's life: `engine.lock` created
 * with O_EXCL, holding pid, host, holder and start time.
 *
 * Why a lock file and not an OS lock (flock/fcntl): Node has no flock without a native addon, an OS
 * lock cannot say who holds it, and O_EXCL create is atomic on every local file system. Its weak
 * point, a file left behind by a crash, is handled by checking the pid on this host: a dead holder's
 * file is moved aside (rename is atomic, so two engines starting at once cannot both win) and taken.
 * A lock from another host (a shared folder) cannot be checked and is never broken automatically.
 */
export function lockDataDir(dir: string, what: EngineHolder): DataDirLock {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = join(dir, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: hostname(), what, sinceMs: Date.now(), token: randomUUID() };
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const held = readLock(file);
      if (held && held.host !== me.host) throw lockedError('engine.data-dir-locked-elsewhere', dir, file, held);
      if (held && isAlive(held.pid)) throw lockedError('engine.data-dir-locked', dir, file, held);
      if (!held && attempt < 2) {
        // Perhaps created this instant and not yet written: look again shortly.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      // A crashed engine's file.
      try {
        renameSync(file, `${file}.stale-${process.pid}-${attempt}`);
        unlinkSync(`${file}.stale-${process.pid}-${attempt}`);
      } catch {
        // Another engine moved it first; try again.
      }
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      // Only our own file: never one another engine took after ours was (wrongly) moved aside.
      const now = readLock(file);
      if (now?.token === me.token) unlinkSync(file);
    };
    process.on('exit', release);
    return { file, release };
  }
  const held = readLock(file);
  throw lockedError('engine.data-dir-locked', dir, file, held ?? { pid: 0, host: '?', what: 'another engine', sinceMs: Date.now() });
}

function lockedError(id: 'engine.data-dir-locked' | 'engine.data-dir-locked-elsewhere', dir: string, file: string, held: LockInfo): SyncscopeError {
  return new SyncscopeError(catalogError(id, { dir, file, holder: held.what, pid: held.pid, host: held.host, since: new Date(held.sinceMs).toISOString() }));
}
