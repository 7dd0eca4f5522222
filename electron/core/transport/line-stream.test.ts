import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-stream';

const split = (chunks: (string | Buffer)[], max = 1024): string[] => {
  const lines: string[] = [];
  const s = new LineSplitter(max, (l) => lines.push(l));
  for (const c of chunks) s.push(typeof c === 'string' ? Buffer.from(c) : c);
  s.end();
  return lines;
};

describe('LineSplitter', () => {
  it('joins a line that arrives across chunks, and a UTF-8 character split between two', () => {
    const snow = Buffer.from('時間');
    expect(split(['sending: GET CURR', 'ENT_DATA_SET\n\toffset', 'FromMaster 12\n', snow.subarray(0, 2), Buffer.concat([snow.subarray(2), Buffer.from('\n')])])).toEqual([
      'sending: GET CURRENT_DATA_SET',
      '\toffsetFromMaster 12',
      '時間',
    ]);
  });

  it('takes CRLF as a line end and keeps empty lines', () => {
    expect(split(['a\r\n\r\nb\r', '\nc\n'])).toEqual(['a', '', 'b', 'c']);
  });

  it('cuts a runaway line at the cap and drops the rest of it, then carries on', () => {
    expect(split(['x'.repeat(10), 'y'.repeat(10), '\nnext\n'], 8)).toEqual(['xxxxxxxx', 'next']);
  });

  it('gives a last line without its newline at the end', () => {
    expect(split(['one\ntwo'])).toEqual(['one', 'two']);
    expect(split(['one\n'])).toEqual(['one']);
  });
});
