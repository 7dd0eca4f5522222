import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import type { Alarm } from '../../../shared/alarms/alarm-model';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useAlarmsText } from './use-alarms-text';

/** Acknowledges one firing alarm with a comment (kept in its history, sent with its recovery notice). */
export function AckModal({ alarm, onClose }: { alarm: Alarm; onClose(): void }) {
  const { text: x, fill } = useAlarmsText();
  const { client } = useEngine();
  const action = useAction();
  const [comment, setComment] = useState('');
  const submit = async () => {
    if (await action.run(() => client.call('alarms.ack', { id: alarm.id, comment }))) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={fill(x.ackTitle, { rule: alarm.ruleName, device: alarm.deviceName ?? x.network })}>
      <Stack gap="sm">
        <Textarea label={x.ackComment} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={1000} autosize minRows={2} data-testid="ack-comment" />
        {action.error && <ErrorAlert error={action.error} testId="ack-error" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {x.cancel}
          </Button>
          <Button onClick={() => void submit()} loading={action.busy} data-testid="ack-submit">
            {x.ackSubmit}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
