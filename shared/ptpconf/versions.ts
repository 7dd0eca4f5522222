import { parseLinuxptpVersion } from '../doctor/linuxptp-version';

/**
 * The linuxptp releases the ptp4l.conf table knows. A device's `ptp4l -v` text (`3.1.1`, `v4.4`,
 * `3.1.1-6.el8`) is mapped to the newest listed release not after it; a version newer than the last
 * is read as the last (options added since are then unknown to us, which the check says).
 */
export const LINUXPTP_RELEASES = ['1.9', '2.0', '3.0', '3.1', '4.0', '4.1', '4.2', '4.3', '4.4'] as const;
export type LinuxptpRelease = (typeof LINUXPTP_RELEASES)[number];

/** The release the table assumes when a device's version is not known. */
export const NEWEST_RELEASE: LinuxptpRelease = '4.4';

const rank = (r: LinuxptpRelease) => LINUXPTP_RELEASES.indexOf(r);

/** Whether release `r` is at or after `since`. */
export function releaseAtLeast(r: LinuxptpRelease, since: LinuxptpRelease): boolean {
  return rank(r) >= rank(since);
}

/** The table's release for a version text, or null when the text is not a linuxptp version. */
export function releaseOf(versionText: string): LinuxptpRelease | null {
  const v = parseLinuxptpVersion(versionText);
  if (!v) return null;
  let found: LinuxptpRelease | null = null;
  for (const r of LINUXPTP_RELEASES) {
    const [major, minor] = r.split('.').map(Number) as [number, number];
    if (v.major > major || (v.major === major && v.minor >= minor)) found = r;
  }
  return found;
}
