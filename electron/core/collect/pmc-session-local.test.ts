import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SOCKET_PREFIX, pmcStreamArgv } from '../../../shared/ptp/pmc-command';
import { skipUnlessAvailable } from '../../../test/support/skip';
import { LocalTransport } from '../transport/local-transport';
import { localLinuxptpVersion } from '../../../test/support/local-linuxptp';
import { PmcSession } from './pmc-session';

const installed = localLinuxptpVersion();
const before4 = installed !== null && /^v?[0-3]\./.test(installed);
const skip = skipUnlessAvailable('a linuxptp before 4.0 on this machine', installed === null ? 'linuxptp (pmc, ptp4l) is not installed' : before4 ? null : `linuxptp ${installed} has the 4.x data sets`);

/**
 * A pmc that does not know a data set refuses it before sending anything (`bad command: GET X`, captured
 * in shared/ptp/fixtures/linuxptp-3.1.1-misc-and-bad-commands.txt): the session reports it as
 * unsupported, which the stream source remembers as unavailable (as for PORT_SERVICE_STATS_NP).
 */
describe.skipIf(skip !== null)('the 4.x data sets asked of a pmc before 4.0 (real pmc, local transport)', () => {
  const t = new LocalTransport();
  beforeAll(() => t.connect());
  afterAll(() => t.close());

  it('each is answered as unsupported at once, and the session goes on answering what this pmc knows', async () => {
    const argv = pmcStreamArgv('/run/syncscope-test-nowhere/ptp4l', `${CLIENT_SOCKET_PREFIX}${randomBytes(6).toString('hex')}`);
    const session = new PmcSession(await t.stream(argv, { startTimeoutMs: 5_000 }));
    try {
      const asked = ['GET PORT_HWCLOCK_NP', 'GET UNICAST_MASTER_TABLE_NP', 'GET PORT_CORRECTIONS_NP'];
      const answers = await Promise.all(asked.map((r) => session.request(r, { deadlineMs: 3_000 })));
      expect(answers.map((a) => [a.request, a.unsupported, a.timedOut])).toEqual(asked.map((r) => [r, `bad command: ${r}`, null]));
      // Still alive: a request this pmc knows is sent, not refused (ptp4l is not there, so it runs into its deadline).
      const known = await session.request('GET TIME_STATUS_NP', { deadlineMs: 500 });
      expect(known.unsupported).toBeNull();
      expect(known.timedOut).not.toBeNull();
      expect(session.alive).toBe(true);
    } finally {
      session.close();
    }
  });
});
