import { Button, Group, NumberInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimingMask } from '../../../shared/history/analysis/timing-masks';
import { userMask } from './user-mask';

/** A user mask as a lab writes one down: a name and flat MTIE/TDEV limits over the standard τ (1–1000 s). */
export function UserMaskForm({ onAdd }: { onAdd(mask: TimingMask): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [mtie, setMtie] = useState<number | string>('');
  const [tdev, setTdev] = useState<number | string>('');
  const mask = userMask(name, Number(mtie) || 0, Number(tdev) || 0);
  return (
    <Group gap="xs" align="flex-end" wrap="wrap" data-testid="user-mask-form">
      <TextInput size="xs" label={t('history.timing.userMaskName')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-testid="user-mask-name" w={160} />
      <NumberInput size="xs" label={t('history.timing.userMaskMtie')} value={mtie} onChange={setMtie} min={0} data-testid="user-mask-mtie" w={140} />
      <NumberInput size="xs" label={t('history.timing.userMaskTdev')} value={tdev} onChange={setTdev} min={0} data-testid="user-mask-tdev" w={140} />
      <Button
        size="xs"
        variant="light"
        disabled={mask === null}
        title={mask === null ? t('history.timing.userMaskBad') : undefined}
        onClick={() => {
          if (!mask) return;
          onAdd(mask);
          setName('');
        }}
        data-testid="user-mask-add"
      >
        {t('history.timing.addUserMask')}
      </Button>
    </Group>
  );
}
