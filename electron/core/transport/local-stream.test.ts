import { afterEach, describe, expect, it } from 'vitest';
import { LocalTransport } from './local-transport';
import type { DeviceStream } from './transport';
import { processAlive } from '../../../test/lab/lab-helpers';

/** Streams of real local processes (cat, sh): the same primitive every source follows a device with. */
describe('LocalTransport.stream', () => {
  let t: LocalTransport;
  afterEach(() => t?.close());

  const collect = (s: DeviceStream) => {
    const lines: [string, string][] = [];
    s.onLine((line, from) => lines.push([line, from]));
    return lines;
  };

  it('answers what is written to its stdin, line by line, as it arrives', async () => {
    t = new LocalTransport();
    const s = await t.stream(['sh', '-c', 'while read -r l; do echo "got $l"; done; echo bye >&2; exit 4']);
    const lines = collect(s);
    expect(s.write('GET CURRENT_DATA_SET\n')).toBe(true);
    s.write('GET TIME_');
    s.write('STATUS_NP\r\n');
    await waitUntil(() => lines.length === 2);
    expect(lines).toEqual([
      ['got GET CURRENT_DATA_SET', 'stdout'],
      // sh kept the \r; the CRLF it echoed is one line end.
      ['got GET TIME_STATUS_NP', 'stdout'],
    ]);
    expect(lines.some(([, from]) => from === 'stderr')).toBe(false);
  });

  it('settles ended once with the exit status and delivers a last unterminated line', async () => {
    t = new LocalTransport();
    const s = await t.stream(['sh', '-c', 'printf "a\\nb"; printf "oops" >&2; exit 3']);
    const lines = collect(s);
    expect(await s.ended).toEqual({ exitCode: 3, reason: 'exited 3' });
    expect(lines).toContainEqual(['b', 'stdout']);
    expect(lines).toContainEqual(['oops', 'stderr']);
    expect(s.write('late\n')).toBe(false);
  });

  it('close() ends a command that ignores stdin (TERM), and nothing is delivered afterwards', async () => {
    t = new LocalTransport();
    const s = await t.stream(['sh', '-c', 'echo $$; exec sleep 30']);
    const lines = collect(s);
    await waitUntil(() => lines.length === 1);
    const pid = Number(lines[0]![0]);
    s.close();
    expect(await s.ended).toEqual({ exitCode: null, reason: 'closed' });
    expect(processAlive(pid)).toBe(false);
    expect(s.write('x\n')).toBe(false);
  });

  it('reports a command killed by a signal', async () => {
    t = new LocalTransport();
    const s = await t.stream(['sh', '-c', 'kill -KILL $$']);
    expect(await s.ended).toEqual({ exitCode: null, reason: 'killed by SIGKILL' });
  });

  it('a missing program is a stream that ended with 127, like a shell', async () => {
    t = new LocalTransport();
    const s = await t.stream(['syncscope-no-such-program-xyz']);
    expect((await s.ended).exitCode).toBe(127);
  });

  it('an aborted signal closes the stream; closing the transport closes every stream', async () => {
    t = new LocalTransport();
    const ac = new AbortController();
    const a = await t.stream(['cat'], { signal: ac.signal });
    const b = await t.stream(['cat']);
    ac.abort(new Error('stop'));
    expect((await a.ended).reason).toBe('closed');
    t.close();
    expect((await b.ended).reason).toBe('closed');
    await expect(t.stream(['cat'])).rejects.toMatchObject({ value: { messageId: 'collect.transport-closed' } });
  });

  it('cuts a runaway line at maxLineBytes', async () => {
    t = new LocalTransport();
    const s = await t.stream(['sh', '-c', 'head -c 100000 /dev/zero | tr "\\0" x; echo; echo next'], { maxLineBytes: 100 });
    const lines = collect(s);
    await s.ended;
    expect(lines).toEqual([
      ['x'.repeat(100), 'stdout'],
      ['next', 'stdout'],
    ]);
  });
});


async function waitUntil(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
