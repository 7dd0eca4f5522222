import { describe, expect, it } from 'vitest';
import { ByteLineSplitter, LineSplitter, LineStream } from './line-stream';

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

describe('ByteLineSplitter', () => {
  it('hands a line inside one chunk over as a range of that chunk, and joins one across chunks', () => {
    const got: { same: boolean; text: string }[] = [];
    const first = Buffer.from('ptp4l[1.000]: a\r\nptp4l[2.0');
    const s = new ByteLineSplitter(1024, (bytes, start, end) => got.push({ same: bytes.buffer === first.buffer && bytes.byteOffset === first.byteOffset, text: bytes.toString('latin1', start, end) }));
    s.push(first);
    s.push(Buffer.from('00]: b\n\nlast'));
    s.end();
    expect(got).toEqual([
      { same: true, text: 'ptp4l[1.000]: a' },
      { same: false, text: 'ptp4l[2.000]: b' },
      { same: false, text: '' },
      { same: false, text: 'last' },
    ]);
  });

  it('cuts a line past the cap inside one chunk as it does across chunks', () => {
    const got: string[] = [];
    const s = new ByteLineSplitter(4, (bytes, start, end) => got.push(bytes.toString('latin1', start, end)));
    s.push(Buffer.from('abcdefgh\nxy\n'));
    expect(got).toEqual(['abcd', 'xy']);
  });
});

describe('LineStream', () => {
  it('gives each line to byte and string listeners alike, and nothing after close', () => {
    const stream = new LineStream({ write: () => undefined, stop: () => undefined });
    const seen: string[] = [];
    stream.onLineBytes((bytes, start, end, from) => seen.push(`bytes ${from} ${bytes.toString('utf8', start, end)}`));
    stream.onLine((line, from) => seen.push(`text ${from} ${line}`));
    stream.stdout.push(Buffer.from('時間 1\n'));
    stream.stderr.push(Buffer.from('oops\n'));
    stream.close();
    stream.stdout.push(Buffer.from('late\n'));
    expect(seen).toEqual(['bytes stdout 時間 1', 'text stdout 時間 1', 'bytes stderr oops', 'text stderr oops']);
  });
});
