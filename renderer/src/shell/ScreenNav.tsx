import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlarmBadge } from '../alarms/AlarmBadge';
import { useAlarmsText } from '../alarms/use-alarms-text';
import type { Screen } from './screen';

/** Devices or Sessions, in the header; an open session counts as Sessions, and a click on Sessions returns to the list. */
export function ScreenNav({ screen, onChange }: { screen: Screen; onChange(s: Screen): void }) {
  const { t } = useTranslation();
  const alarmsText = useAlarmsText().text;
  const onSessions = screen.kind === 'sessions' || screen.kind === 'session';
  return (
    <Group gap={4} wrap="nowrap" data-testid="screen-nav">
      <Button size="compact-sm" variant={screen.kind === 'devices' ? 'light' : 'subtle'} onClick={() => onChange({ kind: 'devices' })} aria-pressed={screen.kind === 'devices'} data-testid="nav-devices">
        {t('sessions.nav.devices')}
      </Button>
      <Button size="compact-sm" variant={onSessions ? 'light' : 'subtle'} onClick={() => onChange({ kind: 'sessions' })} aria-pressed={onSessions} data-testid="nav-sessions">
        {t('sessions.nav.sessions')}
      </Button>
      <Button size="compact-sm" variant={screen.kind === 'alarms' ? 'light' : 'subtle'} onClick={() => onChange({ kind: 'alarms' })} aria-pressed={screen.kind === 'alarms'} data-testid="nav-alarms" rightSection={<AlarmBadge />}>
        {alarmsText.nav}
      </Button>
    </Group>
  );
}
