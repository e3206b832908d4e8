/**
 * Place, year, title and publisher of a converted report, read from its title and opening lines,
 * then from the container's title (HTML <title>, PDF Info), then from the file name. The place is a
 * GB/T 2260 row from the region lookup; a name several places share (朝阳区, 城关镇) is returned as
 * candidates to ask about, never guessed. Suggestions only: the user (or a flag) confirms them.
 */
import type { DivisionRow, RegionLookup } from '../regions/region-lookup.ts';
import { normalise } from '../text/normalise.ts';
import type { PublisherKind } from '../types.ts';
import { findReportYear, headLines, prefillFromText } from '../user-data/report-input.ts';

export interface ReportMetadata {
  region: DivisionRow | null;
  /** When the name read could be any of several places: ask which. */
  candidates: DivisionRow[];
  regionFrom: 'text' | 'title' | 'file-name' | null;
  year: number | null;
  yearFrom: 'text' | 'title' | 'file-name' | null;
  title: string;
  publisher: string;
  publisherKind: PublisherKind | null;
}

/**
 * Where a title or opening names its place: before the year or the subject ("朝阳区人民政府2024年…"),
 * as a government ("…_通州区人民政府"), or right after the year ("2023年,通州区法治政府建设…").
 */
const PLACE_PATTERNS = [
  /^(.{2,24}?)(?:人民政府|政府|司法局)?(?:关于)?(?:(?:19|20)\d{2}年|法治政府|依法行政|法治建设)/,
  /(?:^|[_|-])(.{2,12}?(?:区|县|市|旗))(?:人民政府|政府)/,
  /^(?:19|20)\d{2}年度?(?:以来)?[,,]?(.{2,12}?(?:区|县|市|旗))/,
];
const PUBLISHER_IN_TITLE = /^(.{2,30}?(?:人民政府|政府办公室|司法局|委员会|办公室|局))(?=\s*(?:关于)?\s*(?:19|20)\d{2}\s*年)/;
/** Radical characters, traditional characters and full-width forms as the extractor sees them (井研縣 → 井研县). */
const tidy = (text: string): string => normalise(text).text;

function fileStem(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[_\s]+/g, ' ');
}

/** The places a name in the text (or a pinyin file name: tongzhou-2023.pdf) could be, when it could be several. */
function ambiguousPlace(text: string, lookup: RegionLookup): DivisionRow[] {
  const clean = text.replace(/\s+/g, '');
  const names = [...PLACE_PATTERNS.map((p) => p.exec(clean)?.[1]), ...clean.split(/[-_.]/).filter((t) => /^[a-z]{4,}$/i.test(t))];
  for (const name of names) {
    if (!name) continue;
    const match = lookup.match(name);
    if (match.kind === 'ambiguous') return match.candidates;
  }
  return [];
}

const isCountyLevel = (row: DivisionRow): boolean => !row.region_code.endsWith('00');

export function readReportMetadata(body: string, titleHint: string, fileName: string, lookup: RegionLookup | null): ReportMetadata {
  const head = tidy(headLines(body.slice(0, 4000)).join('\n'));
  const fromText = prefillFromText(head, lookup);
  const hint = tidy(titleHint);
  const stem = tidy(fileStem(fileName));
  const out: ReportMetadata = {
    region: fromText.region ?? null, candidates: [], regionFrom: fromText.region ? 'text' : null,
    year: fromText.year ?? null, yearFrom: fromText.year ? 'text' : null,
    title: fromText.title ?? '', publisher: fromText.publisher ?? '', publisherKind: fromText.publisherKind ?? null,
  };
  const fallbacks: Array<[text: string, from: 'title' | 'file-name']> = [[hint, 'title'], [stem, 'file-name']];
  for (const [text, from] of fallbacks) {
    if (text === '') continue;
    if (!out.region && lookup) {
      const found = lookup.findInText(text)[0];
      if (found) Object.assign(out, { region: found, regionFrom: from, publisherKind: prefillFromText(text, lookup).publisherKind ?? null });
    }
    if (out.year === null) {
      const year = findReportYear(text) ?? loneYear(text);
      if (year !== null) Object.assign(out, { year, yearFrom: from });
    }
  }
  if (lookup && (!out.region || !isCountyLevel(out.region))) {
    // A title naming a place several share (朝阳区) is asked about, even when the text names a
    // province further down: those in that province are listed first, none is chosen.
    for (const text of [out.title, ...head.split('\n').slice(0, 3), hint, stem]) {
      const candidates = ambiguousPlace(text, lookup);
      if (candidates.length === 0) continue;
      const within = out.region?.region_code.slice(0, out.region.region_code.endsWith('0000') ? 2 : 4);
      out.candidates = within ? [...candidates.filter((c) => c.region_code.startsWith(within)), ...candidates.filter((c) => !c.region_code.startsWith(within))] : candidates;
      Object.assign(out, { region: null, regionFrom: null });
      break;
    }
  }
  if (out.title === '' || !/报告|情况|总结/.test(out.title)) out.title = /报告|情况|总结/.test(hint) ? hint.trim() : out.title || stem;
  if (out.publisher === '') out.publisher = PUBLISHER_IN_TITLE.exec(out.title.replace(/\s+/g, ''))?.[1] ?? '';
  return out;
}

/** A file name such as "灵丘县 2025.pdf": one four-digit year and no other. */
function loneYear(text: string): number | null {
  const years = [...new Set(text.match(/(?<!\d)(?:19|20)\d{2}(?!\d)/g) ?? [])];
  return years.length === 1 ? Number(years[0]) : null;
}
