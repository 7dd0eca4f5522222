import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MaskResultView } from '../../../shared/history/report/timing-view';
import { formatNumber } from '../../../shared/history/report/svg-charts';

const COLOR = { pass: 'green', fail: 'red', incomplete: 'yellow' } as const;
const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v));

/** Pass, fail or incomplete per mask, each limit with its value and bound (and why it could not be judged). */
export function MaskVerdicts({ masks }: { masks: readonly MaskResultView[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="mask-verdicts">
      {masks.map((m) => (
        <Stack key={m.maskId} gap={2} data-testid="mask-verdict" data-mask-id={m.maskId} data-verdict={m.verdict}>
          <Group gap="xs">
            <Badge color={COLOR[m.verdict]} variant="filled">
              {t(`history.timing.verdict.${m.verdict}`)}
            </Badge>
            <Text fw={500}>{m.name}</Text>
            {m.marginal && (
              <Badge color="yellow" variant="light">
                {t('history.timing.marginal')}
              </Badge>
            )}
          </Group>
          {m.checks.map((c) => (
            <Text key={c.limit} size="xs" c={c.verdict === 'fail' ? 'red' : 'dimmed'} pl="md" data-limit={c.limit} data-verdict={c.verdict}>
              {t(`history.timing.limit.${c.limit}`)} · {t(`history.timing.verdict.${c.verdict}`)} ·{' '}
              {c.atTauS !== undefined ? t('history.timing.checkAtTau', { value: n(c.valueNs), limit: n(c.limitNs), tau: formatNumber(c.atTauS) }) : t('history.timing.check', { value: n(c.valueNs), limit: n(c.limitNs) })}
              {c.reason ? ` (${t(`history.timing.reason.${c.reason}`, { tau: formatNumber(c.longestTauS ?? 0) })})` : ''}
            </Text>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
