import { diffLines, PTP_OPTIONS, setOptionText, validatePtpConf } from '../../shared/ptpconf';
import type { BenchResult } from './poll-transport.bench';

/**
 * What the Config tab does on each keystroke: check the whole file (validatePtpConf) and diff it
 * against the device's (diffLines), for a large ptp4l.conf: every option of the table at its
 * default in [global] and 16 port sections (~260 lines, several times linuxptp's default.cfg).
 * Baseline: splitting and trimming the lines, in the same run.
 */
export function benchPtpConf(iterations = 2_000): BenchResult {
  const global = PTP_OPTIONS.filter((o) => o.default !== '' && o.since <= '3.1').map((o) => `${o.name.padEnd(32)}${o.default}`);
  const ports = Array.from({ length: 16 }, (_, i) => [`[eth${i}]`, 'delay_mechanism                 E2E', 'logSyncInterval                 0', 'network_transport               UDPv4', 'masterOnly                      0'].join('\n'));
  const text = `# bench\n[global]\n${global.join('\n')}\n${ports.join('\n')}\n`;
  const edited = setOptionText(text, 'eth7', 'logSyncInterval', '-3');
  const time = (fn: () => unknown) => {
    for (let i = 0; i < 100; i++) fn();
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    return ((performance.now() - t0) * 1000) / iterations;
  };
  const lines = text.split('\n').length;
  const baseUs = time(() => text.split('\n').map((l) => l.trim()));
  const checkUs = time(() => validatePtpConf(edited, { release: '3.1' }));
  const diffUs = time(() => diffLines(text, edited));
  const editUs = time(() => setOptionText(text, 'eth7', 'logSyncInterval', '-3'));
  const issues = validatePtpConf(edited, { release: '3.1' }).issues.length;
  return {
    name: `ptp4l.conf per keystroke (${lines} lines, ${issues} issues)`,
    lines: [
      `baseline  split+trim lines     : ${baseUs.toFixed(1)} µs`,
      `validatePtpConf (3.1)          : ${checkUs.toFixed(1)} µs (${(checkUs / baseUs).toFixed(1)}x baseline)`,
      `diffLines (one line changed)   : ${diffUs.toFixed(1)} µs (${(diffUs / baseUs).toFixed(1)}x baseline)`,
      `setOptionText (form edit)      : ${editUs.toFixed(1)} µs (${(editUs / baseUs).toFixed(1)}x baseline)`,
    ],
  };
}

if (require.main === module) {
  const r = benchPtpConf();
  console.log(r.name);
  for (const l of r.lines) console.log(`  ${l}`);
}
