import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/core/extract/extract-report.ts';
import type { Observation, Report, ReportMeta } from '../../../src/core/types.ts';

const meta: ReportMeta = {
  id: 'test-2024', region_code: '140223', region_name: '广灵县', year: 2024, publisher: '广灵县人民政府',
  publisher_kind: 'county-gov', source_kind: 'annual-report', title: '广灵县2024年法治政府建设年度报告', url: '', published: '', coverage: 'full',
};
const run = (body: string, overrides: Partial<ReportMeta> = {}) => extractReport({ meta: { ...meta, ...overrides }, body } satisfies Report);
const pick = (observations: Observation[], indicator: string) => observations.filter((o) => o.indicator_id === indicator);

describe('honesty rules', () => {
  it('a promise or target is not a figure, and is kept as a reject with the reason', () => {
    const { observations, rejects } = run('严格落实出庭应诉制度,确保行政机关负责人出庭应诉率达到100%。');
    expect(pick(observations, 'admin_litigation.head_appearance_rate')).toEqual([]);
    expect(rejects.map((r) => r.reason).join()).toMatch(/promise/);
  });

  it('figures in the plans section for next year are targets', () => {
    const body = '一、主要成效\n全县共调解矛盾纠纷100件。\n二、下一步工作打算\n全县调解矛盾纠纷力度加大,调解成功率达到99%。';
    const { observations, rejects } = run(body);
    expect(pick(observations, 'mediation.cases').map((o) => o.value)).toEqual([100]);
    expect(pick(observations, 'mediation.success_rate')).toEqual([]);
    expect(rejects.some((r) => r.indicator_id === 'mediation.success_rate')).toBe(true);
  });

  it("a court's mediation goes to court_mediation, not to people's mediation", () => {
    const { observations } = run('广灵法院诉前调解案件651件;调解成功284件,调解成功率43.6%。');
    expect(pick(observations, 'court_mediation.cases').map((o) => o.value)).toEqual([651]);
    expect(pick(observations, 'court_mediation.succeeded').map((o) => o.value)).toEqual([284]);
    expect(pick(observations, 'court_mediation.success_rate').map((o) => o.value)).toEqual([43.6]);
    expect(pick(observations, 'mediation.succeeded')).toEqual([]);
  });

  it("a court's own docket is not the government's lawsuits", () => {
    const { observations, rejects } = run('2023年,该院审理行政诉讼案件84件,出庭应诉率为100%。', { publisher: '方城县人民法院', publisher_kind: 'other', year: 2023 });
    expect(observations).toEqual([]);
    expect(rejects.length).toBeGreaterThan(0);
  });

  it("a department's own zero cases are not the county's", () => {
    const { observations } = run('我局全年办理行政复议案件0件。', { publisher: '某县行政审批局', publisher_kind: 'department' });
    expect(pick(observations, 'admin_review.received')).toEqual([]);
  });

  it('part-year figures carry their period, never the year', () => {
    const cases: Array<[string, string]> = [
      ['截至11月30日,全县共受理行政复议案件15件。', '2024-01-01/2024-11-30'],
      ['1至7月,12345热线共受理群众诉求1000件。', '2024-01/2024-07'],
      ['第三季度,12345热线共受理群众诉求300件。', '2024-Q3'],
      ['4月份,12345热线共受理群众诉求120件。', '2024-04'],
    ];
    for (const [body, period] of cases) {
      const [first] = run(body).observations;
      expect(first?.period, body).toBe(period);
      expect(first?.year).toBe(2024);
    }
  });

  it("a weekly or monthly bulletin's figures take the period from its title", () => {
    const body = '衡东县12345政府服务热线2019年04月工作简报\n共形成有效电子工单2734件,综合办结率99.34%。';
    const { observations } = run(body, { year: 2019, coverage: 'excerpt', title: '' });
    expect(observations.map((o) => [o.indicator_id, o.period])).toEqual([['hotline.tickets', '2019-04'], ['hotline.resolution_rate', '2019-04']]);
  });

  it('a printed rate is checked against its counts and a mismatch is flagged, not hidden', () => {
    const { observations } = run('全县各类人民调解组织共调解矛盾纠纷2862件,调解成功2850件,调解成功率99%。');
    const [rate] = pick(observations, 'mediation.success_rate');
    expect(rate?.value).toBe(99);
    expect(rate?.value_kind).toBe('reported');
    expect(rate?.flags.join()).toMatch(/rate_mismatch.*2850 ÷ 2862 = 99\.58/);
  });

  it('a rate only implied by two counts is derived, naming both inputs', () => {
    const body = '审结的262件行政复议案件中,直接纠错56件。';
    const { observations } = run(body, { year: 2021 });
    const [rate] = pick(observations, 'admin_review.correction_rate');
    expect(rate).toMatchObject({ value: 21.37, value_kind: 'derived', approx: 'exact', rule_id: 'admin_review.correction_rate/derived-from-counts' });
    expect(rate!.inputs.map((i) => [i.indicator_id, i.value])).toEqual([['admin_review.corrected', 56], ['admin_review.closed', 262]]);
    expect(rate!.derivation).toBe('56 ÷ 262 × 100');
    for (const input of rate!.inputs) expect(body.slice(input.span_start, input.span_end)).toMatch(/^\d+件$/);
  });

  it('同比 and 较去年 statements yield the prior year as derived; a printed prior value as reported', () => {
    const change = run('2024年,12345热线共受理群众诉求1628件,同比增加110件。');
    expect(pick(change.observations, 'hotline.tickets').map((o) => [o.year, o.value, o.value_kind])).toEqual([[2024, 1628, 'reported'], [2023, 1518, 'derived']]);
    const percent = run('全市新收行政复议申请8745件,同比增长75.7%。', { region_code: '330300', region_name: '温州市' });
    const prior = pick(percent.observations, 'admin_review.received').find((o) => o.year === 2023)!;
    expect(prior).toMatchObject({ value: 4977, approx: 'about', value_kind: 'derived' });
    const printed = run('区政府收到行政复议申请281件,较2020年172件增加109件。', { year: 2021 });
    expect(pick(printed.observations, 'admin_review.received').map((o) => [o.year, o.value, o.value_kind])).toEqual([[2021, 281, 'reported'], [2020, 172, 'reported']]);
  });

  it('a change against last month gives no prior-year value, and says so', () => {
    const { observations, rejects } = run('8月,12345热线共受理群众诉求2343件,较上月同比增长13%。', { year: 2021 });
    expect(observations.map((o) => o.year)).toEqual([2021]);
    expect(rejects.map((r) => r.reason).join()).toMatch(/previous month/);
  });

  it('marks approximations: 余, 近, 约', () => {
    const { observations } = run('年内共开展各类普法活动400余场次。培养法律明白人近300人。执法人员约1500人。');
    expect(observations.map((o) => [o.indicator_id, o.value, o.approx])).toEqual([
      ['legal_education.events', 400, 'at_least'], ['legal_literates.count', 300, 'at_most'], ['enforcement.officers', 1500, 'about'],
    ]);
  });

  it('lists parts of legal aid are summed only when no total is printed', () => {
    const summed = run('办理民事法律援助案件26件,刑事法律援助案件262件。');
    expect(pick(summed.observations, 'legal_aid.cases').map((o) => [o.value, o.value_kind])).toEqual([[288, 'derived']]);
    const total = run('共办理法律援助案件1428宗(其中民事法律援助案件381宗、刑事法律援助案件242宗)。');
    expect(pick(total.observations, 'legal_aid.cases').map((o) => [o.value, o.value_kind])).toEqual([[1428, 'reported']]);
    expect(total.rejects.filter((r) => /part/.test(r.reason))).toHaveLength(2);
  });

  it('every row carries report, verbatim quote and a span that holds the printed number', () => {
    const body = '井研縣2023年,發(fā)布縣政府行政規(guī)范性文件 2 件。熱線滿意率99.80%%。';
    const { observations } = run(body, { year: 2023 });
    expect(observations.length).toBeGreaterThan(0);
    for (const o of observations) {
      expect(body).toContain(o.quote);
      expect(o.quote).toContain(body.slice(o.span_start, o.span_end));
      expect(body.slice(o.span_start, o.span_end)).toMatch(/\d/);
    }
  });
});

describe('pipe-rendered tables', () => {
  it('reads each row with its header, the unit taken from the header', () => {
    const body = '2024年全县行政复议情况如下:\n| 项目 | 受理行政复议案件(件) | 纠错率(%) |\n|---|---|---|\n| 全县 | 35 | 8.6 |\n';
    const { observations } = run(body);
    expect(observations.map((o) => [o.indicator_id, o.value])).toEqual([['admin_review.received', 35], ['admin_review.correction_rate', 8.6]]);
    for (const o of observations) {
      expect(o.quote).toBe('| 全县 | 35 | 8.6 |');
      expect(body.slice(o.span_start, o.span_end)).toBe(String(o.value));
    }
  });

  it('page furniture in pipes yields nothing', () => {
    expect(run('| 索引号: | 011158671/2024-02819 | 分类: | 其他 |\n| 发布机构: | 某县 | 发文日期: | 2023-12-28 |\n').observations).toEqual([]);
  });
});

describe('year-to-date figures', () => {
  it('今年以来 with the publication date in the year closes the interval there', () => {
    const [first] = run('今年来,县12345政府热线共办理各类工单19311件。', { year: 2023, published: '2023-12-28' }).observations;
    expect(first?.period).toBe('2023-01-01/2023-12-28');
  });

  it('今年以来 with no publication date leaves the interval open, never the whole year', () => {
    const { observations } = run('2025年以来全县新收行政复议案件70件,与去年同期相比增长48.9%。', { year: 2025 });
    expect(observations.map((o) => [o.year, o.period, o.value])).toEqual([[2025, '2025-01/..', 70], [2024, '2024-01/..', 47]]);
  });
});

describe('hotline channels', () => {
  it("a mayor's mailbox or letters channel's completion rate is not the 12345 hotline's", () => {
    const body = '陈仓区12345热线工作通报\n2022年1-6月,12345市民热线共受理市民各类诉求2580件,办结率100%。\n2022年1-6月,市长信箱共受理市民各类诉求99件,办结率98%。\n6月份,全区共受理市民来信27件,办结率97%。';
    const { observations } = run(body, { year: 2022, title: '' });
    expect(observations.map((o) => [o.indicator_id, o.value])).toEqual([['hotline.tickets', 2580], ['hotline.resolution_rate', 100]]);
  });
});

describe('numbers in running text', () => {
  it('reads 10余万件 as at least 100,000 and keeps the printed span', () => {
    const body = '2024年,县12345热线共受理群众诉求10余万件。';
    const [first] = run(body).observations;
    expect(first).toMatchObject({ indicator_id: 'hotline.tickets', value: 100000, approx: 'at_least' });
    expect(body.slice(first!.span_start, first!.span_end)).toBe('10余万件');
  });
});
