import { useEffect, useState } from 'react';
import type { SerialPortInfo } from '../../../../shared/contract/methods-serial';
import { useEngine } from '../../engine/EngineContext';

/**
 * The serial ports the engine's machine has, asked once when the serial form opens: suggestions
 * for the port path, which stays free text. null while unknown or when the engine could not list them
 * (not fatal: the operator types the path).
 */
export function useSerialPorts(active: boolean): SerialPortInfo[] | null {
  const { client } = useEngine();
  const [ports, setPorts] = useState<SerialPortInfo[] | null>(null);
  useEffect(() => {
    if (!active) return;
    let current = true;
    client.call('serial.ports', {}).then(
      (list) => current && setPorts(list.ports),
      () => current && setPorts(null),
    );
    return () => {
      current = false;
    };
  }, [active, client]);
  return ports;
}
