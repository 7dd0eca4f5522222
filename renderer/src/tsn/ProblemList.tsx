import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { tcProblemText } from '../../../shared/tsn/config/problem-text';
import type { TcProblem } from '../../../shared/tsn/config/tc-problem';
import { useLanguage } from '../errors/use-error-text';

/** Validation findings in the operator's language, errors first; each says what to do. */
export function ProblemList({ problems, testId }: { problems: readonly TcProblem[]; testId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <List size="sm" spacing={4} data-testid={testId} data-errors={problems.filter((p) => p.severity === 'error').length}>
      {sorted.map((p, i) => {
        const text = tcProblemText(p, lang);
        return (
          <List.Item key={`${p.id}-${p.field}-${i}`} data-problem-id={p.id} data-severity={p.severity}>
            <Text size="sm" c={p.severity === 'error' ? 'red' : 'orange'} span fw={600}>
              {t(`tsn.severity.${p.severity}`)}:{' '}
            </Text>
            <Text size="sm" span>
              {text.message}
            </Text>
            {text.hint && (
              <Text size="xs" c="dimmed">
                {text.hint}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
