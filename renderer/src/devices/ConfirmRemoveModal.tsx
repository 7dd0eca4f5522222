import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { ErrorAlert } from '../errors/ErrorAlert';

export function ConfirmRemoveModal({ device, onClose, onRemoved }: { device: DeviceView; onClose(): void; onRemoved(): void }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const { busy, error, run } = useAction();

  const remove = async () => {
    if (await run(() => client.call('devices.remove', { id: device.id }))) onRemoved();
  };

  return (
    <Modal opened onClose={onClose} title={t('remove.title')} data-testid="device-remove-modal">
      <Text mb="md">{t('remove.body', { name: device.name })}</Text>
      {error && <ErrorAlert error={error} mb="md" testId="device-remove-error" />}
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
