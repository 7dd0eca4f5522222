import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { openDatabase } from './db';
import { migrate } from './migrate';
import { migrations } from './migrations';

describe('migrations', () => {
  it('apply once, in WAL mode, and are idempotent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-mig-'));
    const db = openDatabase(join(dir, 'a.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(migrate(db)).toBe(0);
    expect((db.prepare('SELECT COUNT(*) n FROM schema_migrations').get() as { n: number }).n).toBe(migrations.length);
    db.close();
    rmSync(dir, { recursive: true });
  });

  it('refuse a database whose applied migration was edited', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 1, name: 'x', up: 'CREATE TABLE t (a INTEGER)' }]);
    expect(() => migrate(db, [{ version: 1, name: 'x', up: 'CREATE TABLE t (a TEXT)' }])).toThrow(/differs/);
  });

  it('refuse a database from a newer Syncscope', () => {
    const db = new Database(':memory:');
    migrate(db, [{ version: 1, name: 'x', up: 'CREATE TABLE t (a INTEGER)' }, { version: 2, name: 'y', up: 'CREATE TABLE u (a INTEGER)' }]);
    expect(() => migrate(db, [{ version: 1, name: 'x', up: 'CREATE TABLE t (a INTEGER)' }])).toThrow(/newer than this Syncscope/);
  });

  it('explain a corrupt file instead of crashing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'syncscope-mig-'));
    const file = join(dir, 'bad.db');
    writeFileSync(file, 'this is not a database at all, just text '.repeat(200));
    const err = (() => {
      try {
        openDatabase(file);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(SyncscopeError);
    expect((err as SyncscopeError).value).toMatchObject({ code: 'database', messageId: 'store.open-failed', message: expect.stringContaining(`Cannot open the Syncscope database ${file}`), hint: expect.stringMatching(/move it aside/) });
    rmSync(dir, { recursive: true });
  });
});
