/**
 * The indicator catalog: what each indicator counts, in which unit, and which direction is good.
 * The first block is fixed by DATA-CONTRACT.md §4 (ids never renamed); the extensions below it
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

type Row = [id: string, zh: string, en: string, unit: string, category: CategoryId, higherIsBetter: boolean | null, defZh: string, defEn: string];

const CORE: Row[] = [
  ['admin_review.received', '行政复议收案数', 'Reconsideration cases received', '件', 'admin_review', null, '当年收到、受理或办理的行政复议案件数(不含不予受理)', 'Administrative-reconsideration cases received or handled in the year (excluding those not accepted)'],
  ['admin_review.closed', '行政复议办结数', 'Reconsideration cases concluded', '件', 'admin_review', null, '当年办结、审结的行政复议案件数', 'Reconsideration cases concluded in the year'],
  ['admin_review.corrected', '行政复议纠错数', 'Reconsideration cases corrected', '件', 'admin_review', null, '以撤销、变更、确认违法、责令履行等方式纠错的案件数', 'Cases corrected (annulled, varied, declared unlawful, ordered to act)'],
  ['admin_review.correction_rate', '行政复议纠错率', 'Reconsideration correction rate', '%', 'admin_review', null, '纠错案件数 ÷ 办结案件数', 'Corrected ÷ concluded cases'],
  ['admin_litigation.cases', '行政应诉案件数', 'Administrative lawsuits answered', '件', 'admin_litigation', null, '本级政府及其部门作为被告应诉的行政诉讼案件数', 'Administrative lawsuits the government and its agencies answered'],
  ['admin_litigation.head_appearance_rate', '行政机关负责人出庭应诉率', 'Agency heads appearing in court', '%', 'admin_litigation', true, '行政机关负责人出庭应诉的案件占应出庭案件的比例', 'Share of lawsuits in which the agency head appeared in court'],
  ['mediation.cases', '人民调解案件数', 'Disputes mediated (people\'s mediation)', '件', 'mediation', null, '人民调解组织调解、调处的矛盾纠纷数(不含法院诉前调解)', 'Disputes handled by people\'s mediation (not court mediation)'],
  ['mediation.succeeded', '人民调解成功数', 'Disputes mediated successfully', '件', 'mediation', true, '其中调解成功的件数', 'Of those, mediated successfully'],
  ['mediation.success_rate', '人民调解成功率', 'Mediation success rate', '%', 'mediation', true, '调解成功数 ÷ 调解案件数', 'Succeeded ÷ mediated disputes'],
  ['court_mediation.cases', '诉前(委派)调解案件数', 'Court pre-litigation mediation cases', '件', 'mediation', null, '法院诉前调解、委派调解的案件数', 'Court pre-litigation or court-delegated mediation cases'],
  ['court_mediation.succeeded', '诉前(委派)调解成功数', 'Court mediation cases succeeded', '件', 'mediation', true, '其中调解成功的件数', 'Of those, successful'],
  ['court_mediation.success_rate', '诉前(委派)调解成功率', 'Court mediation success rate', '%', 'mediation', true, '诉前调解成功数 ÷ 诉前调解案件数', 'Succeeded ÷ court mediation cases'],
  ['hotline.tickets', '12345热线工单数', '12345 hotline tickets', '件', 'hotline', null, '12345热线受理、承办、办理的群众诉求或工单数', '12345 hotline requests or work orders handled'],
  ['hotline.satisfaction_rate', '12345热线满意率', '12345 hotline satisfaction', '%', 'hotline', true, '12345热线诉求办理的满意度或满意率', 'Satisfaction with 12345 hotline handling'],
  ['hotline.response_rate', '12345热线回复率', '12345 hotline response rate', '%', 'hotline', true, '12345热线诉求的回复率、响应率', 'Reply or response rate of 12345 requests'],
  ['hotline.resolution_rate', '12345热线办结率', '12345 hotline completion rate', '%', 'hotline', true, '12345热线诉求的办结率', 'Completion rate of 12345 requests'],
  ['petition.visit_batches', '信访来访批次', 'Petition visits (batches)', '批次', 'petition', null, '接待群众来访的批次', 'Petition visits received, in batches'],
  ['petition.visit_persons', '信访来访人次', 'Petition visitors', '人次', 'petition', null, '来访群众人次', 'Persons in those visits'],
  ['legal_aid.cases', '法律援助案件数', 'Legal-aid cases', '件', 'legal_services', null, '办理的法律援助案件总数;未给总数时为所列分项之和', 'Legal-aid cases handled; the sum of listed parts where no total is given'],
  ['legal_consultation.count', '法律咨询人次', 'Free legal consultations', '人次', 'legal_services', null, '提供免费法律咨询的人次', 'Free legal consultations given'],
  ['normative_docs.reviewed', '规范性文件合法性审查数', 'Normative documents reviewed', '件', 'rulemaking', null, '经合法性审查的行政规范性文件数', 'Normative documents given a legality review'],
  ['normative_docs.issued', '规范性文件制发数', 'Normative documents issued', '件', 'rulemaking', null, '出台、发布、制发的行政规范性文件数', 'Normative documents issued'],
  ['major_decisions.count', '重大行政决策事项数', 'Major administrative decisions', '项', 'rulemaking', null, '列入目录或作出的重大行政决策事项数', 'Major administrative decisions listed or made'],
  ['npc_suggestions.handled', '人大代表建议办理数', 'People\'s-congress suggestions handled', '件', 'transparency', null, '办理的人大代表建议件数', 'Suggestions of people\'s-congress deputies handled'],
  ['cppcc_proposals.handled', '政协提案办理数', 'CPPCC proposals handled', '件', 'transparency', null, '办理的政协委员提案件数', 'CPPCC proposals handled'],
  ['open_gov.info_items', '主动公开政府信息条数', 'Government information items published', '条', 'transparency', null, '主动公开的政府信息条数', 'Government information items proactively published'],
  ['legal_education.events', '普法活动场次', 'Law-popularisation events', '场次', 'legal_education', null, '开展普法宣传活动的场次', 'Law-popularisation events held'],
  ['legal_literates.count', '法律明白人数', '"Law-literate" residents trained', '人', 'legal_education', null, '培养、培育的“法律明白人”人数', '"People who understand the law" trained'],
  ['enforcement.officers', '行政执法人员数', 'Law-enforcement officers', '人', 'enforcement', null, '行政执法人员人数', 'Administrative law-enforcement officers'],
];

const EXTENSIONS: Row[] = [
  ['hotline.ontime_rate', '12345热线按时办结率', '12345 hotline on-time completion', '%', 'hotline', true, '12345热线诉求按时(按期)办结的比例,不同于办结率', 'Share of 12345 requests completed on time (not the completion rate)'],
  ['gov_services.items', '政务服务事项数', 'Government service items', '项', 'gov_services', null, '纳入清单或进驻大厅的政务服务事项数', 'Government service items listed or available'],
  ['gov_services.applications', '政务服务办件量', 'Government service applications handled', '件', 'gov_services', null, '政务服务办理的业务件数', 'Government service applications handled'],
  ['enforcement.certificates', '行政执法证件数', 'Enforcement certificates issued', '个', 'enforcement', null, '申领、换发的行政执法证件数', 'Administrative law-enforcement certificates issued or renewed'],
  ['enforcement.case_file_reviews', '行政执法案卷评查数', 'Enforcement case files reviewed', '卷', 'enforcement', null, '评查的行政执法案卷数', 'Enforcement case files reviewed for quality'],
];

const toIndicator = (core: boolean) => ([indicator_id, name_zh, name_en, unit, category, higher_is_better, definition_zh, definition_en]: Row): Indicator =>
  ({ indicator_id, name_zh, name_en, unit, category, higher_is_better, definition_zh, definition_en, core });

export const INDICATORS: readonly Indicator[] = [...CORE.map(toIndicator(true)), ...EXTENSIONS.map(toIndicator(false))];

const byId = new Map(INDICATORS.map((indicator) => [indicator.indicator_id, indicator]));

export function getIndicator(indicatorId: string): Indicator {
  const indicator = byId.get(indicatorId);
  if (!indicator) throw new Error(`Unknown indicator id "${indicatorId}" (not in src/core/catalog/indicators.ts)`);
  return indicator;
}

export const CORE_INDICATOR_IDS: readonly string[] = INDICATORS.filter((i) => i.core).map((i) => i.indicator_id);
