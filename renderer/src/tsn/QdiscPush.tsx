import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigPreview, PushProgress, PushResult } from '../../../shared/contract/methods-config';
import { OUTCOME_COLOR } from '../config/AuditList';
import { DiffView } from '../config/DiffView';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { ErrorAlert } from '../errors/ErrorAlert';

export interface QdiscPushProps {
  deviceId: string;
  iface: string;
  /** The model as `syncscope tsn plan` reads it (JSON); the engine validates it again. */
  model: string;
  /** The editor found errors: nothing is previewed or pushed. */
  invalid: boolean;
  /** Prefix of the test ids (`gcl-push`, `cbs-push`). */
  testId: string;
}

/**
 * Applies a TSN qdisc model to the device through the config push pipeline's qdisc target: the
 * engine previews (the interface's qdiscs now against the intended command, and why it would
 * refuse), the operator confirms that exact state (its hash), progress comes as events, and the
 * result says each step, a rollback, and the device's own words (tc's or the driver's) verbatim.
 */
export function QdiscPush({ deviceId, iface, model, invalid, testId }: QdiscPushProps) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const preview = useAction();
  const push = useAction();
  const [shown, setShown] = useState<ConfigPreview | null>(null);
  const [progress, setProgress] = useState<PushProgress | null>(null);
  const [result, setResult] = useState<PushResult | null>(null);
  useEffect(() => client.on('config.push.progress', (p) => p.deviceId === deviceId && setProgress(p)), [client, deviceId]);
  const running = progress && t('config.push.running', { step: t(`config.push.step.${progress.step}`), state: progress.state });
  const open = async () => {
    setResult(null);
    const p = await preview.run(() => client.call('config.qdiscPreview', { deviceId, iface, model }));
    if (p) setShown(p);
  };
  const confirm = async () => {
    if (!shown) return;
    const r = await push.run(() => client.call('config.qdiscPush', { deviceId, iface, model, confirmedSha256: shown.currentSha256 }));
    setShown(null);
    setProgress(null);
    if (r) setResult(r);
  };
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group gap="sm">
        <Button size="xs" color="orange" onClick={() => void open()} disabled={invalid} loading={preview.busy || push.busy} data-testid={`${testId}-button`}>
          {t('tsn.push.button')}
        </Button>
        {invalid && (
          <Text size="sm" c="dimmed">
            {t('tsn.push.blocked')}
          </Text>
        )}
        {push.busy && running && <Text size="sm">{running}</Text>}
      </Group>
      {preview.error && <ErrorAlert error={preview.error} title={t('config.push.previewFailed')} testId={`${testId}-preview-error`} />}
      {push.error && <ErrorAlert error={push.error} title={t('config.push.failed')} testId={`${testId}-error`} />}
      {result && (
        <Alert color={OUTCOME_COLOR[result.outcome]} title={t(`tsn.push.outcome.${result.outcome}`)} data-testid={`${testId}-result`} data-outcome={result.outcome}>
          <Stack gap={4}>
            {result.error && <ErrorAlert error={result.error} testId={`${testId}-result-error`} />}
            {result.rollback?.error && <ErrorAlert error={result.rollback.error} testId={`${testId}-rollback-error`} />}
            <Text size="xs" fw={600}>
              {t('tsn.push.result')}
            </Text>
            <Table verticalSpacing={1} fz="xs" data-testid={`${testId}-steps`}>
              <Table.Tbody>
                {result.steps.map((s, i) => (
                  <Table.Tr key={i} data-step={`${s.phase}:${s.step}`} data-state={s.state}>
                    <Table.Td>{s.phase === 'rollback' ? `↺ ${t(`config.push.step.${s.step}`)}` : t(`config.push.step.${s.step}`)}</Table.Td>
                    <Table.Td>{s.state}</Table.Td>
                    <Table.Td ff="monospace">{s.error?.message ?? s.detail ?? ''}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Alert>
      )}
      {shown && (
        <Modal opened onClose={() => setShown(null)} title={t('tsn.push.confirmTitle', { iface })} size="xl">
          <Stack gap="sm" data-testid={`${testId}-modal`}>
            <Text size="sm">{t('tsn.push.confirmBody', { iface })}</Text>
            {shown.blockers.length > 0 && (
              <Alert color="red" title={t('config.push.blockers')}>
                {shown.blockers.map((b, i) => (
                  <ErrorAlert key={i} error={b} testId={`${testId}-blocker`} />
                ))}
              </Alert>
            )}
            <DiffView lines={shown.diff.lines} title={t('tsn.push.diff')} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setShown(null)}>
                {t('config.push.cancel')}
              </Button>
              <Button color="red" onClick={() => void confirm()} loading={push.busy} disabled={shown.blockers.length > 0} data-testid={`${testId}-confirm`}>
                {t('config.push.confirm')}
              </Button>
            </Group>
            {push.busy && running && (
              <Badge variant="light" data-testid={`${testId}-progress`}>
                {running}
              </Badge>
            )}
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
