import { Badge } from '@mantine/core';
import { useAlarms } from './use-alarms';
import { useAlarmsText } from './use-alarms-text';

/** How many alarms fire unacknowledged: red when one is critical; nothing when none. */
export function AlarmBadge() {
  const { text: x, fill } = useAlarmsText();
  const firing = (useAlarms('active').value ?? []).filter((a) => a.state === 'firing' && !a.silenced);
  if (firing.length === 0) return null;
  const critical = firing.some((a) => a.severity === 'critical');
  return (
    <Badge size="xs" circle={false} color={critical ? 'red' : 'yellow'} data-testid="alarm-badge" data-count={firing.length} aria-label={fill(x.badge, { count: firing.length })}>
      {firing.length}
    </Badge>
  );
}
