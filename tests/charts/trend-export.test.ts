import { describe, expect, it } from 'vitest';
import { trendSubtitleFacts } from '../../src/charts/export-trend.ts';
import type { TrendPoint } from '../../src/db/queries/trend.ts';
import { EXPORT_MESSAGES } from '../../src/features/i18n/views/export.ts';

const point = (over: Partial<TrendPoint>): TrendPoint => ({
  obs_id: `${over.region_code ?? '990001'}-${over.year ?? 2020}`, region_code: '990001', region_name: '测试县', name_pinyin: 'Ceshi', year: 2020,
  period: 'year', value: 90, unit: '%', approx: 'exact', value_kind: 'reported', report_id: 'fake', publisher_kind: 'county-gov',
  quote: '【虚构】调解成功率90%。', flags: [], n_candidates: 1, conflict: false, ...over,
});

describe('the trend export subtitle follows the points drawn', () => {
  const whole = [point({}), point({ year: 2021 }), point({ region_code: '990002' })];
  const mixed = [...whole, point({ year: 2023, period: '2023-01/2023-08' }), point({ region_code: '990002', year: 2024, period: '2024-H1' })];

  it('counts places and part-year figures', () => {
    expect(trendSubtitleFacts(whole)).toEqual({ places: 2, partYear: 0 });
    expect(trendSubtitleFacts(mixed)).toEqual({ places: 2, partYear: 2 });
    expect(trendSubtitleFacts([])).toEqual({ places: 0, partYear: 0 });
  });

  it('says "whole-year figures only" when every figure drawn is whole-year, and how many are part-year otherwise', () => {
    const { zh, en } = EXPORT_MESSAGES;
    const say = (m: typeof zh, points: TrendPoint[]) => { const f = trendSubtitleFacts(points); return m.exportTrendSubtitle('调解成功率', '%', f.places, f.partYear, m === zh ? '12345热线通报 2 份' : '12345 hotline bulletins (2)'); };
    expect(say(zh, whole)).toContain('仅全年数字');
    expect(say(zh, whole)).not.toContain('部分年度');
    expect(say(zh, mixed)).toContain('含 2 个部分年度数字');
    expect(say(en, whole)).toContain('whole-year figures only');
    expect(say(en, whole)).not.toContain('part-year');
    expect(say(en, mixed)).toContain('2 part-year figures included');
    expect(say(en, [point({ period: '2020-Q1' })])).toContain('1 place · 1 part-year figure included');
    // The subtitle names what the sources are, never a blanket "annual reports".
    expect(say(zh, whole)).toMatch(/数据:12345热线通报 2 份$/);
    expect(say(zh, whole)).not.toContain('县级法治政府建设年度报告');
    expect(say(en, whole)).toMatch(/Data: 12345 hotline bulletins \(2\)$/);
  });
});
