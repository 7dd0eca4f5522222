import { readFileSync } from 'node:fs';
import { SessionService } from '../../electron/core/sessions/session-service';
import { openStore } from '../../electron/core/store/open-store';
import type { ImportProgress } from '../../shared/sessions/import-progress';
import type { ChildResult } from './log-import.bench';

/** log-import.bench.ts's child: one import through the sessions service, as `syncscope import` runs it; prints its numbers as JSON. */
async function importChild(file: string, dataDir: string): Promise<void> {
  const hwmOf = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
  const store = openStore(dataDir);
  let readRssKiB = 0;
  let end: (p: ImportProgress) => void = () => undefined;
  const done = new Promise<ImportProgress>((r) => (end = r));
  const sessions = new SessionService({
    dataDir,
    engineVersion: 'bench',
    live: store.series,
    device: (id) => store.devices.get(id),
    emitProgress: (p) => {
      if (p.state !== 'running') end(p);
      else if (p.bytesDone === p.bytesTotal) readRssKiB = hwmOf();
    },
    changed: () => undefined,
    sampleFile: '',
  });
  const startRssKiB = hwmOf();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const { sessionId } = sessions.startImport({ session: 'bench', paths: [file] });
  const p = await done;
  const cpu = process.cpuUsage(cpu0);
  const wallMs = performance.now() - t0;
  if (p.error) throw new Error(p.error.message);
  const result: ChildResult = { lines: p.lines, parsed: p.parsed, unparsed: p.unparsed, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, peakRssKiB: hwmOf(), startRssKiB, readRssKiB, sessionBytes: sessions.get(sessionId).bytes };
  await sessions.close();
  store.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

importChild(process.argv[2] as string, process.argv[3] as string).catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
