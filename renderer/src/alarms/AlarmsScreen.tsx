import { Badge, Button, Group, SegmentedControl, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { Alarm } from '../../../shared/alarms/alarm-model';
import { ErrorAlert } from '../errors/ErrorAlert';
import { AckModal } from './AckModal';
import { SilencesPanel } from './SilencesPanel';
import { useAlarms } from './use-alarms';
import { useAlarmsText } from './use-alarms-text';

const time = (ms: number | null) => (ms === null ? '–' : new Date(ms).toLocaleString());

/** Active alarms and the history, filtered by device and severity; a firing alarm is acknowledged with a comment. */
export function AlarmsScreen() {
  const { text: x, fill } = useAlarmsText();
  const [tab, setTab] = useState<'active' | 'history' | 'silences'>('active');
  const [device, setDevice] = useState<string | null>(null);
  const [severity, setSeverity] = useState<'all' | 'warning' | 'critical'>('all');
  const [acking, setAcking] = useState<Alarm | null>(null);
  const { value, error } = useAlarms(tab === 'history' ? 'history' : 'active');
  const all = value ?? [];
  const devices = [...new Set(all.map((a) => a.deviceName ?? x.network))].sort();
  const shown = all.filter((a) => (device === null || (a.deviceName ?? x.network) === device) && (severity === 'all' || a.severity === severity));

  return (
    <Stack gap="md" data-testid="alarms-screen">
      <Stack gap={4} maw={720}>
        <Title order={3}>{x.title}</Title>
        <Text size="sm" c="dimmed">
          {x.intro}
        </Text>
      </Stack>
      <Group gap="md" wrap="wrap" align="flex-end">
        <Tabs value={tab} onChange={(v) => setTab(v === 'history' || v === 'silences' ? v : 'active')}>
          <Tabs.List>
            <Tabs.Tab value="active" data-testid="alarms-tab-active">
              {x.tab.active}
            </Tabs.Tab>
            <Tabs.Tab value="history" data-testid="alarms-tab-history">
              {x.tab.history}
            </Tabs.Tab>
            <Tabs.Tab value="silences" data-testid="alarms-tab-silences">
              {x.tab.silences}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
        <Select label={x.filter.device} placeholder={x.filter.allDevices} data={devices} value={device} onChange={setDevice} clearable size="xs" data-testid="alarms-filter-device" />
        <SegmentedControl
          size="xs"
          value={severity}
          onChange={(v) => setSeverity(v === 'warning' || v === 'critical' ? v : 'all')}
          data={[
            { value: 'all', label: x.filter.all },
            { value: 'warning', label: x.severity.warning },
            { value: 'critical', label: x.severity.critical },
          ]}
          data-testid="alarms-filter-severity"
        />
      </Group>
      {tab === 'silences' && <SilencesPanel />}
      {error && <ErrorAlert error={error} testId="alarms-load-error" />}
      {tab !== 'silences' && value !== null && shown.length === 0 && <Text c="dimmed">{tab === 'active' ? x.emptyActive : x.emptyHistory}</Text>}
      {tab !== 'silences' && shown.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped data-testid="alarms-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{x.col.severity}</Table.Th>
                <Table.Th>{x.col.device}</Table.Th>
                <Table.Th>{x.col.rule}</Table.Th>
                <Table.Th>{x.col.summary}</Table.Th>
                <Table.Th>{x.col.since}</Table.Th>
                <Table.Th>{tab === 'active' ? x.col.state : x.col.ended}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((a) => (
                <Table.Tr key={a.id} data-testid="alarm-row" data-alarm-id={a.id} data-state={a.state} data-silenced={a.silenced}>
                  <Table.Td>
                    <Badge color={a.severity === 'critical' ? 'red' : 'yellow'} variant="light">
                      {x.severity[a.severity]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{a.deviceName ?? x.network}</Table.Td>
                  <Table.Td>{a.ruleName}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.summary}</Text>
                    {a.ack && (
                      <Text size="xs" c="dimmed" data-testid="alarm-ack">
                        {fill(x.ackedBy, { by: a.ack.by, comment: a.ack.comment })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{time(a.firedAtMs ?? a.startedAtMs)}</Table.Td>
                  <Table.Td>
                    {tab === 'active' ? x.state[a.state] : time(a.resolvedAtMs)}
                    {a.silenced && <Text size="xs" c="dimmed">{x.silenced}</Text>}
                    {a.flapping && <Text size="xs" c="dimmed">{x.flapping}</Text>}
                  </Table.Td>
                  <Table.Td>
                    {a.state === 'firing' && (
                      <Button size="compact-xs" variant="light" onClick={() => setAcking(a)} data-testid="alarm-ack-button">
                        {x.ack}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {acking && <AckModal alarm={acking} onClose={() => setAcking(null)} />}
    </Stack>
  );
}
