import { Button, Stack, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSummary } from '../../../shared/sessions/session-meta';
import { useEngine } from '../engine/EngineContext';
import { useAction } from '../engine/use-action';
import { ErrorAlert } from '../errors/ErrorAlert';

/** "Open the sample session": the real lab recording shipped with Syncscope, opened offline. */
export function OpenSampleButton({ onOpened, ...button }: { onOpened(session: SessionSummary): void } & ButtonProps) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const { busy, error, run } = useAction();
  const open = async () => {
    const session = await run(() => client.call('sessions.openSample', {}));
    if (session) onOpened(session);
  };
  return (
    <Stack gap="xs" align="center">
      <Button loading={busy} onClick={() => void open()} data-testid="open-sample-session" {...button}>
        {t('sessions.openSample')}
      </Button>
      {error && <ErrorAlert error={error} testId="open-sample-error" maw={560} />}
    </Stack>
  );
}
