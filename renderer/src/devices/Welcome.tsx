import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OpenSampleButton } from '../sessions/OpenSampleButton';

/** The first screen of a fresh install: what Syncscope does, the one thing to do next, and real charts to look at before that (the sample session). */
export function Welcome({ onAdd, onOpenSession }: { onAdd(): void; onOpenSession(sessionId: string): void }) {
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
        <Text ta="center" c="dimmed" size="sm">
          {t('sessions.sampleHint')}
        </Text>
        <OpenSampleButton variant="light" onOpened={(s) => onOpenSession(s.id)} />
      </Stack>
    </Center>
  );
}
