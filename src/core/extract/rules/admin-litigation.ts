import type { IndicatorRules } from '../rule-types.ts';

/** 行政应诉: lawsuits answered and agency heads appearing in court. A court's own docket is not the government's. */
export const ADMIN_LITIGATION_RULES: readonly IndicatorRules[] = [
  {
    indicator: 'admin_litigation.cases',
    units: ['件', '宗', '起'],
    excludes: '法院|该院|本院|检察',
    regionWide: true,
    publisherExcludes: '法院|检察院',
    patterns: [
      { id: 'litigation-cases', cue: '(?:行政)?应诉(?:行政诉讼)?案件|(?:一审)?行政诉讼案件|行政一审诉讼案件', maxGap: 4 },
    ],
  },
  {
    indicator: 'admin_litigation.head_appearance_rate',
    units: ['%'],
    excludes: '法院|该院|本院',
    regionWide: true,
    publisherExcludes: '法院|检察院',
    patterns: [{ id: 'head-appearance-rate', cue: '出庭应诉率|负责人出庭率', maxGap: 8 }],
  },
];
