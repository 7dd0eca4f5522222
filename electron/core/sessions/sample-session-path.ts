import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shipped sample session's file name inside `resources/sample-session/`. */
export const SAMPLE_SESSION_FILE = 'lab-sample.session.sqlite';

/**
 * Where the sample session is: $SYNCSCOPE_SAMPLE_SESSION, the packaged app's resources, or the source
 * tree's `resources/` (from the bundled engine in out/main, or from these sources under tsx/vitest).
 */
export function sampleSessionPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SYNCSCOPE_SAMPLE_SESSION) return env.SYNCSCOPE_SAMPLE_SESSION;
  const resourcesPath = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  const candidates = [
    ...(resourcesPath ? [join(resourcesPath, 'sample-session', SAMPLE_SESSION_FILE)] : []),
    resolve(__dirname, '..', '..', 'resources', 'sample-session', SAMPLE_SESSION_FILE),
    resolve(__dirname, '..', '..', '..', 'resources', 'sample-session', SAMPLE_SESSION_FILE),
  ];
  return candidates.find((c) => existsSync(c)) ?? (candidates.at(-1) as string);
}
