import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, csvCell, neutraliseFormula, toCsv } from '../../../src/core/csv/to-csv.ts';
import { NAUGHTY_STRINGS, SPREADSHEET_PAYLOADS } from '../../fixtures/bad-inputs/naughty-strings.ts';

/** Reads a CSV written by toCsv back into rows of strings (papaparse, BOM stripped). */
function parse(csv: string): string[][] {
  expect(csv.startsWith(BOM)).toBe(true);
  const result = Papa.parse<string[]>(csv.slice(1), { header: false, skipEmptyLines: false, newline: '\r\n', delimiter: ',' });
  expect(result.errors).toEqual([]);
  const rows = result.data;
  // The file ends in CRLF, which papaparse reads as one more empty record.
  expect(rows.at(-1)).toEqual(['']);
  return rows.slice(0, -1);
}

describe('toCsv', () => {
  it('starts with the UTF-8 BOM, writes a header row and ends every record with CRLF', () => {
    const csv = toCsv(['a', 'b'], [{ a: 'x', b: 1 }, { a: 'y', b: 2 }]);
    expect(csv).toBe(`${BOM}a,b\r\nx,1\r\ny,2\r\n`);
  });

  it('quotes fields with commas, double quotes and newlines (RFC 4180) and reads back unchanged', () => {
    const rows = [
      { q: 'a,b', n: 1 },
      { q: 'he said "yes"', n: 2 },
      { q: 'line 1\nline 2', n: 3 },
      { q: 'cr\r\nlf', n: 4 },
      { q: ' padded ', n: 5 },
    ];
    const csv = toCsv(['q', 'n'], rows);
    expect(csv).toContain('"a,b"');
    expect(csv).toContain('"he said ""yes"""');
    expect(csv).toContain('"line 1\nline 2"');
    expect(parse(csv)).toEqual([['q', 'n'], ...rows.map((r) => [r.q, String(r.n)])]);
  });

  it('keeps Chinese text as it is (UTF-8, full-width punctuation)', () => {
    const csv = toCsv(['地区', '原文'], [{ 地区: '测试县', 原文: '【虚构】共调解纠纷1,234件,成功率“98%”。' }]);
    expect(parse(csv)).toEqual([['地区', '原文'], ['测试县', '【虚构】共调解纠纷1,234件,成功率“98%”。']]);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('neutralises text cells that a spreadsheet would run as a formula', () => {
    const evil = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', "=HYPERLINK(\"http://x\",\"y\")"];
    const csv = toCsv(['t'], evil.map((t) => ({ t })));
    expect(parse(csv).slice(1).map((r) => r[0])).toEqual(evil.map((t) => `'${t}`));
    // Harmless text is left alone, including a formula character later in the text.
    expect(parse(toCsv(['t'], [{ t: 'a=b' }, { t: '1-2' }, { t: "'already" }])).slice(1)).toEqual([['a=b'], ['1-2'], ["'already"]]);
  });

  it('writes numbers as numbers: negative numbers are not mangled', () => {
    const csv = toCsv(['v', 'label'], [{ v: -12.5, label: '-12.5' }, { v: 0, label: 'zero' }, { v: 1e21, label: 'big' }, { v: -0.001, label: 'small' }]);
    expect(csv).toBe(`${BOM}v,label\r\n-12.5,'-12.5\r\n0,zero\r\n1e+21,big\r\n-0.001,small\r\n`);
  });

  it('writes null, undefined, NaN and Infinity as empty cells; booleans, dates and objects as text', () => {
    const csv = toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [
      { a: null, b: undefined, c: Number.NaN, d: Number.POSITIVE_INFINITY, e: true, f: new Date('2024-01-02T03:04:05Z'), g: [1, 'x'] },
    ]);
    expect(csv).toBe(`${BOM}a,b,c,d,e,f,g\r\n,,,,true,2024-01-02T03:04:05.000Z,"[1,""x""]"\r\n`);
  });

  it('takes only the listed columns, in their order, and a missing key is an empty cell', () => {
    expect(toCsv(['b', 'a', 'z'], [{ a: 1, b: 2, c: 3 }])).toBe(`${BOM}b,a,z\r\n2,1,\r\n`);
  });

  it('uses header labels when given, neutralised like any text', () => {
    expect(toCsv(['v', 'w'], [{ v: 1, w: 2 }], { labels: { v: '数值', w: '=w' } })).toBe(`${BOM}数值,'=w\r\n1,2\r\n`);
  });

  it('writes chunks that concatenate into one valid file', () => {
    const first = toCsv(['a'], [{ a: 1 }]);
    const next = toCsv(['a'], [{ a: 2 }, { a: 3 }], { bom: false, header: false });
    expect(next).toBe('2\r\n3\r\n');
    expect(parse(first + next)).toEqual([['a'], ['1'], ['2'], ['3']]);
    expect(toCsv(['a'], [], { bom: false, header: false })).toBe('');
  });

  it('writes a header only for no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe(`${BOM}a,b\r\n`);
  });
});

describe('csvCell and neutraliseFormula', () => {
  it('decide by type, not by look', () => {
    expect(csvCell(-1)).toBe(-1);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(10n)).toBe('10');
    expect(neutraliseFormula('')).toBe('');
    expect(neutraliseFormula('法治')).toBe('法治');
  });
});

describe('hostile text (tests/fixtures/bad-inputs/naughty-strings.ts)', () => {
  it('neutralises formulas hidden behind whitespace, invisible characters or full-width signs', () => {
    for (const t of [' =1+1', '\u3000=1+1', '\u00a0+1', '\ufeff=1', '\u200b@SUM(A1)', '\n=1', '＝1+1', '＋1', '－1', '＠SUM(A1)', '  -2+3']) {
      expect(neutraliseFormula(t), JSON.stringify(t)).toBe(`'${t}`);
    }
    // Text with a formula character later on, or a full-width sign in the middle, is left alone.
    for (const t of ['a =1', '测试＝1', '1+1', ' 12', '(=)', 'e-mail']) expect(neutraliseFormula(t), JSON.stringify(t)).toBe(t);
  });

  it('every spreadsheet payload is neutralised, in cells and in header labels', () => {
    for (const t of SPREADSHEET_PAYLOADS) expect(neutraliseFormula(t), JSON.stringify(t)).toBe(`'${t}`);
    const csv = toCsv(['a'], SPREADSHEET_PAYLOADS.map((a) => ({ a })), { labels: { a: '=HYPERLINK("x")' } });
    expect(parse(csv).map((r) => r[0])).toEqual([`'=HYPERLINK("x")`, ...SPREADSHEET_PAYLOADS.map((t) => `'${t}`)]);
  });

  it('a text cell that looks like a negative number is prefixed; a number is not (the type decides, documented in to-csv.ts)', () => {
    expect(toCsv(['v'], [{ v: '-12' }, { v: -12 }, { v: -0 }])).toBe(`${BOM}v\r\n'-12\r\n-12\r\n0\r\n`);
  });

  it('every naughty string survives a round trip: one record per row, the same number of fields, the text back as written', () => {
    const rows = NAUGHTY_STRINGS.map((s, i) => ({ i, s, t: `${s},"${s}"\r\n${s}` }));
    const back = parse(toCsv(['i', 's', 't'], rows));
    expect(back).toHaveLength(rows.length + 1);
    back.slice(1).forEach((record, k) => {
      const { s, t } = rows[k]!;
      expect(record).toHaveLength(3);
      expect(record[0]).toBe(String(k));
      expect(record[1]).toBe(neutraliseFormula(s));
      expect(record[2]).toBe(neutraliseFormula(t));
    });
  });
});
