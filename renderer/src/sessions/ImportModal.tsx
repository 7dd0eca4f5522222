import { Button, Group, Modal, Progress, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import type { ImportProgress } from '../../../shared/sessions/import-progress';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { newOperationId } from './operation-id';


/**
 * Import of log files into a session, by their paths on the engine's machine (sessions.import reads
 * paths: a browser cannot hand the engine a file), with the engine's progress events as a bar and a
 * Cancel that stops it where it is.
 */
export function ImportModal({ onClose, onOpen }: { onClose(): void; onOpen(sessionId: string): void }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const [paths, setPaths] = useState('');
  const [session, setSession] = useState('');
  const [device, setDevice] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const [starting, setStarting] = useState(false);
  const importId = useRef<string | null>(null);

  useEffect(
    () =>
      client.on('sessions.importProgress', (p) => {
        if (p.importId === importId.current) setProgress(p);
      }),
    [client],
  );

  const start = async () => {
    setError(null);
    setProgress(null);
    setStarting(true);
    const id = newOperationId();
    importId.current = id;
    const list = paths
      .split('\n')
      .map((p) => p.trim())
      .filter(Boolean);
    try {
      await client.call('sessions.import', { importId: id, session: session.trim(), paths: list, ...(device.trim() ? { device: device.trim() } : {}) });
    } catch (err) {
      importId.current = null;
      setError(errorValueOf(err));
    } finally {
      setStarting(false);
    }
  };
  const cancel = () => {
    if (importId.current) void client.call('sessions.importCancel', { importId: importId.current }).catch((err: unknown) => setError(errorValueOf(err)));
  };

  const running = starting || progress?.state === 'running';
  const percent = progress && progress.bytesTotal > 0 ? (100 * progress.bytesDone) / progress.bytesTotal : 0;
  const fileName = progress ? (progress.file.split(/[\\/]/).pop() ?? progress.file) : '';

  return (
    <Modal opened onClose={onClose} title={t('sessions.import')} size="lg" data-testid="session-import-modal">
      <Stack gap="sm">
        <Textarea label={t('sessions.importForm.paths')} description={t('sessions.importForm.pathsHint')} value={paths} onChange={(e) => setPaths(e.currentTarget.value)} autosize minRows={2} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} disabled={running} data-testid="import-paths" />
        <TextInput label={t('sessions.importForm.session')} value={session} onChange={(e) => setSession(e.currentTarget.value)} disabled={running} data-testid="import-session" />
        <TextInput label={t('sessions.importForm.device')} value={device} onChange={(e) => setDevice(e.currentTarget.value)} disabled={running} data-testid="import-device" />
        {progress && (
          <Stack gap={4} data-testid="import-progress" data-state={progress.state} data-lines={progress.lines} data-percent={Math.round(percent)}>
            <Progress value={progress.state === 'done' ? 100 : percent} animated={progress.state === 'running'} color={progress.state === 'failed' ? 'red' : progress.state === 'cancelled' ? 'gray' : 'blue'} />
            <Text size="sm" data-testid="import-progress-text">
              {progress.state === 'done'
                ? t('sessions.importForm.done', { lines: progress.lines, session: progress.session, parsed: progress.parsed, unparsed: progress.unparsed, placeholders: progress.placeholders })
                : progress.state === 'cancelled'
                  ? t('sessions.importForm.cancelled', { lines: progress.lines })
                  : t('sessions.importForm.progress', { file: fileName, index: progress.fileIndex + 1, files: progress.files, lines: progress.lines, parsed: progress.parsed, unparsed: progress.unparsed })}
            </Text>
          </Stack>
        )}
        {progress?.error && <ErrorAlert error={progress.error} title={t('sessions.importForm.failed')} testId="import-error" />}
        {error && <ErrorAlert error={error} title={t('sessions.importForm.failed')} testId="import-error" />}
        <Group justify="flex-end">
          {running ? (
            <Button color="red" variant="light" onClick={cancel} data-testid="import-cancel">
              {t('sessions.importForm.cancel')}
            </Button>
          ) : (
            <Button variant="default" onClick={onClose} data-testid="import-close">
              {t('sessions.cancel')}
            </Button>
          )}
          {progress?.state === 'done' ? (
            <Button onClick={() => onOpen(progress.sessionId)} data-testid="import-open">
              {t('sessions.open')}
            </Button>
          ) : (
            <Button loading={running} disabled={paths.trim() === '' || session.trim() === ''} onClick={() => void start()} data-testid="import-start">
              {t('sessions.importForm.start')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
