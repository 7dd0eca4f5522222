import { Button, Checkbox, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { usePolled } from '../device/use-polled';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useAlarmsText } from './use-alarms-text';

/** Silences and maintenance windows in force: create one (device pattern, rule, hours, why), end one now. */
export function SilencesPanel() {
  const { text: x, fill } = useAlarmsText();
  const { client } = useEngine();
  const silences = usePolled(() => client.call('alarms.silences.list', {}), 30_000, [client]);
  const { refresh } = silences;
  useEffect(() => client.on('alarms.changed', () => refresh()), [client, refresh]);
  const action = useAction();
  const [device, setDevice] = useState('');
  const [rule, setRule] = useState('');
  const [hours, setHours] = useState<number | string>(2);
  const [maintenance, setMaintenance] = useState(false);
  const [comment, setComment] = useState('');
  const create = async () => {
    const match = { ...(device.trim() ? { device: device.trim() } : {}), ...(rule.trim() ? { ruleId: rule.trim() } : {}) };
    const made = await action.run(() => client.call('alarms.silences.create', { kind: maintenance ? 'maintenance' : 'silence', match, endsAtMs: Date.now() + Number(hours) * 3_600_000, comment }));
    if (made) {
      setComment('');
      refresh();
    }
  };
  const expire = async (id: string) => {
    if (await action.run(() => client.call('alarms.silences.expire', { id }))) refresh();
  };
  return (
    <Stack gap="sm" data-testid="silences-panel">
      <Text size="sm" c="dimmed">
        {x.silence.intro}
      </Text>
      <Group align="flex-end" wrap="wrap" gap="sm">
        <TextInput size="xs" label={x.silence.device} value={device} onChange={(e) => setDevice(e.currentTarget.value)} data-testid="silence-device" />
        <TextInput size="xs" label={x.silence.rule} value={rule} onChange={(e) => setRule(e.currentTarget.value)} data-testid="silence-rule" />
        <NumberInput size="xs" w={90} label={x.silence.hours} min={0.1} max={720} value={hours} onChange={setHours} data-testid="silence-hours" />
        <TextInput size="xs" label={x.silence.comment} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-testid="silence-comment" />
        <Checkbox size="xs" label={x.silence.maintenance} checked={maintenance} onChange={(e) => setMaintenance(e.currentTarget.checked)} />
        <Button size="xs" onClick={() => void create()} loading={action.busy} data-testid="silence-create">
          {x.silence.create}
        </Button>
      </Group>
      {action.error && <ErrorAlert error={action.error} testId="silence-error" />}
      {silences.value?.length === 0 && <Text c="dimmed">{x.silence.empty}</Text>}
      {!!silences.value?.length && (
        <Table data-testid="silences-table">
          <Table.Tbody>
            {silences.value.map((s) => (
              <Table.Tr key={s.id} data-testid="silence-row">
                <Table.Td>{s.kind === 'maintenance' ? x.silence.maintenance : x.tab.silences}</Table.Td>
                <Table.Td>{s.match.device ?? x.silence.any}</Table.Td>
                <Table.Td>{s.match.ruleId ?? x.silence.any}</Table.Td>
                <Table.Td>{fill(x.silence.until, { time: new Date(s.endsAtMs).toLocaleString() })}</Table.Td>
                <Table.Td>
                  {fill(x.silence.by, { by: s.createdBy })}
                  {s.comment && ` — ${s.comment}`}
                </Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="light" onClick={() => void expire(s.id)} data-testid="silence-expire">
                    {x.silence.expire}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
