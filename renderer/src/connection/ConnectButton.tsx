import { Button, Tooltip } from '@mantine/core';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { useEngine } from '../engine/EngineContext';
import { useErrorText } from '../errors/use-error-text';

/**
 * Disconnect (close the connection, release a serial port for flashing) or connect a device again:
 * an edit of the profile's `disconnected` flag, so every console and the CLI see the same state.
 * `testName` names the place (`page-gm-1` on the device page) for tests, as StatusBadge does.
 */
export function ConnectButton({ device, testName }: { device: DeviceView; testName: string }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const disconnected = device.disconnected === true;
  const verb = disconnected ? 'connect' : 'disconnect';

  // The button may sit in a clickable row: its click must not also select the row.
  const toggle = async (event: MouseEvent) => {
    event.stopPropagation();
    setBusy(true);
    setError(null);
    try {
      await client.call('devices.update', { id: device.id, patch: { disconnected: !disconnected } });
    } catch (err) {
      setError(errorValueOf(err));
    } finally {
      setBusy(false);
    }
  };

  const help = error ? `${t('connect.failed', { name: device.name })}: ${errorText(error).message}` : t(`connect.${verb}Help`);
  return (
    <Tooltip label={help} multiline w={320} withArrow color={error ? 'red' : undefined} {...(error ? { opened: true } : {})}>
      <Button
        size="xs"
        variant={disconnected ? 'light' : 'default'}
        loading={busy}
        aria-label={t(`connect.${verb}Label`, { name: device.name })}
        data-testid={`device-${verb}-${testName}`}
        data-error-code={error?.code}
        onClick={(e) => void toggle(e)}
      >
        {t(`connect.${verb}`)}
      </Button>
    </Tooltip>
  );
}
