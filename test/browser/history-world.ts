import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SessionService } from '../../electron/core/sessions/session-service';
import { sessionPath } from '../../electron/core/sessions/session-files';
import { openStore } from '../../electron/core/store/open-store';
import { fillHistory } from '../support/history-data';

/**
 * History for the browser suites of issue 8: a day of one device written through the real store
 * into a data folder before `syncscope serve` opens it, and a session file captured from such a
 * folder by the real SessionService (what `SYNCSCOPE_SAMPLE_SESSION` points the engine at).
 */
export const DAY_S = 86_400;

export interface DayOfHistory {
  dataDir: string;
  device: string;
  startMs: number;
  endMs: number;
}

/** TE of sample i (1 Hz): a 40 ns swing over half an hour with ±3 ns of jitter; ten minutes of gap at 6 h ago. */
export function teAt(i: number): number | null {
  if (i >= DAY_S - 6 * 3600 && i < DAY_S - 6 * 3600 + 600) return null;
  return Math.round(40 * Math.sin((2 * Math.PI * i) / 1800) + 3 * Math.sin(i * 7.3));
}

/** A data folder holding 24 hours of `name` at 1 Hz (offset and path delay), ending now (or `endAgoMs` before now). */
export function dayOfHistory(name = 'hist-1', dataDir = mkdtempSync(join(tmpdir(), 'syncscope-history-')), endAgoMs = 0): DayOfHistory {
  const endMs = Math.floor((Date.now() - endAgoMs) / 1000) * 1000;
  const startMs = endMs - DAY_S * 1000;
  const store = openStore(dataDir);
  try {
    fillHistory(store, { name, startMs, seconds: DAY_S, hz: 1, offsetAt: teAt, pathDelayAt: (i) => 500 + (i % 7) });
  } finally {
    store.close();
  }
  return { dataDir, device: name, startMs, endMs };
}

/** A session file of the whole day of `h`'s device, captured by the engine's own SessionService. */
export async function sessionFileOf(h: DayOfHistory, name: string): Promise<string> {
  const store = openStore(h.dataDir);
  try {
    const device = store.devices.list().find((d) => d.name === h.device)!;
    const sessions = new SessionService({ dataDir: h.dataDir, engineVersion: 'test', live: store.series, device: (id) => store.devices.get(id), emitProgress: () => undefined, changed: () => undefined, sampleFile: join(h.dataDir, 'none') });
    const s = await sessions.capture({ name, deviceIds: [device.id], fromMs: h.startMs, toMs: h.endMs, notes: 'A day of one device at 1 Hz, written through the store.' });
    sessions.close();
    return sessionPath(h.dataDir, s.id);
  } finally {
    store.close();
  }
}

/** The page does not scroll sideways: nothing is wider than the window. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
}

/** Drags across `fromShare`..`toShare` of a chart's plot area (a zoom). */
export async function dragAcross(page: Page, plotSelector: string, fromShare: number, toShare: number): Promise<void> {
  const box = (await page.locator(plotSelector).first().boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * fromShare, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((fromShare + toShare) / 2), y, { steps: 5 });
  await page.mouse.move(box.x + box.width * toShare, y, { steps: 5 });
  await page.mouse.up();
}
