import type { Command } from 'commander';
import { listSerialPorts } from '../transport/serial-ports';
import { printTable } from './table';

/** `syncscope serial ports [--json]`: the serial ports of this machine, for `device add --serial`. */
export function registerSerialCommands(program: Command): void {
  const serial = program.command('serial').description('serial ports of this machine');
  serial
    .command('ports')
    .description('list the serial ports this machine has (path, manufacturer, serial number, USB vendor/product)')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const list = await listSerialPorts();
      if (o.json) return console.log(JSON.stringify(list, null, 2));
      if (list.ports.length === 0) console.log('No serial ports found.');
      else printTable([['PATH', 'MANUFACTURER', 'SERIAL', 'VID:PID'], ...list.ports.map((p) => [p.path, p.manufacturer ?? '-', p.serialNumber ?? '-', p.vendorId && p.productId ? `${p.vendorId}:${p.productId}` : '-'])]);
      if (list.note) console.log(`Note: ${list.note}`);
    });
}
