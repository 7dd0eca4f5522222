import { readdirSync } from 'node:fs';
import { SerialPort } from 'serialport';
import type { SerialPortList } from '../../../shared/contract/methods-serial';

/** Device names that are serial ports on Linux, for when udev cannot be asked. */
const LINUX_TTY = /^(?:ttyUSB\d+|ttyACM\d+|ttyAMA\d+|ttymxc\d+|ttyO\d+|ttyTHS\d+|rfcomm\d+)$/;

/**
 * The serial ports this machine has, with what the OS knows of each (USB vendor/product, serial
 * number). `SerialPort.list()` asks udev on Linux; where udev is missing (a container, a minimal
 * install) it fails, and the list falls back to the device names in /dev and /dev/serial/by-id,
 * saying so in `note`. Never throws.
 */
export async function listSerialPorts(): Promise<SerialPortList> {
  try {
    const ports = await SerialPort.list();
    return {
      ports: ports.map((p) => ({
        path: p.path,
        manufacturer: p.manufacturer ?? null,
        serialNumber: p.serialNumber ?? null,
        vendorId: p.vendorId ?? null,
        productId: p.productId ?? null,
        pnpId: p.pnpId ?? null,
      })),
      note: null,
    };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const paths = process.platform === 'linux' ? devicePaths() : [];
    return {
      ports: paths.map((path) => ({ path, manufacturer: null, serialNumber: null, vendorId: null, productId: null, pnpId: null })),
      note: `The OS's port listing failed (${detail.slice(0, 160)}); ${paths.length > 0 ? 'these are the serial device names found in /dev, without details.' : 'no serial device names were found in /dev either.'}`,
    };
  }
}

function devicePaths(): string[] {
  const list = (dir: string, keep: (name: string) => boolean) => {
    try {
      return readdirSync(dir)
        .filter(keep)
        .sort()
        .map((n) => `${dir}/${n}`);
    } catch {
      return [];
    }
  };
  return [...list('/dev/serial/by-id', () => true), ...list('/dev', (n) => LINUX_TTY.test(n))];
}
