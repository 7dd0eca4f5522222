import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labDevice } from '../lab/lab';
import { until } from '../lab/lab-helpers';
import { browserSuiteSkip, openAddDialog, openConsole, type ConsoleSession } from './console-session';

const skip = browserSuiteSkip();
const run = promisify(execFile);

/**
 * "SSH agent" in the form means the engine's own ssh-agent: the engine here is started with the
 * SSH_AUTH_SOCK of a real ssh-agent holding the lab key, and the form stores no secret at all.
 */
describe.skipIf(skip !== null)('an ssh-agent login chosen in the form, in real Chromium against the real engine', () => {
  let s: ConsoleSession;
  let agent: ChildProcess;
  let dir: string;
  const input = (field: string) => s.page.getByTestId(`device-form-${field}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'syncscope-form-agent-'));
    const sock = join(dir, 'agent.sock');
    agent = spawn('ssh-agent', ['-D', '-a', sock], { stdio: 'ignore' });
    const env = { ...process.env, SSH_AUTH_SOCK: sock };
    // `ssh-add -l` exits 1 for an empty agent that answers, 2 while nothing listens.
    await until('ssh-agent to listen', () => run('ssh-add', ['-l'], { env }).then(() => true, (e: { code?: number }) => e.code === 1));
    s = await openConsole({ width: 1280, height: 900 }, { SSH_AUTH_SOCK: sock });
    await run('ssh-add', [labDevice(s.lab, 'ss-s1').privateKeyPath], { env });
  });
  afterAll(async () => {
    await s?.close();
    agent?.kill();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('adds ss-s1 with the agent login (no secret typed) and it comes online', async () => {
    const s1 = labDevice(s.lab, 'ss-s1');
    await openAddDialog(s.page);
    await input('name').fill('agent-s1');
    await input('host').fill(s1.host);
    await input('user').fill(s1.user);
    await input('authKind').locator('label').nth(3).click(); // SSH agent
    await expect(input('agentNote').innerText()).resolves.toContain('SSH_AUTH_SOCK');
    await expect(input('password').count()).resolves.toBe(0);
    await expect(input('privateKey').count()).resolves.toBe(0);
    await input('hostKeySha256').fill(s1.hostKeySha256);
    await input('instances.0.udsPath').fill(s1.udsPath);
    await input('submit').click();
    await s.page.getByTestId('device-row-agent-s1').waitFor();
    await s.page.locator('[data-testid="device-status-agent-s1"][data-connection="online"]').waitFor({ timeout: 45_000 });
    // Reopened, the form shows the agent kind and has no secret to keep.
    await s.page.getByTestId('device-edit-agent-s1').click();
    await expect(input('authKind').locator('input:checked').inputValue()).resolves.toBe('agent');
    await expect(input('agentNote').count()).resolves.toBe(1);
  });

  it('logs no errors in the page', () => {
    expect(s.consoleErrors).toEqual([]);
  });
});
