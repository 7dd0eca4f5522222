import type { ParamsIn } from '../../../shared/contract/methods';
import { CSV_BOM } from '../../../shared/history/export/csv-cells';
import { openOutputFile, type OutputFile } from '../history/output-file';
import type { Access } from './engine-access';
import { historyTarget, type HistoryTargetFlags } from './history-target';

export interface ExportFlags extends HistoryTargetFlags {
  format: 'csv' | 'json';
  out?: string;
  metric?: string[];
  /** commander's --no-bom. */
  bom: boolean;
}

/** Where a CSV export's events go: beside the points, `run.csv` → `run.events.csv`. */
export function eventsFileOf(out: string): string {
  return /\.csv$/i.test(out) ? out.replace(/\.csv$/i, '.events.csv') : `${out}.events.csv`;
}

/** stdout as an OutputFile that waits for the pipe (a `| head` reader is never flooded). */
function stdoutFile(): OutputFile {
  return {
    path: '-',
    write: (text) =>
      new Promise<void>((ok) => {
        if (process.stdout.write(text)) ok();
        else process.stdout.once('drain', ok);
      }),
    commit: async () => undefined,
    abort: async () => undefined,
  };
}

/** Pages of one export from the engine into a file: one page in memory at a time. */
async function pump(a: Access, params: ParamsIn<'history.export'>, file: OutputFile, bom: boolean): Promise<number> {
  let cursor: string | undefined;
  let rows = 0;
  try {
    if (bom) await file.write(CSV_BOM);
    do {
      const page = await a.client.call('history.export', { ...params, ...(cursor ? { cursor } : {}) });
      await file.write(page.text);
      rows += page.rows;
      cursor = page.cursor ?? undefined;
    } while (cursor);
    await file.commit();
    return rows;
  } catch (err) {
    await file.abort();
    throw err;
  }
}

/**
 * `syncscope export (--device N | --session NAME) [--from T] [--to T] --format csv|json [--out F]`:
 * CSV (points to F, events to F's `.events.csv` sibling; stdout gets the points) or one JSON document
 * with points and events. Streamed page by page from the engine to the file.
 */
export async function runExport(a: Access, o: ExportFlags): Promise<void> {
  const t = await historyTarget(a, o);
  const base = {
    ...(t.sessionId ? { sessionId: t.sessionId } : {}),
    deviceIds: t.devices.map((d) => d.id),
    fromMs: t.range.fromMs,
    toMs: t.range.toMs,
    format: o.format,
    ...(o.metric && o.metric.length ? { metrics: o.metric } : {}),
  };
  const bom = o.format === 'csv' && o.bom;
  const span = `${new Date(t.range.fromMs).toISOString()} to ${new Date(t.range.toMs).toISOString()}`;
  const names = t.devices.map((d) => d.name).join(', ');
  if (!o.out) {
    const rows = await pump(a, { ...base, table: 'points' }, stdoutFile(), bom);
    console.error(`Exported ${rows} ${o.format === 'csv' ? 'points' : 'points and events'} of ${names}, ${span}.${o.format === 'csv' ? ' Events are written beside --out FILE (as FILE.events.csv).' : ''}`);
    return;
  }
  const rows = await pump(a, { ...base, table: 'points' }, openOutputFile(o.out), bom);
  if (o.format === 'json') {
    console.error(`Wrote ${rows} points and events of ${names} (${span}) to ${o.out}`);
    return;
  }
  const eventsOut = eventsFileOf(o.out);
  const events = await pump(a, { ...base, table: 'events' }, openOutputFile(eventsOut), bom);
  console.error(`Wrote ${rows} points to ${o.out} and ${events} events to ${eventsOut} (${names}, ${span})`);
}
