import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { clientSocketPath } from '../../electron/core/collect/pmc-poll-source';
import { LocalTransport } from '../../electron/core/transport/local-transport';
import { SerialTransport } from '../../electron/core/transport/serial-transport';
import { framedExec } from '../../shared/serial/console-frame';
import { shellCommand } from '../../shared/shell/quote';
import { pmcPollArgv } from '../../shared/ptp/pmc-command';
import { labDevice, labSkipReason, labUp } from '../lab/lab';
import type { BenchResult } from './poll-transport.bench';

/**
 * The serial console's cost (ss-c1: a socat pty into login(1), test/lab/serial-console.sh): login,
 * a framed `true`, and the one-shot pmc poll the collector runs over a serial device, against the
 * same poll run as a local process on ptp4l's socket in the same run (what the console adds). A pty
 * has no baud rate: the bytes a poll puts on the wire are reported with the time a real 115200 8N1
 * UART (10 bits a byte) needs for them.
 */
const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '../lab/serial-console.sh');
const UDS = '/run/syncscope-lab/ss-c1/ptp4l';
const RUNS = 40;

function stats(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  return `median ${(s[Math.floor(s.length / 2)] ?? NaN).toFixed(2)} ms, p95 ${(s[Math.floor(s.length * 0.95)] ?? NaN).toFixed(2)} ms`;
}

async function timed(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export async function benchSerialConsole(): Promise<BenchResult> {
  const name = 'Serial console (ss-c1 over a pty, login(1), one-shot pmc per poll)';
  const skip = labSkipReason();
  if (skip) return { name, lines: [`skipped: ${skip}`] };
  const lab = await labUp();
  await promisify(execFile)('bash', [SCRIPT, 'up']);
  const d = labDevice(lab, 'ss-s1');
  const serial = new SerialTransport({ serial: { path: '/run/syncscope-lab/ss-c1/console', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flowControl: 'none' }, user: d.passwordUser, password: d.password });
  const local = new LocalTransport();
  try {
    const t0 = performance.now();
    await serial.connect();
    const loginMs = performance.now() - t0;
    const trueMs = await timed(RUNS, () => serial.exec(['true']));
    let outBytes = 0;
    let inBytes = 0;
    const serialPoll = await timed(RUNS, async () => {
      const argv = pmcPollArgv(UDS, clientSocketPath(), 5000);
      inBytes = framedExec('0'.repeat(16), shellCommand(argv)).length + 1;
      const r = await serial.exec(argv);
      outBytes = r.stdout.length + 120; // the markers and the prompt around it
    });
    const localPoll = await timed(RUNS, () => local.exec(pmcPollArgv(UDS, clientSocketPath(), 5000)));
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    const uartMs = ((inBytes + outBytes) * 10 * 1000) / 115_200;
    return {
      name,
      lines: [
        `login (user + password + shell setup): ${loginMs.toFixed(1)} ms`,
        `framed \`true\`: ${stats(trueMs)}`,
        `one-shot pmc poll over the console: ${stats(serialPoll)}`,
        `the same poll as a local process:  ${stats(localPoll)} (console overhead ${(median(serialPoll) - median(localPoll)).toFixed(1)} ms)`,
        `bytes per poll: ~${inBytes} typed + ~${outBytes} printed = ${uartMs.toFixed(0)} ms of a real 115200 8N1 line`,
      ],
    };
  } finally {
    serial.close();
    local.close();
  }
}
