import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The first screen of a fresh install: what Syncscope does, and the one thing to do next. */
export function Welcome({ onAdd }: { onAdd(): void }) {
  const { t } = useTranslation();
  return (
    <Center mih="60vh" data-testid="welcome">
      <Stack align="center" maw={560} gap="lg">
        <Title order={2}>{t('welcome.title')}</Title>
        <Text ta="center" c="dimmed" size="lg">
          {t('welcome.body')}
        </Text>
        <Button size="xl" onClick={onAdd} data-testid="add-device">
          {t('welcome.addFirst')}
        </Button>
      </Stack>
    </Center>
  );
}
