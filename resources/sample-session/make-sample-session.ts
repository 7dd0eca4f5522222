/**
 * Makes resources/sample-session/lab-sample.session.sqlite from the test lab (README.md here says
 * how): a real engine polls four lab devices over SSH and follows their ptp4l logs for a few
 * minutes, then captures the window as a session, exactly as `sessions.capture` does for a user.
 *
 *   bash test/lab/lab.sh up
 *   npx tsx resources/sample-session/make-sample-session.ts [minutes, default 4]
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../electron/core/engine';
import { createLogger } from '../../electron/core/log';
import { sessionPath } from '../../electron/core/sessions/session-files';
import { SAMPLE_SESSION_FILE } from '../../electron/core/sessions/sample-session-path';
import { readLab, type LabDevice } from '../../test/lab/lab';

const DEVICES = ['ss-gm', 'ss-s1', 'ss-s2', 'ss-bc1'];
const minutes = Number(process.argv[2] ?? 4);

async function main(): Promise<void> {
  const lab = readLab();
  const dir = mkdtempSync(join(tmpdir(), 'syncscope-sample-'));
  const engine = new Engine({ dataDir: dir, processMetrics: false, log: createLogger({ level: 'warn' }) });
  const actor = { origin: 'cli' as const };
  try {
    await engine.start();
    const ids: string[] = [];
    for (const name of DEVICES) {
      // Only read (pmc GETs, tail of the log): polling disturbs neither the shared devices nor the scenario ones.
      const d = [...lab.devices, ...lab.scenarioDevices].find((x: LabDevice) => x.name === name);
      if (!d) throw new Error(`the lab has no device ${name}`);
      const view = await engine.handlers['devices.add'](
        {
          transport: 'ssh',
          name: d.name,
          host: d.host,
          sshPort: 22,
          user: d.user,
          auth: { kind: 'privateKey', privateKey: readFileSync(d.privateKeyPath, 'utf8') },
          hostKeySha256: d.hostKeySha256,
          pollIntervalMs: 1000,
          instances: d.instances.map((i) => ({ name: i.name, udsPath: i.udsPath, configPath: i.ptp4lConfig, log: { kind: 'file' as const, path: i.ptp4lLog } })),
        },
        actor,
      );
      ids.push(view.id);
    }
    const fromMs = Date.now();
    console.log(`polling ${DEVICES.join(', ')} for ${minutes} min …`);
    await new Promise((r) => setTimeout(r, minutes * 60_000));
    const toMs = Date.now();
    const s = await engine.handlers['sessions.capture'](
      {
        name: 'Syncscope lab sample',
        deviceIds: ids,
        fromMs,
        toMs,
        notes:
          `${minutes} minutes of the Syncscope test lab (network namespaces on one bridge, linuxptp ${lab.linuxptpVersion}, software timestamping, free_running 1): ` +
          'ss-gm is the domain 0 grandmaster, ss-s1 and ss-s2 its slaves, ss-bc1 has two ptp4l instances (eth0 a slave of ss-gm, eth1 alone in domain 2). ' +
          'Polled over SSH every second through pmc, with each ptp4l log followed.',
      },
      actor,
    );
    const out = join(__dirname, SAMPLE_SESSION_FILE);
    copyFileSync(sessionPath(dir, s.id), out);
    console.log(`${out}: ${statSync(out).size} bytes, ${s.devices.length} devices, ${new Date(fromMs).toISOString()} – ${new Date(toMs).toISOString()}`);
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
