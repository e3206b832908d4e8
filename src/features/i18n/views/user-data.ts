/** The words of the stored user datasets and how user rows are marked elsewhere. Keys are prefixed `userData`. */
const zh = {
  userDataPending: '此部分正在建设中。',
};

const en: typeof zh = {
  userDataPending: 'This part is being built.',
};

export const USER_DATA_MESSAGES = { zh, en };
