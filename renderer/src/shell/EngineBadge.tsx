import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LinkState } from '../engine/engine-link';
import { useEngine } from '../engine/EngineContext';

const COLOR: Record<LinkState, MantineColor> = { connected: 'green', connecting: 'yellow', disconnected: 'red' };

export function EngineBadge() {
  const { linkState, link } = useEngine();
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[linkState]} variant="dot" size="lg" title={link.url} data-testid="engine-connection" data-state={linkState} data-kind={link.kind}>
      {t(`engine.${linkState}`)}
    </Badge>
  );
}
