import { Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EngineBadge } from './EngineBadge';
import { LanguageSwitch } from './LanguageSwitch';
import type { Screen } from './screen';
import { ScreenNav } from './ScreenNav';

export function AppHeader({ screen, onScreen }: { screen: Screen; onScreen(s: Screen): void }) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" align="baseline" wrap="nowrap">
        <Title order={3} data-testid="app-title">
          {t('app.title')}
        </Title>
        <Text c="dimmed" size="sm" visibleFrom="sm">
          {t('app.tagline')}
        </Text>
      </Group>
      <Group gap="md" wrap="nowrap">
        <ScreenNav screen={screen} onChange={onScreen} />
        <EngineBadge />
        <LanguageSwitch />
      </Group>
    </Group>
  );
}
