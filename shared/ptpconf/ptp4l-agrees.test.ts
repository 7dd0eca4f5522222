import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PtpConfMessageId } from '../errors/catalog-ptpconf';
import { OPTION_ALIASES, PTP_OPTIONS } from './options';
import { validatePtpConf } from './validate';
import { releaseAtLeast, releaseOf } from './versions';

/*
 * The validator against the real ptp4l of this machine: for each file, ptp4l refuses to parse it
 * exactly when the validator reports an error that ptp4l's config_read refuses. ptp4l runs with a
 * nonexistent interface, so after parsing it stops before opening any socket or clock; its UDS
 * goes to a temporary folder and --free_running keeps it off the host clock regardless.
 */

const version = (() => {
  try {
    return execFileSync('ptp4l', ['-v'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
})();
const release = version ? releaseOf(version) : null;

/** The validator's ids for what ptp4l's parser refuses (the rest are ptp4l start-up or profile rules). */
const PARSER_REFUSES = new Set<PtpConfMessageId>([
  'ptpconf.not-in-section', 'ptpconf.no-value', 'ptpconf.unknown-option', 'ptpconf.unknown-option-suggest', 'ptpconf.not-in-version',
  'ptpconf.value-not-in-version', 'ptpconf.wrong-scope', 'ptpconf.not-an-integer', 'ptpconf.not-a-number', 'ptpconf.out-of-range',
  'ptpconf.bad-enum', 'ptpconf.inline-comment', 'ptpconf.table-missing-id', 'ptpconf.table-bad-id', 'ptpconf.table-duplicate-id', 'ptpconf.table-bad-entry',
]);

const dir = mkdtempSync(join(tmpdir(), 'syncscope-ptpconf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeCase(name: string, text: string): string {
  const file = join(dir, `${name.replace(/\W+/g, '-')}.cfg`);
  writeFileSync(file, text);
  return file;
}

function ptp4l(file: string): string {
  const r = spawnSync('ptp4l', ['-f', file, '-i', 'ssnone0', '-q', '-m', '--uds_address', join(dir, 'uds'), '--free_running', '1'], { encoding: 'utf8', timeout: 5000 });
  return `${r.stdout}${r.stderr}`;
}

const CASES: Record<string, string> = {
  'domain out of range': '[global]\ndomainNumber 200\n',
  'unknown option': '[global]\nfrobnicate 1\n',
  'case matters': '[global]\nPriority1 1\n',
  'global option in a port section': '[global]\n[eth0]\npriority1 3\n',
  'option from a later release': '[global]\nclientOnly 1\n',
  'port option from a later release': '[global]\nuds_file_mode 0660\n',
  'int8 out of range': '[global]\nlogSyncInterval 300\n',
  'fraction for an int': '[global]\npriority1 12.5\n',
  'bad enum': '[global]\nnetwork_transport UDP\n',
  'enum value from a later release': '[global]\ndelay_mechanism NONE\n',
  'comment after a number': '[global]\npriority1 128 # primary\n',
  'comment after a string': '[global]\nmessage_tag gm # one\n',
  'before any section': 'priority1 1\n[global]\n',
  'no value': '[global]\nverbose\n',
  'table entry before table_id': '[unicast_master_table]\nUDPv4 192.0.2.1\n',
  'table_id 0': '[unicast_master_table]\ntable_id 0\n',
  'table_id twice': '[unicast_master_table]\ntable_id 1\ntable_id 1\n',
  'hex, octal and ASAP': '[global]\ntransportSpecific 0x1\nclockAccuracy 0xFE\nfault_reset_interval ASAP\nnetwork_transport L2\ndelay_mechanism P2P\n',
  'every enum spelled oddly': '[global]\ntime_stamping P2P1STEP\ndelay_mechanism p2p\nnetwork_transport udpv6\nclock_servo LINREG\n',
  'deprecated pi name': '[global]\npi_offset_const 0.5\n',
  'one step with software time stamps': '[global]\ntwoStepFlag 0\ntime_stamping software\n',
};

describe.skipIf(release === null)(`the validator agrees with this machine's ptp4l (${version ?? 'not installed'})`, () => {
  const check = (name: string, text: string) => {
    const out = ptp4l(writeCase(name, text));
    const ours = validatePtpConf(text, { release: release ?? undefined });
    const refusesParse = ours.issues.some((i) => i.severity === 'error' && PARSER_REFUSES.has(i.id));
    expect({ name, refused: out.includes('failed to parse configuration file') }).toEqual({ name, refused: refusesParse });
    // ptp4l names the first line it refuses: it is the validator's first such line.
    const line = /at line (\d+)|line (\d+) is not in a section|could not parse line (\d+)|^line (\d+):/m.exec(out);
    if (line) expect(ours.issues.find((i) => PARSER_REFUSES.has(i.id))?.line, name).toBe(Number(line.slice(1).find(Boolean)));
    expect({ name, oneStep: out.includes('one step is only possible') }).toEqual({ name, oneStep: ours.issues.some((i) => i.id === 'ptpconf.rule.one-step-hw') });
  };

  it.each(Object.entries(CASES))('%s', (name, text) => check(name, text));

  it("has exactly the options of this machine's ptp4l: each one the table dates to this release or before is known to it, each later one unknown, and no other name in its binary is an option", () => {
    const knows = (name: string) => !ptp4l(writeCase(name, `[global]\n${name} 0\n`)).includes('unknown option');
    const disagree = PTP_OPTIONS.filter((o) => knows(o.name) !== releaseAtLeast(release!, o.since)).map((o) => `${o.name} (since ${o.since})`);
    expect(disagree).toEqual([]);
    const binary = readFileSync(execFileSync('sh', ['-c', 'command -v ptp4l'], { encoding: 'utf8' }).trim()).toString('latin1');
    const table = new Set([...PTP_OPTIONS.map((o) => o.name), ...OPTION_ALIASES.map((a) => a.alias)]);
    const words = new Set(binary.split('\0').filter((w) => /^[A-Za-z][A-Za-z0-9_.]{2,48}$/.test(w) && !table.has(w)));
    expect([...words].filter(knows)).toEqual([]);
  }, 120_000);

  it("accepts linuxptp's own example configs as ptp4l does", () => {
    const examples = '/usr/share/doc/linuxptp/configs';
    const files = (() => {
      try {
        return readdirSync(examples).filter((f) => f.endsWith('.cfg'));
      } catch {
        return [];
      }
    })();
    for (const f of files) {
      const text = readFileSync(join(examples, f), 'utf8');
      check(f, text);
      expect({ f, errors: validatePtpConf(text, { release: release ?? undefined }).errors }).toEqual({ f, errors: 0 });
    }
  });
});
