import { Group, Paper, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceTarget, type DeviceView } from '../../../shared/domain/device';
import type { DeviceStatus } from '../../../shared/domain/status';
import { ConnectButton } from '../connection/ConnectButton';
import { RetryCountdown } from '../devices/RetryCountdown';
import { StatusBadge } from '../devices/StatusBadge';
import { AnalysisTab } from './AnalysisTab';
import { DiagnosticsTab } from './DiagnosticsTab';
import { EventsTab } from './EventsTab';
import { PtpTab } from './PtpTab';
import { ConfigTab } from '../config/ConfigTab';
import { TsnTab } from '../tsn/TsnTab';

type Tab = 'ptp' | 'tsn' | 'config' | 'events' | 'analysis' | 'diagnostics';

/**
 * The selected device's page. Mount it with `key={device.id}`: everything it fetches and buffers
 * is that device's. Tabs other than the open one are unmounted, so a hidden tab polls nothing.
 */
export function DevicePage({ device, status }: { device: DeviceView; status: DeviceStatus | undefined }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('ptp');
  const target = deviceTarget(device);
  return (
    <Paper withBorder p="md" data-testid="device-page" data-device-id={device.id}>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Title order={4}>{t('devicePage.title', { device: device.name })}</Title>
          <StatusBadge deviceName={`page-${device.name}`} connection={status?.connection ?? 'idle'} />
          <RetryCountdown deviceName={`page-${device.name}`} status={status} />
        </Group>
        <Group gap="sm">
          {target && (
            <Text size="sm" c="dimmed" ff="monospace">
              {target}
            </Text>
          )}
          <ConnectButton device={device} testName={`page-${device.name}`} />
        </Group>
      </Group>
      <Tabs value={tab} onChange={(v) => setTab((v as Tab | null) ?? 'ptp')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="ptp" data-testid="device-tab-ptp">
            {t('devicePage.tabs.ptp')}
          </Tabs.Tab>
          <Tabs.Tab value="tsn" data-testid="device-tab-tsn">
            {t('tsn.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="config" data-testid="device-tab-config">
            {t('config.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="events" data-testid="device-tab-events">
            {t('devicePage.tabs.events')}
          </Tabs.Tab>
          <Tabs.Tab value="analysis" data-testid="device-tab-analysis">
            {t('history.analysis.tab')}
          </Tabs.Tab>
          <Tabs.Tab value="diagnostics" data-testid="device-tab-diagnostics">
            {t('devicePage.tabs.diagnostics')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="ptp">
          <PtpTab device={device} status={status} onOpenDiagnostics={() => setTab('diagnostics')} />
        </Tabs.Panel>
        <Tabs.Panel value="tsn">
          <TsnTab deviceId={device.id} />
        </Tabs.Panel>
        <Tabs.Panel value="config">
          <ConfigTab device={device} />
        </Tabs.Panel>
        <Tabs.Panel value="events">
          <EventsTab deviceId={device.id} />
        </Tabs.Panel>
        <Tabs.Panel value="analysis">
          <AnalysisTab device={device} />
        </Tabs.Panel>
        <Tabs.Panel value="diagnostics">
          <DiagnosticsTab deviceId={device.id} />
        </Tabs.Panel>
      </Tabs>
    </Paper>
  );
}
