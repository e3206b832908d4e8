/**
 * Every built observation can be traced to its report (docs/DATA-CONTRACT.md §3): the quote is
 * verbatim, the span (UTF-16 code units into the body) lies inside the quote and holds the
 * number as printed, and a derived row names inputs that are themselves in the body.
 * Bodies are read here without parseReport, so an off-by-one in the front-matter split shows.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../scripts/lib/build-dataset.ts';
import { parseNumeral } from '../../src/core/numbers/parse-quantity.ts';
import { readBodies, readParquet, REPORTS_DIR, tempDir, type JsRow } from './helpers.ts';

interface Input { indicator_id: string; role: string; value: number; year: number; span_start: number; span_end: number }

let work: ReturnType<typeof tempDir>;
let observations: JsRow[];
let rejects: JsRow[];
let bodies: Map<string, string>;

beforeAll(async () => {
  work = tempDir('provenance');
  await buildDataset({ reportsDir: REPORTS_DIR, outDir: work.path });
  observations = (await readParquet(join(work.path, 'observations.parquet'))).rows;
  rejects = (await readParquet(join(work.path, 'rejects.parquet'))).rows;
  bodies = readBodies(REPORTS_DIR);
});

afterAll(() => work.remove());

const FULL_WIDTH_DIGITS = /[０-９]/g;
const CHINESE = '零〇一二两三四五六七八九十百千万亿';
/** A printed number: Arabic with optional 万/亿, a Chinese numeral, or 百分之…. */
const NUMBER_TOKEN = new RegExp(`百分之(?:[${CHINESE}]+(?:点[${CHINESE}]+)?|\\d+(?:\\.\\d+)?)|\\d+(?:\\.\\d+)?(?:\\s*[万亿])?|[${CHINESE}]+(?:点[零〇一二三四五六七八九]+)?`, 'g');

/**
 * The values of the numbers printed in a slice of the body: full-width digits and points made
 * ASCII, thousands separators (a comma between a digit and three digits) removed, traditional
 * 萬/億/兩 simplified, and the pinyin glosses of converted pages dropped (`9.67萬(wàn)件`, as
 * published); each token is then read with the project's parseNumeral (1.2万 → 12000, 三千 → 3000).
 */
export function printedValues(slice: string): number[] {
  const ascii = slice.replace(FULL_WIDTH_DIGITS, (d) => String(d.charCodeAt(0) - 0xff10)).replace(/．/g, '.')
    .replace(/[萬億兩]/g, (c) => ({ 萬: '万', 億: '亿', 兩: '两' })[c as '萬'])
    .replace(/[(（][a-zü\u00e0-\u01dc]+[)）]/g, '')
    .replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
  const values: number[] = [];
  for (const match of ascii.matchAll(NUMBER_TOKEN)) {
    const parsed = parseNumeral(match[0].replace(/\s+/g, ''));
    if (parsed) values.push(parsed.value);
  }
  return values;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const where = (r: JsRow) => `${r.report_id} ${r.indicator_id} ${r.year} ${r.period} value ${r.value} span ${r.span_start}-${r.span_end} (${r.rule_id})`;

/** Problems of one row, as text (the test lists every failing row at once). */
function problems(row: JsRow): string[] {
  const out: string[] = [];
  const body = bodies.get(row.report_id as string);
  if (body === undefined) return [`no report file for ${row.report_id}`];
  const start = row.span_start as number;
  const end = row.span_end as number;
  const quote = row.quote as string;
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= body.length)) {
    return [`span outside the body (length ${body.length})`];
  }
  const slice = body.slice(start, end);
  // The quote is verbatim, and one of its occurrences covers the span.
  if (quote.length === 0 || !body.includes(quote)) out.push('quote is not a verbatim substring of the body');
  const quoteStart = Number(row.quote_start);
  if (body.slice(quoteStart, quoteStart + quote.length) !== quote) out.push(`quote_start ${quoteStart} does not point at the quote`);
  else {
    let covered = false;
    for (let at = body.indexOf(quote); at >= 0 && !covered; at = body.indexOf(quote, at + 1)) covered = at <= start && end <= at + quote.length;
    if (!covered) out.push(`span "${slice}" lies outside the quote`);
  }
  if (row.value_kind === 'reported') {
    if (row.value !== null && !printedValues(slice).some((v) => close(v, row.value as number))) {
      out.push(`span "${slice}" does not print ${row.value} (reads ${JSON.stringify(printedValues(slice))})`);
    }
    if (row.derivation !== '' || row.inputs !== '') out.push('a reported row with a derivation or inputs');
    return out;
  }
  // Derived rows: a derivation, and inputs whose spans are in the body and print their values.
  if (row.derivation === '') out.push('derived row without a derivation');
  let inputs: Input[];
  try {
    inputs = JSON.parse(row.inputs as string) as Input[];
  } catch {
    return [...out, 'inputs is not JSON'];
  }
  if (inputs.length === 0) out.push('derived row without inputs');
  for (const input of inputs) {
    if (!(input.span_start >= 0 && input.span_start < input.span_end && input.span_end <= body.length)) {
      out.push(`input ${input.role} span ${input.span_start}-${input.span_end} outside the body`);
      continue;
    }
    const printed = printedValues(body.slice(input.span_start, input.span_end));
    // A change ("下降12%", "减少3件") is printed without its sign.
    const target = input.role === 'change' ? Math.abs(input.value) : input.value;
    if (!printed.some((v) => close(v, target))) out.push(`input ${input.role} "${body.slice(input.span_start, input.span_end)}" does not print ${input.value}`);
  }
  // Where the arithmetic is known, it holds.
  const value = row.value as number;
  const rule = row.rule_id as string;
  if (rule.endsWith('/sum-of-parts') && !close(inputs.reduce((s, i) => s + i.value, 0), value)) out.push(`parts do not sum to ${value}`);
  if (rule.endsWith('/derived-from-counts')) {
    const top = inputs.find((i) => i.role === 'numerator');
    const bottom = inputs.find((i) => i.role === 'denominator');
    if (!top || !bottom || Math.abs((top.value / bottom.value) * 100 - value) > 0.006) out.push(`rate ${value} is not numerator ÷ denominator × 100`);
  }
  return out;
}

describe('provenance of every observation', () => {
  it('builds some observations to check', () => {
    expect(observations.length).toBeGreaterThan(0);
    expect(observations.some((o) => o.value_kind === 'derived')).toBe(true);
  });

  it('quote verbatim, span inside the quote and printing the value; derived rows name their inputs', () => {
    const failures = observations.flatMap((row) => problems(row).map((p) => `${where(row)}: ${p}`));
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it('every reject points into its report: verbatim quote, text = the span as printed', () => {
    const failures: string[] = [];
    for (const r of rejects) {
      const body = bodies.get(r.report_id as string) ?? '';
      const start = r.span_start as number;
      const end = r.span_end as number;
      if (!(start >= 0 && start <= end && end <= body.length)) failures.push(`${r.report_id} ${r.rule_id}: span ${start}-${end} outside the body`);
      else if (r.text !== '' && body.slice(start, end) !== r.text) failures.push(`${r.report_id} ${r.rule_id}: text "${r.text}" ≠ span "${body.slice(start, end)}"`);
      if (r.quote !== '' && !body.includes(r.quote as string)) failures.push(`${r.report_id} ${r.rule_id}: quote not verbatim`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  });
});

describe('printedValues (the checker itself)', () => {
  it.each([
    ['10544件', 10544], ['１２３４件', 1234], ['1,234件', 1234], ['1.2万件', 12000], ['1.2 万', 12000], ['三千', 3000],
    ['百分之九十五', 95], ['99.8%', 99.8], ['两百', 200], ['约3.5亿元', 350000000], ['9.67萬(wàn)件', 96700],
  ])('%s → %d', (slice, value) => {
    expect(printedValues(slice)).toContain(value);
  });

  it('does not invent a number', () => {
    expect(printedValues('办结率100%').some((v) => v === 10)).toBe(false);
    expect(printedValues('全年')).toEqual([]);
  });
});
