/**
 * The Trends view's words on the first chart's path beyond the shell's (base-messages.ts): the tabs,
 * the index axis, the presets' reference. Keys are prefixed `trends`. Not in the page's catalog: the
 * Trends view loads them (useTrendsMessages). The rest of its words (controls, table, notes) are in
 * trends-more.ts, loaded with the parts that use them after the first chart.
 */

const zh = {
  trendsIndexAxis: '指数(首年 = 100)',
  trendsIndexLine: (index: string, baseYear: number) => `指数 ${index}(${baseYear} 年 = 100)`,
  trendsExportIndex: '相对首年的变化(首年 = 100)',
  trendsPresetReference: (name: string) => `参照地区:${name}(所选且图中画出的第一个地区)。`,
  trendsTabsLabel: '显示方式',
  trendsTabChart: '图表',
  trendsTabTable: '表格',
  trendsListedPlaces: (listed: number, total: number) => `列出 ${listed} 个(共 ${total} 个,含全部已选地区);其余请在上方输入名称、拼音或代码查找。`,
};

type Words<T> = { [K in keyof T]: T[K] extends (...args: infer A) => string ? (...args: A) => string : T[K] };

const en: Words<typeof zh> = {
  trendsIndexAxis: 'Index (first year = 100)',
  trendsIndexLine: (index, baseYear) => `Index ${index} (${baseYear} = 100)`,
  trendsExportIndex: 'change since the first year (first year = 100)',
  trendsPresetReference: (name) => `Reference: ${name} (the first place chosen that the chart draws).`,
  trendsTabsLabel: 'Show as',
  trendsTabChart: 'Chart',
  trendsTabTable: 'Table',
  trendsListedPlaces: (listed, total) => `${listed} of ${total} listed (every chosen place included); search above by name, pinyin or code for the others.`,
};

export const TRENDS_MESSAGES = { zh, en };
