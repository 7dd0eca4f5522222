import { Badge, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstanceStateView } from '../../../shared/contract/methods-diagnostics';
import { useTimeText } from './use-time-text';

type Field = { key: string; label: string; value: string | number | null; mono?: boolean };

/** The parent/grandmaster data set of one instance, and its own clock, as ptp.state last read them. */
export function GrandmasterPanel({ state }: { state: InstanceStateView | null }) {
  const { t } = useTranslation();
  const timeText = useTimeText();
  const na = t('devicePage.gm.unknown');
  if (!state || (!state.parent && !state.defaults && !state.time)) {
    return (
      <Paper withBorder p="sm" data-testid="gm-panel" data-state="empty">
        <Text size="sm" fw={500}>
          {t('devicePage.gm.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('devicePage.gm.notYet')}
        </Text>
      </Paper>
    );
  }
  const { parent, defaults, current, time } = state;
  const gmPresent = time?.gmPresent;
  const fields: Field[] = [
    { key: 'grandmasterIdentity', label: t('devicePage.gm.grandmasterIdentity'), value: parent?.grandmasterIdentity ?? time?.gmIdentity ?? null, mono: true },
    { key: 'gmClockClass', label: t('devicePage.gm.gmClockClass'), value: parent?.gmClockClass ?? null },
    { key: 'gmClockAccuracy', label: t('devicePage.gm.gmClockAccuracy'), value: hex(parent?.gmClockAccuracy) },
    { key: 'gmVariance', label: t('devicePage.gm.gmVariance'), value: hex(parent?.gmOffsetScaledLogVariance, 4) },
    { key: 'priority1', label: t('devicePage.gm.priority1'), value: parent?.grandmasterPriority1 ?? null },
    { key: 'priority2', label: t('devicePage.gm.priority2'), value: parent?.grandmasterPriority2 ?? null },
    { key: 'stepsRemoved', label: t('devicePage.gm.stepsRemoved'), value: current?.stepsRemoved ?? null },
    { key: 'parentPortIdentity', label: t('devicePage.gm.parentPortIdentity'), value: parent?.parentPortIdentity ?? null, mono: true },
    { key: 'gmPresent', label: t('devicePage.gm.gmPresent'), value: gmPresent == null ? null : gmPresent ? t('devicePage.gm.yes') : t('devicePage.gm.no') },
    { key: 'domain', label: t('devicePage.gm.domain'), value: defaults?.domainNumber ?? null },
    { key: 'clockIdentity', label: t('devicePage.gm.clockIdentity'), value: defaults?.clockIdentity ?? null, mono: true },
    { key: 'clockClass', label: t('devicePage.gm.clockClass'), value: defaults?.clockClass ?? null },
  ];
  const selfIsGm = isOwnGrandmaster(state);
  return (
    <Paper withBorder p="sm" data-testid="gm-panel" data-state="read">
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('devicePage.gm.title')}
          {selfIsGm && (
            <Badge ml="xs" size="sm" variant="light" data-testid="gm-self">
              {t('devicePage.gm.selfIsGm')}
            </Badge>
          )}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing={4}>
          {fields.map((f) => (
            <Stack key={f.key} gap={0} data-testid={`gm-${f.key}`} data-value={f.value ?? ''}>
              <Text size="xs" c="dimmed">
                {f.label}
              </Text>
              <Text size="sm" ff={f.mono ? 'monospace' : undefined}>
                {f.value ?? na}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
        {state.atMs !== null && (
          <Text size="xs" c="dimmed">
            {t('devicePage.gm.readAt', { time: timeText(state.atMs) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** The instance follows no other clock: its grandmaster is its own clock identity. */
export function isOwnGrandmaster(state: InstanceStateView | null): boolean {
  const own = state?.defaults?.clockIdentity;
  return own != null && own === (state?.parent?.grandmasterIdentity ?? state?.time?.gmIdentity);
}

/** IEEE 1588 codes read best in hex, as pmc prints them (0xfe, 0xffff). */
function hex(value: number | null | undefined, digits = 2): string | null {
  return value == null ? null : `0x${value.toString(16).padStart(digits, '0')}`;
}
