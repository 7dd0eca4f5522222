import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../shared/contract/dispatch';
import { DoctorReport } from '../../../shared/contract/methods-diagnostics';
import { offlineEngine } from '../../../test/support/offline-engine';

const actor = { origin: 'test' as const };

/** The three rows through the contract, on a real engine that polls nothing (the CLI's engine on a data folder). */
describe('ptp.state, collect.diagnostics and doctor.run behind the contract', () => {
  it('an engine that collects nothing knows no live state, and still runs the checks over a connection of its own', async () => {
    const { engine, close } = offlineEngine();
    try {
      const added = await dispatch(engine.handlers, { method: 'devices.add', params: { transport: 'local', name: 'here', udsPath: '/run/syncscope-test-nowhere/ptp4l' } }, actor);
      if (!added.ok) throw new Error(added.error.message);
      const deviceId = (added.value as { id: string }).id;
      expect(await dispatch(engine.handlers, { method: 'ptp.state', params: { deviceId } }, actor)).toEqual({ ok: true, value: [] });
      expect(await dispatch(engine.handlers, { method: 'collect.diagnostics', params: { deviceId } }, actor)).toEqual({ ok: true, value: [] });
      const ran = await dispatch(engine.handlers, { method: 'doctor.run', params: { deviceId } }, actor);
      if (!ran.ok) throw new Error(ran.error.message);
      const report = DoctorReport.parse(ran.value);
      expect(report.deviceId).toBe(deviceId);
      expect(report.findings.find((f) => f.check === 'pmc')).toMatchObject({ status: 'fail', params: { uds: '/run/syncscope-test-nowhere/ptp4l' } });
    } finally {
      await close();
    }
  });

  it('an unknown device is not-found on every row, with the catalog text', async () => {
    const { engine, close } = offlineEngine();
    try {
      for (const method of ['ptp.state', 'collect.diagnostics', 'doctor.run']) {
        const res = await dispatch(engine.handlers, { method, params: { deviceId: '00000000-0000-4000-8000-000000000000' } }, actor);
        expect(res).toMatchObject({ ok: false, error: { code: 'not-found' } });
      }
    } finally {
      await close();
    }
  });
});
