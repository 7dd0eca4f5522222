import { Box } from '@mantine/core';
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { issueText, type PtpConfIssue } from '../../../shared/ptpconf';
import { useLanguage } from '../errors/use-error-text';

/** Both columns share these metrics so line N of the gutter sits beside line N of the text. */
const LINE_PX = 20;
const PAD_PX = 8;
const metrics = { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13, lineHeight: `${LINE_PX}px`, padding: `${PAD_PX}px`, margin: 0 } as const;

export interface RawEditorHandle {
  /** Selects line `line` (1-based) and scrolls it into view. */
  goToLine(line: number): void;
}

export interface RawEditorProps {
  text: string;
  issues: readonly PtpConfIssue[];
  onChange(text: string): void;
}

/**
 * The ptp4l.conf as text, with a line-number gutter that marks each line the check found something
 * on (red: error, yellow: warning; the message in the number's title). No wrapping, so numbers and
 * lines stay aligned; the text area grows with the file.
 */
export const RawEditor = forwardRef<RawEditorHandle, RawEditorProps>(function RawEditor({ text, issues, onChange }, ref) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const area = useRef<HTMLTextAreaElement>(null);
  const lines = text.split('\n');
  const worst = new Map<number, 'error' | 'warning'>();
  const said = new Map<number, string[]>();
  for (const i of issues) {
    if (worst.get(i.line) !== 'error') worst.set(i.line, i.severity);
    said.set(i.line, [...(said.get(i.line) ?? []), issueText(i, lang).message]);
  }
  useImperativeHandle(ref, () => ({
    goToLine(line: number) {
      const el = area.current;
      if (!el) return;
      const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
      el.focus();
      el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
      el.scrollIntoView({ block: 'nearest' });
    },
  }));
  return (
    <Box style={{ display: 'flex', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, overflowX: 'auto' }} data-testid="config-raw">
      <Box component="pre" aria-hidden style={{ ...metrics, textAlign: 'right', userSelect: 'none', color: 'var(--mantine-color-dimmed)', background: 'var(--mantine-color-default-hover)', minWidth: 48 }}>
        {lines.map((_, i) => {
          const severity = worst.get(i + 1);
          return (
            <div
              key={i}
              data-testid={severity ? `config-gutter-${i + 1}` : undefined}
              data-severity={severity}
              title={said.get(i + 1)?.join('\n')}
              style={severity ? { color: 'white', background: severity === 'error' ? 'var(--mantine-color-red-7)' : 'var(--mantine-color-yellow-7)', borderRadius: 3, paddingRight: 4 } : { paddingRight: 4 }}
            >
              {i + 1}
            </div>
          );
        })}
      </Box>
      <textarea
        ref={area}
        value={text}
        onChange={(e) => onChange(e.currentTarget.value)}
        wrap="off"
        spellCheck={false}
        rows={lines.length + 1}
        style={{ ...metrics, flex: 1, border: 'none', outline: 'none', resize: 'none', whiteSpace: 'pre', overflow: 'hidden', background: 'transparent', color: 'inherit', minHeight: LINE_PX * 6 + PAD_PX * 2 }}
        aria-label={t('config.view.raw')}
        data-testid="config-text"
      />
    </Box>
  );
});
