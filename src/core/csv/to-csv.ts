/**
 * The dashboard's CSV writer (table downloads, chart data): RFC 4180 through papaparse's `unparse`
 * (fields holding a comma, a double quote, CR or LF are quoted, quotes doubled, CRLF between
 * records), UTF-8 with a byte-order mark so spreadsheet programs read Chinese correctly.
 *
 * Formula injection is neutralised here, not by papaparse: a text cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as
 * text instead of running it. So does one whose first visible character is one of those after
 * leading whitespace or invisible characters (` =1+1`, `\u3000=1+1`, `\ufeff=1+1`: some programs
 * trim before they look), and one starting with the full-width forms `＝` `＋` `－` `＠` (an
 * East-Asian spreadsheet or IME may fold them to ASCII).
 *
 * Numbers are written as numbers (`-12.5` stays `-12.5`): a value's JavaScript type decides, so
 * numeric columns must hold numbers, not numeric strings. A *text* cell that looks like a negative
 * number (`'-12.5'`) is prefixed like any other: text that starts with `-` cannot be told apart from
 * `-2+3` or `-cmd|…` without parsing formulas, and the apostrophe only shows that it was text.
 */
import Papa from 'papaparse';

export const BOM = '\uFEFF';
export const CRLF = '\r\n';

export interface CsvOptions {
  /** Start with the UTF-8 byte-order mark (default true). Turn off for the 2nd… chunk of a long file. */
  bom?: boolean;
  /** Write the header row (default true). Turn off for the 2nd… chunk of a long file. */
  header?: boolean;
  /** Header titles by column key; a key without one is its own title. */
  labels?: Readonly<Record<string, string>>;
}

/** A tab or CR first, or a formula character (ASCII or full-width) after any leading whitespace or invisible characters. */
const FORMULA_START = /^(?:[\t\r]|[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20])/u;

/** A text cell as a spreadsheet can open it safely: `'=1+1` instead of `=1+1`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One cell: numbers and booleans as themselves, nothing for null/undefined/NaN/±Infinity, everything else as safe text. */
export function csvCell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return neutraliseFormula(text);
}

/**
 * The rows as CSV text: the BOM, a header row of `columns` (or their labels), then one record per
 * row taking `row[column]` for each column, each record ending in CRLF (so chunks written with
 * `{ bom: false, header: false }` can be concatenated).
 */
export function toCsv(columns: readonly string[], rows: ReadonlyArray<Readonly<Record<string, unknown>>>, options: CsvOptions = {}): string {
  const { bom = true, header = true, labels = {} } = options;
  const records: Array<Array<string | number | boolean | null>> = [];
  if (header) records.push(columns.map((c) => csvCell(labels[c] ?? c)));
  for (const row of rows) records.push(columns.map((c) => csvCell(row[c])));
  const body = records.length === 0 ? '' : Papa.unparse(records, { newline: CRLF, quotes: false, escapeFormulae: false, header: false }) + CRLF;
  return (bom ? BOM : '') + body;
}
