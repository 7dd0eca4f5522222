import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorValueOf, type ErrorValue } from '../../../shared/domain/errors';
import { STANDARD_TIMING_MASKS } from '../../../shared/history/analysis/timing-masks';
import type { MaskSpec } from '../../../shared/history/report/mask-choice';
import type { ReportSource } from '../../../shared/history/report/report-model';
import { htmlReport } from '../../../shared/history/report/html-report';
import { useEngine } from '../engine/EngineContext';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useLanguage } from '../errors/use-error-text';
import { fileNameOf, saveDownload } from './download';
import { fetchReport } from './fetch-report';

type Job = 'csv' | 'json' | 'reportHtml' | 'reportJson';

/** Spreadsheet programs read a UTF-8 CSV as UTF-8 only with a byte order mark. */
const BOM = '\ufeff';

export interface ExportButtonsProps {
  sessionId?: string;
  source: ReportSource;
  deviceIds: readonly string[];
  range: { fromMs: number; toMs: number };
  baseName: string;
  /** Masks the report judges (default: every standard mask). */
  masks?: readonly MaskSpec[];
}

/**
 * CSV/JSON export of the points (history.export, a page at a time, the rows so far shown) and the
 * summary report as JSON or one self-contained HTML page, each saved as a download.
 */
export function ExportButtons({ sessionId, source, deviceIds, range, baseName, masks = STANDARD_TIMING_MASKS.map((m) => m.id) }: ExportButtonsProps) {
  const { client } = useEngine();
  const { t } = useTranslation();
  const language = useLanguage();
  const [job, setJob] = useState<Job | null>(null);
  // Kept as text ids, so a language switch rewrites the line.
  const [status, setStatus] = useState<{ state: 'running' | 'done'; key: 'progress' | 'reportProgress' | 'done'; params: Record<string, string | number> } | null>(null);
  const [error, setError] = useState<ErrorValue | null>(null);
  const at = sessionId ? { sessionId } : {};

  const run = async (which: Job) => {
    setJob(which);
    setError(null);
    try {
      if (which === 'csv' || which === 'json') {
        const parts: string[] = which === 'csv' ? [BOM] : [];
        let rows = 0;
        let cursor: string | null | undefined;
        setStatus({ state: 'running', key: 'progress', params: { rows } });
        do {
          const page = await client.call('history.export', { ...at, deviceIds: [...deviceIds], fromMs: range.fromMs, toMs: range.toMs, format: which, ...(cursor ? { cursor } : {}) });
          parts.push(page.text);
          rows += page.rows;
          cursor = page.cursor;
          setStatus({ state: 'running', key: 'progress', params: { rows } });
        } while (cursor);
        const file = fileNameOf(baseName, which === 'csv' ? '.csv' : '.json');
        saveDownload(file, parts, which === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
        setStatus({ state: 'done', key: 'done', params: { file } });
      } else {
        const { report, userMasks } = await fetchReport(client, { ...at, source, deviceIds, fromMs: range.fromMs, toMs: range.toMs, masks, onDevice: (device) => setStatus({ state: 'running', key: 'reportProgress', params: { device } }) });
        const html = which === 'reportHtml';
        const file = fileNameOf(baseName, html ? '-report.html' : '-report.json');
        saveDownload(file, [html ? htmlReport(report, language, userMasks) : JSON.stringify(report, null, 2)], html ? 'text/html;charset=utf-8' : 'application/json');
        setStatus({ state: 'done', key: 'done', params: { file } });
      }
    } catch (err) {
      setStatus(null);
      setError(errorValueOf(err));
    } finally {
      setJob(null);
    }
  };

  const button = (which: Job) => (
    <Button size="compact-sm" variant="default" loading={job === which} disabled={job !== null && job !== which} onClick={() => void run(which)} data-testid={`export-${which}`}>
      {t(`history.export.${which}`)}
    </Button>
  );
  return (
    <Stack gap={4} align="flex-end">
      <Group gap="xs" wrap="wrap" justify="flex-end">
        {button('csv')}
        {button('json')}
        {button('reportHtml')}
        {button('reportJson')}
      </Group>
      {status && (
        <Text size="xs" c="dimmed" data-testid="export-status" data-state={status.state}>
          {t(`history.export.${status.key}`, status.params)}
        </Text>
      )}
      {error && <ErrorAlert error={error} title={t('history.export.failed')} testId="export-error" />}
    </Stack>
  );
}
