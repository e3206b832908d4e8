import type { IndicatorRules } from '../rule-types.ts';

/** Rules, decisions, oversight and enforcement: counts that in a department's report are usually its own. */
export const GOVERNANCE_RULES: readonly IndicatorRules[] = [
  {
    indicator: 'normative_docs.reviewed',
    units: ['件', '份', '个'],
    regionWide: true,
    notThisConcept: [
      { where: 'clause', words: '排查|清理|备案', why: 'screening, cleaning up or filing documents is not a legality review', example: '开展规范性文件备案审查规范性文件12件。' },
    ],
    patterns: [
      { id: 'reviewed-normative-docs', cue: '(?:合法性)?审查(?:了|的)?(?:县|市|区)?(?:政府)?(?:行政)?规范性文件', maxGap: 2 },
      { id: 'normative-docs-reviewed', cue: '规范性文件(?:合法性)?审查', maxGap: 2 },
      { id: 'n-normative-docs-reviewed', cue: '(?:行政)?规范性文件(?:进行|开展)?(?:了)?合法性审查', order: 'number-cue', maxGap: 0 },
    ],
  },
  {
    indicator: 'normative_docs.issued',
    units: ['件', '份', '个'],
    regionWide: true,
    patterns: [{ id: 'issued-normative-docs', cue: '(?:出台|发布|制发|印发)(?:了)?(?:县|市|区)?(?:政府)?(?:行政)?规范性文件', maxGap: 2 }],
  },
  {
    indicator: 'major_decisions.count',
    units: ['项', '件', '个'],
    regionWide: true,
    notThisConcept: [
      { where: 'lead', words: '目录|程序|规定', why: 'the catalogue, procedure or rules of major decisions, not a count of decisions', example: '修订重大行政决策程序规定3项。' },
    ],
    patterns: [
      { id: 'major-decisions', cue: '重大行政决策(?:事项)?(?!草案)', maxGap: 6 },
      { id: 'n-major-decisions', cue: '重大行政决策(?:事项)?(?!草案)', order: 'number-cue', maxGap: 0 },
    ],
  },
  {
    indicator: 'npc_suggestions.handled',
    units: ['件', '条'],
    patterns: [{ id: 'npc-suggestions', cue: '人大代表(?:建议|议案)', maxGap: 4 }],
  },
  {
    indicator: 'cppcc_proposals.handled',
    units: ['件', '条'],
    patterns: [{ id: 'cppcc-proposals', cue: '政协(?:委员)?提案', maxGap: 4 }],
  },
  {
    indicator: 'open_gov.info_items',
    units: ['条'],
    patterns: [{ id: 'published-info-items', cue: '(?:主动)?公开(?:政府)?信息|政府信息', maxGap: 6 }],
  },
  {
    indicator: 'enforcement.officers',
    units: ['人', '名'],
    regionWide: true,
    notThisConcept: [
      { where: 'clause', words: '通过|考试合格|申领|培训合格', why: 'officers who passed an exam or applied for a certificate are a subset, not all officers', example: '组织全县行政执法人员考试,考试合格执法人员320名。' },
      { where: 'lead', words: '证', why: 'a count of certificates, not of officers', example: '全县执法人员领证326人。' },
    ],
    patterns: [
      { id: 'enforcement-officers', cue: '(?:行政)?执法人员', maxGap: 2 },
      { id: 'n-enforcement-officers', cue: '(?:行政)?执法人员', order: 'number-cue', maxGap: 0 },
    ],
  },
  {
    indicator: 'gov_services.items',
    units: ['项', '个'],
    notThisConcept: [
      { where: 'clause', words: '取消|调整|下放|减', why: "items cancelled, adjusted, delegated or cut are changes to the list, not the list's size", example: '取消调整政务服务事项36项。' },
    ],
    patterns: [
      { id: 'service-items', cue: '政务服务事项(?!清单)', maxGap: 4 },
      { id: 'n-service-items', cue: '政务服务事项(?:入驻|进驻|纳入|上线)', order: 'number-cue', maxGap: 0 },
    ],
  },
  {
    indicator: 'gov_services.applications',
    units: ['件'],
    notThisConcept: [
      { where: 'clause', words: '两级|乡镇|镇|村|部门', why: "applications at townships, villages or one department are part of the county's", example: '镇、村两级办理政务服务办件6549件。' },
    ],
    patterns: [{ id: 'applications-handled', cue: '(?:受理|办理|办结)(?:各类)?(?:政务服务)?办件', maxGap: 2 }],
  },
  {
    indicator: 'enforcement.certificates',
    units: ['个', '本', '张', '件'],
    notThisConcept: [
      { where: 'clause', words: '注销|收回|吊销', why: 'certificates cancelled or withdrawn are not certificates issued', example: '办理执法证件注销12个。' },
    ],
    patterns: [{ id: 'certificates', cue: '(?:申领|换发|新办|核发|办理)(?:行政)?执法证(?:件)?', maxGap: 4 }],
  },
  {
    indicator: 'enforcement.case_file_reviews',
    units: ['卷', '份', '件', '本', '宗'],
    patterns: [{ id: 'case-files-reviewed', cue: '(?:评查|案卷评查)(?:行政)?(?:执法)?(?:案卷)?', maxGap: 4, requires: '执法' }],
  },
];
