import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PMC_PARSE_LIMITS, parsePmcOutput, responsesFor } from './pmc-parse';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('parsePmcOutput on real pmc 3.1.1 output', () => {
  it('reads the three blocks of a slave poll, with fields keyed exactly as printed', () => {
    const p = parsePmcOutput(fixture('linuxptp-3.1.1-slave-poll.txt'));
    expect(p.sent).toEqual(['GET TIME_STATUS_NP', 'GET CURRENT_DATA_SET', 'GET PORT_DATA_SET']);
    expect(p.responses.map((r) => [r.tlv, r.seq, r.portIdentity, r.action])).toEqual([
      ['TIME_STATUS_NP', 0, '4e9130.fffe.bdd739-0', 'RESPONSE'],
      ['CURRENT_DATA_SET', 1, '4e9130.fffe.bdd739-0', 'RESPONSE'],
      ['PORT_DATA_SET', 2, '4e9130.fffe.bdd739-1', 'RESPONSE'],
    ]);
    expect({ ...p.responses[0]?.fields }).toEqual({
      master_offset: '2869',
      ingress_time: '1795461912495903839',
      cumulativeScaledRateOffset: '+0.000000000',
      scaledLastGmPhaseChange: '0',
      gmTimeBaseIndicator: '0',
      lastGmPhaseChange: "0x0000'0000000000000000.0000",
      gmPresent: 'true',
      gmIdentity: 'a6cc01.fffe.be6e6d',
    });
    expect(p.errors).toEqual([]);
    expect(p.junkLines).toBe(0);
    expect(p.truncated).toBe(false);
  });

  it('returns one PORT_DATA_SET per port of a boundary clock, both with seq 2', () => {
    const p = parsePmcOutput(fixture('linuxptp-3.1.1-boundary-clock-poll.txt'));
    const ports = responsesFor(p, 'PORT_DATA_SET');
    expect(ports.map((r) => [r.seq, r.fields['portIdentity'], r.fields['portState']])).toEqual([
      [2, 'fe185b.fffe.558901-1', 'SLAVE'],
      [2, 'fe185b.fffe.558901-2', 'MASTER'],
    ]);
  });

  it('puts a MANAGEMENT_ERROR_STATUS answer in errors and names the request it answers', () => {
    const p = parsePmcOutput(fixture('linuxptp-3.1.1-management-error-status.txt'));
    expect(responsesFor(p, 'TIME_STATUS_NP')).toHaveLength(1);
    expect(p.errors).toEqual([{ portIdentity: '4e9130.fffe.bdd739-0', seq: 1, action: 'RESPONSE', request: 'GET PORT_DATA_SET', detail: '' }]);
    expect(p.junkLines).toBe(0);
  });

  it('sees only sending: lines when no ptp4l listens on the socket', () => {
    const p = parsePmcOutput(fixture('linuxptp-3.1.1-no-ptp4l.txt'));
    expect(p.sent).toHaveLength(3);
    expect(p.responses).toEqual([]);
    expect(p.errors).toEqual([]);
    expect(p.junkLines).toBe(0);
  });

  it("keeps pmc's own messages as notices, not junk, and ignores requests pmc never sent when numbering", () => {
    const p = parsePmcOutput(fixture('linuxptp-3.1.1-misc-and-bad-commands.txt'));
    expect(p.junkLines).toBe(0);
    expect(p.notices).toEqual([
      'bad command: GET UNICAST_MASTER_TABLE_NP',
      'bad command: GET PORT_HWCLOCK_NP',
      'SUBSCRIBE_EVENTS_NP SET needs 2 values',
      'sorry, ENABLE_PORT not supported yet',
    ]);
    expect(p.responses.map((r) => r.tlv)).toContain('GRANDMASTER_SETTINGS_NP');
    expect(p.responses.at(-1)?.seq).toBe(9);
  });

  it('numbers requests as pmc does, skipping one it echoed but never sent', () => {
    const p = parsePmcOutput(fixture('linuxptp-3.1.1-unsent-then-error.txt'));
    expect(p.sent).toEqual(['GET TIME', 'GET PORT_DATA_SET', 'GET CURRENT_DATA_SET']);
    expect(p.notices).toEqual(['sorry, TIME not supported yet']);
    expect(p.errors.map((e) => [e.seq, e.request])).toEqual([[0, 'GET PORT_DATA_SET']]);
    expect(responsesFor(p, 'CURRENT_DATA_SET')[0]?.seq).toBe(1);
  });

  it('reads the reference shapes (reference.md §3.5)', () => {
    const cds = parsePmcOutput(fixture('reference-current-data-set.txt'));
    expect({ ...cds.responses[0]?.fields }).toEqual({ stepsRemoved: '1', offsetFromMaster: '-3.0', meanPathDelay: '528.0' });
    const tsn = parsePmcOutput(fixture('reference-time-status-np.txt'));
    expect(tsn.responses[0]?.fields['ingress_time']).toBe('1262304050053466888');
  });
});

describe('parsePmcOutput on damaged and hostile input', () => {
  it('reads CRLF line endings like LF', () => {
    const lf = fixture('linuxptp-3.1.1-boundary-clock-poll.txt');
    const crlf = parsePmcOutput(lf.replaceAll('\n', '\r\n'));
    expect(crlf).toEqual(parsePmcOutput(lf));
    expect(crlf.responses).toHaveLength(4);
  });

  it('counts output that is not pmc at all as junk', () => {
    const p = parsePmcOutput('Welcome to Ubuntu 22.04\n<html><body>502 Bad Gateway</body></html>\n\tindented but not a block\n');
    expect(p.responses).toEqual([]);
    expect(p.sent).toEqual([]);
    expect(p.junkLines).toBe(3);
    expect(p.firstJunkLine).toBe('Welcome to Ubuntu 22.04');
  });

  it('keeps a block cut off mid-way, with the fields that arrived', () => {
    const text = fixture('linuxptp-3.1.1-slave-poll.txt');
    const cut = text.slice(0, text.indexOf('meanPathDelay') + 'meanPath'.length);
    const p = parsePmcOutput(cut);
    expect(responsesFor(p, 'CURRENT_DATA_SET')[0]?.fields['meanPath']).toBe('');
    expect(responsesFor(p, 'PORT_DATA_SET')).toEqual([]);
  });

  it('rejects headers that only look like pmc headers', () => {
    const p = parsePmcOutput(['\tnot-an-identity seq 0 RESPONSE MANAGEMENT X ', '\t001122.fffe.334455-0 seq 99999 RESPONSE MANAGEMENT X ', '\t001122.fffe.334455-0 seq 1 SHOUT MANAGEMENT X '].join('\n'));
    expect(p.responses).toEqual([]);
    expect(p.junkLines).toBe(3);
  });

  it('stores any key safely, __proto__ included', () => {
    const p = parsePmcOutput('\t001122.fffe.334455-0 seq 0 RESPONSE MANAGEMENT X \n\t\t__proto__ polluted\n\t\tconstructor 1\n');
    const fields = p.responses[0]?.fields ?? {};
    expect(fields['__proto__']).toBe('polluted');
    expect(Object.getPrototypeOf(fields)).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps repeated keys as extra lines (table-like TLVs)', () => {
    const p = parsePmcOutput('\t001122.fffe.334455-0 seq 0 SIGNALING SLAVE_RX_SYNC_TIMING_DATA N 2 \n\t\tsequenceId 1\n\t\tsequenceId 2\n');
    expect(p.responses[0]).toMatchObject({ action: 'SIGNALING', tlv: 'SLAVE_RX_SYNC_TIMING_DATA', extraLines: ['sequenceId 2'] });
    expect(p.responses[0]?.fields['sequenceId']).toBe('1');
  });

  it('reads the empty-tlv and unknown-tlv forms pmc prints', () => {
    const p = parsePmcOutput('\t001122.fffe.334455-0 seq 0 RESPONSE MANAGEMENT empty-tlv \n\t001122.fffe.334455-0 seq 1 RESPONSE unknown-tlv \n');
    expect(p.responses.map((r) => r.tlv)).toEqual(['empty-tlv', 'unknown-tlv']);
  });

  it('stays bounded on a huge input and says it was cut short', () => {
    const block = fixture('linuxptp-3.1.1-boundary-clock-poll.txt');
    const huge = block.repeat(Math.ceil(20_000_000 / block.length));
    const started = performance.now();
    const p = parsePmcOutput(huge);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(p.responses.length + p.errors.length).toBe(PMC_PARSE_LIMITS.maxBlocks);
    expect(p.sent).toHaveLength(PMC_PARSE_LIMITS.maxSent);
    expect(p.truncated).toBe(true);
  });

  it('survives one enormous line and binary bytes', () => {
    const p = parsePmcOutput(`${'x'.repeat(5_000_000)}\n\u0000\u0001\uFFFD\u001b[31m\n`);
    expect(p.junkLines).toBe(2);
    expect(p.firstJunkLine?.length).toBeLessThanOrEqual(PMC_PARSE_LIMITS.maxShownChars + 1);
  });

  it('returns an empty parse for a value that is not a string at all', () => {
    expect(parsePmcOutput(undefined as unknown as string).responses).toEqual([]);
  });

  it('never throws, and accounts for every line, whatever the text (property)', () => {
    const pmcish = fc.constantFrom('\t', '\t\t', ' seq ', 'sending: ', 'RESPONSE ', 'MANAGEMENT ', 'MANAGEMENT_ERROR_STATUS ', '001122.fffe.334455-1', '\n', '\r\n', 'sorry, X not supported yet', ' only allows ', '__proto__');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.array(fc.oneof(pmcish, fc.string({ maxLength: 8 })), { maxLength: 80 }).map((xs) => xs.join('')));
    fc.assert(
      fc.property(text, (t) => {
        const p = parsePmcOutput(t);
        const lines = t.split('\n').filter((l) => l.trim() !== '').length;
        // Each non-empty line is exactly one of: a request, a header, a field or extra line, a notice, junk.
        const fieldLines = p.responses.reduce((n, r) => n + Object.keys(r.fields).length + r.extraLines.length, 0);
        expect(p.sent.length + p.responses.length + p.errors.length + fieldLines + p.notices.length + p.junkLines).toBe(lines);
        expect(p.junkLines === 0).toBe(p.firstJunkLine === null);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps every response of real pmc outputs run together, and survives any real line mutated (property)', () => {
    const real = ['linuxptp-3.1.1-slave-poll.txt', 'linuxptp-3.1.1-boundary-clock-poll.txt', 'linuxptp-3.1.1-grandmaster-poll.txt', 'linuxptp-3.1.1-management-error-status.txt'].map(fixture);
    const alone = real.map((t) => parsePmcOutput(t));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: real.length - 1 }), { minLength: 1, maxLength: 6 }), (picks) => {
        const p = parsePmcOutput(picks.map((i) => real[i]).join('\n'));
        const expected = picks.flatMap((i) => alone[i]!.responses);
        expect(p.responses).toEqual(expected);
        expect(p.errors.length).toBe(picks.reduce((n, i) => n + alone[i]!.errors.length, 0));
        expect(p.junkLines).toBe(0);
      }),
      { numRuns: 300 },
    );
    const realLines = real.flatMap((t) => t.split('\n'));
    const mutated = fc.tuple(fc.constantFrom(...realLines), fc.nat(), fc.string({ unit: 'binary', maxLength: 6 }), fc.nat()).map(([line, at, insert, cut]) => {
      const i = at % (line.length + 1);
      return line.slice(0, i) + insert + line.slice(Math.min(line.length, i + (cut % 4)));
    });
    fc.assert(
      fc.property(fc.array(mutated, { minLength: 1, maxLength: 40 }), (lines) => {
        const p = parsePmcOutput(lines.join('\n'));
        // Whatever the mutation, every line is still accounted for (see above), none twice.
        const fieldLines = p.responses.reduce((n, r) => n + Object.keys(r.fields).length + r.extraLines.length, 0);
        const nonEmpty = lines.join('\n').split('\n').filter((l) => l.trim() !== '').length;
        expect(p.sent.length + p.responses.length + p.errors.length + fieldLines + p.notices.length + p.junkLines).toBe(nonEmpty);
      }),
      { numRuns: 1000 },
    );
  });
});

/** Prints data sets the way pmc.c `pmc_show` does, to check that parsing gives them back. */
interface Printed {
  portIdentity: string;
  seq: number;
  tlv: string;
  fields: [string, string][];
}
function printPmc(blocks: Printed[]): string {
  let out = '';
  for (const b of blocks) {
    out += `sending: GET ${b.tlv}\n`;
    out += `\t${b.portIdentity} seq ${b.seq} RESPONSE MANAGEMENT ${b.tlv} `;
    for (const [k, v] of b.fields) out += `\n\t\t${k.padEnd(24)} ${v}`;
    out += '\n';
  }
  return out;
}

describe('parsePmcOutput round trip (property)', () => {
  const hex = (n: number) => fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: n, maxLength: n }).map((a) => a.join(''));
  const portIdentity = fc.tuple(hex(6), hex(4), hex(6), fc.integer({ min: 0, max: 65535 })).map(([a, b, c, n]) => `${a}.${b}.${c}-${n}`);
  const ident = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.]{0,30}$/);
  const value = fc.stringMatching(/^[!-~](?:[ -~]{0,40}[!-~])?$/);
  const block = fc.record({
    portIdentity,
    seq: fc.integer({ min: 0, max: 65535 }),
    tlv: fc.stringMatching(/^[A-Z][A-Z0-9_]{0,40}$/).filter((t) => t !== 'MANAGEMENT_ERROR_STATUS'),
    fields: fc.uniqueArray(fc.tuple(ident, value), { selector: ([k]) => k, maxLength: 12 }),
  });

  it('gives back every printed data set, field for field', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), fc.boolean(), (blocks, crlf) => {
        const text = printPmc(blocks);
        const p = parsePmcOutput(crlf ? text.replaceAll('\n', '\r\n') : text);
        expect(p.junkLines).toBe(0);
        expect(p.sent).toEqual(blocks.map((b) => `GET ${b.tlv}`));
        expect(p.responses.map((r) => ({ portIdentity: r.portIdentity, seq: r.seq, tlv: r.tlv, fields: Object.entries(r.fields) }))).toEqual(blocks);
      }),
      { numRuns: 500 },
    );
  });
});
