import { readFileSync } from 'node:fs';
import { io } from 'socket.io-client';
import { EngineClient } from '../../shared/contract/client';
import { socketTransport } from '../../shared/contract/socket-transport';
import type { PtpInstance } from '../../shared/domain/device';
import type { LabDevice } from '../lab/lab';

/** A contract client on the suite's engine (what a script uses), for setting up what a test then drives in the page. */
export async function engineClient(url: string): Promise<{ engine: EngineClient; close(): void }> {
  const socket = io(url, { transports: ['websocket'] });
  await new Promise<void>((ok, fail) => {
    socket.once('connect', () => ok());
    socket.once('connect_error', fail);
  });
  const engine = new EngineClient(socketTransport(socket, url));
  return {
    engine,
    close: () => {
      engine.close();
      socket.close();
    },
  };
}

/** Adds a lab device by key login with its first ptp4l instance's config file (and more of the instance's settings). */
export function addLabDeviceWithConfig(engine: EngineClient, device: LabDevice, instance: Partial<PtpInstance> = {}) {
  const i = device.instances[0]!;
  return engine.call('devices.add', {
    transport: 'ssh',
    name: device.name,
    host: device.host,
    sshPort: device.sshPort,
    user: device.user,
    auth: { kind: 'privateKey', privateKey: readFileSync(device.privateKeyPath, 'utf8') },
    hostKeySha256: device.hostKeySha256,
    instances: [{ name: i.name, udsPath: i.udsPath, configPath: i.ptp4lConfig, ...instance }],
    pollIntervalMs: 500,
  });
}
