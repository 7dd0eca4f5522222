import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncscopeError } from '../../../shared/domain/errors';
import { LocalTransport } from '../transport/local-transport';
import { backupPathFor, checkedPath } from './device-files';
import { ShellFiles } from './shell-files';

const owner = { device: 'here', deviceId: 'dev-1' };

// Real processes and files: a machine busy with other suites takes longer than vitest's 5 s default.
describe('files through shell commands (the local transport, a temp dir as the device)', { timeout: 30_000 }, () => {
  let dir: string;
  let transport: LocalTransport;
  let files: ShellFiles;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-files-'));
    transport = new LocalTransport();
    await transport.connect();
    files = new ShellFiles(transport, owner);
  });
  afterEach(() => transport.close());

  it('replaces a file atomically, keeping its mode, and leaves no temporary file', async () => {
    const path = join(dir, 'ptp4l.conf');
    writeFileSync(path, '[global]\npriority1 128\n');
    chmodSync(path, 0o640);
    // Every byte value a config could hold, quotes and shell syntax included, in more than one chunk.
    const text = `[global]\npriority1 127\n# $(reboot) \`id\` 'x' "y" ; | & > * \\ 主时钟\n${'x'.repeat(120_000)}\n`;
    await files.replace(path, text, 'replace');
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['ptp4l.conf']);
    expect(await files.read(path)).toBe(text);
  });

  it('keeps a backup beside the file with the file\'s mode', async () => {
    const path = join(dir, 'ptp4l.conf');
    writeFileSync(path, 'old\n');
    chmodSync(path, 0o600);
    const backup = backupPathFor(path, Date.UTC(2026, 11, 8, 1, 2, 3, 456));
    expect(backup).toBe(`${path}.syncscope-backup-20261208T010203.456Z`);
    await files.replace(backup, 'old\n', 'back up', path);
    expect(readFileSync(backup, 'utf8')).toBe('old\n');
    expect(statSync(backup).mode & 0o777).toBe(0o600);
  });

  it('says a missing file and a directory it may not write in its own words, and leaves the file alone', async () => {
    await expect(files.read(join(dir, 'nope.conf'))).rejects.toMatchObject({ value: { messageId: 'config-push.file-missing' } });
    const path = join(dir, 'ptp4l.conf');
    writeFileSync(path, 'old\n');
    // A temp file cannot be made in a directory that is not there: the write fails, the target is untouched.
    await expect(files.replace(join(dir, 'gone', 'x.conf'), 'new\n', 'replace')).rejects.toBeInstanceOf(SyncscopeError);
    expect(readFileSync(path, 'utf8')).toBe('old\n');
  });

  it('refuses a hostile path before any command runs', async () => {
    for (const bad of ['relative.conf', '/etc/ptp4l.conf; reboot', '/etc/../shadow', '/etc/$(id)', '/etc/ptp4l.conf\nrm', ' /etc/ptp4l.conf']) {
      expect(() => checkedPath(bad)).toThrow(SyncscopeError);
      await expect(files.read(bad)).rejects.toMatchObject({ value: { code: 'invalid-input' } });
    }
  });
});
