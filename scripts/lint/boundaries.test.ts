import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Runs the repository's real eslint.config.mjs on small snippets placed (virtually) in each layer.
// Every "reported" case below passed the old string-pattern rules.
const ROOT = join(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId?.startsWith('syncscope/')).map((m) => `${m.ruleId}: ${m.message}`);
}
const reported = async (file: string, code: string) => expect(await problems(file, code), `${file}: ${code}`).not.toEqual([]);
const clean = async (file: string, code: string) => expect(await problems(file, code), `${file}: ${code}`).toEqual([]);

describe('layer boundaries, on resolved paths', () => {
  it('keeps the engine off Electron glue and UI, however the path is spelled', async () => {
    await reported('electron/core/collect/x.ts', "import { bindContractToIpc } from '../../main/ipc';");
    await reported('electron/core/x.ts', "import { isTrustedSender } from '../main/ipc';");
    await reported('electron/core/x.ts', "export * from './../preload/index';");
    await reported('electron/core/x.ts', "import 'react';");
    await reported('electron/core/x.ts', "import { app } from 'electron';");
    await reported('electron/core/x.ts', "type P = import('../../renderer/src/App').Props;");
    await reported('electron/core/x.ts', "const m = await import('../main/window');");
    await reported('electron/core/x.ts', 'const name = "x"; const m = await import(name);');
    await reported('electron/core/x.ts', "import x from '../../../outside';");
    await clean('electron/core/collect/x.ts', "import { Engine } from '../engine'; import { z } from 'zod'; import { join } from 'node:path';");
  });

  it('keeps the renderer to the contract: no engine packages, no Node, no engine files', async () => {
    await reported('renderer/src/x.ts', "import { Client } from 'ssh2';");
    await reported('renderer/src/x.ts', "import Database from 'better-sqlite3';");
    await reported('renderer/src/x.ts', "import { readFileSync } from 'fs';");
    await reported('renderer/src/x.tsx', "import { Engine } from '../../electron/core/engine';");
    await clean('renderer/src/x.tsx', "import { Button } from '@mantine/core'; import '@mantine/core/styles.css'; import { EngineClient } from '../../shared/contract';");
  });

  it('keeps shared/ pure', async () => {
    await reported('shared/x.ts', "import pino from 'pino';");
    await reported('shared/domain/x.ts', "import { join } from 'node:path';");
    await reported('shared/domain/x.ts', "import { Engine } from '../../electron/core/engine';");
    await clean('shared/domain/x.ts', "import { z } from 'zod'; import { PortState } from './ptp';");
  });

  it('keeps main thin and the preload to the contract', async () => {
    await reported('electron/main/x.ts', "import { spawn } from 'child_process';");
    await reported('electron/main/x.ts', "import { Engine } from '../core/engine';");
    await reported('electron/preload/x.ts', "import { Engine } from '../core/engine';");
    await clean('electron/main/x.ts', "import { app } from 'electron'; import { EngineHostClient } from '../core/host/host-client';");
  });
});

describe('dangerous calls, each in its one module', () => {
  it('child_process only in the local transport', async () => {
    for (const code of ["import { spawn } from 'node:child_process';", "const cp = require('child_process');", "const cp = await import('node:child_process');", "import * as cp from 'child_process';"]) {
      await reported('electron/core/collect/x.ts', code);
    }
    await clean('electron/core/transport/local-transport.ts', "import { spawn } from 'node:child_process';");
  });

  it('ssh2 only in the SSH transport (types may be shared)', async () => {
    await reported('electron/core/collect/x.ts', "import { Client } from 'ssh2';");
    await reported('electron/core/collect/x.ts', "import { Client } from 'ssh2/lib/client';");
    await clean('electron/core/transport/ssh-errors.ts', "import type { ClientErrorExtensions } from 'ssh2';");
    await clean('electron/core/transport/ssh-transport.ts', "import { Client } from 'ssh2';");
  });

  it('shell.openExternal only in the one helper, whatever the binding', async () => {
    await reported('electron/main/window.ts', "import { shell } from 'electron'; void shell.openExternal(url);");
    await reported('electron/main/window.ts', "import { shell as s } from 'electron'; void s['openExternal'](url);");
    await reported('electron/main/window.ts', "import * as electron from 'electron'; void electron.shell.openExternal(url);");
    await clean('electron/main/window.ts', "import { shell } from 'electron'; shell.beep();");
    await clean('electron/main/open-external.ts', "import { shell } from 'electron'; void shell.openExternal(url);");
  });

  it('file writes only in the store, the secret boxes and device profiles', async () => {
    for (const code of [
      "import { writeFileSync } from 'node:fs';",
      "import * as fs from 'fs'; fs.appendFileSync('x', 'y');",
      "import fs from 'node:fs'; fs.rmSync('x');",
      "import { promises } from 'fs'; await promises.unlink('x');",
      "import { rename } from 'fs/promises';",
      "import { createWriteStream as cws } from 'node:fs';",
    ]) {
      await reported('electron/core/server/x.ts', code);
      await reported('electron/main/x.ts', code);
    }
    await clean('electron/core/server/x.ts', "import { readFileSync, statSync, createReadStream } from 'node:fs';");
    for (const file of ['electron/core/store/x.ts', 'electron/core/secrets/x.ts', 'electron/core/devices/x.ts']) await clean(file, "import { writeFileSync, mkdirSync } from 'node:fs';");
  });

  it('exempts tests, the lab and benchmarks', async () => {
    await clean('electron/core/collect/x.test.ts', "import { spawn } from 'node:child_process'; import { writeFileSync } from 'node:fs';");
    await clean('test/lab/x.ts', "import { spawn } from 'node:child_process';");
  });
});
