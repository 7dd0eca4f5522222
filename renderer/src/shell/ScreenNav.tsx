import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Screen } from './screen';

/** Devices or Sessions, in the header; an open session counts as Sessions, and a click on Sessions returns to the list. */
export function ScreenNav({ screen, onChange }: { screen: Screen; onChange(s: Screen): void }) {
  const { t } = useTranslation();
  const onSessions = screen.kind !== 'devices';
  return (
    <Group gap={4} wrap="nowrap" data-testid="screen-nav">
      <Button size="compact-sm" variant={onSessions ? 'subtle' : 'light'} onClick={() => onChange({ kind: 'devices' })} aria-pressed={!onSessions} data-testid="nav-devices">
        {t('sessions.nav.devices')}
      </Button>
      <Button size="compact-sm" variant={onSessions ? 'light' : 'subtle'} onClick={() => onChange({ kind: 'sessions' })} aria-pressed={onSessions} data-testid="nav-sessions">
        {t('sessions.nav.sessions')}
      </Button>
    </Group>
  );
}
