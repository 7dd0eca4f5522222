import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port';

export type PromVector = { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };

/** Debian's `prometheus` scraping one target every second (job `syncscope`), in a temporary folder; stop() ends it and removes the folder. */
export async function startPrometheus(target: string): Promise<{ query(expr: string): Promise<PromVector>; stop(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-prom-'));
  const port = await freePort();
  writeFileSync(join(dir, 'prometheus.yml'), `global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: syncscope\n    static_configs:\n      - targets: ['${target}']\n`);
  const prom: ChildProcess = spawn('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore' });
  return {
    query: async (expr) => (await (await fetch(`http://127.0.0.1:${port}/api/v1/query?query=${encodeURIComponent(expr)}`)).json()) as PromVector,
    stop: () => {
      prom.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
