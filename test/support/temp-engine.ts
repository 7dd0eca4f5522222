import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Engine } from '../../electron/core/engine';
import { createLogger } from '../../electron/core/log';

/** A real engine (collecting nothing) on a fresh temporary data folder for each test; `engine()` is the current one. */
export function useTempEngine(prefix: string): { engine(): Engine } {
  let dir = '';
  let engine: Engine | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    engine = new Engine({ dataDir: dir, collect: false, processMetrics: false, log: createLogger({ level: 'silent' }) });
  });
  afterEach(async () => {
    await engine?.close();
    engine = null;
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    engine: () => {
      if (!engine) throw new Error('useTempEngine: no engine outside a test');
      return engine;
    },
  };
}
