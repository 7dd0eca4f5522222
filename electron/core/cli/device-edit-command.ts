import type { Command } from 'commander';
import { devicePatchFromFlags } from './device-input';
import { deviceNamed } from './host-key-commands';
import type { Access } from './engine-access';

type Where = (c: Command) => Command;
type WithAccess = <T>(o: { server?: string; data?: string }, fn: (a: Access) => Promise<T>) => Promise<T>;

interface EditFlags {
  tsnInterfaces?: string;
  interval?: string;
  server?: string;
  data?: string;
}

/** `device edit NAME --tsn-interfaces eth0,eth1|default [--interval MS]`: a devices.update of the given fields only. */
export function registerDeviceEditCommand(device: Command, where: Where, withAccess: WithAccess): void {
  where(
    device
      .command('edit')
      .description("change a device profile's TSN interfaces or poll interval (other fields: the console's device form)")
      .argument('<name>', 'device name')
      .option('--tsn-interfaces <list>', 'interfaces whose TSN statistics are read, comma-separated (eth0,eth1); default: the ones ptp4l runs on and those with a configured root qdisc')
      .option('--interval <ms>', 'poll interval in milliseconds'),
  ).action(async (name: string, o: EditFlags) => {
    const patch = devicePatchFromFlags(o);
    await withAccess(o, async (a) => {
      const found = await deviceNamed(a, name);
      const view = await a.client.call('devices.update', { id: found.id, patch });
      console.log(`Changed ${view.name}: TSN interfaces ${view.tsnInterfaces?.join(', ') ?? 'default (ptp4l interfaces and configured qdiscs)'}, poll interval ${view.pollIntervalMs} ms`);
    });
  });
}
