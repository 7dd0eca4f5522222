import { Button, Group, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportSchedule } from '../../../shared/history/report/report-schedule';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { ErrorAlert } from '../errors/ErrorAlert';

export function DeleteScheduleModal({ schedule, onClose, onDeleted }: { schedule: ReportSchedule; onClose(): void; onDeleted(): void }) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const remove = async () => {
    if (await run(() => client.call('reports.schedules.remove', { id: schedule.id }))) onDeleted();
  };
  return (
    <Modal opened onClose={onClose} title={t('reports.deleteTitle', { name: schedule.name })} data-testid="schedule-delete-modal">
      <Text mb="md">{t('reports.deleteBody', { folder: schedule.folder })}</Text>
      {error && <ErrorAlert error={error} mb="md" testId="schedule-delete-error" />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('reports.cancel')}
        </Button>
        <Button color="red" loading={busy} onClick={() => void remove()} data-testid="schedule-delete-confirm">
          {t('reports.delete')}
        </Button>
      </Group>
    </Modal>
  );
}
