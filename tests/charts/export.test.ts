import { describe, expect, it } from 'vitest';
import type { EChartsOption } from '../../src/charts/echarts.ts';
import { exportFileName, exportNotes, isoDate, SOURCE_LIST_MAX, sourceBlock, sourceKindsText, sourceLine, sourceList, type ExportText } from '../../src/charts/export-meta.ts';
import { buildExportOption, exportLayout, wrapText, textWidth, type ExportMeta } from '../../src/charts/export-option.ts';
import { renderExportSvg } from '../../src/charts/export-svg.ts';
import { trendCsvRows, trendFlaggedRows, TREND_CSV_COLUMNS } from '../../src/charts/export-trend.ts';
import { buildTrendOption } from '../../src/charts/trend-chart.ts';
import { toCsv } from '../../src/core/csv/to-csv.ts';
import type { ReportSource } from '../../src/db/queries/provenance.ts';
import type { TrendPoint } from '../../src/db/queries/trend.ts';
import { TEXT } from './trend-text.ts';

const point = (over: Partial<TrendPoint>): TrendPoint => ({
  obs_id: `${over.region_code ?? '990001'}-${over.year ?? 2020}`, region_code: '990001', region_name: '测试县', name_pinyin: 'Ceshi', year: 2020,
  period: 'year', value: 90, unit: '%', approx: 'exact', value_kind: 'reported', report_id: 'fake-2020', publisher_kind: 'county-gov',
  quote: '【虚构】调解成功率90%。', flags: [], n_candidates: 1, conflict: false, ...over,
});

const POINTS: TrendPoint[] = [
  point({ year: 2020, value: 90 }),
  point({ year: 2021, value: 95, approx: 'at_least', report_id: 'fake-2021' }),
  point({ year: 2023, value: 97, period: '2023-01/2023-08', report_id: 'fake-2023' }),
  point({ year: 2024, value: 96, value_kind: 'derived', report_id: 'fake-2024-dept', flags: ['rate_mismatch: printed 96% but 96 ÷ 100 = 96.0%'], conflict: true }),
  point({ region_code: '990002', region_name: '样例县<script>&', name_pinyin: 'Yangli', year: 2022, value: 88, report_id: 'fake-yangli', quote: '=HYPERLINK("x")' }),
];

const REPORTS: ReportSource[] = [
  { report_id: 'fake-2020', region_name: '测试县', year: 2020, title: '测试县2020年法治政府建设年度报告', publisher: '测试县人民政府', publisher_kind: 'county-gov', url: 'https://example.invalid/a', published: '', source_kind: 'annual-report' },
  { report_id: 'fake-2021', region_name: '测试县', year: 2021, title: '', publisher: '测试县人民政府', publisher_kind: 'county-gov', url: '', published: '', source_kind: 'annual-report' },
  { report_id: 'fake-2023', region_name: '测试县', year: 2023, title: '', publisher: '测试县人民政府', publisher_kind: 'county-gov', url: '', published: '', source_kind: 'annual-report' },
  { report_id: 'fake-2024-dept', region_name: '测试县', year: 2024, title: '', publisher: '测试县司法局', publisher_kind: 'department', url: '', published: '', source_kind: 'annual-report' },
  { report_id: 'fake-yangli', region_name: '样例县<script>&', year: 2022, title: '', publisher: '样例县人民政府', publisher_kind: 'county-gov', url: '', published: '', source_kind: 'annual-report' },
];

/** The export words as the zh catalog gives them (tests keep their own copy, like trend-text.ts). */
const WORDS: ExportText = {
  source: '来源:',
  reportShort: (region, years) => `${region}${years.join('、')}年报告`,
  reportTitle: (title) => `《${title}》`,
  publisherGroup: (publisher, reports) => `${publisher}:${reports}`,
  unknownPublisher: '发布机关未记录',
  listSeparator: '、',
  groupSeparator: ';',
  notePartYear: (items) => `部分年度数字:${items}`,
  noteApprox: (items) => `约数:${items}`,
  noteDerived: (items) => `推算值:${items}`,
  noteConflict: (items) => `来源数字不一致:${items}`,
  noteFlag: (code, name, items) => `质量标记 ${code}(${name}):${items}`,
  more: (n) => `等,另 ${n} 处`,
  approx: { exact: '精确', at_least: '不少于', at_most: '不超过', about: '约' },
  date: (d) => `导出日期:${d}`,
  citation: { noPublisher: '[发布机关未注明]', noTitle: (region, year) => `[${region}${year ?? ''}年报告,原文未注明标题]`, noUrl: '网址未记录', copyOn: (host) => `转载:${host}` },
  sourceListHead: (n) => `报告清单(共 ${n} 份):`,
  sourceListMore: (n) => `……另 ${n} 份见 CSV`,
  sourceKinds: { 'annual-report': '法治政府建设年度报告', 'hotline-bulletin': '12345热线通报', 'statistics-bulletin': '统计通报', news: '新闻报道', 'work-report': '工作报告', other: '其他来源' },
  sourceKindCount: (kind, n) => `${kind} ${n} 份`,
};

const chartOption = buildTrendOption(POINTS, { name: '人民调解成功率', unit: '%' }, { lang: 'zh', text: TEXT });
const META: ExportMeta = {
  title: '人民调解成功率 <趋势> & 2020–2024',
  subtitle: '指标:人民调解成功率 · 单位:%',
  sourceLine: sourceLine(REPORTS, WORDS),
  notes: exportNotes(trendFlaggedRows(POINTS, 'zh'), WORDS, 'zh'),
  date: WORDS.date('2025-06-01'),
  lang: 'zh',
};

describe('sourceList', () => {
  it('lists every report behind the chart as a numbered GB/T 7714 citation with its address', () => {
    const list = sourceList(REPORTS, WORDS, '2026-12-05');
    expect(list[0]).toBe('报告清单(共 5 份):');
    expect(list).toHaveLength(1 + REPORTS.length);
    expect(list[1]).toBe('1. 测试县人民政府. 测试县2020年法治政府建设年度报告[EB/OL]. [2026-12-05]. https://example.invalid/a (转载:example.invalid).');
    expect(list[2]).toBe('2. 测试县人民政府. [测试县2021年报告,原文未注明标题][EB/OL]. [2026-12-05]. 网址未记录.');
  });

  it('names a copy on a non-government site by its host', () => {
    const copy = { ...REPORTS[0]!, url: 'http://m.example.com/x.html', published: '2023-06-09' };
    expect(sourceList([copy], WORDS, '2026-12-05')[1]).toBe('1. 测试县人民政府. 测试县2020年法治政府建设年度报告[EB/OL]. (2023-06-09)[2026-12-05]. http://m.example.com/x.html (转载:m.example.com).');
  });

  it('cuts a long list with the count left for the CSV, and puts the list under the source line', () => {
    const many = Array.from({ length: SOURCE_LIST_MAX + 3 }, (_, i) => ({ ...REPORTS[0]!, report_id: `r${i}`, year: 1990 + i }));
    const list = sourceList(many, WORDS, '2026-12-05');
    expect(list).toHaveLength(1 + SOURCE_LIST_MAX + 1);
    expect(list.at(-1)).toBe('……另 3 份见 CSV');
    expect(sourceBlock(REPORTS, WORDS, '2026-12-05').split('\n')).toEqual([sourceLine(REPORTS, WORDS), ...sourceList(REPORTS, WORDS, '2026-12-05')]);
    expect(sourceBlock([], WORDS, '2026-12-05')).toBe('');
  });
});

describe('sourceKindsText', () => {
  it('says what kinds of text the figures come from, most reports first', () => {
    const kinds = [{ source_kind: 'annual-report' }, { source_kind: 'hotline-bulletin' }, { source_kind: 'hotline-bulletin' }];
    expect(sourceKindsText(kinds, WORDS, 'zh')).toBe('12345热线通报 2 份、法治政府建设年度报告 1 份');
  });
});

describe('sourceLine', () => {
  it('names each report by title or as "<place><year>年报告", grouped by publisher', () => {
    expect(META.sourceLine).toBe(
      '来源:测试县人民政府:《测试县2020年法治政府建设年度报告》、测试县2021、2023年报告;测试县司法局:测试县2024年报告;样例县人民政府:样例县<script>&2022年报告',
    );
    expect(sourceLine([], WORDS)).toBe('');
    const unknown = { ...REPORTS[1]!, report_id: 'u', region_name: '演示区', year: 2019, publisher: '' };
    expect(sourceLine([unknown, REPORTS[0]!], WORDS)).toBe('来源:测试县人民政府:《测试县2020年法治政府建设年度报告》;发布机关未记录:演示区2019年报告');
  });

  it('drops titles for the short form when the line would be too long', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...REPORTS[0]!, report_id: `r${i}`, year: 2000 + i, title: `很长的报告标题第${i}号法治政府建设年度报告` }));
    const line = sourceLine(many, WORDS);
    expect(line).not.toContain('《');
    expect(line).toContain('测试县2000、2001');
  });
});

describe('exportNotes', () => {
  it('writes one note per kind of flagged value, naming the place-years', () => {
    expect(META.notes).toEqual([
      '部分年度数字:测试县2023(2023年1月至2023年8月)',
      '约数:测试县2021(不少于)',
      '推算值:测试县2024',
      '来源数字不一致:测试县2024',
      '质量标记 rate_mismatch(原文比率与其计数不一致):测试县2024',
    ]);
    expect(exportNotes([], WORDS, 'zh')).toEqual([]);
  });

  it('lists at most twelve items per note', () => {
    const rows = Array.from({ length: 15 }, (_, i) => ({ label: `地${i}`, period: 'year', approx: 'about' as const, value_kind: 'reported' as const, flags: [] }));
    expect(exportNotes(rows, WORDS, 'zh')[0]).toMatch(/地11\(约\)等,另 3 处$/);
  });
});

describe('exportFileName', () => {
  it('keeps Chinese, letters and digits and replaces everything else', () => {
    expect(exportFileName('人民调解成功率 <趋势> & 2020–2024', '2025-06-01', 'png')).toBe('人民调解成功率_趋势_2020_2024_2025-06-01.png');
    expect(exportFileName('../../etc/passwd', '2025-06-01', 'svg')).toBe('etc_passwd_2025-06-01.svg');
    expect(exportFileName('..', '2025-06-01', 'csv')).toBe('chart_2025-06-01.csv');
    expect(exportFileName('a\u0000b:c*d?"e|f', 'd', 'png')).toBe('a_b_c_d_e_f_d.png');
    expect(exportFileName('调'.repeat(200), 'd', 'png')).toBe(`${'调'.repeat(80)}_d.png`);
  });

  it('dates in the local calendar', () => {
    expect(isoDate(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});

describe('wrapText', () => {
  it('breaks Chinese anywhere but never starts a line with closing punctuation', () => {
    const lines = wrapText('一二三四五,六七八九十。', 5 * 12, 12);
    expect(lines.join('')).toBe('一二三四五,六七八九十。');
    expect(lines.every((l) => !/^[,。]/.test(l))).toBe(true);
    expect(lines[0]).toBe('一二三四五,');
  });

  it('never ends a line with an opening bracket', () => {
    const lines = wrapText('一二三四(五六七)', 5 * 12, 12);
    expect(lines).toEqual(['一二三四', '(五六七)']);
  });

  it('breaks English at spaces and keeps explicit line breaks', () => {
    const lines = wrapText('Sources: the county government report 2020\nnext', 200, 12);
    expect(lines.every((l) => textWidth(l, 12) <= 200)).toBe(true);
    expect(lines.at(-1)).toBe('next');
    expect(lines.join(' ').replace(/\s+/g, ' ')).toBe('Sources: the county government report 2020 next');
  });
});

describe('buildExportOption', () => {
  const option = buildExportOption(chartOption, META);
  const layout = exportLayout(chartOption, META);

  it('adds the title block and the footer, on white, without animation or tooltip', () => {
    expect(option.animation).toBe(false);
    expect(option.backgroundColor).toBe('#fff');
    expect(option.tooltip).toBeUndefined();
    const titles = option.title as { text: string; subtext?: string }[];
    expect(titles[0]).toMatchObject({ text: META.title, subtext: META.subtitle });
    expect(titles.map((t) => t.text).join('\n')).toContain('导出日期:2025-06-01');
    expect((option.series as { animation?: boolean }[]).every((s) => s.animation === false)).toBe(true);
  });

  it('moves the chart down by the header and its bottom up by the footer', () => {
    const grid = (option.grid as { top: number; bottom: number; left: number }[])[0]!;
    const own = (chartOption.grid as { top: number; bottom: number; left: number });
    expect(grid.top).toBe(own.top + layout.header + layout.legendGrowth);
    expect(grid.bottom).toBe(own.bottom + layout.footer);
    expect(grid.left).toBe(own.left + 24);
    const [key] = option.legend as { top?: number; bottom?: number; type?: string }[];
    expect(key!.bottom).toBe((chartOption.legend as { bottom: number }[])[0]!.bottom + layout.footer);
    expect(layout.height).toBeGreaterThan(440 + layout.header + layout.footer - 1);
  });

  it('makes room for a long scrolling legend printed in full', () => {
    const names = Array.from({ length: 30 }, (_, i) => `地区名称${i}`);
    const wide: EChartsOption = {
      grid: { top: 56, bottom: 40, left: 56, right: 40 }, legend: [{ type: 'scroll', top: 0, left: 0, right: 0, data: names }],
      xAxis: { type: 'category', data: ['2020'] }, yAxis: { type: 'value' }, series: names.map((name) => ({ type: 'line', name, data: [1] })),
    };
    expect(exportLayout(wide, META).legendGrowth).toBeGreaterThan(0);
    // The trend chart names places at the line ends: no legend to grow.
    const many = Array.from({ length: 30 }, (_, i) => point({ region_code: String(990100 + i), region_name: `地区名称${i}`, year: 2020 }));
    expect(exportLayout(buildTrendOption(many, { name: 'x', unit: '%' }, { lang: 'zh', text: TEXT }), META).legendGrowth).toBe(0);
  });

  it('does not change the option it is given', () => {
    const before = JSON.stringify(chartOption);
    buildExportOption(chartOption, META);
    expect(JSON.stringify(chartOption)).toBe(before);
  });

  it('works for an option without grid or legend', () => {
    const bare: EChartsOption = { xAxis: { type: 'category', data: ['a'] }, yAxis: { type: 'value' }, series: [{ type: 'bar', data: [1] }] };
    const out = buildExportOption(bare, META);
    expect((out.grid as { top: number }[])[0]!.top).toBe(60 + exportLayout(bare, META).header);
  });
});

describe('renderExportSvg (server-side SVG renderer)', () => {
  const svg = renderExportSvg(chartOption, META);

  it('is an SVG document of the layout size on a white background', () => {
    const layout = exportLayout(chartOption, META);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svg).toContain(`width="${layout.width}"`);
    expect(svg).toContain(`height="${layout.height}"`);
    expect(svg).toMatch(/fill="(#fff|#ffffff|white|rgb\(255,\s*255,\s*255\))"/i);
  });

  it('contains the title, subtitle, source line, notes and date as text, escaped', () => {
    const text = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join('\n');
    expect(text).toContain('人民调解成功率 &lt;趋势&gt; &amp; 2020–2024');
    expect(text).toContain('指标:人民调解成功率 · 单位:%');
    expect(text).toContain('来源:测试县人民政府:《测试县2020年法治政府建设年度报告》');
    expect(text).toContain('样例县&lt;script&gt;&amp;2022年报告');
    expect(text).toContain('部分年度数字:测试县2023(2023年1月至2023年8月)');
    expect(text).toContain('质量标记 rate_mismatch(原文比率与其计数不一致):测试县2024');
    expect(text).toContain('导出日期:2025-06-01');
    expect(svg).not.toContain('<script');
    expect(svg).not.toMatch(/<趋势>/);
  });

  it('is well-formed: every attribute value is properly quoted (fonts re-quoted with \')', () => {
    const tags = svg.match(/<[a-zA-Z][^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(50);
    const broken = tags.filter((tag) => !/^<[a-zA-Z][\w:-]*(\s+[\w:-]+="[^"<]*")*\s*\/?>$/.test(tag));
    expect(broken).toEqual([]);
    expect(svg).toContain("font-family:system-ui, 'Noto Sans CJK SC'");
  });

  it('keeps the chart itself: legend names and the dashed segments', () => {
    expect(svg).toContain('测试县');
    expect(svg).toMatch(/stroke-dasharray/);
  });
});

describe('trend chart data as CSV', () => {
  const rows = trendCsvRows(POINTS, REPORTS, { id: 'mediation.success_rate', name: '人民调解成功率', unit: '%' });

  it('has the rows drawn with their quote and report', () => {
    expect(rows).toHaveLength(POINTS.length);
    expect(rows[0]).toMatchObject({ region_name: '测试县', year: 2020, value: 90, report_title: '测试县2020年法治政府建设年度报告', publisher: '测试县人民政府', url: 'https://example.invalid/a' });
    expect(rows[3]).toMatchObject({ value_kind: 'derived', flags: 'rate_mismatch: printed 96% but 96 ÷ 100 = 96.0%', conflict: true });
  });

  it('writes through toCsv with a BOM and neutralised formulas', () => {
    const csv = toCsv(TREND_CSV_COLUMNS, rows);
    expect(csv.startsWith('\uFEFFregion_code,region_name,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv.split('\r\n')).toHaveLength(POINTS.length + 2);
  });
});

describe('export of an option that still quotes fonts with "', () => {
  it('re-quotes them, so the SVG stays well-formed', () => {
    const option = buildExportOption(
      { ...chartOption, textStyle: { fontFamily: 'system-ui, "Noto Sans CJK SC", sans-serif' } },
      META,
    );
    expect(JSON.stringify(option)).not.toContain('\\"Noto');
  });
});
