import { Button, Checkbox, Group, Modal, Progress, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { CaptureProgress } from '../../../shared/sessions/capture-progress';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../shared/sessions/session-meta';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { useDevices } from '../engine/use-devices';
import { ErrorAlert } from '../errors/ErrorAlert';
import { RangeInputs } from '../history/RangeInputs';
import { newOperationId } from './operation-id';

const LAST = { h1: 3600_000, h6: 6 * 3600_000, d1: 86_400_000 } as const;
type Last = keyof typeof LAST | 'custom';

/** Capture: the chosen devices' history over a window, with a name and notes, into a new session file. */
export function CaptureModal({ onClose, onCaptured }: { onClose(): void; onCaptured(s: SessionSummary): void }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const { devices } = useDevices();
  const [name, setName] = useState('');
  const [notes, setNotes] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [last, setLast] = useState<Last>('h1');
  const [custom, setCustom] = useState(() => ({ fromMs: Date.now() - LAST.h1, toMs: Date.now() }));
  const { busy, error, run } = useAction();
  const [progress, setProgress] = useState<CaptureProgress | null>(null);
  const captureId = useRef<string | null>(null);
  useEffect(() => client.on('sessions.captureProgress', (p) => p.captureId === captureId.current && setProgress(p)), [client]);

  const capture = async () => {
    const nowMs = Date.now();
    const window = last === 'custom' ? custom : { fromMs: nowMs - LAST[last], toMs: nowMs };
    const id = newOperationId();
    captureId.current = id;
    setProgress(null);
    const session = await run(() => client.call('sessions.capture', { captureId: id, name: name.trim(), notes, deviceIds: chosen, ...window }));
    if (session) onCaptured(session);
  };

  return (
    <Modal opened onClose={onClose} title={t('sessions.capture')} size="lg" data-testid="session-capture-modal">
      <Stack gap="sm">
        <TextInput label={t('sessions.captureForm.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="capture-name" />
        <Checkbox.Group label={t('sessions.captureForm.devices')} value={chosen} onChange={setChosen}>
          <Group gap="md" mt={4}>
            {devices.map((d) => (
              <Checkbox key={d.id} value={d.id} label={d.name} data-testid={`capture-device-${d.name}`} />
            ))}
          </Group>
        </Checkbox.Group>
        {devices.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('sessions.captureForm.noDevices')}
          </Text>
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('sessions.captureForm.window')}
          </Text>
          <SegmentedControl
            value={last}
            onChange={(v) => setLast(v as Last)}
            data={(['h1', 'h6', 'd1', 'custom'] as const).map((k) => ({ value: k, label: t(`sessions.captureForm.last.${k}`) }))}
            data-testid="capture-window"
          />
          {last === 'custom' && <RangeInputs value={custom} onChange={setCustom} testId="capture-range" />}
        </Stack>
        <Textarea label={t('sessions.captureForm.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} data-testid="capture-notes" />
        {busy && progress && (
          <Stack gap={4} data-testid="capture-progress" data-state={progress.state} data-points={progress.points}>
            <Progress value={(100 * (progress.devicesDone + Math.min(1, Math.max(0, (progress.reachedMs - progress.fromMs) / Math.max(1, progress.toMs - progress.fromMs))))) / progress.devices} animated />
            <Text size="sm">{t('sessions.captureForm.progress', { device: Math.min(progress.devicesDone + 1, progress.devices), devices: progress.devices, points: progress.points })}</Text>
          </Stack>
        )}
        {error && <ErrorAlert error={error} testId="session-capture-error" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('sessions.cancel')}
          </Button>
          <Button loading={busy} disabled={name.trim() === '' || chosen.length === 0} onClick={() => void capture()} data-testid="capture-submit">
            {t('sessions.captureForm.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
