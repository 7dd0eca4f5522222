import type { Command } from 'commander';
import { deviceNamed } from './host-key-commands';
import type { Access } from './engine-access';

type Where = (c: Command) => Command;
type WithAccess = <T>(o: { server?: string; data?: string }, fn: (a: Access) => Promise<T>) => Promise<T>;

/**
 * `device disconnect NAME` and `device connect NAME`: the profile's `disconnected` flag, set through
 * devices.update like any edit. With --data the engine running on that folder picks it up within a second.
 */
export function registerConnectCommands(device: Command, where: Where, withAccess: WithAccess): void {
  const verbs = [
    { verb: 'disconnect', disconnected: true, what: 'close the connection and stop polling until `device connect` (a serial console is logged out and its port released, e.g. for flashing); kept across restarts', done: 'Disconnected' },
    { verb: 'connect', disconnected: false, what: 'connect a disconnected device again and resume polling', done: 'Connected' },
  ] as const;
  for (const v of verbs) {
    where(device.command(v.verb).description(v.what).argument('<name>', 'device name')).action(async (name: string, o: { server?: string; data?: string }) => {
      await withAccess(o, async (a) => {
        const found = await deviceNamed(a, name);
        if ((found.disconnected ?? false) === v.disconnected) return console.log(`${found.name} is already ${v.disconnected ? 'disconnected' : 'connected'}`);
        await a.client.call('devices.update', { id: found.id, patch: { disconnected: v.disconnected } });
        console.log(`${v.done} ${found.name}`);
      });
    });
  }
}
