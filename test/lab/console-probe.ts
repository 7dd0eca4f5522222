// Another program at a serial console, as a flashing tool would be: opens the port exclusively
// (serialport's lock, flock LOCK_EX), logs in with CONSOLE_USER / CONSOLE_PW, runs one command and
// logs out. Prints one JSON line: { ok: true, output } or { ok: false, error }.
//   npx tsx test/lab/console-probe.ts /path/to/console
import { SerialPort } from 'serialport';

const path = process.argv[2] ?? '';
const port = new SerialPort({ path, baudRate: 115200, lock: true, autoOpen: false });
let seen = '';
port.on('data', (d: Buffer) => (seen += d.toString('latin1')));
const done = (result: { ok: boolean; output?: string; error?: string }) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (port.isOpen) port.close(() => process.exit(0));
  else process.exit(0);
};
setTimeout(() => done({ ok: false, error: `timed out; the console said: ${JSON.stringify(seen.slice(-300))}` }), 20_000).unref();

/** The console's last prompt decides the next line, whatever state it was left in (a half-typed login, say). */
const steps: { re: RegExp; line: string | (() => string); last?: boolean }[] = [
  { re: /flashed-42/, line: 'exit', last: true },
  { re: /[$#] *$/, line: 'echo flashed-$((6*7))' },
  { re: /Password: *$/, line: () => (userSent ? (process.env.CONSOLE_PW ?? '') : '') },
  { re: /login: *$/, line: () => ((userSent = true), process.env.CONSOLE_USER ?? '') },
];
let userSent = false;

port.open((err) => {
  if (err) return done({ ok: false, error: err.message });
  port.write('\r');
  const timer = setInterval(() => {
    const step = steps.find((s) => s.re.test(seen));
    if (!step) return;
    seen = '';
    port.write(`${typeof step.line === 'function' ? step.line() : step.line}\r`, () => {
      if (!step.last) return;
      clearInterval(timer);
      done({ ok: true, output: 'flashed-42' });
    });
  }, 50);
});
