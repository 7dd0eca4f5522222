import { Box, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DiffLine } from '../../../shared/ptpconf';

const MARK = { same: ' ', add: '+', remove: '-' } as const;
const BACKGROUND = { same: undefined, add: 'var(--mantine-color-green-light)', remove: 'var(--mantine-color-red-light)' } as const;

/** A line diff: old and new line numbers, then the line, added lines green and removed ones red. */
export function DiffView({ lines, title }: { lines: readonly DiffLine[]; title: string }) {
  const { t } = useTranslation();
  const added = lines.filter((l) => l.kind === 'add').length;
  const removed = lines.filter((l) => l.kind === 'remove').length;
  return (
    <Box data-testid="config-diff" data-added={added} data-removed={removed}>
      <Text size="sm" fw={500}>
        {title} · {t('config.diff.counts', { added, removed })}
      </Text>
      {added + removed === 0 ? (
        <Text c="dimmed" size="sm" data-testid="config-diff-none">
          {t('config.diff.none')}
        </Text>
      ) : (
        <Box component="pre" style={{ fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13, lineHeight: '20px', margin: 0, overflowX: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}>
          {lines.map((l, i) => (
            <div key={i} data-testid={`config-diff-${l.kind}`} style={{ background: BACKGROUND[l.kind], whiteSpace: 'pre' }}>
              <span style={{ display: 'inline-block', width: 40, textAlign: 'right', color: 'var(--mantine-color-dimmed)' }}>{l.oldLine ?? ''}</span>
              <span style={{ display: 'inline-block', width: 40, textAlign: 'right', color: 'var(--mantine-color-dimmed)' }}>{l.newLine ?? ''}</span>
              {` ${MARK[l.kind]} ${l.text}`}
            </div>
          ))}
        </Box>
      )}
    </Box>
  );
}
