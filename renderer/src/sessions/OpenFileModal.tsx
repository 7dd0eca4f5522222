import { Button, Group, Modal, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../shared/sessions/session-meta';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { ErrorAlert } from '../errors/ErrorAlert';

/** A session file by its path on the engine's machine (sessions.openFile reads paths, not uploads). */
export function OpenFileModal({ onClose, onOpened }: { onClose(): void; onOpened(s: SessionSummary): void }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const { busy, error, run } = useAction();
  const open = async () => {
    const session = await run(() => client.call('sessions.openFile', { path: path.trim() }));
    if (session) onOpened(session);
  };
  return (
    <Modal opened onClose={onClose} title={t('sessions.openFile')} size="lg" data-testid="session-open-modal">
      <TextInput label={t('sessions.openForm.path')} value={path} onChange={(e) => setPath(e.currentTarget.value)} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} data-testid="session-open-path" />
      <Text size="xs" c="dimmed" mt={4} mb="md">
        {t('sessions.openForm.hint')}
      </Text>
      {error && <ErrorAlert error={error} mb="md" testId="session-open-error" />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('sessions.cancel')}
        </Button>
        <Button loading={busy} disabled={path.trim() === ''} onClick={() => void open()} data-testid="session-open-submit">
          {t('sessions.openForm.submit')}
        </Button>
      </Group>
    </Modal>
  );
}
