import type { AuditEntry, AuditExport } from '../contract/methods-config';
import { csvRecord, CSV_BOM, numberCell, textCell } from '../history/export/csv-cells';
import { isoFromMs } from '../history/export/time-cells';

const COLUMNS = [
  'started_utc',
  'ended_utc',
  'duration_ms',
  'actor',
  'device',
  'target_kind',
  'target',
  'instance',
  'outcome',
  'failed_step',
  'error',
  'rollback',
  'rollback_error',
  'backup_path',
  'old_sha256',
  'new_sha256',
  'steps',
  'diff',
] as const;

/** Who pushed, as one cell: `socket:alice@192.0.2.7`, `cli:root`. */
export function actorText(a: AuditEntry['actor']): string {
  return `${a.origin}${a.user ? `:${a.user}` : ''}${a.address ? `@${a.address}` : ''}`;
}

/** The audit log as a CSV file (RFC 4180, formula-guarded, BOM: shared/history's cells) or JSON, oldest first. */
export function exportAudit(entries: readonly AuditEntry[], format: 'csv' | 'json', nowMs: number): AuditExport {
  const ordered = [...entries].sort((a, b) => a.startedAtMs - b.startedAtMs);
  const stamp = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  if (format === 'json') {
    return { format, fileName: `syncscope-config-audit-${stamp}.json`, text: `${JSON.stringify(ordered, null, 2)}\n`, rows: ordered.length };
  }
  let text = CSV_BOM + csvRecord([...COLUMNS]);
  for (const e of ordered) {
    const failed = e.steps.find((s) => s.state === 'failed');
    text += csvRecord([
      textCell(isoFromMs(e.startedAtMs)),
      textCell(e.endedAtMs === null ? '' : isoFromMs(e.endedAtMs)),
      numberCell(e.endedAtMs === null ? null : e.endedAtMs - e.startedAtMs),
      textCell(actorText(e.actor)),
      textCell(e.deviceName),
      textCell(e.targetKind),
      textCell(e.target),
      textCell(e.instance),
      textCell(e.outcome),
      textCell(failed ? `${failed.phase} ${failed.step}` : ''),
      textCell(e.error?.message),
      textCell(e.rollback?.result),
      textCell(e.rollback?.error?.message),
      textCell(e.backupPath),
      textCell(e.oldSha256),
      textCell(e.newSha256),
      textCell(e.steps.map((s) => `${s.phase} ${s.step} ${s.state}`).join('; ')),
      textCell(e.diff),
    ]);
  }
  return { format, fileName: `syncscope-config-audit-${stamp}.csv`, text, rows: ordered.length };
}
