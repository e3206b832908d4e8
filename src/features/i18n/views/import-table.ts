/** The words of uploading a table (file, encoding, mapping, validation). Keys are prefixed `importTable`. */
const zh = {
  importTablePending: '此部分正在建设中。',
};

const en: typeof zh = {
  importTablePending: 'This part is being built.',
};

export const IMPORT_TABLE_MESSAGES = { zh, en };
