import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipUnlessAvailable } from '../../../test/support/skip';
import { LocalTransport } from '../transport/local-transport';
import { localLinuxptpVersion } from '../../../test/support/local-linuxptp';
import { OneShotPmcSource } from './pmc-poll-source';
import { PmcStreamSource } from './pmc-stream-source';

const version = localLinuxptpVersion();
const skip = skipUnlessAvailable('pmc source diagnostics on this machine', version === null ? 'linuxptp (pmc, ptp4l) is not installed' : null);

/** Both pmc sources against this machine's real pmc and a socket path with nothing there. */
describe.skipIf(skip !== null)('what the pmc sources tell the diagnostics panel when ptp4l is not there (real pmc, local transport)', () => {
  const t = new LocalTransport();
  const signal = new AbortController().signal;
  const nowhere = '/run/syncscope-test-nowhere/ptp4l';
  beforeAll(() => t.connect());
  afterAll(() => t.close());

  it('kept-open pmc: the command, the probe notes (version, the socket kept as configured), the reason', async () => {
    const src = new PmcStreamSource({ id: 'here', name: 'here', instance: { name: 'ptp4l', udsPath: nowhere } }, 300);
    try {
      const poll = await src.poll(t, signal);
      expect(poll.problem?.messageId).toBe('pmc.no-socket');
      const d = src.diagnostics();
      expect(d).toMatchObject({ source: 'pmc-stream', instance: 'ptp4l', restarts: 0, lastError: { messageId: 'pmc.no-socket' } });
      expect(d.lastCommand).toMatch(new RegExp(`^pmc -u -b 0 -s ${nowhere} -i /tmp/syncscope-pmc-[0-9a-f]{12}$`));
      expect(d.notes).toEqual([`linuxptp ${version}`, `socket ${nowhere}`]);
      expect(src.state()).toMatchObject({ instance: 'ptp4l', atMs: null, linuxptpVersion: version, udsPath: nowhere, udsReadOnly: false, ports: [] });
    } finally {
      src.close();
    }
  });

  it("one-shot pmc: the command, its round trip, what it printed and the reason", async () => {
    const src = new OneShotPmcSource({ id: 'here', name: 'here', udsPath: nowhere }, 'ptp4l', 3_000);
    const poll = await src.poll(t, signal);
    const d = src.diagnostics();
    expect(d).toMatchObject({ source: 'pmc-oneshot', instance: 'ptp4l', lastError: { messageId: poll.problem?.messageId } });
    expect(d.lastCommand).toMatch(new RegExp(`^pmc -u -b 0 -s ${nowhere} -i /tmp/syncscope-pmc-[0-9a-f]{12} GET TIME_STATUS_NP`));
    expect(d.lastLatencyMs).toBeGreaterThan(0);
    expect(d.lastRawOutput).toContain('syncscope-poll: uds missing');
  });
});
