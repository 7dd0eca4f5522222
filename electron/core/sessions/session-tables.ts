import type { Db } from '../store/db';
import { SessionMeta, type ImportedFile, type SessionDevice } from '../../../shared/sessions/session-meta';

/**
 * The tables a session file has beside the store's own (which the store's migrations create, so the
 * same queries read a session and the live history). `session` is one row of metadata; `session_devices`
 * repeats the device ids for SQL; `session_unparsed` keeps the first unparsed lines of imported logs.
 * There is no secret anywhere: device profiles are the console's DeviceView, which carries none.
 */
export const SESSION_TABLES_SQL = `
  CREATE TABLE session (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    notes          TEXT NOT NULL,
    source         TEXT NOT NULL,
    devices        TEXT NOT NULL,
    from_ms        REAL,
    to_ms          REAL,
    created_at_ms  INTEGER NOT NULL,
    engine_version TEXT NOT NULL,
    time_base      TEXT NOT NULL,
    files          TEXT NOT NULL
  );
  CREATE TABLE session_unparsed (
    file     TEXT NOT NULL,
    line_no  INTEGER NOT NULL,
    text     TEXT NOT NULL
  );
`;

interface SessionRow {
  id: string;
  name: string;
  notes: string;
  source: string;
  devices: string;
  from_ms: number | null;
  to_ms: number | null;
  created_at_ms: number;
  engine_version: string;
  time_base: string;
  files: string;
}

export function writeSessionMeta(db: Db, meta: SessionMeta): void {
  db.prepare('DELETE FROM session').run();
  db.prepare(
    `INSERT INTO session (id, name, notes, source, devices, from_ms, to_ms, created_at_ms, engine_version, time_base, files)
     VALUES (@id, @name, @notes, @source, @devices, @fromMs, @toMs, @createdAtMs, @engineVersion, @timeBase, @files)`,
  ).run({ ...meta, devices: JSON.stringify(meta.devices), files: JSON.stringify(meta.files) });
}

/** The metadata row, validated (a file is an edge); null when the row is missing or does not parse. */
export function readSessionMeta(db: Db): SessionMeta | null {
  const row = db.prepare('SELECT * FROM session LIMIT 1').get() as SessionRow | undefined;
  if (!row) return null;
  try {
    const parsed = SessionMeta.safeParse({
      id: row.id,
      name: row.name,
      notes: row.notes,
      source: row.source,
      devices: JSON.parse(row.devices) as SessionDevice[],
      fromMs: row.from_ms,
      toMs: row.to_ms,
      createdAtMs: row.created_at_ms,
      engineVersion: row.engine_version,
      timeBase: row.time_base,
      files: JSON.parse(row.files) as ImportedFile[],
    });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The store drops readings of devices it has no row for (removed devices), so each session device
 * gets a `devices` row: the profile's non-secret columns, `secret` and `auth_kind` always NULL.
 */
export function writeDeviceRows(db: Db, devices: readonly SessionDevice[], nowMs: number): void {
  const insert = db.prepare(
    `INSERT OR IGNORE INTO devices (id, name, transport, host, ssh_port, user, auth_kind, secret, secret_format, profile, poll_interval_ms, host_key_sha256, created_at_ms, updated_at_ms)
     VALUES (@id, @name, @transport, @host, @sshPort, @user, NULL, NULL, 2, @profile, @pollIntervalMs, @hostKey, @now, @now)`,
  );
  for (const d of devices) {
    const p = d.profile;
    insert.run({
      id: d.id,
      name: d.name,
      transport: p?.transport ?? 'log',
      host: p?.host ?? null,
      sshPort: p?.sshPort ?? null,
      user: p?.user ?? null,
      // The devices table's profile column as the store knows it (instances with their sockets); nothing secret.
      profile: JSON.stringify({ instances: (p?.instances ?? []).map((i) => ({ name: i.name, udsPath: i.udsPath ?? '' })), jump: null, serial: null }),
      pollIntervalMs: p?.pollIntervalMs ?? 0,
      hostKey: p?.hostKeySha256 ?? null,
      now: nowMs,
    });
  }
}
