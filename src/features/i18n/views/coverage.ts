/** The Coverage view's words. Keys are prefixed `coverage` so views never collide in the merged catalog. */
const zh = {
  coverageTitle: '覆盖',
};

export type CoverageMessages = typeof zh;

const en: CoverageMessages = {
  coverageTitle: 'Coverage',
};

export const COVERAGE_MESSAGES = { zh, en };
