import { describe, expect, it } from 'vitest';
import { ConsoleLog, ConsoleLogs } from './console-log';
import { listSerialPorts } from './serial-ports';

describe('the raw console log', () => {
  it('keeps the newest lines in order with their wall time, bounded', () => {
    const log = new ConsoleLog(3);
    for (let i = 1; i <= 5; i++) log.add(`line ${i}`, i === 4 ? 'kernel' : 'in', 1000 + i);
    expect(log.lines()).toEqual([
      { tMs: 1003, text: 'line 3', kind: 'in' },
      { tMs: 1004, text: 'line 4', kind: 'kernel' },
      { tMs: 1005, text: 'line 5', kind: 'in' },
    ]);
    expect(log.lines(1).map((l) => l.text)).toEqual(['line 5']);
  });

  it('never keeps a secret, wherever it shows up in a line', () => {
    const log = new ConsoleLog();
    log.addSecret('s3cret-pw');
    log.add('Password: s3cret-pw (echoed by a console with echo on)', 'in');
    expect(JSON.stringify(log.lines())).not.toContain('s3cret-pw');
  });

  it('is kept per device across transports, and empty for a device without one', () => {
    const logs = new ConsoleLogs();
    logs.of('dev-1').add('hello', 'in');
    expect(logs.of('dev-1').lines()).toHaveLength(1);
    expect(logs.lines('dev-2', 10)).toEqual([]);
  });
});

describe('listing serial ports', () => {
  it('answers without throwing, with a note when the OS listing is not available', async () => {
    const list = await listSerialPorts();
    expect(Array.isArray(list.ports)).toBe(true);
    for (const p of list.ports) expect(p.path).toMatch(/^\/|^COM\d+$/);
    // Where udev is missing (this container), SerialPort.list() fails: the note says so instead of a crash.
    if (list.note !== null) expect(list.note).toMatch(/listing failed/);
  });
});
