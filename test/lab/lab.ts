import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';

/**
 * The test lab for integration tests: three network-namespace devices on one bridge, each running
 * a real ptp4l and a real sshd, built by lab.sh, plus an isolated one for disruptive tests and a
 * jump host with a device reachable only through it, and the scenario devices (a failover group and a
 * boundary-clock-like device, in PTP domains of their own). `labUp()` is idempotent and leaves the lab up for
 * the next suite; nothing here mocks a device.
 *
 *   const skip = labSkipReason();
 *   describe.skipIf(skip !== null)(`engine against the lab${skip ? ` (skipped: ${skip})` : ''}`, () => {
 *     let lab: LabInfo;
 *     beforeAll(async () => { lab = await labUp(); });
 *     ...
 *   });
 */

const run = promisify(execFile);

export const LAB_SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'lab.sh');
export const LAB_STATE_DIR = '/run/syncscope-lab';
export const LAB_JSON_PATH = `${LAB_STATE_DIR}/lab.json`;

const SBIN_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];
const LAB_UP_TIMEOUT_MS = 120_000;

/** One ptp4l of a device: a one-instance device's is named `ptp4l`, a boundary clock's are named for their interface. */
const LabInstance = z.object({
  name: z.string(),
  iface: z.string(),
  domainNumber: z.number().int(),
  /** Derived from the interface's fixed MAC. */
  clockIdentity: z.string(),
  udsPath: z.string(),
  ptp4lConfig: z.string(),
  /** ptp4l's own output (`-m`, verbose), appended to across restarts: what a log follower tails. */
  ptp4lLog: z.string(),
  /** The root-namespace end of the interface's veth. */
  hostVeth: z.string(),
});

const LabDevice = z.object({
  name: z.string(),
  /** `backup-gm`: grandmaster only when `gm` is gone; `bc`: two ptp4l instances (see `instances`). */
  role: z.enum(['gm', 'backup-gm', 'slave', 'bc']),
  netns: z.string(),
  host: z.string(),
  sshPort: z.number().int(),
  /** Key login (root). */
  user: z.string(),
  privateKeyPath: z.string(),
  /** Password login (an unprivileged user; its pmc needs `-i <own socket path>`). */
  passwordUser: z.string(),
  password: z.string(),
  /** `SHA256:…` as `ssh-keygen -l` prints it; also in `knownHostsPath`. */
  hostKeySha256: z.string(),
  /** The PTP clockIdentity, fixed per device (derived from a fixed MAC). */
  clockIdentity: z.string(),
  udsPath: z.string(),
  ptp4lConfig: z.string(),
  ptp4lLog: z.string(),
  sshdLog: z.string(),
  /** The root-namespace end of the device's veth (`ip link set <hostVeth> down` pulls its cable). */
  hostVeth: z.string(),
  /** ptp4l's summary_interval (log2 s): 0 logs every sample, more logs rms/max summaries. */
  summaryInterval: z.number().int(),
  /** Every ptp4l of the device; the fields above (udsPath, ptp4lLog …) are the first one's. */
  instances: z.array(LabInstance).min(1),
});

const JumpHost = z.object({
  name: z.string(),
  netns: z.string(),
  host: z.string(),
  sshPort: z.number().int(),
  user: z.string(),
  passwordUser: z.string(),
  hostKeySha256: z.string(),
  sshdLog: z.string(),
});

const LabInfoSchema = z.object({
  stateDir: z.string(),
  linuxptpVersion: z.string(),
  bridge: z.object({ name: z.string(), host: z.string() }),
  knownHostsPath: z.string(),
  devices: z.array(LabDevice).min(1),
  /**
   * Devices only disruptive tests touch (link pulled, a ptp4l socket the password user may not
   * write, sshd logging each authentication request): never part of `devices`.
   */
  isolatedDevices: z.array(LabDevice),
  /**
   * Devices of the scenario tests, repaired by `up` like the isolated ones and never part of domain 0's
   * timing: ss-fgm1 (gm) and ss-fgm2 (backup-gm) with ss-fs1 (every sample logged) and ss-fs2
   * (summaries) in domain 1; ss-bc1 with instance eth0 (slave-only in domain 0) and eth1 (alone in
   * domain 2, its own grandmaster).
   */
  scenarioDevices: z.array(LabDevice),
  /** A jump host on the bridge: sshd only (root by key, sslab by password), no ptp4l. */
  jumpHost: JumpHost,
  /**
   * Devices reachable only through `jumpHost` (a private link behind it; `host` is their address
   * as the jump sees it). Their sshd takes passwords by keyboard-interactive only.
   */
  behindJump: z.array(LabDevice).min(1),
  /** How long the `up` that built this lab took. */
  upSeconds: z.number(),
});

export type LabDevice = z.infer<typeof LabDevice>;
export type LabInstance = z.infer<typeof LabInstance>;
export type LabInfo = z.infer<typeof LabInfoSchema>;
export type LabJumpHost = z.infer<typeof JumpHost>;

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function findExecutable(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(':').filter(Boolean), ...SBIN_DIRS];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** Why the lab cannot run here, in plain English, or null when it can. */
export function labSkipReason(): string | null {
  if (process.platform !== 'linux') return `the lab needs Linux network namespaces (this is ${process.platform})`;
  if (!isRoot()) return 'the lab needs root (network namespaces, sshd, ptp4l): run the lab tests as root';
  const needs: Array<[string, string]> = [
    ['ip', 'iproute2'],
    ['ptp4l', 'linuxptp'],
    ['pmc', 'linuxptp'],
    ['sshd', 'openssh-server'],
    ['ssh', 'openssh-client'],
    ['ssh-keygen', 'openssh-client'],
  ];
  const missing = needs.filter(([tool]) => findExecutable(tool) === null);
  if (missing.length > 0) {
    const packages = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
    return `missing ${missing.map(([tool]) => tool).join(', ')}: apt-get install -y ${packages}`;
  }
  if (!existsSync('/proc/self/ns/net')) return 'this kernel has no network namespaces (/proc/self/ns/net is missing)';
  return null;
}

async function runLabScript(subcommand: 'up' | 'down'): Promise<void> {
  try {
    await run('bash', [LAB_SCRIPT, subcommand], { timeout: LAB_UP_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024 });
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`lab.sh ${subcommand} failed: ${(e.stderr ?? '').trim() || e.message}`);
  }
}

/** The lab as the last `up` wrote it; throws if it is not up. */
export function readLab(): LabInfo {
  let text: string;
  try {
    text = readFileSync(LAB_JSON_PATH, 'utf8');
  } catch {
    throw new Error(`the lab is not up (${LAB_JSON_PATH} is missing): run 'bash ${LAB_SCRIPT} up' as root`);
  }
  return LabInfoSchema.parse(JSON.parse(text));
}

/** Brings the lab up (or confirms it is up) and returns it. */
export async function labUp(): Promise<LabInfo> {
  await runLabScript('up');
  return readLab();
}

/** Tears the lab down. Suites should normally leave it up for the next suite. */
export async function labDown(): Promise<void> {
  await runLabScript('down');
}

/** An isolated device (see LabInfoSchema): a test may pull its link or read its sshd log, and must restore it. */
export function labIsolatedDevice(lab: LabInfo, name: string): LabDevice {
  const device = lab.isolatedDevices.find((d) => d.name === name);
  if (!device) throw new Error(`the lab has no isolated device ${name} (it has ${lab.isolatedDevices.map((d) => d.name).join(', ') || 'none'})`);
  return device;
}

export function labDevice(lab: LabInfo, name: string): LabDevice {
  const device = lab.devices.find((d) => d.name === name);
  if (!device) throw new Error(`the lab has no device ${name} (it has ${lab.devices.map((d) => d.name).join(', ')})`);
  return device;
}

/** A scenario device (see LabInfoSchema): only the scenario test that owns it may disturb it, and must restore it. */
export function labScenarioDevice(lab: LabInfo, name: string): LabDevice {
  const device = lab.scenarioDevices.find((d) => d.name === name);
  if (!device) throw new Error(`the lab has no scenario device ${name} (it has ${lab.scenarioDevices.map((d) => d.name).join(', ') || 'none'})`);
  return device;
}
