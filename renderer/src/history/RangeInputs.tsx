import { Group, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalInput, toLocalInput } from './local-time';

export interface MsRange {
  fromMs: number;
  toMs: number;
}

/** From and to as local date-times (to the second); a change is passed on once both read as times and from ≤ to. */
export function RangeInputs({ value, onChange, testId }: { value: MsRange; onChange(r: MsRange): void; testId: string }) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(toLocalInput(value.fromMs));
  const [to, setTo] = useState(toLocalInput(value.toMs));
  useEffect(() => {
    setFrom(toLocalInput(value.fromMs));
    setTo(toLocalInput(value.toMs));
  }, [value.fromMs, value.toMs]);
  const commit = (f: string, tt: string) => {
    const fromMs = fromLocalInput(f);
    const toMs = fromLocalInput(tt);
    if (fromMs !== null && toMs !== null && fromMs <= toMs && (fromMs !== value.fromMs || toMs !== value.toMs)) onChange({ fromMs, toMs });
  };
  const bad = (text: string) => fromLocalInput(text) === null;
  return (
    <Group gap="sm" wrap="wrap" data-testid={testId}>
      <TextInput type="datetime-local" step={1} label={t('history.analysis.from')} value={from} error={bad(from)} onChange={(e) => setFrom(e.currentTarget.value)} onBlur={() => commit(from, to)} data-testid={`${testId}-from`} />
      <TextInput type="datetime-local" step={1} label={t('history.analysis.to')} value={to} error={bad(to)} onChange={(e) => setTo(e.currentTarget.value)} onBlur={() => commit(from, to)} data-testid={`${testId}-to`} />
    </Group>
  );
}
