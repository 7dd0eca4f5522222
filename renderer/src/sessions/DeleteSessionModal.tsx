import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../shared/sessions/session-meta';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { ErrorAlert } from '../errors/ErrorAlert';
import { formatBytes } from './session-format';

export function DeleteSessionModal({ session, onClose, onDeleted }: { session: SessionSummary; onClose(): void; onDeleted(): void }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const remove = async () => {
    if (await run(() => client.call('sessions.delete', { id: session.id }))) onDeleted();
  };
  return (
    <Modal opened onClose={onClose} title={t('sessions.deleteTitle', { name: session.name })} data-testid="session-delete-modal">
      <Text mb="md">{t('sessions.deleteBody', { size: formatBytes(session.bytes) })}</Text>
      {error && <ErrorAlert error={error} mb="md" testId="session-delete-error" />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('sessions.cancel')}
        </Button>
        <Button color="red" loading={busy} onClick={() => void remove()} data-testid="session-delete-confirm">
          {t('sessions.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
