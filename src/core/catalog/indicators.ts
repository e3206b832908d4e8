/**
 * The indicator catalog: what each indicator counts, in which unit, and which direction is good.
 * The first block is fixed by docs/DATA-CONTRACT.md §4 (ids never renamed); the extensions below it
 * are figures the corpus supports beyond the contract.
 * `higher_is_better` is null where more is neither better nor worse (a caseload).
 */
export interface Indicator {
  indicator_id: string;
  name_zh: string;
  name_en: string;
  unit: string;
  category: CategoryId;
  higher_is_better: boolean | null;
  definition_zh: string;
  definition_en: string;
  /** false for indicators added beyond the contract's core list. */
  core: boolean;
}

export type CategoryId =
  | 'admin_review' | 'admin_litigation' | 'mediation' | 'hotline' | 'petition'
  | 'legal_services' | 'rulemaking' | 'transparency' | 'legal_education' | 'enforcement' | 'gov_services';

export const CATEGORIES: Record<CategoryId, { zh: string; en: string }> = {
  admin_review: { zh: '行政复议', en: 'Administrative reconsideration' },
  admin_litigation: { zh: '行政应诉', en: 'Administrative litigation' },
  mediation: { zh: '矛盾纠纷调解', en: 'Dispute mediation' },
  hotline: { zh: '12345热线', en: '12345 hotline' },
  petition: { zh: '信访', en: 'Petitions' },
  legal_services: { zh: '公共法律服务', en: 'Public legal services' },
  rulemaking: { zh: '制度建设与决策', en: 'Rules and decisions' },
  transparency: { zh: '政务公开与监督', en: 'Transparency and oversight' },
  legal_education: { zh: '普法', en: 'Legal education' },
  enforcement: { zh: '行政执法', en: 'Law enforcement' },
  gov_services: { zh: '政务服务', en: 'Government services' },
};

/** An entry as written below; `core` comes from the list it is in. */
type Entry = Omit<Indicator, 'core'>;

const CORE: Entry[] = [
  {
    indicator_id: 'admin_review.received', name_zh: '行政复议收案数', name_en: 'Reconsideration cases received', unit: '件', category: 'admin_review', higher_is_better: null,
    definition_zh: '当年收到、受理或办理的行政复议案件数(不含不予受理)',
    definition_en: 'Administrative-reconsideration cases received or handled in the year (excluding those not accepted)',
  },
  {
    indicator_id: 'admin_review.closed', name_zh: '行政复议办结数', name_en: 'Reconsideration cases concluded', unit: '件', category: 'admin_review', higher_is_better: null,
    definition_zh: '当年办结、审结的行政复议案件数',
    definition_en: 'Reconsideration cases concluded in the year',
  },
  {
    indicator_id: 'admin_review.corrected', name_zh: '行政复议纠错数', name_en: 'Reconsideration cases corrected', unit: '件', category: 'admin_review', higher_is_better: null,
    definition_zh: '以撤销、变更、确认违法、责令履行等方式纠错的案件数',
    definition_en: 'Cases corrected (annulled, varied, declared unlawful, ordered to act)',
  },
  {
    indicator_id: 'admin_review.correction_rate', name_zh: '行政复议纠错率', name_en: 'Reconsideration correction rate', unit: '%', category: 'admin_review', higher_is_better: null,
    definition_zh: '纠错案件数 ÷ 办结案件数',
    definition_en: 'Corrected ÷ concluded cases',
  },
  {
    indicator_id: 'admin_litigation.cases', name_zh: '行政应诉案件数', name_en: 'Administrative lawsuits answered', unit: '件', category: 'admin_litigation', higher_is_better: null,
    definition_zh: '本级政府及其部门作为被告应诉的行政诉讼案件数',
    definition_en: 'Administrative lawsuits the government and its agencies answered',
  },
  {
    indicator_id: 'admin_litigation.head_appearance_rate', name_zh: '行政机关负责人出庭应诉率', name_en: 'Agency heads appearing in court', unit: '%', category: 'admin_litigation', higher_is_better: true,
    definition_zh: '行政机关负责人出庭应诉的案件占应出庭案件的比例',
    definition_en: 'Share of lawsuits in which the agency head appeared in court',
  },
  {
    indicator_id: 'mediation.cases', name_zh: '人民调解案件数', name_en: 'Disputes mediated (people\'s mediation)', unit: '件', category: 'mediation', higher_is_better: null,
    definition_zh: '人民调解组织调解、调处的矛盾纠纷数(不含法院诉前调解)',
    definition_en: 'Disputes handled by people\'s mediation (not court mediation)',
  },
  {
    indicator_id: 'mediation.succeeded', name_zh: '人民调解成功数', name_en: 'Disputes mediated successfully', unit: '件', category: 'mediation', higher_is_better: true,
    definition_zh: '其中调解成功的件数',
    definition_en: 'Of those, mediated successfully',
  },
  {
    indicator_id: 'mediation.success_rate', name_zh: '人民调解成功率', name_en: 'Mediation success rate', unit: '%', category: 'mediation', higher_is_better: true,
    definition_zh: '调解成功数 ÷ 调解案件数',
    definition_en: 'Succeeded ÷ mediated disputes',
  },
  {
    indicator_id: 'court_mediation.cases', name_zh: '诉前(委派)调解案件数', name_en: 'Court pre-litigation mediation cases', unit: '件', category: 'mediation', higher_is_better: null,
    definition_zh: '法院诉前调解、委派调解的案件数',
    definition_en: 'Court pre-litigation or court-delegated mediation cases',
  },
  {
    indicator_id: 'court_mediation.succeeded', name_zh: '诉前(委派)调解成功数', name_en: 'Court mediation cases succeeded', unit: '件', category: 'mediation', higher_is_better: true,
    definition_zh: '其中调解成功的件数',
    definition_en: 'Of those, successful',
  },
  {
    indicator_id: 'court_mediation.success_rate', name_zh: '诉前(委派)调解成功率', name_en: 'Court mediation success rate', unit: '%', category: 'mediation', higher_is_better: true,
    definition_zh: '诉前调解成功数 ÷ 诉前调解案件数',
    definition_en: 'Succeeded ÷ court mediation cases',
  },
  {
    indicator_id: 'hotline.tickets', name_zh: '12345热线工单数', name_en: '12345 hotline tickets', unit: '件', category: 'hotline', higher_is_better: null,
    definition_zh: '12345热线受理、承办、办理的群众诉求或工单数',
    definition_en: '12345 hotline requests or work orders handled',
  },
  {
    indicator_id: 'hotline.satisfaction_rate', name_zh: '12345热线满意率', name_en: '12345 hotline satisfaction', unit: '%', category: 'hotline', higher_is_better: true,
    definition_zh: '12345热线诉求办理的满意度或满意率',
    definition_en: 'Satisfaction with 12345 hotline handling',
  },
  {
    indicator_id: 'hotline.response_rate', name_zh: '12345热线回复率', name_en: '12345 hotline response rate', unit: '%', category: 'hotline', higher_is_better: true,
    definition_zh: '12345热线诉求的回复率、响应率',
    definition_en: 'Reply or response rate of 12345 requests',
  },
  {
    indicator_id: 'hotline.resolution_rate', name_zh: '12345热线办结率', name_en: '12345 hotline completion rate', unit: '%', category: 'hotline', higher_is_better: true,
    definition_zh: '12345热线诉求的办结率',
    definition_en: 'Completion rate of 12345 requests',
  },
  {
    indicator_id: 'petition.visit_batches', name_zh: '信访来访批次', name_en: 'Petition visits (batches)', unit: '批次', category: 'petition', higher_is_better: null,
    definition_zh: '接待群众来访的批次',
    definition_en: 'Petition visits received, in batches',
  },
  {
    indicator_id: 'petition.visit_persons', name_zh: '信访来访人次', name_en: 'Petition visitors', unit: '人次', category: 'petition', higher_is_better: null,
    definition_zh: '来访群众人次',
    definition_en: 'Persons in those visits',
  },
  {
    indicator_id: 'legal_aid.cases', name_zh: '法律援助案件数', name_en: 'Legal-aid cases', unit: '件', category: 'legal_services', higher_is_better: null,
    definition_zh: '办理的法律援助案件总数;未给总数时为所列分项之和',
    definition_en: 'Legal-aid cases handled; the sum of listed parts where no total is given',
  },
  {
    indicator_id: 'legal_consultation.count', name_zh: '法律咨询人次', name_en: 'Free legal consultations', unit: '人次', category: 'legal_services', higher_is_better: null,
    definition_zh: '提供免费法律咨询的人次',
    definition_en: 'Free legal consultations given',
  },
  {
    indicator_id: 'normative_docs.reviewed', name_zh: '规范性文件合法性审查数', name_en: 'Normative documents reviewed', unit: '件', category: 'rulemaking', higher_is_better: null,
    definition_zh: '经合法性审查的行政规范性文件数',
    definition_en: 'Normative documents given a legality review',
  },
  {
    indicator_id: 'normative_docs.issued', name_zh: '规范性文件制发数', name_en: 'Normative documents issued', unit: '件', category: 'rulemaking', higher_is_better: null,
    definition_zh: '出台、发布、制发的行政规范性文件数',
    definition_en: 'Normative documents issued',
  },
  {
    indicator_id: 'major_decisions.count', name_zh: '重大行政决策事项数', name_en: 'Major administrative decisions', unit: '项', category: 'rulemaking', higher_is_better: null,
    definition_zh: '列入目录或作出的重大行政决策事项数',
    definition_en: 'Major administrative decisions listed or made',
  },
  {
    indicator_id: 'npc_suggestions.handled', name_zh: '人大代表建议办理数', name_en: 'People\'s-congress suggestions handled', unit: '件', category: 'transparency', higher_is_better: null,
    definition_zh: '办理的人大代表建议件数',
    definition_en: 'Suggestions of people\'s-congress deputies handled',
  },
  {
    indicator_id: 'cppcc_proposals.handled', name_zh: '政协提案办理数', name_en: 'CPPCC proposals handled', unit: '件', category: 'transparency', higher_is_better: null,
    definition_zh: '办理的政协委员提案件数',
    definition_en: 'CPPCC proposals handled',
  },
  {
    indicator_id: 'open_gov.info_items', name_zh: '主动公开政府信息条数', name_en: 'Government information items published', unit: '条', category: 'transparency', higher_is_better: null,
    definition_zh: '主动公开的政府信息条数',
    definition_en: 'Government information items proactively published',
  },
  {
    indicator_id: 'legal_education.events', name_zh: '普法活动场次', name_en: 'Law-popularisation events', unit: '场次', category: 'legal_education', higher_is_better: null,
    definition_zh: '开展普法宣传活动的场次',
    definition_en: 'Law-popularisation events held',
  },
  {
    indicator_id: 'legal_literates.count', name_zh: '法律明白人数', name_en: '"Law-literate" residents trained', unit: '人', category: 'legal_education', higher_is_better: null,
    definition_zh: '培养、培育的“法律明白人”人数',
    definition_en: '"People who understand the law" trained',
  },
  {
    indicator_id: 'enforcement.officers', name_zh: '行政执法人员数', name_en: 'Law-enforcement officers', unit: '人', category: 'enforcement', higher_is_better: null,
    definition_zh: '行政执法人员人数',
    definition_en: 'Administrative law-enforcement officers',
  },
];

const EXTENSIONS: Entry[] = [
  {
    indicator_id: 'hotline.ontime_rate', name_zh: '12345热线按时办结率', name_en: '12345 hotline on-time completion', unit: '%', category: 'hotline', higher_is_better: true,
    definition_zh: '12345热线诉求按时(按期)办结的比例,不同于办结率',
    definition_en: 'Share of 12345 requests completed on time (not the completion rate)',
  },
  {
    indicator_id: 'gov_services.items', name_zh: '政务服务事项数', name_en: 'Government service items', unit: '项', category: 'gov_services', higher_is_better: null,
    definition_zh: '纳入清单或进驻大厅的政务服务事项数',
    definition_en: 'Government service items listed or available',
  },
  {
    indicator_id: 'gov_services.applications', name_zh: '政务服务办件量', name_en: 'Government service applications handled', unit: '件', category: 'gov_services', higher_is_better: null,
    definition_zh: '政务服务办理的业务件数',
    definition_en: 'Government service applications handled',
  },
  {
    indicator_id: 'enforcement.certificates', name_zh: '行政执法证件数', name_en: 'Enforcement certificates issued', unit: '个', category: 'enforcement', higher_is_better: null,
    definition_zh: '申领、换发的行政执法证件数',
    definition_en: 'Administrative law-enforcement certificates issued or renewed',
  },
  {
    indicator_id: 'enforcement.case_file_reviews', name_zh: '行政执法案卷评查数', name_en: 'Enforcement case files reviewed', unit: '卷', category: 'enforcement', higher_is_better: null,
    definition_zh: '评查的行政执法案卷数',
    definition_en: 'Enforcement case files reviewed for quality',
  },
];

export const INDICATORS: readonly Indicator[] = [
  ...CORE.map((entry) => ({ ...entry, core: true })),
  ...EXTENSIONS.map((entry) => ({ ...entry, core: false })),
];

const byId = new Map(INDICATORS.map((indicator) => [indicator.indicator_id, indicator]));

export function getIndicator(indicatorId: string): Indicator {
  const indicator = byId.get(indicatorId);
  if (!indicator) throw new Error(`Unknown indicator id "${indicatorId}" (not in src/core/catalog/indicators.ts)`);
  return indicator;
}

export const CORE_INDICATOR_IDS: readonly string[] = INDICATORS.filter((i) => i.core).map((i) => i.indicator_id);
