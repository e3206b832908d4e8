/** The Data view's words. Keys are prefixed `data` so views never collide in the merged catalog. */
const zh = {
  dataTitle: '数据',
};

export type DataMessages = typeof zh;

const en: DataMessages = {
  dataTitle: 'Data',
};

export const DATA_MESSAGES = { zh, en };
