import { join } from 'node:path';
import { PICK_RULE } from '../../src/db/queries/pick-rule.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figureParts, markRanges, spanInQuote } from '../../src/charts/figure-in-quote.ts';
import {
  derivationSources, matchInputs, observationDetail, observationSiblings, pickReason, reportLink, reportObservations,
  reportSources, type ObservationDetail,
} from '../../src/db/queries/provenance.ts';
import { trendPoints } from '../../src/db/queries/trend.ts';
import { openNodeDb, type NodeDb } from './node-db.ts';

const SHIPPED = join(import.meta.dirname, '..', '..', 'public', 'data');

let db: NodeDb;
let shipped: NodeDb;
beforeAll(async () => { [db, shipped] = await Promise.all([openNodeDb(), openNodeDb(SHIPPED)]); });
afterAll(() => { db.close(); shipped.close(); });

const marked = (quote: string, quoteStart: number | null, spans: { start: number; end: number }[], values: number[] = []) =>
  figureParts(quote, { quoteStart, spans, values }).filter((p) => p.figure).map((p) => p.text);

describe('the figure in its quote', () => {
  it('is quote.slice(span_start - quote_start, span_end - quote_start)', async () => {
    const d = (await observationDetail(db, 'fake-ceshi-2020#1'))!;
    expect(d.quote_start).toBe(106);
    expect(spanInQuote(d.quote, d.quote_start, d.span_start, d.span_end)).toEqual({ start: 14, end: 19 });
    expect(marked(d.quote, d.quote_start, [{ start: d.span_start, end: d.span_end }], [90.5])).toEqual(['90.5%']);
  });

  it('marks the span even where the same number is printed earlier', () => {
    // '93' occurs twice; the value search would mark the first, the span marks the second.
    const quote = '去年93件,今年调解93件。';
    expect(marked(quote, 1000, [{ start: 1010, end: 1012 }], [93])).toEqual(['93']);
    const parts = figureParts(quote, { quoteStart: 1000, spans: [{ start: 1010, end: 1012 }], values: [93] });
    expect(parts.map((p) => p.text).join('')).toBe(quote);
    expect(parts.findIndex((p) => p.figure)).toBe(1);
    expect(parts[0]!.text).toBe('去年93件,今年调解');
  });

  it('falls back to the value only without a usable quote_start', () => {
    expect(marked('调解成功率98.5%', null, [{ start: 5, end: 9 }], [98.5])).toEqual(['98.5']);
    expect(marked('调解成功率98.5%', 0, [{ start: 50, end: 54 }], [98.5])).toEqual(['98.5']);
    expect(spanInQuote('abc', 10, 9, 11)).toBeNull();
    expect(spanInQuote('abc', 10, 11, 11)).toBeNull();
    expect(spanInQuote('abc', undefined, 10, 11)).toBeNull();
  });

  it('merges overlapping ranges and keeps the text whole', () => {
    const parts = markRanges('0123456789', [{ start: 6, end: 8 }, { start: 1, end: 3 }, { start: 2, end: 4 }, { start: 20, end: 30 }]);
    expect(parts).toEqual([
      { text: '0', figure: false }, { text: '123', figure: true }, { text: '45', figure: false }, { text: '67', figure: true }, { text: '89', figure: false },
    ]);
  });

  it('places every figure of the shipped dataset inside its quote', async () => {
    const rows = await shipped.query<{ obs_id: string; quote: string; quote_start: number | null; span_start: number; span_end: number; value: number | null; value_kind: string }>(
      'SELECT obs_id, quote, quote_start, span_start, span_end, value, value_kind FROM observations');
    expect(rows.length).toBeGreaterThan(100);
    const unplaced = rows.filter((r) => spanInQuote(r.quote, r.quote_start, r.span_start, r.span_end) === null).map((r) => r.obs_id);
    expect(unplaced).toEqual([]);
    // A printed figure's slice holds its number (the span may include the unit: "3656件").
    const printed = rows.filter((r) => r.value_kind === 'reported' && r.value !== null);
    const digitsOf = (r: (typeof printed)[number]) => r.quote.slice(r.span_start - r.quote_start!, r.span_end - r.quote_start!);
    const withDigits = printed.filter((r) => /\d/.test(digitsOf(r)));
    expect(withDigits.length / printed.length).toBeGreaterThan(0.8);
  });
});

describe('derivationSources', () => {
  it("finds each input's sentence, or says there is none", async () => {
    const d = (await observationDetail(db, 'fake-ceshi-2021#2'))!;
    const sources = await derivationSources(db, d);
    expect(sources.map((s) => [s.input.role, s.match, s.context?.quote_start ?? null])).toEqual([
      ['numerator', null, null],
      ['denominator', null, 22],
    ]);
    const denominator = sources[1]!;
    expect(denominator.context!.quote.slice(30 - 22, 33 - 22)).toBe('100');
    expect(await derivationSources(db, (await observationDetail(db, 'fake-ceshi-2020#1'))!)).toEqual([]);
  });

  it('returns the row printed at exactly the input span, preferring the same indicator and a printed row', async () => {
    const own = { obs_id: 'd#1', quote: '共调解纠纷100件,成功93件。', quote_start: 100 };
    const row = (over: Partial<Parameters<typeof matchInputs>[1][number]>) => ({
      obs_id: 'x', indicator_id: 'mediation.cases', value: 100, unit: '件', approx: 'exact' as const, value_kind: 'reported' as const,
      period: 'year', span_start: 105, span_end: 109, quote: own.quote, quote_start: 100, ...over,
    });
    const rows = [
      row({ obs_id: 'other-derived', indicator_id: 'mediation.cases', value_kind: 'derived' }),
      row({ obs_id: 'other-indicator', indicator_id: 'hotline.tickets' }),
      row({ obs_id: 'the-one' }),
      row({ obs_id: 'd#1', indicator_id: 'mediation.success_rate', span_start: 105, span_end: 109, value_kind: 'derived' }),
      row({ obs_id: 'far', indicator_id: 'x', span_start: 500, span_end: 503, quote: '别处成功率93%', quote_start: 495 }),
    ];
    const inputs = [
      { indicator_id: 'mediation.cases', role: 'denominator', value: 100, year: 2021, span_start: 105, span_end: 109 },
      { indicator_id: 'mediation.succeeded', role: 'numerator', value: 93, year: 2021, span_start: 500, span_end: 502 },
      { indicator_id: 'mediation.succeeded', role: 'numerator', value: 93, year: 2021, span_start: 900, span_end: 902 },
    ];
    const [denominator, elsewhere, nowhere] = matchInputs(inputs, rows, own);
    expect(denominator!.match?.obs_id).toBe('the-one');
    expect(denominator!.context).toEqual({ quote: own.quote, quote_start: 100 });
    expect(elsewhere!.match).toBeNull();
    expect(elsewhere!.context).toEqual({ quote: '别处成功率93%', quote_start: 495 });
    expect(nowhere).toMatchObject({ match: null, context: null });
  });

  it('matches the inputs of derived rows in the shipped dataset to printed rows of the same report', async () => {
    const derived = await shipped.query<{ obs_id: string }>("SELECT obs_id FROM observations WHERE value_kind = 'derived' AND inputs LIKE '[{%' ORDER BY obs_id");
    expect(derived.length).toBeGreaterThan(5);
    let matched = 0;
    let inputs = 0;
    for (const { obs_id } of derived) {
      const detail = (await observationDetail(shipped, obs_id))!;
      for (const source of await derivationSources(shipped, detail)) {
        inputs += 1;
        if (source.match) {
          matched += 1;
          expect([source.match.span_start, source.match.span_end]).toEqual([source.input.span_start, source.input.span_end]);
        }
        // Every input can be shown in a sentence of its report.
        expect(source.context).not.toBeNull();
        const range = spanInQuote(source.context!.quote, source.context!.quote_start, source.input.span_start, source.input.span_end)!;
        expect(source.context!.quote.slice(range.start, range.end)).toMatch(/\d|[一二三四五六七八九十百千万]/);
      }
    }
    expect(matched).toBeGreaterThan(0);
    expect(inputs).toBeGreaterThan(matched);
  });

  it('lists the observations of one report in body order', async () => {
    const rows = await reportObservations(db, 'fake-yanshi-2022-b');
    expect(rows.map((r) => r.obs_id)).toEqual(['fake-yanshi-2022-b#1', 'fake-yanshi-2022-b#2']);
    expect(await reportObservations(db, "x' OR 1=1 --")).toEqual([]);
  });
});

describe('pickReason', () => {
  const base = { value: 1, period: 'year', value_kind: 'reported', approx: 'exact', publisher_kind: 'county-gov' } as const;

  it('names the first criterion of the pick rule that separates two rows', () => {
    expect(pickReason(base, { ...base, value: null })).toBe('has-number');
    expect(pickReason(base, { ...base, period: '2022-01/2022-06' })).toBe('longer-period');
    // a published row beats the researcher's own before any other criterion (我的数据 never replaces a published figure)
    expect(pickReason({ ...base, period: '2022-01/2022-06', origin: 'shipped' }, { ...base, origin: 'user' })).toBe('shipped');
    expect(pickReason(base, { ...base, value_kind: 'derived', approx: 'about' })).toBe('printed');
    expect(pickReason(base, { ...base, approx: 'about', publisher_kind: 'department' })).toBe('exact');
    expect(pickReason(base, { ...base, publisher_kind: 'department' })).toBe('government');
    expect(pickReason(base, { ...base, value: 2 })).toBe('tie-break');
  });

  it('explains the fixture competitions', async () => {
    const reasons = async (obsId: string) => {
      const [chosen, ...others] = await observationSiblings(db, obsId);
      return others.map((o) => pickReason(chosen!, o));
    };
    expect(await reasons('fake-ceshi-2021#2')).toEqual(['printed']);
    expect(await reasons('fake-yangli-2022#1')).toEqual(['has-number']);
    expect(await reasons('fake-yanshi-2022#1')).toEqual(['tie-break', 'longer-period']);
  });

  it('agrees with the SQL order (the rule\'s TypeScript keys against its SQL keys) on the shipped dataset', async () => {
    const groups = await shipped.query<{ obs_id: string }>(
      'SELECT min(obs_id) AS obs_id FROM observations GROUP BY region_code, year, indicator_id HAVING count(*) > 1');
    expect(groups.length).toBeGreaterThan(0);
    // The TypeScript side of the one rule (pick-rule.ts), against the order the SQL side produced.
    const key = (r: ObservationDetail) => PICK_RULE.flatMap((c) => c.js?.(r) ?? []);
    const compare = (a: number[], b: number[]) => a.reduce((acc, x, i) => acc || x - b[i]!, 0);
    for (const { obs_id } of groups) {
      const rows = await observationSiblings(shipped, obs_id);
      for (let i = 1; i < rows.length; i += 1) expect(compare(key(rows[i - 1]!), key(rows[i]!))).toBeLessThanOrEqual(0);
      const [point] = (await trendPoints(shipped, rows[0]!.indicator_id, [rows[0]!.region_code])).filter((p) => p.year === rows[0]!.year);
      if (rows[0]!.value !== null) expect(point?.obs_id).toBe(rows[0]!.obs_id);
    }
  });
});

describe('reportSources', () => {
  it('returns the reports asked for, by place and year, ignoring unknown ids', async () => {
    const rows = await reportSources(db, ['fake-ceshi-2024-dept', 'fake-ceshi-2020', 'no-such', 'fake-ceshi-2020']);
    expect(rows).toEqual([
      { report_id: 'fake-ceshi-2020', region_name: '测试县', year: 2020, title: '测试县2020年法治政府建设年度报告(虚构)', publisher: '测试县人民政府', publisher_kind: 'county-gov', url: 'https://example.invalid/ceshi-2020', published: '2021-01-15', source_kind: 'annual-report' },
      { report_id: 'fake-ceshi-2024-dept', region_name: '测试县', year: 2024, title: '测试县司法局2024年工作总结(虚构)', publisher: '测试县司法局', publisher_kind: 'department', url: '', published: '', source_kind: 'work-report' },
    ]);
    expect(await reportSources(db, [])).toEqual([]);
    expect(await reportSources(db, ["fake-ceshi-2020' OR 1=1 --"])).toEqual([]);
  });
});

describe('reportLink', () => {
  it('links only http and https addresses', () => {
    expect(reportLink('https://example.invalid/a?b=1')).toBe('https://example.invalid/a?b=1');
    expect(reportLink(' HTTP://www.gov.cn/x ')).toBe('http://www.gov.cn/x');
    for (const bad of ['', 'javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'ftp://x.cn/a', '//evil.example/x', 'www.gov.cn', 'http://']) {
      expect(reportLink(bad)).toBeNull();
    }
  });
});
