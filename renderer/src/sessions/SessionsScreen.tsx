import { Badge, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../shared/sessions/session-meta';
import { ErrorAlert } from '../errors/ErrorAlert';
import { ReportSchedulesSection } from '../reports/ReportSchedulesSection';
import { useLanguage } from '../errors/use-error-text';
import { CaptureModal } from './CaptureModal';
import { DeleteSessionModal } from './DeleteSessionModal';
import { ImportModal } from './ImportModal';
import { OpenFileModal } from './OpenFileModal';
import { OpenSampleButton } from './OpenSampleButton';
import { formatBytes, sessionWindow } from './session-format';
import { useSessions } from './use-sessions';

type Dialog = { kind: 'capture' } | { kind: 'import' } | { kind: 'open' } | { kind: 'delete'; session: SessionSummary } | null;

/** Every session of the data folder: open one, capture, import logs, open a file, delete. */
export function SessionsScreen({ onOpen }: { onOpen(sessionId: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { value: sessions, error, refresh } = useSessions();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const opened = (s: SessionSummary) => {
    close();
    refresh();
    onOpen(s.id);
  };

  return (
    <Stack gap="md" data-testid="sessions-screen">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4} maw={720}>
          <Title order={3}>{t('sessions.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('sessions.intro')}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <OpenSampleButton variant="light" onOpened={opened} />
          <Button variant="default" onClick={() => setDialog({ kind: 'open' })} data-testid="session-open-file">
            {t('sessions.openFile')}
          </Button>
          <Button variant="default" onClick={() => setDialog({ kind: 'import' })} data-testid="session-import">
            {t('sessions.import')}
          </Button>
          <Button onClick={() => setDialog({ kind: 'capture' })} data-testid="session-capture">
            {t('sessions.capture')}
          </Button>
        </Group>
      </Group>
      {error && <ErrorAlert error={error} testId="sessions-load-error" />}
      {sessions === null && !error && (
        <Center mih={120}>
          <Loader />
        </Center>
      )}
      {sessions?.length === 0 && <Text c="dimmed">{t('sessions.empty')}</Text>}
      {sessions && sessions.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover data-testid="sessions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sessions.col.name')}</Table.Th>
                <Table.Th>{t('sessions.col.devices')}</Table.Th>
                <Table.Th>{t('sessions.col.window')}</Table.Th>
                <Table.Th>{t('sessions.col.source')}</Table.Th>
                <Table.Th>{t('sessions.col.size')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((s) => {
                const w = sessionWindow(s, language);
                return (
                  <Table.Tr key={s.id} data-testid={`session-row-${s.name}`} data-session-id={s.id} data-source={s.source}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Text fw={500}>{s.name}</Text>
                        <Badge size="xs" color="gray" variant="outline">
                          {t('sessions.offline.badge')}
                        </Badge>
                      </Group>
                    </Table.Td>
                    <Table.Td>{s.devices.map((d) => d.name).join(', ')}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{w === null ? t('sessions.noWindow') : s.timeBase === 'relative' ? t('sessions.relativeWindow', { span: w.span }) : `${w.from} – ${w.to}`}</Text>
                    </Table.Td>
                    <Table.Td>{t(`sessions.source.${s.source}`)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(s.bytes)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap" justify="flex-end">
                        <Button size="compact-sm" onClick={() => onOpen(s.id)} data-testid={`session-open-${s.name}`}>
                          {t('sessions.open')}
                        </Button>
                        <Button size="compact-sm" color="red" variant="subtle" onClick={() => setDialog({ kind: 'delete', session: s })} data-testid={`session-delete-${s.name}`}>
                          {t('sessions.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ReportSchedulesSection />
      {dialog?.kind === 'capture' && <CaptureModal onClose={close} onCaptured={opened} />}
      {dialog?.kind === 'import' && (
        <ImportModal
          onClose={() => {
            close();
            refresh();
          }}
          onOpen={(id) => {
            close();
            onOpen(id);
          }}
        />
      )}
      {dialog?.kind === 'open' && <OpenFileModal onClose={close} onOpened={opened} />}
      {dialog?.kind === 'delete' && (
        <DeleteSessionModal
          session={dialog.session}
          onClose={close}
          onDeleted={() => {
            close();
            refresh();
          }}
        />
      )}
    </Stack>
  );
}
