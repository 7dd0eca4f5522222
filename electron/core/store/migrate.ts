import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { migrations as defaultMigrations, type Migration } from './migrations';

export function migrationHash(m: Migration): string {
  return createHash('sha256').update(m.up.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Applies pending migrations in one transaction each; checks applied ones were not edited. */
export function migrate(db: Database.Database, list: readonly Migration[] = defaultMigrations): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)`);
  const applied = new Map(
    (db.prepare('SELECT version, hash FROM schema_migrations').all() as { version: number; hash: string }[]).map((r) => [r.version, r.hash]),
  );
  const known = new Set(list.map((m) => m.version));
  for (const version of applied.keys()) {
    if (!known.has(version)) {
      throw new Error(`The database has schema version ${version}, newer than this Syncscope knows. Use a newer Syncscope or another data directory.`);
    }
  }
  let ran = 0;
  for (const m of list) {
    const hash = migrationHash(m);
    const seen = applied.get(m.version);
    if (seen !== undefined) {
      if (seen !== hash) throw new Error(`Migration ${m.version} (${m.name}) differs from the one applied to this database; refusing to continue.`);
      continue;
    }
    db.transaction(() => {
      db.exec(m.up);
      db.prepare('INSERT INTO schema_migrations (version, name, hash, applied_at_ms) VALUES (?, ?, ?, ?)').run(m.version, m.name, hash, Date.now());
    })();
    ran++;
  }
  return ran;
}
