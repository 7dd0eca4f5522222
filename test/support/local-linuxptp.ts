import { execFileSync } from 'node:child_process';

/** `ptp4l -v` of this machine's linuxptp when pmc is installed too, else null (for tests that run the real pmc here). */
export function localLinuxptpVersion(): string | null {
  try {
    return execFileSync('sh', ['-c', 'PATH=$PATH:/usr/sbin:/sbin; command -v pmc >/dev/null && ptp4l -v 2>&1 | head -n 1'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
