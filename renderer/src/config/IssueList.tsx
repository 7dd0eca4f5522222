import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { issueText, type PtpConfCheck } from '../../../shared/ptpconf';
import { useLanguage } from '../errors/use-error-text';

/** The check's verdict and its findings, line-numbered, in the console's language; a finding's line number jumps to it. */
export function IssueList({ check, onGoToLine }: { check: PtpConfCheck; onGoToLine(line: number): void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const color = check.errors > 0 ? 'red' : check.warnings > 0 ? 'yellow' : 'green';
  const title = check.issues.length === 0 ? t('config.issues.clean', { release: check.release }) : t('config.issues.summary', { errors: check.errors, warnings: check.warnings, release: check.release });
  return (
    <Alert color={color} title={title} data-testid="config-check" data-errors={check.errors} data-warnings={check.warnings}>
      {check.issues.length > 0 && (
        <Stack gap={6}>
          {check.issues.map((i, n) => {
            const text = issueText(i, lang);
            return (
              <div key={n} data-testid="config-issue" data-line={i.line} data-severity={i.severity} data-id={i.id}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge size="xs" color={i.severity === 'error' ? 'red' : 'yellow'} style={{ flexShrink: 0, marginTop: 3 }}>
                    {t(`config.issues.${i.severity}`)}
                  </Badge>
                  <Anchor component="button" type="button" size="sm" onClick={() => onGoToLine(i.line)} title={t('config.issues.goTo', { line: i.line })} style={{ textAlign: 'left' }}>
                    {text.message}
                  </Anchor>
                </Group>
                {text.hint && (
                  <Text size="xs" c="dimmed" ml={48}>
                    {text.hint}
                  </Text>
                )}
              </div>
            );
          })}
        </Stack>
      )}
    </Alert>
  );
}
