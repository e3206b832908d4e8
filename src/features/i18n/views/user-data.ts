/**
 * How user rows are marked wherever they are shown (charts, tables, exports, the source panel): in the
 * entry chunk. The My-data view's own list words are in user-data-list.ts. Keys are prefixed `userData`.
 */
const zh = {
  /** The mark of a user row everywhere (charts, tables, exports). */
  userDataMark: '我的数据',
  userDataShipped: '公开数据',
  userDataRowOf: (file: string, row: number | null, column: string) =>
    [`我的数据`, file || '粘贴的文字', row === null ? '' : `第 ${row} 行`, column].filter(Boolean).join(' · '),
  userDataReportOf: (title: string) => `我的数据 · ${title || '粘贴的报告'}`,
  userDataAlternatives: (n: number) => `另有 ${n} 条我的数据(未覆盖公开数据,见来源面板)`,
  /** The source panel of a table row: the row's cells, then the table's own quote, unit and source columns. */
  userDataTableRow: '表中此行',
  userDataTableFields: { quote: '原文', unit: '单位', source: '来源' } as Record<'quote' | 'unit' | 'source', string>,
  userDataOpenSource: '在新标签页中打开来源',
};

const en: typeof zh = {
  userDataMark: 'My data',
  userDataShipped: 'Published data',
  userDataRowOf: (file, row, column) => ['My data', file || 'pasted text', row === null ? '' : `row ${row}`, column].filter(Boolean).join(' · '),
  userDataReportOf: (title) => `My data · ${title || 'pasted report'}`,
  userDataAlternatives: (n) => `${n} more from my data (not replacing published data; see the source panel)`,
  userDataTableRow: 'The table\'s row',
  userDataTableFields: { quote: 'Quote', unit: 'Unit', source: 'Source' },
  userDataOpenSource: 'Open the source in a new tab',
};

export const USER_DATA_MESSAGES = { zh, en };
