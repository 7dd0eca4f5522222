import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../domain/device';
import { SessionProfile, sessionProfileOf } from './session-profile';

const view: DeviceView = {
  id: 'd1',
  name: 'bc-1',
  transport: 'ssh',
  host: '192.0.2.20',
  sshPort: 22,
  user: 'ptp',
  authKind: 'privateKey',
  udsPath: '/var/run/ptp4l-eth0',
  instances: [{ name: 'eth0', udsPath: '/var/run/ptp4l-eth0', configPath: '/etc/ptp4l-eth0.conf', log: { kind: 'journal', unit: 'ptp4l@eth0.service' } }],
  jump: { host: 'bastion', sshPort: 22, user: 'ops', authKind: 'password', hostKeySha256: null },
  pollIntervalMs: 125,
  hostKeySha256: 'SHA256:abc',
  serial: null,
  createdAtMs: 1,
  updatedAtMs: 2,
};

describe('a device profile in a session file', () => {
  it('keeps the fields it names and nothing else, whatever the view grows', () => {
    const grown = { ...view, disconnected: false, someFutureField: 'not for sessions' } as DeviceView;
    const p = sessionProfileOf(grown);
    expect(p).toEqual({
      transport: 'ssh',
      host: '192.0.2.20',
      sshPort: 22,
      user: 'ptp',
      authKind: 'privateKey',
      hostKeySha256: 'SHA256:abc',
      pollIntervalMs: 125,
      instances: [{ name: 'eth0', udsPath: '/var/run/ptp4l-eth0', configPath: '/etc/ptp4l-eth0.conf', log: 'journal:ptp4l@eth0.service' }],
      jump: { host: 'bastion', sshPort: 22, user: 'ops', hostKeySha256: null },
      serial: null,
    });
    expect(SessionProfile.parse(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it('reads profiles written before or after this schema: missing fields default, unknown ones are dropped', () => {
    expect(SessionProfile.parse({ transport: 'local' })).toMatchObject({ host: null, instances: [], jump: null, serial: null });
    // The first session files kept DeviceView itself (the sample session among them).
    const old = SessionProfile.parse({ ...view, disconnected: true });
    expect(old.instances[0]?.log).toBe('journal:ptp4l@eth0.service');
    expect(old).not.toHaveProperty('disconnected');
    expect(old).not.toHaveProperty('createdAtMs');
  });
});
