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
  {
    version: 2,
    name: 'samples outlive their device row; removed devices queue a background purge',
    // A removed device's history used to go with ON DELETE CASCADE, synchronously, inside the request
    // that removed it (seconds for a long-lived device). Samples now carry no foreign key; removing a
    // device queues its id in device_purges, and the engine deletes the samples in slices.
    up: `
      CREATE TABLE ptp_samples_v2 (
        device_id              TEXT NOT NULL,
        t_ms                   INTEGER NOT NULL,
        master_offset_ns       REAL,
        offset_from_master_ns  REAL,
        mean_path_delay_ns     REAL,
        steps_removed          INTEGER,
        gm_present             INTEGER,
        gm_identity            TEXT,
        port_state             TEXT
      );
      INSERT INTO ptp_samples_v2 SELECT device_id, t_ms, master_offset_ns, offset_from_master_ns, mean_path_delay_ns, steps_removed, gm_present, gm_identity, port_state FROM ptp_samples;
      DROP TABLE ptp_samples;
      ALTER TABLE ptp_samples_v2 RENAME TO ptp_samples;
      CREATE INDEX ptp_samples_by_device_time ON ptp_samples (device_id, t_ms);
      CREATE TABLE device_purges (
        device_id     TEXT PRIMARY KEY,
        queued_at_ms  INTEGER NOT NULL
      );
    `,
  },
];
