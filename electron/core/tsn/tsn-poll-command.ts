import { SyncscopeError } from '../../../shared/domain/errors';
import { catalogError } from '../../../shared/errors/catalog';
import { shellQuote } from '../../../shared/shell/quote';
import { isInterfaceName } from '../../../shared/tsn/stats/interface-name';
import { SECTION_MARK } from '../../../shared/tsn/stats/poll-output';

export interface PollCommandOptions {
  interfaces: readonly string[];
  /** Also read ethtool -T and --show-mm (capabilities change rarely: not every poll). */
  capabilities: boolean;
}

/**
 * The one command a TSN/system poll runs on the device: a POSIX sh script printing every section
 * after a marker line (see shared/tsn/stats/poll-output.ts), so a poll costs one exec whatever
 * the number of interfaces. JSON first where the tools have it, the text form when they refuse.
 * Interface names are checked (a name that is not one is refused, never quoted into a command) and
 * single-quoted.
 */
export function pollCommand(opts: PollCommandOptions): string[] {
  const lines = [
    'export LC_ALL=C PATH="$PATH:/sbin:/usr/sbin"',
    `m() { printf '\\n${SECTION_MARK} %s\\n' "$*"; }`,
    'm qdisc; tc -s -j qdisc show 2>&1 || { m qdisc-text; tc -s qdisc show 2>&1; }',
  ];
  for (const iface of opts.interfaces) {
    if (!isInterfaceName(iface)) throw new SyncscopeError(catalogError('tsn.bad-interface', { name: iface.slice(0, 64) }, { field: 'tsnInterfaces' }));
    const q = shellQuote(iface);
    lines.push(`m class ${iface}; tc -s -j class show dev ${q} 2>&1 || { m class-text ${iface}; tc -s class show dev ${q} 2>&1; }`);
    lines.push(`m ethtool-S ${iface}; ethtool -S ${q} 2>&1`);
    // The kernel's standard counters (eth-mac, eth-ctrl, rmon …), where the driver has them (ethtool ≥ 5.13).
    lines.push(`m ethtool-groups ${iface}; ethtool --json -S ${q} --all-groups 2>&1`);
    if (opts.capabilities) {
      lines.push(`m ethtool-T ${iface}; ethtool -T ${q} 2>&1`);
      lines.push(`m ethtool-mm ${iface}; ethtool --json --include-statistics --show-mm ${q} 2>&1 || { m ethtool-mm-text ${iface}; ethtool --include-statistics --show-mm ${q} 2>&1; }`);
    }
  }
  lines.push('m stat; cat /proc/stat', 'm meminfo; cat /proc/meminfo', 'm loadavg; cat /proc/loadavg', 'm netdev; cat /proc/net/dev', 'm bootid; cat /proc/sys/kernel/random/boot_id', 'exit 0');
  return ['sh', '-c', lines.join('\n')];
}
