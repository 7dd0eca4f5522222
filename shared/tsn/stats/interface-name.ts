import { z } from 'zod';

/**
 * A Linux network interface name as it may reach a command line on a device: 1–15 characters
 * (IFNAMSIZ − 1) of letters, digits and `_ . + -`, not starting with a dash (an option to tc or
 * ethtool), never `.` or `..`. The kernel allows more (any byte but `/`, `:` and white space);
 * names outside this set are refused rather than quoted, so `eth0; reboot` never gets near a shell.
 */
export const INTERFACE_NAME_RE = /^(?!-)(?!\.\.?$)[A-Za-z0-9_.+-]{1,15}$/;

export const InterfaceName = z.string().regex(INTERFACE_NAME_RE, 'interface must be a Linux interface name: 1–15 letters, digits or _ . + - (for example eth0 or enp3s0), not starting with a dash');

export function isInterfaceName(name: string): boolean {
  return INTERFACE_NAME_RE.test(name);
}
