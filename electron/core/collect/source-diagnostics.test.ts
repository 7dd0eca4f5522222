import { describe, expect, it } from 'vitest';
import { SourceDiagnostics } from '../../../shared/contract/methods-diagnostics';
import { DiagnosticsRecorder, LINE_MAX_CHARS, RAW_OUTPUT_MAX_CHARS, UNPARSED_KEEP } from './source-diagnostics';

describe('a source diagnostics recorder', () => {
  it('keeps memory bounded whatever the device prints: 8 KiB of raw answer, the newest 20 unreadable lines of 1 KiB', () => {
    const d = new DiagnosticsRecorder('pmc-stream', 'ptp4l');
    for (let i = 0; i < 10_000; i++) d.rawLine(`line ${i} ${'x'.repeat(100)}`);
    for (let i = 0; i < 500; i++) d.unreadable(`junk ${i} ${'y'.repeat(5000)}`);
    d.endExchange(0.4, null);
    const v = d.view();
    expect(v.lastRawOutput?.length).toBeLessThanOrEqual(RAW_OUTPUT_MAX_CHARS);
    expect(v.lastRawOutput?.startsWith('line 0 ')).toBe(true);
    expect(v.unparsedLines).toHaveLength(UNPARSED_KEEP);
    expect(v.unparsedLines[UNPARSED_KEEP - 1]?.startsWith('junk 499 ')).toBe(true);
    expect(v.unparsedLines.every((l) => l.length <= LINE_MAX_CHARS)).toBe(true);
    expect(v.parseErrors).toBe(500);
    // The contract's own bounds accept what it holds.
    expect(SourceDiagnostics.parse(v)).toEqual(v);
  });

  it('a silent exchange keeps the last words heard; the command shows a script as its first line only', () => {
    const d = new DiagnosticsRecorder('log-follow', 'ptp4l');
    d.command(['sh', '-c', 'u=$1\nexit 0', 'pmc', '-u']);
    expect(d.view().lastCommand).toBe("sh -c 'u=$1…' pmc -u");
    d.rawLine('ptp4l[1.0]: master offset 5 s2 freq 0 path delay 9');
    d.endExchange(1, null);
    d.endExchange(null, { code: 'device-output', message: 'stopped' });
    expect(d.view()).toMatchObject({ lastRawOutput: 'ptp4l[1.0]: master offset 5 s2 freq 0 path delay 9', lastLatencyMs: null, lastError: { message: 'stopped' } });
  });
});
