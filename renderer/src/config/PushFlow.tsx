import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_EXPECTED_PORT_STATES, DEFAULT_VERIFY_TIMEOUT_MS, type ConfigFile, type ConfigPreview, type PushProgress, type PushResult } from '../../../shared/contract/methods-config';
import type { PortState } from '../../../shared/domain/ptp';
import type { PtpConfCheck } from '../../../shared/ptpconf';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { ErrorAlert } from '../errors/ErrorAlert';
import { OUTCOME_COLOR } from './AuditList';
import { DiffView } from './DiffView';

/** The states an operator may accept as "ptp4l came back"; UNCALIBRATED for a slave that does not lock (software time stamps, free_running). */
const VERIFY_STATES: readonly PortState[] = ['MASTER', 'SLAVE', 'PASSIVE', 'UNCALIBRATED', 'LISTENING'];

export interface PushFlowProps {
  deviceId: string;
  deviceName: string;
  instance: string;
  file: ConfigFile | null;
  text: string;
  check: PtpConfCheck;
  onPushed(): void;
}

/**
 * Push with confirm: the engine previews (its own check, the diff against the file it reads now, and
 * why it would refuse), the operator confirms that exact file (its hash), and the push reports each
 * step (config.push.progress) and its outcome, a rollback included.
 */
export function PushFlow({ deviceId, deviceName, instance, file, text, check, onPushed }: PushFlowProps) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const preview = useAction();
  const push = useAction();
  const [shown, setShown] = useState<ConfigPreview | null>(null);
  const [progress, setProgress] = useState<PushProgress | null>(null);
  const [result, setResult] = useState<PushResult | null>(null);
  const [expected, setExpected] = useState<string[]>([...DEFAULT_EXPECTED_PORT_STATES]);
  useEffect(() => client.on('config.push.progress', (p) => p.deviceId === deviceId && setProgress(p)), [client, deviceId]);
  const reason = !file ? t('config.push.needsLoad') : check.errors > 0 ? t('config.push.hasErrors') : text === file.text ? t('config.push.unchanged') : null;
  const open = async () => {
    setResult(null);
    const p = await preview.run(() => client.call('config.preview', { deviceId, instance, text }));
    if (p) setShown(p);
  };
  const confirm = async () => {
    if (!shown) return;
    const r = await push.run(() => client.call('config.push', { deviceId, instance, text, confirmedSha256: shown.currentSha256, verify: { expectedPortStates: expected as PortState[], timeoutMs: DEFAULT_VERIFY_TIMEOUT_MS } }));
    setShown(null);
    setProgress(null);
    if (r) setResult(r);
    onPushed();
  };
  return (
    <Stack gap="xs" data-testid="config-push">
      <Group gap="sm">
        <Button onClick={() => void open()} disabled={reason !== null} loading={preview.busy || push.busy} data-testid="config-push-button">
          {t('config.push.button')}
        </Button>
        {reason && (
          <Text size="sm" c="dimmed" data-testid="config-push-reason">
            {reason}
          </Text>
        )}
        {push.busy && progress && <Text size="sm">{t('config.push.running', { step: t(`config.push.step.${progress.step}`), state: progress.state })}</Text>}
      </Group>
      {preview.error && <ErrorAlert error={preview.error} title={t('config.push.previewFailed')} testId="config-preview-error" />}
      {push.error && <ErrorAlert error={push.error} title={t('config.push.failed')} testId="config-push-error" />}
      {result && (
        <Alert color={OUTCOME_COLOR[result.outcome]} title={t(`config.push.outcome.${result.outcome}`)} data-testid="config-push-result" data-outcome={result.outcome}>
          {result.error && <ErrorAlert error={result.error} testId="config-push-result-error" />}
          {result.rollback?.error && <ErrorAlert error={result.rollback.error} testId="config-rollback-error" />}
        </Alert>
      )}
      {shown && (
        <Modal opened onClose={() => setShown(null)} title={t('config.push.confirmTitle', { device: deviceName })} size="xl">
          <Stack gap="sm" data-testid="config-push-modal">
            <Text size="sm">{t('config.push.confirmBody', { path: shown.path })}</Text>
            {shown.blockers.length > 0 && (
              <Alert color="red" title={t('config.push.blockers')}>
                {shown.blockers.map((b, i) => (
                  <ErrorAlert key={i} error={b} testId="config-push-blocker" />
                ))}
              </Alert>
            )}
            <DiffView lines={shown.diff.lines} title={t('config.diff.againstDevice')} />
            <Checkbox.Group label={t('config.push.verifyStates', { seconds: DEFAULT_VERIFY_TIMEOUT_MS / 1000 })} description={t('config.push.verifyHint')} value={expected} onChange={setExpected}>
              <Group gap="md" mt={4}>
                {VERIFY_STATES.map((state) => (
                  <Checkbox key={state} value={state} label={state} data-testid={`config-verify-${state}`} />
                ))}
              </Group>
            </Checkbox.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setShown(null)}>
                {t('config.push.cancel')}
              </Button>
              <Button color="red" onClick={() => void confirm()} loading={push.busy} disabled={shown.blockers.length > 0 || expected.length === 0} data-testid="config-push-confirm">
                {t('config.push.confirm')}
              </Button>
            </Group>
            {push.busy && progress && (
              <Badge variant="light" data-testid="config-push-progress">
                {t('config.push.running', { step: t(`config.push.step.${progress.step}`), state: progress.state })}
              </Badge>
            )}
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}
