import { Button, Stack, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import type { SessionSummary } from '../../../shared/sessions/session-meta';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';

/** "Open the sample session": the real lab recording shipped with Syncscope, opened offline. */
export function OpenSampleButton({ onOpened, ...button }: { onOpened(session: SessionSummary): void } & ButtonProps) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorValue | null>(null);
  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      onOpened(await client.call('sessions.openSample', {}));
    } catch (err) {
      setError(errorValueOf(err));
    } finally {
      setBusy(false);
    }
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
