/** The words of pasting or dropping a report (extraction preview). Keys are prefixed `importReport`. */
const zh = {
  importReportPending: '此部分正在建设中。',
};

const en: typeof zh = {
  importReportPending: 'This part is being built.',
};

export const IMPORT_REPORT_MESSAGES = { zh, en };
