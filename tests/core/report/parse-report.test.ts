import { describe, expect, it } from 'vitest';
import { parseReport, ReportFormatError } from '../../../src/core/report/parse-report.ts';

const FRONT = [
  'id: guangling-2024',
  'region_code: "140223"',
  'region_name: 广灵县',
  'year: 2024',
  'publisher: 广灵县人民政府',
  'publisher_kind: county-gov',
  'source_kind: annual-report',
  'title: 广灵县2024年法治政府建设年度报告',
  'url: http://www.sx-guangling.gov.cn/x.shtml',
  'published: "2025-01"',
  'coverage: excerpt',
];
const BODY = '广灵县2024年法治政府建设年度报告\n2024年，全县办理行政复议案件12件。\n';

function file(lines: readonly string[] = FRONT, body = BODY, eol = '\n'): string {
  return ['---', ...lines, '---'].join(eol) + eol + body;
}

/** The same front matter with one field replaced (or removed when `value` is undefined). */
function withField(field: string, value: string | undefined): string[] {
  const others = FRONT.filter((line) => !line.startsWith(`${field}:`));
  return value === undefined ? others : [...others, `${field}: ${value}`];
}

function formatError(text: string): ReportFormatError {
  try {
    parseReport(text, 'test.txt');
  } catch (error) {
    expect(error).toBeInstanceOf(ReportFormatError);
    return error as ReportFormatError;
  }
  throw new Error('expected a ReportFormatError');
}

describe('parseReport', () => {
  it('reads valid front matter', () => {
    const report = parseReport(file(), 'guangling-2024.txt');
    expect(report.meta).toEqual({
      id: 'guangling-2024', region_code: '140223', region_name: '广灵县', year: 2024,
      publisher: '广灵县人民政府', publisher_kind: 'county-gov', source_kind: 'annual-report', title: '广灵县2024年法治政府建设年度报告',
      url: 'http://www.sx-guangling.gov.cn/x.shtml', published: '2025-01', coverage: 'excerpt',
    });
    expect(report.body).toBe(BODY);
  });

  it('fills optional fields with defaults', () => {
    const minimal = ['id: a-2020', 'region_code: "110101"', 'region_name: 东城区', 'year: 2020', 'publisher_kind: district-gov'];
    const report = parseReport(file(minimal), 'a.txt');
    expect(report.meta).toMatchObject({ publisher: '', source_kind: 'other', title: '', url: '', published: '', coverage: 'full' });
  });

  it('names a source_kind outside the list, with the allowed kinds', () => {
    const error = formatError(file(withField('source_kind', 'blog')));
    expect(error.field).toBe('source_kind');
    expect(error.message).toContain('"blog" is not one of annual-report, hotline-bulletin');
  });

  it('keeps an unquoted date as the ISO text written', () => {
    expect(parseReport(file(withField('published', '2025-01-10')), 'a.txt').meta.published).toBe('2025-01-10');
  });

  it('accepts a byte-order mark before the opening line', () => {
    const report = parseReport(`\uFEFF${file()}`, 'bom.txt');
    expect(report.meta.id).toBe('guangling-2024');
    expect(report.body).toBe(BODY);
  });

  it('starts the body right after the newline that ends the closing --- line', () => {
    expect(parseReport(file(FRONT, 'X'), 'a.txt').body).toBe('X');
    expect(parseReport(file(FRONT, '\n\n  X\n'), 'a.txt').body).toBe('\n\n  X\n');
    expect(parseReport(file(FRONT, '--- not a fence\nX'), 'a.txt').body).toBe('--- not a fence\nX');
  });

  it('does the same with CRLF line ends, keeping the body byte for byte', () => {
    const body = '第一行\r\n第二行\r\n';
    const report = parseReport(file(FRONT, body, '\r\n'), 'crlf.txt');
    expect(report.body).toBe(body);
    expect(report.meta.region_code).toBe('140223');
    expect(report.meta.publisher_kind).toBe('county-gov');
  });

  it('tolerates spaces after the closing ---', () => {
    const text = ['---', ...FRONT, '---  '].join('\n') + '\nBODY';
    expect(parseReport(text, 'a.txt').body).toBe('BODY');
  });

  it('keeps a later --- line inside the body', () => {
    const body = '正文\n---\n附件\n';
    expect(parseReport(file(FRONT, body), 'a.txt').body).toBe(body);
  });

  it('rejects a file without front matter', () => {
    expect(formatError('广灵县2024年法治政府建设年度报告').reason).toMatch(/---/);
  });

  it('rejects front matter with no closing --- line', () => {
    const error = formatError(['---', ...FRONT, BODY].join('\n'));
    expect(error.reason).toMatch(/closing/);
    expect(error.message).toContain('test.txt');
  });

  it('rejects invalid YAML', () => {
    expect(formatError(file([...FRONT, 'title: [unclosed'])).reason).toMatch(/YAML/);
    expect(formatError(file(['- a', '- b'])).reason).toMatch(/mapping/);
  });

  it.each([
    ['region_code', '"14022"'], ['region_code', '"14022X"'], ['region_code', undefined],
    ['year', '"twenty"'], ['year', '1800'], ['year', '2024.5'], ['year', undefined],
    ['publisher_kind', 'county'], ['publisher_kind', undefined],
    ['id', 'Guangling_2024'], ['id', undefined], ['region_name', undefined],
    ['coverage', 'partial'],
  ])('names the field at fault: %s = %s', (field, value) => {
    const error = formatError(file(withField(field, value)));
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it('rejects an empty body', () => {
    expect(formatError(file(FRONT, '')).reason).toMatch(/empty/);
    expect(formatError(file(FRONT, ' \n\t\n')).reason).toMatch(/empty/);
    expect(formatError(['---', ...FRONT, '---'].join('\n')).reason).toMatch(/closing|empty/);
  });
  it('keeps a PDF report\'s page map, and names a map that does not fit the body', () => {
    const past = BODY.length + 1; // one past the body's end
    expect(parseReport(file([...FRONT, 'page_starts: [0, 20]']), 'a.txt').pageStarts).toEqual([0, 20]);
    expect(parseReport(file(FRONT), 'a.txt').pageStarts).toBeUndefined();
    for (const [map, problem] of [[`[0, ${past}]`, new RegExp(`page 2: ${past} is not an offset`)], ['[20, 0]', /page 2 starts before page 1/], ['[]', /non-empty list/], ['"0,20"', /non-empty list/], ['[0, 1.5]', /page 2: 1.5/]] as Array<[string, RegExp]>) {
      const error = formatError(file([...FRONT, `page_starts: ${map}`]));
      expect(error.field).toBe('page_starts');
      expect(error.reason).toMatch(problem);
    }
  });
});
