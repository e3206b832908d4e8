/** The batch import's words that other parts of the page need (the import view's heading, a PDF figure's page). */
/** "第 N 页": a PDF figure's page, in the import review and the source panel alike. */
const zhPage = (n: number): string => `第 ${n} 页`;

const zh = {
  batchTitle: '导入已发布的报告(PDF、Word、网页,可一次多份)',
  batchPage: zhPage,
  provenancePage: '页码',
  /** The page row's value beside its label (English: the label already says "Page"). */
  provenancePageValue: zhPage,
};

const en: typeof zh = {
  batchTitle: 'Import published reports (PDF, Word, web pages, many at once)',
  batchPage: (n) => `page ${n}`,
  provenancePage: 'Page',
  provenancePageValue: (n) => String(n),
};

export const IMPORT_REPORT_PAGE_MESSAGES = { zh, en };
