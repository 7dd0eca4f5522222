import { Divider, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { DoctorSection } from './DoctorSection';
import { SourceCard } from './SourceCard';
import { usePolled } from './use-polled';

/** Refreshed this often while the tab is open. */
const DIAGNOSTICS_EVERY_MS = 2000;

/** The Diagnostics tab: a card per collector (so missing data always has its reason) and the doctor. */
export function DiagnosticsTab({ deviceId }: { deviceId: string }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const diagnostics = usePolled(() => client.call('collect.diagnostics', { deviceId }), DIAGNOSTICS_EVERY_MS, [client, deviceId]);
  const sources = diagnostics.value ?? [];
  return (
    <Stack gap="md" data-testid="diagnostics-tab" data-loaded={diagnostics.value !== null}>
      <Text size="sm" c="dimmed">
        {t('devicePage.diagnostics.intro')}
      </Text>
      {diagnostics.error && <ErrorAlert error={diagnostics.error} title={t('devicePage.diagnostics.loadFailed')} testId="diagnostics-error" />}
      {diagnostics.value !== null && sources.length === 0 && <Text c="dimmed">{t('devicePage.diagnostics.empty')}</Text>}
      {sources.map((d) => (
        <SourceCard key={`${d.instance}/${d.source}`} d={d} />
      ))}
      <Divider />
      <DoctorSection deviceId={deviceId} />
    </Stack>
  );
}
