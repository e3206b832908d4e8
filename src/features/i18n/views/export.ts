/** The Export view's words. Keys are prefixed `export` so views never collide in the merged catalog. */
const zh = {
  exportTitle: '导出',
};

export type ExportMessages = typeof zh;

const en: ExportMessages = {
  exportTitle: 'Export',
};

export const EXPORT_MESSAGES = { zh, en };
