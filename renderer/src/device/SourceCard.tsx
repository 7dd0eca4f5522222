import { Badge, Button, Code, Collapse, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceDiagnostics } from '../../../shared/contract/methods-diagnostics';
import { useErrorText } from '../errors/use-error-text';
import type { devicePageEn } from '../i18n/device-page-text';
import { useTimeText } from './use-time-text';

type SourceName = keyof typeof devicePageEn.diagnostics.sources;

/** One collector of one instance: what it ran last, how long it took, what it could not read, and its last error. */
export function SourceCard({ d }: { d: SourceDiagnostics }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const timeText = useTimeText();
  const [rawOpen, setRawOpen] = useState(false);
  const sourceName = d.source in SOURCE_NAMES ? t(`devicePage.diagnostics.sources.${d.source as SourceName}`) : d.source;
  const error = d.lastError ? errorText(d.lastError) : null;
  const figure = (label: string, value: string | number, testId: string) => (
    <Stack gap={0} data-testid={testId} data-value={value}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
  return (
    <Paper withBorder p="sm" data-testid="diag-source" data-source={d.source} data-instance={d.instance}>
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={500}>{sourceName}</Text>
          <Badge variant="outline" color="gray">
            {d.instance}
          </Badge>
          {d.lastError && (
            <Badge color="red" variant="light">
              {d.lastError.code}
            </Badge>
          )}
        </Group>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('devicePage.diagnostics.lastCommand')}
          </Text>
          <Code block data-testid="diag-command">
            {d.lastCommand ?? '—'}
          </Code>
        </Stack>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {figure(t('devicePage.diagnostics.latency'), d.lastLatencyMs === null ? '—' : t('devicePage.diagnostics.latencyMs', { ms: formatMs(d.lastLatencyMs) }), 'diag-latency')}
          {figure(t('devicePage.diagnostics.lastPoll'), d.lastPollAtMs === null ? t('devicePage.diagnostics.never') : timeText(d.lastPollAtMs), 'diag-last-poll')}
          {figure(t('devicePage.diagnostics.restarts'), d.restarts, 'diag-restarts')}
          {figure(t('devicePage.diagnostics.parseErrors'), d.parseErrors, 'diag-parse-errors')}
        </SimpleGrid>
        {d.notes.length > 0 && (
          <Stack gap={0} data-testid="diag-notes">
            {d.notes.map((note) => (
              <Text key={note} size="xs" c="dimmed">
                {note}
              </Text>
            ))}
          </Stack>
        )}
        {d.unparsedLines.length > 0 && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('devicePage.diagnostics.unparsedLines', { count: d.unparsedLines.length })}
            </Text>
            <Code block data-testid="diag-unparsed">
              {d.unparsedLines.join('\n')}
            </Code>
          </Stack>
        )}
        <Stack gap={2} data-testid="diag-error" data-code={d.lastError?.code ?? ''}>
          <Text size="xs" c="dimmed">
            {t('devicePage.diagnostics.lastError')}
          </Text>
          {error ? (
            <>
              <Text size="sm" c="red">
                {error.message}
              </Text>
              {error.hint && (
                <Text size="xs" c="dimmed">
                  {error.hint}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm">{t('devicePage.diagnostics.noError')}</Text>
          )}
        </Stack>
        <div>
          <Button size="compact-xs" variant="subtle" onClick={() => setRawOpen((o) => !o)} data-testid="diag-raw-toggle">
            {rawOpen ? t('devicePage.diagnostics.hideRaw') : t('devicePage.diagnostics.showRaw')}
          </Button>
          <Collapse expanded={rawOpen}>
            <Text size="xs" c="dimmed" mt={4}>
              {t('devicePage.diagnostics.rawOutput')}
            </Text>
            <Code block mah={320} style={{ overflow: 'auto' }} data-testid="diag-raw">
              {d.lastRawOutput ?? t('devicePage.diagnostics.noRaw')}
            </Code>
          </Collapse>
        </div>
      </Stack>
    </Paper>
  );
}

const SOURCE_NAMES: Record<SourceName, true> = { 'pmc-stream': true, 'pmc-oneshot': true, 'log-follow': true };

function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms < 100 ? ms.toFixed(1) : ms.toFixed(0);
}
