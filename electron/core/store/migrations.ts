/**
 * Schema migrations, in order. Never edit a shipped migration: add a new one. The runner records a
 * hash of each applied migration and refuses to open a database whose history disagrees with the code.
 */
export interface Migration {
  version: number;
  name: string;
  up: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'devices and ptp samples',
    up: `
      CREATE TABLE devices (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL UNIQUE COLLATE NOCASE,
        transport       TEXT NOT NULL CHECK (transport IN ('ssh', 'local')),
        host            TEXT,
        ssh_port        INTEGER,
        user            TEXT,
        auth_kind       TEXT CHECK (auth_kind IN ('password', 'privateKey')),
        secret          BLOB,
        uds_path        TEXT NOT NULL,
        poll_interval_ms INTEGER NOT NULL,
        host_key_sha256 TEXT,
        created_at_ms   INTEGER NOT NULL,
        updated_at_ms   INTEGER NOT NULL
      );
      CREATE TABLE ptp_samples (
        device_id              TEXT NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
        t_ms                   INTEGER NOT NULL,
        master_offset_ns       REAL,
        offset_from_master_ns  REAL,
        mean_path_delay_ns     REAL,
        steps_removed          INTEGER,
        gm_present             INTEGER,
        gm_identity            TEXT,
        port_state             TEXT
      );
      CREATE INDEX ptp_samples_by_device_time ON ptp_samples (device_id, t_ms);
    `,
  },
];
