import { Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceView } from '../../../shared/domain/device';
import { ConfirmRemoveModal } from '../devices/ConfirmRemoveModal';
import { DeviceFormModal } from '../devices/DeviceFormModal';
import { DeviceTable } from '../devices/DeviceTable';
import { Welcome } from '../devices/Welcome';
import { HostKeyPrompt } from '../hostkeys/HostKeyPrompt';
import { useDevices } from '../engine/use-devices';
import { ErrorAlert } from '../errors/ErrorAlert';
import { DevicePage } from '../device/DevicePage';

type Dialog = { kind: 'add' } | { kind: 'edit'; device: DeviceView } | { kind: 'remove'; device: DeviceView } | null;

/** The main screen: devices, their status, and the page of the selected one (PTP, events, diagnostics). */
export function Console({ onOpenSession }: { onOpenSession(sessionId: string): void }) {
  const { t } = useTranslation();
  const { devices, statusById, loaded, loadError, refresh } = useDevices();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  // The first device is charted until the operator picks another (or the picked one is removed).
  const selected = devices.find((d) => d.id === selectedId) ?? devices[0] ?? null;
  const close = () => setDialog(null);
  const openAdd = () => setDialog({ kind: 'add' });

  let body;
  if (!loaded) {
    body = loadError ? (
      <ErrorAlert error={loadError} title={t('engine.loadFailed')} testId="devices-load-error" />
    ) : (
      <Center mih="40vh" data-testid="devices-loading">
        <Loader />
      </Center>
    );
  } else if (devices.length === 0) {
    body = <Welcome onAdd={openAdd} onOpenSession={onOpenSession} />;
  } else {
    body = (
      <Stack gap="lg">
        <Stack gap="xs">
          <Group justify="space-between">
            <Title order={3}>{t('devices.title')}</Title>
            <Button onClick={openAdd} data-testid="add-device">
              {t('devices.add')}
            </Button>
          </Group>
          <DeviceTable
            devices={devices}
            statusById={statusById}
            selectedId={selected?.id ?? null}
            onSelect={(d) => setSelectedId(d.id)}
            onEdit={(device) => setDialog({ kind: 'edit', device })}
            onRemove={(device) => setDialog({ kind: 'remove', device })}
          />
          <Text size="xs" c="dimmed">
            {t('devices.selectHint')}
          </Text>
        </Stack>
        {/* keyed: a new device gets its own page (buffers, charts, polls); the same device keeps them */}
        {selected && <DevicePage key={selected.id} device={selected} status={statusById[selected.id]} />}
      </Stack>
    );
  }

  return (
    <>
      {body}
      <HostKeyPrompt devices={devices} statusById={statusById} />
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <DeviceFormModal
          {...(dialog.kind === 'edit' ? { device: dialog.device } : {})}
          onClose={close}
          onSaved={(device) => {
            close();
            setSelectedId(device.id);
            refresh();
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmRemoveModal
          device={dialog.device}
          onClose={close}
          onRemoved={() => {
            close();
            refresh();
          }}
        />
      )}
    </>
  );
}
