/** The streaming CSV record reader: line ends, quotes, recovery from a bad quote, pieces of any size. */
import { describe, expect, it } from 'vitest';
import { createCsvRecordReader, guessDelimiter, QUOTED_LINE_LIMIT, type BrokenLine, type CsvRecord } from '../../../src/core/user-data/csv-records.ts';

function read(text: string, pieceSize = text.length): { records: CsvRecord[]; broken: BrokenLine[] } {
  const records: CsvRecord[] = [];
  const broken: BrokenLine[] = [];
  const reader = createCsvRecordReader({ record: (r) => records.push(r), broken: (b) => broken.push(b) });
  for (let i = 0; i < text.length; i += pieceSize) reader.push(text.slice(i, i + pieceSize));
  reader.end();
  return { records, broken };
}

describe('the CSV record reader', () => {
  it('gives the same records whatever the pieces the text comes in (a CRLF split across two pieces included)', () => {
    const text = 'a,b\r\n"x\r\ny",2\r\n"q""uote",3\n\nlast,4\r';
    const whole = read(text);
    expect(whole.records).toEqual([
      { fields: ['a', 'b'], line: 1 }, { fields: ['x\r\ny', '2'], line: 2 }, { fields: ['q"uote', '3'], line: 4 }, { fields: ['last', '4'], line: 6 },
    ]);
    for (const size of [1, 2, 3, 5, 7]) expect(read(text, size), `pieces of ${size}`).toEqual(whole);
  });

  it('keeps a long quoted cell (100,000 characters) whole', () => {
    const { records, broken } = read(`a,b\n1,"${'x'.repeat(100_000)}"\n`, 4096);
    expect(broken).toEqual([]);
    expect(records[1]!.fields[1]!.length).toBe(100_000);
  });

  it('an unclosed quote far from the end costs its line only, even when thousands of lines follow', () => {
    const lines = Array.from({ length: QUOTED_LINE_LIMIT * 3 }, (_, i) => `r${i},${i}`);
    const { records, broken } = read(`a,b\n"bad,1\n${lines.join('\n')}\n`, 1000);
    expect(broken).toEqual([{ line: 2, code: 'quote-unclosed', text: '"bad,1' }]);
    expect(records).toHaveLength(1 + lines.length);
    expect(records.at(-1)).toEqual({ fields: [`r${lines.length - 1}`, String(lines.length - 1)], line: lines.length + 2 });
  });

  it('guesses comma, tab, semicolon and pipe from the lines that agree', () => {
    expect(guessDelimiter('a;b;c\n1;2,5;3\n4;5;6\n')).toBe(';');
    expect(guessDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(guessDelimiter('a|b\n1|2\n')).toBe('|');
    expect(guessDelimiter('only\n')).toBe(',');
  });
});
