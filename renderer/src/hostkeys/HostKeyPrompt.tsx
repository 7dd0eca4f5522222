import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import type { DeviceStatus } from '../../../shared/domain/status';
import { callHostKeys } from '../../../shared/hostkeys/host-key-client';
import { hostKeyPromptOf, type HostKeyPrompt as Prompt } from '../../../shared/hostkeys/host-key-prompt';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';

const promptKey = (p: Prompt) => `${p.deviceId}|${p.target}|${p.presented}`;

/**
 * Asks the operator about the first device whose SSH host key waits for a decision (first contact,
 * or a changed key): the fingerprint, monospace, with old and new on a change; Trust or Reject. The
 * prompt comes from the device's status, so every console shows it and it goes when decided anywhere.
 */
export function HostKeyPrompt({ devices, statusById }: { devices: DeviceView[]; statusById: Record<string, DeviceStatus> }) {
  const { t } = useTranslation();
  const { client } = useEngine();
  // Rejected here: not asked again in this console for the same key (the engine refuses it from now on).
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<'trust' | 'reject' | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);

  const prompts = devices.flatMap((d) => {
    const st = statusById[d.id];
    // A retry passes through 'connecting' with the refusal still as its last error: the question stays open meanwhile.
    const p = st ? hostKeyPromptOf(st.connection === 'connecting' ? { ...st, connection: 'awaiting-host-key' } : st) : null;
    return p && !dismissed.has(promptKey(p)) ? [{ device: d, prompt: p }] : [];
  });
  const current = prompts[0];
  if (!current) return null;
  const { device, prompt } = current;

  const decide = async (action: 'trust' | 'reject') => {
    setBusy(action);
    setError(null);
    try {
      const params = { deviceId: device.id, target: prompt.target, fingerprint: prompt.presented };
      if (action === 'trust') await callHostKeys(client, 'hostKeys.trust', params);
      else await callHostKeys(client, 'hostKeys.reject', params);
      setDismissed((s) => new Set([...s, promptKey(prompt)]));
    } catch (err) {
      setError(errorValueOf(err));
    } finally {
      setBusy(null);
    }
  };

  const changed = prompt.kind === 'changed';
  const vars = { device: device.name, hostPort: prompt.hostPort };
  return (
    <Modal opened onClose={() => setDismissed((s) => new Set([...s, promptKey(prompt)]))} title={t(changed ? 'hostKey.titleChanged' : 'hostKey.titleNew', vars)} size="lg" closeOnClickOutside={false}>
      <Stack gap="sm" data-testid="host-key-modal" data-kind={prompt.kind} data-device={device.name}>
        <Text size="sm">{t(changed ? 'hostKey.bodyChanged' : 'hostKey.bodyNew', vars)}</Text>
        {prompt.target === 'jump' && <Text size="sm">{t('hostKey.jumpNote', vars)}</Text>}
        {changed && (
          <div>
            <Text size="xs" c="dimmed">
              {t('hostKey.oldKey')}
            </Text>
            <Code block data-testid="host-key-old">
              {prompt.expected}
            </Code>
          </div>
        )}
        <div>
          <Text size="xs" c="dimmed">
            {changed ? t('hostKey.newKey') : t('hostKey.fingerprint')}
          </Text>
          <Code block data-testid="host-key-presented">
            {prompt.presented}
          </Code>
        </div>
        {error && <ErrorAlert error={error} testId="host-key-error" />}
        <Group justify="flex-end">
          <Button variant="default" color="red" loading={busy === 'reject'} disabled={busy !== null} onClick={() => void decide('reject')} data-testid="host-key-reject">
            {t('hostKey.reject')}
          </Button>
          <Button color={changed ? 'orange' : 'blue'} loading={busy === 'trust'} disabled={busy !== null} onClick={() => void decide('trust')} data-testid="host-key-trust">
            {t(changed ? 'hostKey.accept' : 'hostKey.trust')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
