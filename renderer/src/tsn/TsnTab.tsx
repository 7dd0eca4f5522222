import { Divider, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalTaprio, exampleTaprio, type TaprioModel } from '../../../shared/tsn/config/taprio-model';
import { CbsCalculator } from './CbsCalculator';
import { GclEditor } from './GclEditor';
import { ScheduleView } from './ScheduleView';

/**
 * The device page's TSN tab: the taprio schedule on the device (oper and admin side by side), the
 * gate-control list editor with live validation and the tc command, and the cbs calculator.
 */
export function TsnTab() {
  const { t } = useTranslation();
  const [model, setModel] = useState<TaprioModel>(exampleTaprio);
  const [revision, setRevision] = useState(0);
  const load = (m: TaprioModel) => {
    setModel(m);
    setRevision((r) => r + 1);
  };
  return (
    <Stack gap="lg" data-testid="tsn-tab">
      <ScheduleView onEdit={(m) => load(canonicalTaprio(m))} />
      <Divider />
      <GclEditor model={model} onChange={setModel} revision={revision} onExample={() => load(exampleTaprio())} />
      <Divider />
      <CbsCalculator />
      <Divider />
      <Stack gap={4} data-testid="tsn-stats">
        <Title order={5}>{t('tsn.stats.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('tsn.stats.none')}
        </Text>
      </Stack>
    </Stack>
  );
}
