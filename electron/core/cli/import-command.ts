import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import type { ImportProgress } from '../../../shared/sessions/import-progress';
import type { Access } from './engine-access';
import { wholeNumber } from './numbers';

export interface ImportFlags {
  session: string;
  device?: string;
  notes?: string;
  year?: string;
  utcOffset?: string;
  json?: boolean;
}

/** Status when the import was cancelled (Ctrl-C), as a shell reports a SIGINT. */
export const CANCELLED_EXIT = 130;

/** `+02:00`, `-0530`, `0` or `Z` as minutes east of UTC. */
export function utcOffsetMinutes(raw: string): number {
  const m = /^(?:(Z|0)|([+-])(\d{2}):?(\d{2}))$/.exec(raw.trim());
  const minutes = !m ? NaN : m[1] ? 0 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4]));
  if (!(Math.abs(minutes) <= 14 * 60)) {
    throw new SyncscopeError({ code: 'invalid-input', field: 'utcOffsetMinutes', message: `--utc-offset: "${raw}" is not a UTC offset`, hint: 'For example --utc-offset +01:00 (or Z for UTC).' });
  }
  return minutes;
}

const mib = (b: number) => (b / 1048576).toFixed(1);

function progressLine(p: ImportProgress): string {
  const pct = p.bytesTotal > 0 ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : 100;
  return `${p.file} (${p.fileIndex + 1}/${p.files}) ${pct}%  ${mib(p.bytesDone)}/${mib(p.bytesTotal)} MiB  ${p.lines} lines, ${p.parsed} read, ${p.unparsed} unparsed`;
}

/**
 * `syncscope import FILE... --session NAME`: starts the import on the engine (this process's, or a
 * server's: then FILE is a path on the server's machine), shows progress on a terminal, and returns
 * the exit status. Ctrl-C cancels the import (what was read stays in the session).
 */
export async function runImport(a: Access, files: string[], o: ImportFlags): Promise<number> {
  const importId = randomUUID();
  const tty = process.stderr.isTTY === true;
  let ended: (p: ImportProgress) => void = () => undefined;
  const done = new Promise<ImportProgress>((r) => (ended = r));
  const off = a.client.on('sessions.importProgress', (p) => {
    if (p.importId !== importId) return;
    if (tty) process.stderr.write(`\r\u001b[2K${progressLine(p)}`);
    if (p.state !== 'running') ended(p);
  });
  const cancel = () => {
    void a.client.call('sessions.importCancel', { importId }).catch(() => undefined);
  };
  process.once('SIGINT', cancel);
  try {
    await a.client.call('sessions.import', {
      importId,
      session: o.session,
      paths: files.map((f) => resolve(f)),
      ...(o.device ? { device: o.device } : {}),
      ...(o.notes ? { notes: o.notes } : {}),
      ...(o.year ? { year: wholeNumber('--year', o.year, { example: 2026, max: 9999 }) } : {}),
      ...(o.utcOffset ? { utcOffsetMinutes: utcOffsetMinutes(o.utcOffset) } : {}),
    });
    const end = await done;
    if (tty) process.stderr.write('\n');
    if (end.error) throw new SyncscopeError(end.error);
    const session = await a.client.call('sessions.get', { id: end.sessionId });
    if (o.json) {
      console.log(JSON.stringify({ ...end, sessionTimeBase: session.timeBase }, null, 2));
    } else {
      console.log(`${end.state === 'cancelled' ? 'Cancelled; kept' : 'Imported'} ${end.lines} lines of ${end.files} file(s) into session "${end.session}": ${end.parsed} read, ${end.unparsed} unparsed (kept, see the session), ${end.placeholders} placeholder values flagged.`);
      console.log(session.timeBase === 'wall' ? 'Times: wall clock, from the log\'s syslog/journal stamps.' : 'Times: relative (the log has only linuxptp\'s [seconds] since boot for at least one file), not dates.');
    }
    if (end.state === 'cancelled') {
      console.error(catalogError('import.cancelled', { session: end.session, lines: end.lines }).message);
      return CANCELLED_EXIT;
    }
    return 0;
  } finally {
    process.off('SIGINT', cancel);
    off();
  }
}
