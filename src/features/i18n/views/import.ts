/** The words of the My-data view's shell (its heading and section titles). Keys are prefixed `import`. */
const zh = {
  importTitle: '我的数据',
  importIntro: '上传您自己的表格或粘贴报告原文。数据只保存在本浏览器中,与公开数据并列显示,并始终标明为“我的数据”,不会覆盖公开数据。',
  importSavedTitle: '已保存的数据',
  importTableTitle: '上传表格(CSV、Excel 或 Parquet)',
  importReportTitle: '粘贴或拖入报告原文',
};

const en: typeof zh = {
  importTitle: 'My data',
  importIntro: 'Upload your own table or paste a report. Your data stays in this browser, is shown beside the published data and is always marked as yours; it never replaces published figures.',
  importSavedTitle: 'Saved datasets',
  importTableTitle: 'Upload a table (CSV, Excel or Parquet)',
  importReportTitle: 'Paste or drop a report',
};

export const IMPORT_MESSAGES = { zh, en };
