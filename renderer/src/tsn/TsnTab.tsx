import { Divider, Stack } from '@mantine/core';
import { useState } from 'react';
import { canonicalTaprio, exampleTaprio, type TaprioModel } from '../../../shared/tsn/config/taprio-model';
import { CbsCalculator } from './CbsCalculator';
import { GclEditor } from './GclEditor';
import { ScheduleView } from './ScheduleView';
import { TsnStats } from './TsnStats';

/**
 * The device page's TSN tab: the taprio schedule on the device (oper and admin side by side), the
 * gate-control list editor with live validation and the tc command, the cbs calculator, and the
 * qdisc/class/queue statistics charts of the TSN collector's series.
 */
export function TsnTab({ deviceId }: { deviceId: string }) {
  const [model, setModel] = useState<TaprioModel>(exampleTaprio);
  const [revision, setRevision] = useState(0);
  const load = (m: TaprioModel) => {
    setModel(m);
    setRevision((r) => r + 1);
  };
  return (
    <Stack gap="lg" data-testid="tsn-tab">
      <ScheduleView deviceId={deviceId} onEdit={(m) => load(canonicalTaprio(m))} />
      <Divider />
      <GclEditor deviceId={deviceId} model={model} onChange={setModel} revision={revision} onExample={() => load(exampleTaprio())} />
      <Divider />
      <CbsCalculator deviceId={deviceId} />
      <Divider />
      <TsnStats deviceId={deviceId} />
    </Stack>
  );
}
