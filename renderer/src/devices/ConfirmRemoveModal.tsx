import { Alert, Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { useEngine } from '../engine/EngineContext';

export function ConfirmRemoveModal({ device, onClose, onRemoved }: { device: DeviceView; onClose(): void; onRemoved(): void }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);

  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.call('devices.remove', { id: device.id });
      onRemoved();
    } catch (err) {
      setError(errorValueOf(err));
      setBusy(false);
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('remove.title')} data-testid="device-remove-modal">
      <Text mb="md">{t('remove.body', { name: device.name })}</Text>
      {error && (
        <Alert color="red" mb="md" data-testid="device-remove-error">
          {error.message}
          {error.hint && <Text size="sm">{error.hint}</Text>}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('remove.cancel')}
        </Button>
        <Button color="red" loading={busy} onClick={() => void remove()} data-testid="device-remove-confirm">
          {t('remove.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
