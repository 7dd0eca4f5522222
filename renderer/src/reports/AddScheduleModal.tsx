import { Button, Checkbox, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STANDARD_TIMING_MASKS } from '../../../shared/history/analysis/timing-masks';
import type { ComplianceThresholds } from '../../../shared/history/report/report-schedule';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { useDevices } from '../engine/use-devices';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLanguage } from '../errors/use-error-text';
import { isAbsoluteFolder, WEEKDAY_KEYS } from './schedule-text';

type Level = 'warn' | 'alert';
type Field = 'maxAbsOffsetNs' | 'p99AbsOffsetNs' | 'gapsMin' | 'gmChanges';
const FIELDS: Field[] = ['maxAbsOffsetNs', 'p99AbsOffsetNs', 'gapsMin', 'gmChanges'];

/** The form's threshold cells as the schedule's thresholds (gaps typed in minutes, kept in ms); empty cells set none. */
function thresholds(cells: Partial<Record<Field, number>>): ComplianceThresholds {
  const out: ComplianceThresholds = {};
  if (cells.maxAbsOffsetNs !== undefined) out.maxAbsOffsetNs = cells.maxAbsOffsetNs;
  if (cells.p99AbsOffsetNs !== undefined) out.p99AbsOffsetNs = cells.p99AbsOffsetNs;
  if (cells.gapsMin !== undefined) out.gapsTotalMs = cells.gapsMin * 60_000;
  if (cells.gmChanges !== undefined) out.gmChanges = cells.gmChanges;
  return out;
}

/** A new report schedule: devices, daily or weekly, masks, warn/alert thresholds, and a folder on the engine's machine. */
export function AddScheduleModal({ onClose, onAdded }: { onClose(): void; onAdded(): void }) {
  const { t } = useTranslation();
  const { client } = useEngine();
  const language = useLanguage();
  const { devices } = useDevices();
  const { busy, error, run } = useAction();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [period, setPeriod] = useState<'daily' | 'weekly'>('daily');
  const [hourUtc, setHourUtc] = useState(0);
  const [weekday, setWeekday] = useState('1');
  const [masks, setMasks] = useState<string[]>(['g8273.2-class-c']);
  const [cells, setCells] = useState<Record<Level, Partial<Record<Field, number>>>>({ warn: {}, alert: {} });
  const [folder, setFolder] = useState('');
  const [lang, setLang] = useState<'en' | 'zh-CN'>(language === 'zh-CN' ? 'zh-CN' : 'en');
  const folderError = folder.trim() !== '' && !isAbsoluteFolder(folder) ? t('reports.form.folderNotAbsolute') : null;
  const ready = name.trim() !== '' && chosen.length > 0 && folder.trim() !== '' && folderError === null;
  const setCell = (level: Level, field: Field, v: string | number) => setCells((c) => ({ ...c, [level]: { ...c[level], [field]: typeof v === 'number' ? v : undefined } }));

  const submit = async () => {
    const schedule = { name: name.trim(), deviceIds: chosen, period, hourUtc, weekday: Number(weekday), masks, warn: thresholds(cells.warn), alert: thresholds(cells.alert), folder: folder.trim(), lang, enabled: true };
    if (await run(() => client.call('reports.schedules.save', { schedule }))) onAdded();
  };

  return (
    <Modal opened onClose={onClose} title={t('reports.add')} size="lg" data-testid="schedule-add-modal">
      <Stack gap="sm">
        <TextInput label={t('reports.form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="schedule-name" required />
        <Checkbox.Group label={t('reports.form.devices')} value={chosen} onChange={setChosen}>
          <Group gap="md" mt={4}>
            {devices.map((d) => (
              <Checkbox key={d.id} value={d.id} label={d.name} data-testid={`schedule-device-${d.name}`} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group gap="md" align="flex-end" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm" fw={500}>
              {t('reports.form.period')}
            </Text>
            <SegmentedControl value={period} onChange={(v) => setPeriod(v === 'weekly' ? 'weekly' : 'daily')} data={[{ value: 'daily', label: t('reports.form.daily') }, { value: 'weekly', label: t('reports.form.weekly') }]} data-testid="schedule-period" />
          </Stack>
          <NumberInput label={t('reports.form.hour')} value={hourUtc} onChange={(v) => setHourUtc(typeof v === 'number' ? v : 0)} min={0} max={23} allowDecimal={false} w={220} />
          {period === 'weekly' && <Select label={t('reports.form.weekday')} value={weekday} onChange={(v) => setWeekday(v ?? '1')} data={WEEKDAY_KEYS.map((k, i) => ({ value: String(i), label: t(`reports.weekdays.${k}`) }))} w={160} allowDeselect={false} />}
        </Group>
        <MultiSelect label={t('reports.form.masks')} value={masks} onChange={setMasks} data={STANDARD_TIMING_MASKS.map((m) => ({ value: m.id, label: m.name }))} data-testid="schedule-masks" />
        {(['warn', 'alert'] as const).map((level) => (
          <Stack gap={4} key={level}>
            <Text size="sm" fw={500}>
              {t(`reports.form.${level}`)}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
              {FIELDS.map((f) => (
                <NumberInput key={f} size="xs" label={t(`reports.form.${f}`)} value={cells[level][f] ?? ''} onChange={(v) => setCell(level, f, v)} min={0} allowDecimal={f !== 'gmChanges'} data-testid={`schedule-${level}-${f}`} />
              ))}
            </SimpleGrid>
          </Stack>
        ))}
        <TextInput label={t('reports.form.folder')} description={t('reports.form.folderHint')} value={folder} onChange={(e) => setFolder(e.currentTarget.value)} error={folderError} data-testid="schedule-folder" required />
        <Select label={t('reports.form.lang')} value={lang} onChange={(v) => setLang(v === 'zh-CN' ? 'zh-CN' : 'en')} data={[{ value: 'en', label: 'English' }, { value: 'zh-CN', label: '简体中文' }]} w={200} allowDeselect={false} />
        {error && <ErrorAlert error={error} testId="schedule-add-error" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('reports.cancel')}
          </Button>
          <Button disabled={!ready} loading={busy} onClick={() => void submit()} data-testid="schedule-add-submit">
            {t('reports.form.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
