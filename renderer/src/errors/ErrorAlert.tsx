import { Alert, Text, type AlertProps } from '@mantine/core';
import type { ErrorValue } from '../../../shared/domain/errors';
import { useErrorText } from './use-error-text';

/** An engine error as a red box: what happened, and what to check next, in the operator's language. */
export function ErrorAlert({ error, title, testId, ...alert }: { error: ErrorValue; title?: string; testId: string } & Omit<AlertProps, 'title'>) {
  const text = useErrorText()(error);
  return (
    <Alert color="red" title={title} data-testid={testId} data-code={error.code} {...alert}>
      {text.message}
      {text.hint && (
        <Text size="sm" c="dimmed">
          {text.hint}
        </Text>
      )}
    </Alert>
  );
}
