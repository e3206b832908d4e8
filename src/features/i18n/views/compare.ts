/** The Compare view's words. Keys are prefixed `compare` so views never collide in the merged catalog. */
const zh = {
  compareTitle: '对比',
};

export type CompareMessages = typeof zh;

const en: CompareMessages = {
  compareTitle: 'Compare',
};

export const COMPARE_MESSAGES = { zh, en };
