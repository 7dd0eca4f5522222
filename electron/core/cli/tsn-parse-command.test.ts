import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runTsnParse, TSN_PARSE_EXIT } from './tsn-parse-command';

const FIXTURES = join(__dirname, '..', '..', '..', 'shared', 'tsn', 'stats', 'fixtures');

/** Runs the command as `syncscope tsn parse` does, collecting what it prints. */
function run(file: string, flags: { json?: boolean; lang?: string } = {}): { status: number; stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const status = runTsnParse(file, { lang: flags.lang ?? 'en', ...(flags.json ? { json: true } : {}) });
    return { status, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

describe('syncscope tsn parse', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-tsn-parse-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it('prints a saved tc -s qdisc show (text) as a table with drops and backlog', () => {
    const r = run(join(FIXTURES, 'tc-6.1-qdisc-htb-pfifo-drops.txt'));
    expect(r.status).toBe(TSN_PARSE_EXIT.read);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/: tc-qdisc$/);
    expect(lines[1]).toMatch(/^DEV\s+KIND\s+HANDLE\s+PARENT\s+BYTES\s+PACKETS\s+DROPS/);
    expect(lines[2]).toMatch(/^-\s+htb\s+1:\s+root\s+6060\s+8\s+191\s+4\s+0\s+4326b\s+3/);
  });

  it('reads the old invalid taprio JSON, prints both schedules with exact 64-bit base times, and says what was wrong', () => {
    const r = run(join(FIXTURES, 'tc-taprio-admin-old-invalid.json'));
    expect(r.status).toBe(TSN_PARSE_EXIT.read);
    expect(r.stdout).toContain('taprio 100: on eno0: a pending (admin) schedule waits for its base-time');
    expect(r.stdout).toContain('  oper: base-time 1528743495910289987 cycle-time 900000');
    expect(r.stdout).toContain('  admin: base-time 1528743495910289987 cycle-time 1000000');
    expect(r.stdout).toContain('    1 S gates 0x6 500000 ns');
    expect(r.stderr).toContain('tc printed invalid JSON for the taprio qdisc on eno0');
    const zh = run(join(FIXTURES, 'tc-taprio-admin-old-invalid.json'), { lang: 'zh-CN' });
    expect(zh.stderr).toContain('无效的 JSON');
  });

  it('prints ethtool -S per queue with the driver name kept, and JSON when asked', () => {
    const r = run(join(FIXTURES, 'ethtool-stmmac-S.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^1\s+tx\s+packets\s+500\s+q1_tx_pkt_n$/m);
    const j = run(join(FIXTURES, 'ethtool-mlx5-S.txt'), { json: true });
    const parsed = JSON.parse(j.stdout) as { kind: string; readable: boolean; queues: { queue: number; direction: string; counter: string; raw: string }[] };
    expect(parsed).toMatchObject({ kind: 'ethtool-stats', readable: true });
    expect(parsed.queues).toContainEqual(expect.objectContaining({ queue: 0, direction: 'tx', counter: 'drops', raw: 'tx0_dropped' }));
  });

  it('prints timestamping capabilities in the old ioctl form and MAC merge state', () => {
    const t = run(join(FIXTURES, 'ethtool-old-ioctl-T.txt'));
    expect(t.stdout).toContain('PTP hardware clock: /dev/ptp0');
    expect(t.stdout).toContain('capabilities: hardware-transmit, software-transmit, hardware-receive, software-receive, software-system-clock, hardware-raw-clock');
    const mm = run(join(FIXTURES, 'ethtool-show-mm-stmmac.json'));
    expect(mm.stdout).toContain('pMAC on, TX on, TX active on, verify on (SUCCEEDED)');
    expect(mm.stdout).toContain('MACMergeFragCountTx: 35105');
  });

  it('says what it could not read and exits non-zero', () => {
    const junk = join(dir, 'junk.txt');
    writeFileSync(junk, 'hello\nworld\n');
    const r = run(junk);
    expect(r.status).toBe(TSN_PARSE_EXIT.unreadable);
    expect(r.stderr).toContain('is none of the outputs Syncscope reads');
    const refused = run(join(FIXTURES, 'ethtool-6.1-show-mm-unsupported.txt'));
    expect(refused.status).toBe(TSN_PARSE_EXIT.unreadable);
    const missing = run(join(dir, 'no-such-file'));
    expect(missing).toMatchObject({ status: TSN_PARSE_EXIT.noFile });
    expect(missing.stderr).toContain('ENOENT');
  });
});
