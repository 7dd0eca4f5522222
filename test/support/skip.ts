/**
 * Whether a suite that needs real parts (the lab, Chromium, Prometheus) runs here. Without them a
 * developer's run skips the suite and says why; CI sets SYNCSCOPE_REQUIRE_LAB=1, and then a missing
 * part fails the run instead of quietly passing with fewer tests.
 */
export function skipUnlessAvailable(suite: string, reason: string | null): string | null {
  if (reason === null) return null;
  if (process.env.SYNCSCOPE_REQUIRE_LAB === '1') {
    throw new Error(`${suite} cannot run here (${reason}), and SYNCSCOPE_REQUIRE_LAB=1 says they must.`);
  }
  console.warn(`${suite} SKIPPED: ${reason}`);
  return reason;
}
