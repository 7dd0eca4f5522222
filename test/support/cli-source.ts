import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'electron/core/cli/main.ts');

export interface SourceCliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The `syncscope` command from source in its own process (no build needed). `defaultData` is where a
 * command that names no --data would write: a test's own folder, never the user's default one.
 */
export function runCliFromSource(args: string[], defaultData: string, env: NodeJS.ProcessEnv = {}): Promise<SourceCliRun> {
  return new Promise((ok) => {
    execFile(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, timeout: 60_000, env: { ...process.env, SYNCSCOPE_LOG_LEVEL: 'warn', SYNCSCOPE_DATA: defaultData, ...env } }, (err, stdout, stderr) => {
      ok({ status: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}
