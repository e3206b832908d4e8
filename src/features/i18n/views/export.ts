/**
 * The words of chart export and the provenance panel's additions (derivation inputs, why the chart
 * uses one figure). Not in the entry chunk: the modules that read them import
 * `shared/export/export-words.ts`, which adds them to the catalog (the copy-link button's words,
 * in the header, are views/copy-link.ts). Keys are prefixed `export` so views never collide in the
 * merged catalog; `exportText` is what the pure export builders print into the files.
 */
import type { ExportText } from '../../../charts/export-meta.ts';
import type { PickReason } from '../../../db/queries/provenance.ts';

const zhText: ExportText = {
  noteUser: (items) => `注:以下数值为我的数据(用户导入,非公开数据):${items}。`,
  source: '来源:',
  reportShort: (region, years) => `${region}${years.join('、')}年报告`,
  reportTitle: (title) => `《${title}》`,
  publisherGroup: (publisher, reports) => `${publisher}:${reports}`,
  unknownPublisher: '发布机关未记录',
  listSeparator: '、',
  groupSeparator: ';',
  notePartYear: (items, mark) => `注:部分年度数字${mark ? `(${mark})` : ''},不是全年:${items}。`,
  noteApprox: (items, mark) => `注:约数${mark ? `(${mark})` : ''},原文为“约、余、以上、不足”等:${items}。`,
  noteDerived: (items, mark) => `注:推算值${mark ? `(${mark})` : ''},由报告中的其他数字算出,原文未直接印出:${items}。`,
  markWords: { hollow: '空心符号', diamond: '菱形', triangle: '三角形', lightBar: '浅色虚线框的条', lightBarStar: '浅色虚线框的条,数值后带 *' },
  noteConflict: (items) => `注:同一时段另有来源给出不同数字,图中按选取规则取其一:${items}。`,
  noteFlag: (_code, name, items) => `注:质量标记“${name}”:${items}。`,
  more: (n) => `等(另 ${n} 处)`,
  approx: { exact: '精确值', at_least: '不少于', at_most: '不超过', about: '约' },
  date: (isoDate) => `导出日期:${isoDate} · 法治图谱`,
  citation: {
    noPublisher: '[发布机关未注明]',
    noTitle: (region, year) => `[${region}${year ?? ''}年报告,原文未注明标题]`,
    noUrl: '网址未记录',
    copyOn: (host) => `转载:${host}`,
  },
  sourceListHead: (n) => `报告清单(共 ${n} 份;GB/T 7714 格式,含网址):`,
  sourceListMore: (n) => `……另 ${n} 份见 CSV 的 report_title、publisher、published、url 列`,
  sourceKinds: {
    'annual-report': '法治政府建设年度报告', 'hotline-bulletin': '12345热线通报', 'statistics-bulletin': '统计通报与公示',
    news: '新闻报道', 'work-report': '工作报告', other: '其他来源',
  },
  sourceKindCount: (kind, n) => `${kind} ${n} 份`,
};

const enText: ExportText = {
  noteUser: (items) => `Note: these values are my own data (imported by the user, not published data): ${items}.`,
  source: 'Sources: ',
  reportShort: (region, years) => `${region} report${years.length > 1 ? 's' : ''}${years.length ? ` ${years.join(', ')}` : ''}`,
  reportTitle: (title) => `“${title}”`,
  publisherGroup: (publisher, reports) => `${publisher}: ${reports}`,
  unknownPublisher: 'publisher not recorded',
  listSeparator: ', ',
  groupSeparator: '; ',
  notePartYear: (items, mark) => `Note: part-year figures${mark ? ` (${mark})` : ''}, not a whole year: ${items}.`,
  noteApprox: (items, mark) => `Note: approximate figures${mark ? ` (${mark})` : ''}, printed with “about”, “over”, “under” etc.: ${items}.`,
  noteDerived: (items, mark) => `Note: derived figures${mark ? ` (${mark})` : ''}, computed from other numbers in the report, not printed as such: ${items}.`,
  markWords: { hollow: 'hollow symbols', diamond: 'diamonds', triangle: 'triangles', lightBar: 'light bars with a dashed outline', lightBarStar: 'light bars with a dashed outline, * after the value' },
  noteConflict: (items) => `Note: another source gives a different number for the same period; the chart uses one by the pick rule: ${items}.`,
  noteFlag: (code, name, items) => `Note: quality flag ${code} (${name}): ${items}.`,
  more: (n) => ` and ${n} more`,
  approx: { exact: 'exact', at_least: 'at least', at_most: 'at most', about: 'about' },
  date: (isoDate) => `Exported ${isoDate} · Fazhi Atlas`,
  citation: {
    noPublisher: '[publisher not stated]',
    noTitle: (region, year) => `[${region} ${year ?? ''} report, title not stated in the text]`,
    noUrl: 'no address recorded',
    copyOn: (host) => `copy on ${host}`,
  },
  sourceListHead: (n) => `Reports (${n}; GB/T 7714 form, with addresses):`,
  sourceListMore: (n) => `… and ${n} more in the CSV (columns report_title, publisher, published, url)`,
  sourceKinds: {
    'annual-report': 'rule-of-law government annual reports', 'hotline-bulletin': '12345 hotline bulletins',
    'statistics-bulletin': 'statistics bulletins and notices', news: 'news articles', 'work-report': 'work reports', other: 'other sources',
  },
  sourceKindCount: (kind, n) => `${kind} (${n})`,
};

/** Why a row is or is not the chart's, by the first criterion of the pick rule that separates it from the other. */
type Reasons = Record<PickReason, { used: string; notUsed: string }>;

const zhReasons: Reasons = {
  'has-number': { used: '有具体数字(另一条只有定性表述)', notUsed: '只有定性表述,没有数字' },
  shipped: { used: '是公开数据(我的数据列为备选,不覆盖公开数据)', notUsed: '是我的数据:同一项已有公开数据,图中用公开数据,我的数据列为备选' },
  'longer-period': { used: '覆盖的时段更长', notUsed: '覆盖的时段较短(图中优先全年,其次起止区间、季度、月)' },
  printed: { used: '是原文直接印出的数字(推算值排在后面)', notUsed: '是推算值,图中优先原文直接印出的数字' },
  exact: { used: '是精确值(约数排在后面)', notUsed: '是约数,图中优先精确值' },
  government: { used: '出自政府本级的报告(部门报告排在后面)', notUsed: '出自部门的报告,图中优先政府本级的报告' },
  'tie-break': { used: '各项条件相同,按报告编号和原文位置取在前的一条', notUsed: '各项条件与图中那一条相同,按报告编号和原文位置排在后面' },
};

const enReasons: Reasons = {
  'has-number': { used: 'it has a number (the other is only a qualitative statement)', notUsed: 'it is only a qualitative statement, without a number' },
  shipped: { used: 'it is published data (your own rows are listed as alternatives, never replace it)', notUsed: 'it is your own data: a published figure exists, so the chart uses it and lists yours as an alternative' },
  'longer-period': { used: 'it covers more of the year', notUsed: 'it covers less of the year (whole year first, then a from–to interval, a quarter, a month)' },
  printed: { used: 'it is printed in the text (derived values come after)', notUsed: 'it is derived; printed figures come first' },
  exact: { used: 'it is exact (approximate figures come after)', notUsed: 'it is approximate; exact figures come first' },
  government: { used: 'it comes from the government’s own report (a department’s comes after)', notUsed: 'it comes from a department’s report; the government’s own comes first' },
  'tie-break': { used: 'all else being equal, it comes first by report id and position in the text', notUsed: 'all else equal to the one used, it comes later by report id and position in the text' },
};

const zh = {
  exportMenuLabel: '导出',
  exportPng: 'PNG',
  exportSvg: 'SVG',
  exportCsv: 'CSV',
  exportPngTitle: '下载 PNG 图片(2 倍分辨率、白底,含标题、来源、注释与导出日期)',
  exportSvgTitle: '下载 SVG 矢量图(文字可检索,含标题、来源、注释与导出日期)',
  exportCsvTitle: '下载图中所绘的数据(每行含原文与报告)',
  exportWaiting: '正在查询来源,稍后可导出图片',
  exportHeldForStoredRows: '您保存的数据载入后即可导出(现在导出的文件会缺少这些数据)',
  exportBusy: '正在生成…',
  exportDone: (file: string) => `已下载 ${file}`,
  exportFailed: (reason: string) => `导出失败:${reason}`,
  exportText: zhText,
  /** `from`–`to`: the years that hold whole-year figures (part-year snapshots never stretch the title's years); null when none do. */
  exportTrendTitle: (indicator: string, from: number | null, to: number | null) =>
    `${indicator}${from === null || to === null ? ',无全年数字(仅部分年度)' : from === to ? `,${from}年` : `,${from}–${to}年`}`,
  /** `partYear`: how many of the figures drawn are part-year (0: whole-year figures only). */
  /** `kinds`: what the reports are (sourceKindsText), e.g. "法治政府建设年度报告 2 份、12345热线通报 3 份". */
  exportTrendSubtitle: (indicator: string, unit: string, places: number, partYear: number, kinds: string) =>
    `指标:${indicator} · 单位:${unit || '无'} · ${places} 个地区 · ${partYear > 0 ? `含 ${partYear} 个部分年度数字` : '仅全年数字'} · 数据:${kinds}`,
  exportProvenance: {
    figureLabel: '图中数字在原文中的位置',
    spanFallback: '本行缺少原文位置(quote_start),数字按数值在原文中查找。',
    inputsTitle: '推算所用的数字',
    role: { numerator: '分子', denominator: '分母', part: '加数', 'current value': '本期数', change: '变化量', previous: '上期数' } as Record<string, string>,
    matched: '本数据集中的对应记录',
    noRow: '数据集中没有以此位置记录的数字',
    noQuote: (start: number, end: number) => `原文位置 ${start}–${end};数据集中没有包含这一位置的原文片段。`,
    span: (start: number, end: number) => `原文位置 ${start}–${end}`,
    reasons: zhReasons,
    usedBecause: (reason: string) => `图中用这一条:${reason}。`,
    notUsedBecause: (reason: string) => `未用于图中:${reason}。`,
    disagree: '同一时段的来源给出了不同的数字。',
    unsafeLink: '原文链接不是 http/https 地址,不显示为链接:',
    showThis: '查看这一条',
    citationLabel: '引用(GB/T 7714)',
    copyCitation: '复制引用',
    copyCitationTitle: '按 GB/T 7714 格式复制这份报告的引用(发布机关、标题、发布日期、引用日期、网址)',
    citationCopied: '引用已复制',
    citationManual: '无法直接复制,已选中引用文字,请按 Ctrl+C(⌘C)',
    quoteReadNote: '原文为繁体或带拼音注音的转载,此处按简体、去掉注音显示。',
    quoteVerbatimNote: '以下为原文照录(未改动)。',
    showVerbatim: '查看原文照录',
    showReading: '按简体显示',
    noTitle: '原文未注明标题',
    noUrl: '未记录原文网址',
    copyOn: (host: string) => `转载:${host}`,
    copyOnTitle: '这一网址不是政府网站(.gov.cn),是其他网站的转载',
    sourceKind: '来源类型',
  },
};

export type ExportMessages = typeof zh;

const en: ExportMessages = {
  exportMenuLabel: 'Export',
  exportPng: 'PNG',
  exportSvg: 'SVG',
  exportCsv: 'CSV',
  exportPngTitle: 'Download a PNG image (2× resolution, white background, with title, sources, notes and export date)',
  exportSvgTitle: 'Download an SVG vector image (searchable text, with title, sources, notes and export date)',
  exportCsvTitle: 'Download the data drawn (each row with its quote and report)',
  exportWaiting: 'Looking up the sources; images can be exported in a moment',
  exportHeldForStoredRows: 'Export once your saved rows are in (a file made now would lack them)',
  exportBusy: 'Preparing…',
  exportDone: (file) => `Downloaded ${file}`,
  exportFailed: (reason) => `Export failed: ${reason}`,
  exportText: enText,
  exportTrendTitle: (indicator, from, to) => `${indicator}, ${from === null || to === null ? 'no whole-year figures (part-year only)' : from === to ? from : `${from}–${to}`}`,
  exportTrendSubtitle: (indicator, unit, places, partYear, kinds) =>
    `Indicator: ${indicator} · Unit: ${unit || 'none'} · ${places} place${places === 1 ? '' : 's'} · ${partYear > 0 ? `${partYear} part-year figure${partYear === 1 ? '' : 's'} included` : 'whole-year figures only'} · Data: ${kinds}`,
  exportProvenance: {
    figureLabel: 'Where the figure is in the text',
    spanFallback: 'This row has no text position (quote_start); the number was found in the text by its value.',
    inputsTitle: 'Numbers the value is derived from',
    role: { numerator: 'numerator', denominator: 'denominator', part: 'part', 'current value': 'current value', change: 'change', previous: 'previous value' },
    matched: 'The matching row of the dataset',
    noRow: 'No row of the dataset was read at this position',
    noQuote: (start, end) => `Text position ${start}–${end}; no quote in the dataset contains it.`,
    span: (start, end) => `text position ${start}–${end}`,
    reasons: enReasons,
    usedBecause: (reason) => `The chart uses this one: ${reason}.`,
    notUsedBecause: (reason) => `Not used in the chart: ${reason}.`,
    disagree: 'Sources give different numbers for the same period.',
    unsafeLink: 'The link is not an http/https address and is not shown as a link:',
    citationLabel: 'Citation (GB/T 7714)',
    copyCitation: 'Copy citation',
    copyCitationTitle: 'Copy a GB/T 7714 citation of this report (publisher, title, publication date, date cited, address)',
    citationCopied: 'Citation copied',
    citationManual: 'Could not copy directly; the citation is selected, press Ctrl+C (⌘C)',
    quoteReadNote: 'The text is a copy in traditional characters or with pinyin glosses; shown here simplified, glosses removed.',
    quoteVerbatimNote: 'Shown verbatim, as published.',
    showVerbatim: 'Show verbatim',
    showReading: 'Show simplified',
    noTitle: 'no title stated in the text',
    noUrl: 'no address recorded',
    copyOn: (host: string) => `copy on ${host}`,
    copyOnTitle: 'This address is not a government site (.gov.cn): it is a copy on another site',
    sourceKind: 'Kind of source',
    showThis: 'Show this one',
  },
};

export const EXPORT_MESSAGES = { zh, en };
