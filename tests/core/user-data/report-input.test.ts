import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/core/extract/extract-report.ts';
import { createRegionLookup, type DivisionRow } from '../../../src/core/regions/region-lookup.ts';
import { parseReport } from '../../../src/core/report/parse-report.ts';
import { findReportYear, readReportInput } from '../../../src/core/user-data/report-input.ts';
import { loadCorpus, REPORTS_DIR } from '../corpus.ts';

const csv = readFileSync(new URL('../../../public/data/divisions.csv', import.meta.url), 'utf8').replace(/^\ufeff/, '');
const lookup = createRegionLookup(Papa.parse<DivisionRow>(csv, { header: true, skipEmptyLines: true }).data
  .map((r) => ({ ...r, prefecture_code: r.prefecture_code || null, prefecture_name: r.prefecture_name || null })));

const corpusFile = (id: string) => readFileSync(join(REPORTS_DIR, `${id}.txt`), 'utf8');

describe('prefill from a pasted report body (no front matter)', () => {
  it.each([['guangling-2024', '140223', 2024], ['lingqiu-2025', '140224', 2025]])('%s: place and year come from its title', (id, code, year) => {
    const { body, meta } = parseReport(corpusFile(id), id);
    const input = readReportInput(body, lookup);
    expect(input.hasFrontMatter).toBe(false);
    expect(input.errors).toEqual([]);
    expect(input.body).toBe(body);
    expect(input.prefill.region?.region_code).toBe(code);
    expect(input.prefill.regionFrom).toBe('text');
    expect(input.prefill.year).toBe(year);
    expect(input.prefill.title).toBe(meta.title);
    expect(input.prefill.publisherKind).toBe('county-gov');
  });

  it('takes the publisher from a site header line (发布机构:)', () => {
    const { body } = parseReport(corpusFile('lingqiu-2025'), 'lingqiu-2025');
    expect(readReportInput(body, lookup).prefill.publisher).toBe('灵丘县人民政府');
    expect(readReportInput('某某报告\n正文', lookup).prefill.publisher).toBe('');
  });

  it('across the corpus, a prefilled place and year agree with the front matter far more often than not', () => {
    const reports = loadCorpus();
    let place = 0;
    let year = 0;
    let wrongYear = 0;
    for (const report of reports) {
      const { prefill } = readReportInput(report.body, lookup);
      if (prefill.region?.region_code === report.meta.region_code) place += 1;
      if (prefill.year === report.meta.year) year += 1;
      else if (prefill.year !== null) wrongYear += 1;
    }
    console.log(`prefill over ${reports.length} corpus bodies: place right ${place}, year right ${year}, year wrong ${wrongYear}`);
    expect(place).toBeGreaterThan(reports.length / 2);
    expect(year).toBeGreaterThan(reports.length / 2);
    expect(wrongYear).toBeLessThan(year / 5);
  });

  it('reads the year only from report-year wording, in full-width digits too', () => {
    expect(findReportYear('某县２０２３年法治政府建设年度报告')).toBe(2023);
    expect(findReportYear('关于2022年度依法行政工作情况的报告')).toBe(2022);
    expect(findReportYear('发布日期: 2026-02-10\n我县2025年新建道路3条')).toBeNull();
    expect(findReportYear('2023年,济源市坚持法治')).toBe(2023);
    expect(findReportYear('1850年度')).toBeNull();
  });
});

describe('front matter in a pasted text', () => {
  it('prefills from it, and the body is what follows the closing line', () => {
    const text = corpusFile('guangling-2024');
    const parsed = parseReport(text, 'guangling-2024');
    const input = readReportInput(text, lookup);
    expect(input.hasFrontMatter).toBe(true);
    expect(input.errors).toEqual([]);
    expect(input.body).toBe(parsed.body);
    expect(input.prefill).toMatchObject({ year: 2024, publisher: '广灵县人民政府', publisherKind: 'county-gov', coverage: 'excerpt', regionFrom: 'front-matter' });
    expect(input.prefill.region?.region_code).toBe('140223');
  });

  it('spans of the extractor still point at the printed figure in the pasted body', () => {
    const { body, meta } = parseReport(corpusFile('lingqiu-2025'), 'lingqiu-2025');
    const input = readReportInput(body, lookup);
    const { observations } = extractReport({ meta: { ...meta, id: 'user-test' }, body: input.body });
    expect(observations.length).toBeGreaterThan(5);
    for (const o of observations.filter((x) => x.value_kind === 'reported')) {
      const printed = input.body.slice(o.span_start, o.span_end);
      expect(printed, o.quote).toMatch(/[\d〇零一二三四五六七八九十百千万两]/);
      expect(o.quote).toContain(printed);
    }
  });

  it.each([
    ['an alias bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nyear: 2024', /alias/i],
    ['a custom tag', 'year: !!js/function "function(){return 1}"\nregion_code: "140223"', /YAML/],
    ['an unknown local tag', 'title: !evil x\nyear: 2024', /YAML/],
    ['duplicate keys', 'year: 2024\nyear: 2023', /YAML/],
    ['a list instead of a mapping', '- a\n- b', /mapping/],
    ['broken YAML', 'year: [2024', /YAML/],
    ['a year out of range', 'year: 3024', /year between/],
    ['an unknown place code', 'region_code: "999999"', /not a known/],
    ['a bad publisher kind', 'publisher_kind: <script>alert(1)</script>', /not one of/],
    ['a nested value', 'title:\n  a: 1', /must be text/],
  ])('fails cleanly on %s', (_, yaml, reason) => {
    const input = readReportInput(`---\n${yaml}\n---\n正文2024年。\n`, lookup);
    expect(input.errors.length).toBeGreaterThan(0);
    expect(input.errors.map((e) => `${e.field ?? ''} ${e.reason}`).join('; ')).toMatch(reason);
  });

  it('reports a front matter without its closing line, and reads only the head of a huge one', () => {
    expect(readReportInput('---\nyear: 2024\n正文', lookup).errors[0]?.reason).toMatch(/closing/);
    const huge = `---\n${'a: 1\n'.repeat(50_000)}---\nbody`;
    expect(readReportInput(huge, lookup).errors[0]?.reason).toMatch(/closing/);
  });

  it('handles a 5 MB single line without reading it all for prefills', () => {
    const line = `某某县2024年法治政府建设年度报告${'数'.repeat(5_000_000)}`;
    const input = readReportInput(line, lookup);
    expect(input.body.length).toBe(line.length);
    expect(input.prefill.year).toBe(2024);
    expect(input.prefill.title.length).toBeLessThanOrEqual(200);
  });
});
