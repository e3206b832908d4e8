import type { IndicatorRules } from '../rule-types.ts';

/** 行政应诉: lawsuits answered and agency heads appearing in court. A court's own docket: frame/ (subject). */
export const ADMIN_LITIGATION_RULES: readonly IndicatorRules[] = [
  {
    indicator: 'admin_litigation.cases',
    units: ['件', '宗', '起'],
    regionWide: true,
    patterns: [
      { id: 'litigation-cases', cue: '(?:行政)?应诉(?:行政诉讼)?案件|(?:一审)?行政诉讼案件|行政一审诉讼案件', maxGap: 4 },
    ],
  },
  {
    indicator: 'admin_litigation.head_appearance_rate',
    units: ['%'],
    regionWide: true,
    patterns: [{ id: 'head-appearance-rate', cue: '出庭应诉率|负责人出庭率', maxGap: 8 }],
  },
];
