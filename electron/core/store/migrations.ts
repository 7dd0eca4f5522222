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
  {
    version: 3,
    name: 'device profiles v2 (instances, jump host, sealed secrets object); series, points and events replace ptp_samples',
    // Devices: uds_path moves into a JSON profile (instances, jump host); auth kinds are checked by the
    // schema at the edge, not by a CHECK that every new kind would need a table rebuild for. Rows
    // sealed before this keep secret_format 1 (one SshAuthInput) until their next edit.
    // Series: small integer ids (device_keys outlive their device until the purge), points row per
    // value; ptp_samples' columns become points of the catalog's series of instance 'ptp4l'.
    up: `
      CREATE TABLE devices_v3 (
        id               TEXT PRIMARY KEY,
        name             TEXT NOT NULL UNIQUE COLLATE NOCASE,
        transport        TEXT NOT NULL,
        host             TEXT,
        ssh_port         INTEGER,
        user             TEXT,
        auth_kind        TEXT,
        secret           BLOB,
        secret_format    INTEGER NOT NULL DEFAULT 2,
        profile          TEXT NOT NULL,
        poll_interval_ms INTEGER NOT NULL,
        host_key_sha256  TEXT,
        created_at_ms    INTEGER NOT NULL,
        updated_at_ms    INTEGER NOT NULL
      );
      INSERT INTO devices_v3 (id, name, transport, host, ssh_port, user, auth_kind, secret, secret_format, profile, poll_interval_ms, host_key_sha256, created_at_ms, updated_at_ms)
        SELECT id, name, transport, host, ssh_port, user, auth_kind, secret, 1,
               json_object('instances', json_array(json_object('name', 'ptp4l', 'udsPath', uds_path)), 'jump', NULL),
               poll_interval_ms, host_key_sha256, created_at_ms, updated_at_ms
        FROM devices;
      DROP TABLE devices;
      ALTER TABLE devices_v3 RENAME TO devices;

      CREATE TABLE device_keys (
        key        INTEGER PRIMARY KEY,
        device_id  TEXT NOT NULL UNIQUE
      );
      CREATE TABLE series (
        id          INTEGER PRIMARY KEY,
        device_key  INTEGER NOT NULL,
        instance    TEXT NOT NULL,
        metric      TEXT NOT NULL,
        labels      TEXT NOT NULL,
        UNIQUE (device_key, instance, metric, labels)
      );
      CREATE TABLE points (
        series_id       INTEGER NOT NULL,
        t_us            INTEGER NOT NULL,
        value           REAL,
        flags           INTEGER NOT NULL DEFAULT 0,
        device_time_ns  TEXT
      );
      CREATE INDEX points_by_series_time ON points (series_id, t_us);
      CREATE TABLE events (
        id          INTEGER PRIMARY KEY,
        device_key  INTEGER NOT NULL,
        instance    TEXT,
        kind        TEXT NOT NULL,
        from_value  TEXT,
        to_value    TEXT,
        detail      TEXT NOT NULL,
        t_ms        INTEGER NOT NULL
      );
      CREATE INDEX events_by_device_time ON events (device_key, t_ms);

      INSERT INTO device_keys (device_id) SELECT id FROM devices;
      INSERT OR IGNORE INTO device_keys (device_id) SELECT DISTINCT device_id FROM ptp_samples;
      CREATE TEMP TABLE legacy_columns (metric TEXT NOT NULL, labels TEXT NOT NULL);
      INSERT INTO legacy_columns VALUES ('ptp.offset_from_master', '{}'), ('ptp.master_offset', '{}'), ('ptp.mean_path_delay', '{}'), ('ptp.steps_removed', '{}'), ('ptp.port_state', '{"port":"1"}');
      INSERT INTO series (device_key, instance, metric, labels)
        SELECT k.key, 'ptp4l', c.metric, c.labels FROM device_keys k CROSS JOIN legacy_columns c
        WHERE EXISTS (SELECT 1 FROM ptp_samples p WHERE p.device_id = k.device_id);
      INSERT INTO points (series_id, t_us, value, flags)
        SELECT s.id, p.t_ms * 1000,
               CASE s.metric
                 WHEN 'ptp.offset_from_master' THEN p.offset_from_master_ns
                 WHEN 'ptp.master_offset' THEN p.master_offset_ns
                 WHEN 'ptp.mean_path_delay' THEN p.mean_path_delay_ns
                 WHEN 'ptp.steps_removed' THEN p.steps_removed
                 ELSE CASE p.port_state
                   WHEN 'NONE' THEN 0 WHEN 'INITIALIZING' THEN 1 WHEN 'FAULTY' THEN 2 WHEN 'DISABLED' THEN 3
                   WHEN 'LISTENING' THEN 4 WHEN 'PRE_MASTER' THEN 5 WHEN 'MASTER' THEN 6 WHEN 'PASSIVE' THEN 7
                   WHEN 'UNCALIBRATED' THEN 8 WHEN 'SLAVE' THEN 9 WHEN 'GRAND_MASTER' THEN 10 END
               END,
               0
        FROM ptp_samples p
        JOIN device_keys k ON k.device_id = p.device_id
        JOIN series s ON s.device_key = k.key AND s.instance = 'ptp4l'
        ORDER BY s.id, p.t_ms;
      DROP TABLE legacy_columns;
      DROP TABLE ptp_samples;
    `,
  },
  {
    version: 4,
    name: 'compressed chunks, open segments, minute/hour/day rollups; points kept as legacy_points until converted',
    // Raw points move into one compressed chunk per series and time window (count/min/max/sum beside
    // the blob). The chunk being filled is kept as small raw segments, one per series per write batch,
    // so a crash loses at most the batch in flight. Rollups are NUMERIC so whole values store as
    // integers. The old points are converted by the store in background slices (JS codec).
    up: `
      CREATE TABLE chunks (
        id           INTEGER PRIMARY KEY,
        series_id    INTEGER NOT NULL,
        t0_us        INTEGER NOT NULL,
        t1_us        INTEGER NOT NULL,
        count        INTEGER NOT NULL,
        value_count  INTEGER NOT NULL,
        min          NUMERIC,
        max          NUMERIC,
        sum          NUMERIC NOT NULL,
        base_ns      TEXT,
        data         BLOB NOT NULL
      );
      CREATE INDEX chunks_by_series_end ON chunks (series_id, t1_us);
      CREATE TABLE open_segments (
        id         INTEGER PRIMARY KEY,
        series_id  INTEGER NOT NULL,
        base_ns    TEXT,
        data       BLOB NOT NULL
      );
      CREATE INDEX open_segments_by_series ON open_segments (series_id);
      CREATE TABLE rollup_minute (
        series_id INTEGER NOT NULL, t_min INTEGER NOT NULL, count INTEGER NOT NULL, min NUMERIC, max NUMERIC, sum NUMERIC NOT NULL,
        PRIMARY KEY (series_id, t_min)
      ) WITHOUT ROWID;
      CREATE TABLE rollup_hour (
        series_id INTEGER NOT NULL, t_hour INTEGER NOT NULL, count INTEGER NOT NULL, min NUMERIC, max NUMERIC,
        p50 NUMERIC, p95 NUMERIC, p99 NUMERIC, max_abs NUMERIC,
        PRIMARY KEY (series_id, t_hour)
      ) WITHOUT ROWID;
      CREATE TABLE rollup_day (
        series_id INTEGER NOT NULL, t_day INTEGER NOT NULL, count INTEGER NOT NULL, min NUMERIC, max NUMERIC, sum NUMERIC NOT NULL,
        PRIMARY KEY (series_id, t_day)
      ) WITHOUT ROWID;
      CREATE TABLE rollup_pending (
        series_id INTEGER NOT NULL, t_hour INTEGER NOT NULL,
        PRIMARY KEY (series_id, t_hour)
      ) WITHOUT ROWID;
      ALTER TABLE points RENAME TO legacy_points;
    `,
  },
  {
    version: 5,
    name: 'host keys the operator rejected outlive an engine restart',
    // One row per refused key of a device or its jump host. A removed device takes its rows with it
    // (a trigger, not a foreign key: a future rebuild of devices must not wipe them, but must recreate
    // the trigger).
    up: `
      CREATE TABLE host_key_rejections (
        device_id       TEXT NOT NULL,
        target          TEXT NOT NULL CHECK (target IN ('device', 'jump')),
        fingerprint     TEXT NOT NULL,
        rejected_at_ms  INTEGER NOT NULL,
        rejected_by     TEXT,
        PRIMARY KEY (device_id, target, fingerprint)
      );
      CREATE TRIGGER host_key_rejections_of_removed_device AFTER DELETE ON devices
      BEGIN
        DELETE FROM host_key_rejections WHERE device_id = old.id;
      END;
    `,
  },
  {
    version: 6,
    name: 'scheduled compliance reports',
    // One row per schedule: its validated definition and its last run as JSON (shared/history/report/report-schedule.ts).
    up: `
      CREATE TABLE report_schedules (
        id             TEXT PRIMARY KEY,
        definition     TEXT NOT NULL,
        created_at_ms  INTEGER NOT NULL,
        last_run       TEXT
      );
    `,
  },
  {
    version: 7,
    name: 'config push audit log',
    // One row per push to a device (a ptp4l.conf or a TSN qdisc), inserted before the push starts and
    // updated at every step, so an engine that stops mid-push leaves the row saying where it was.
    // Rows outlive their device (device_name is kept as it was): an audit log is not deleted with a profile.
    up: `
      CREATE TABLE config_push_audit (
        id             TEXT PRIMARY KEY,
        started_at_ms  INTEGER NOT NULL,
        updated_at_ms  INTEGER NOT NULL,
        ended_at_ms    INTEGER,
        actor_origin   TEXT NOT NULL,
        actor_user     TEXT,
        actor_address  TEXT,
        device_id      TEXT NOT NULL,
        device_name    TEXT NOT NULL,
        target_kind    TEXT NOT NULL CHECK (target_kind IN ('ptp4l-conf', 'tsn-qdisc')),
        target         TEXT NOT NULL,
        instance       TEXT,
        old_sha256     TEXT,
        new_sha256     TEXT NOT NULL,
        diff           TEXT NOT NULL,
        outcome        TEXT NOT NULL,
        steps          TEXT NOT NULL,
        backup_path    TEXT,
        rollback       TEXT,
        error          TEXT
      );
      CREATE INDEX config_push_audit_by_time ON config_push_audit (started_at_ms);
      CREATE INDEX config_push_audit_by_device ON config_push_audit (device_id, started_at_ms);
    `,
  },
  {
    version: 8,
    name: 'alarm rules, alarms with their history, acknowledgements, silences and webhook deliveries',
    // Definitions are validated JSON (shared/alarms); an alarm's row holds its current state as JSON with
    // the columns queries filter on. alarm_acks is also how a CLI on the data folder acknowledges: the
    // collecting engine applies rows it has not applied yet. alarm_outbox is each notification per
    // webhook until it is delivered, so a receiver's outage neither loses nor repeats one.
    up: `
      CREATE TABLE alarm_rules (
        id             TEXT PRIMARY KEY,
        definition     TEXT NOT NULL,
        position       INTEGER NOT NULL,
        updated_at_ms  INTEGER NOT NULL
      );
      CREATE TABLE alarm_settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      );
      CREATE TABLE alarms (
        id              TEXT PRIMARY KEY,
        key             TEXT NOT NULL,
        rule_id         TEXT NOT NULL,
        device_id       TEXT,
        severity        TEXT NOT NULL,
        state           TEXT NOT NULL,
        started_at_ms   INTEGER NOT NULL,
        resolved_at_ms  INTEGER,
        body            TEXT NOT NULL
      );
      CREATE INDEX alarms_by_start ON alarms (started_at_ms);
      CREATE INDEX alarms_open ON alarms (state) WHERE state <> 'resolved';
      CREATE TABLE alarm_transitions (
        alarm_id    TEXT NOT NULL,
        t_ms        INTEGER NOT NULL,
        from_state  TEXT,
        to_state    TEXT NOT NULL,
        note        TEXT NOT NULL
      );
      CREATE INDEX alarm_transitions_by_alarm ON alarm_transitions (alarm_id, t_ms);
      CREATE TABLE alarm_acks (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT,
        alarm_id    TEXT NOT NULL,
        acked_by    TEXT NOT NULL,
        comment     TEXT NOT NULL,
        acked_at_ms INTEGER NOT NULL,
        applied     INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE alarm_silences (
        id          TEXT PRIMARY KEY,
        ends_at_ms  INTEGER NOT NULL,
        body        TEXT NOT NULL
      );
      CREATE TABLE alarm_webhooks (
        id    TEXT PRIMARY KEY,
        body  TEXT NOT NULL
      );
      CREATE TABLE alarm_outbox (
        notification_id     TEXT NOT NULL,
        webhook_id          TEXT NOT NULL,
        body                TEXT NOT NULL,
        created_at_ms       INTEGER NOT NULL,
        attempts            INTEGER NOT NULL DEFAULT 0,
        next_attempt_at_ms  INTEGER NOT NULL,
        delivered_at_ms     INTEGER,
        last_error          TEXT,
        last_error_at_ms    INTEGER,
        PRIMARY KEY (notification_id, webhook_id)
      );
      CREATE INDEX alarm_outbox_due ON alarm_outbox (webhook_id, created_at_ms) WHERE delivered_at_ms IS NULL;
    `,
  },
];
