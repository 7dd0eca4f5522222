import { describe, expect, it } from 'vitest';
import { STDIN_UNBUFFERED_MARKER } from '../../../shared/ptp/pmc-command';
import type { DeviceStream, StreamExit } from '../transport/transport';
import { PmcSession } from './pmc-session';

/** A stream the test drives: it records what the session writes and feeds lines as pmc would print them. */
function scriptedStream() {
  const writes: string[] = [];
  const listeners = new Set<(line: string, from: 'stdout' | 'stderr') => void>();
  let end: (e: StreamExit) => void = () => undefined;
  const stream: DeviceStream = {
    write: (text) => (writes.push(text), true),
    onLine: (l) => (listeners.add(l), () => listeners.delete(l)),
    ended: new Promise<StreamExit>((r) => (end = r)),
    close: () => end({ exitCode: null, reason: 'closed' }),
  };
  const say = (line: string, from: 'stdout' | 'stderr' = 'stdout') => listeners.forEach((l) => l(line, from));
  return { stream, writes, say };
}

const answer = (seq: number, tlv: string, field: string) => [`\t025353.fffe.00000b-0 seq ${seq} RESPONSE MANAGEMENT ${tlv} `, `\t\t${field}`];

describe('PmcSession', () => {
  it('writes one request at a time until pmc echoes it, when stdin is buffered', async () => {
    const { stream, writes, say } = scriptedStream();
    const s = new PmcSession(stream);
    const a = s.request('GET CURRENT_DATA_SET', { deadlineMs: 1000 });
    const b = s.request('GET TIME_STATUS_NP', { deadlineMs: 1000 });
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual(['GET CURRENT_DATA_SET\n']);
    say('sending: GET CURRENT_DATA_SET');
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual(['GET CURRENT_DATA_SET\n', 'GET TIME_STATUS_NP\n']);
    say('sending: GET TIME_STATUS_NP');
    for (const l of [...answer(0, 'CURRENT_DATA_SET', 'meanPathDelay 528.0'), ...answer(1, 'TIME_STATUS_NP', 'gmIdentity 025353.fffe.00000a')]) say(l);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.responses[0]?.fields.meanPathDelay).toBe('528.0');
    expect(rb.responses[0]?.fields.gmIdentity).toBe('025353.fffe.00000a');
    s.close();
  });

  it('sends a whole poll in one write once the script says pmc reads unbuffered stdin, and still matches answers', async () => {
    const { stream, writes, say } = scriptedStream();
    const s = new PmcSession(stream);
    say(STDIN_UNBUFFERED_MARKER, 'stderr');
    const a = s.request('GET TIME_STATUS_NP', { deadlineMs: 1000 });
    const b = s.request('GET CURRENT_DATA_SET', { deadlineMs: 1000 });
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual(['GET TIME_STATUS_NP\nGET CURRENT_DATA_SET\n']);
    for (const l of ['sending: GET TIME_STATUS_NP', 'sending: GET CURRENT_DATA_SET', ...answer(0, 'TIME_STATUS_NP', 'gmIdentity 025353.fffe.00000a'), ...answer(1, 'CURRENT_DATA_SET', 'meanPathDelay 528.0')]) say(l);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.responses[0]?.fields.gmIdentity).toBe('025353.fffe.00000a');
    expect(rb.responses[0]?.fields.meanPathDelay).toBe('528.0');
    s.close();
  });
});
