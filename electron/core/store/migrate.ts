import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { migrations as defaultMigrations, type Migration } from './migrations';

export function migrationHash(m: Migration): string {
  return createHash('sha256').update(m.up.replace(/\s+/g, ' ').trim()).digest('hex');
}

/** Applies pending migrations in one transaction each; checks applied ones were not edited. */
export function migrate(db: Database.Database, list: readonly Migration[] = defaultMigrations, file = db.name): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, hash TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)`);
  const applied = new Map(
    (db.prepare('SELECT version, hash FROM schema_migrations').all() as { version: number; hash: string }[]).map((r) => [r.version, r.hash]),
  );
  const known = new Set(list.map((m) => m.version));
  for (const version of applied.keys()) {
    if (!known.has(version)) {
      throw new SyncscopeError(catalogError('store.newer-schema', { file, version }));
    }
  }
  let ran = 0;
  for (const m of list) {
    const hash = migrationHash(m);
    const seen = applied.get(m.version);
    if (seen !== undefined) {
      if (seen !== hash) throw new SyncscopeError(catalogError('store.migration-edited', { file, version: m.version, name: m.name }));
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
