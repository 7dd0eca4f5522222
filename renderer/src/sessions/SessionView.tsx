import { Button, Center, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnalysisView } from '../analysis/AnalysisView';
import { usePolled } from '../device/use-polled';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { ExportButtons } from '../history/ExportButtons';
import { OfflineBanner } from './OfflineBanner';
import { SessionDeviceCharts } from './SessionDeviceCharts';

type Tab = 'charts' | 'analysis';

/** An open session: marked offline, its devices charted from the file, its analysis, export and report. */
export function SessionView({ sessionId, onBack }: { sessionId: string; onBack(): void }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('charts');
  const { value: session, error } = usePolled(() => client.call('sessions.get', { id: sessionId }), null, [client, sessionId]);

  if (error) return <ErrorAlert error={error} testId="session-load-error" />;
  if (!session)
    return (
      <Center mih="40vh">
        <Loader />
      </Center>
    );
  const window = session.fromMs !== null && session.toMs !== null ? { fromMs: session.fromMs, toMs: session.toMs } : null;
  const deviceIds = session.devices.map((d) => d.id);
  return (
    <Stack gap="md" data-testid="session-view" data-session-id={session.id} data-source={session.source}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Button variant="subtle" size="compact-sm" onClick={onBack} data-testid="session-back">
            ← {t('sessions.view.back')}
          </Button>
          <Title order={3} data-testid="session-title">
            {session.name}
          </Title>
        </Group>
        {window && deviceIds.length > 0 && <ExportButtons sessionId={session.id} source={{ kind: 'session', id: session.id, name: session.name }} deviceIds={deviceIds} range={window} baseName={session.name} />}
      </Group>
      <OfflineBanner session={session} />
      {session.notes && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="session-notes">
          {t('sessions.view.notes')}: {session.notes}
        </Text>
      )}
      {session.files.map((f) => (
        <Text key={f.file + f.importedAtMs} size="xs" c="dimmed">
          {t('sessions.view.files', { file: f.file, lines: f.lines, unparsed: f.unparsed })}
        </Text>
      ))}
      <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'charts')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="charts" data-testid="session-tab-charts">
            {t('sessions.view.charts')}
          </Tabs.Tab>
          <Tabs.Tab value="analysis" data-testid="session-tab-analysis">
            {t('history.analysis.tab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="charts">
          <Stack gap="md">
            {session.devices.map((d) => (
              <SessionDeviceCharts key={d.id} session={session} deviceId={d.id} deviceName={d.name} />
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="analysis">{window && <AnalysisView sessionId={session.id} devices={session.devices} initialRange={window} name={session.name} />}</Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
