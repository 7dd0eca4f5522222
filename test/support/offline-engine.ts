import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../electron/core/engine';
import { createLogger, type Logger } from '../../electron/core/log';

export interface OfflineEngine {
  engine: Engine;
  dataDir: string;
  close(): Promise<void>;
}

/** A real engine on a fresh data dir that polls nothing: for contract, IPC and store tests. */
export function offlineEngine(log: Logger = createLogger({ level: 'silent' })): OfflineEngine {
  const dataDir = mkdtempSync(join(tmpdir(), 'syncscope-engine-'));
  const engine = new Engine({ dataDir, collect: false, processMetrics: false, log });
  return {
    engine,
    dataDir,
    close: async () => {
      await engine.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
