/**
 * A pasted or dropped report, read for the import form (我的数据): its body (exactly as pasted, so
 * the extractor's spans index into it) and what the form can be prefilled with — from YAML front
 * matter when the text has one (docs/DATA-CONTRACT.md §1), else guessed from the title and opening
 * lines (place via the region lookup, year from "2024年法治政府建设…" / "2024年度"). Prefills are
 * suggestions the user confirms; nothing here becomes data by itself.
 */
import { parseDocument } from 'yaml';
import type { DivisionRow, RegionLookup } from '../regions/region-lookup.ts';
import type { Coverage, PublisherKind } from '../types.ts';

export const PUBLISHER_KINDS: readonly PublisherKind[] = ['county-gov', 'city-gov', 'district-gov', 'department', 'other'];
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;
/** A front matter is a few lines; anything longer is not one (and is not parsed). */
const MAX_FRONT_MATTER_CHARS = 20_000;
/** Only the head of a report is read for prefills: a title sits in its first lines. */
const HEAD_LINES = 12;
const HEAD_LINE_CHARS = 200;

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*(?:\r?\n|$)/m;

/** A problem with the front matter; `field` names the key at fault, if any. */
export interface FrontMatterError {
  field?: string;
  reason: string;
}

export interface ReportPrefill {
  region: DivisionRow | null;
  /** Where the place came from: the front matter's region_code, or a name found in the text. */
  regionFrom: 'front-matter' | 'text' | null;
  year: number | null;
  title: string;
  publisher: string;
  publisherKind: PublisherKind | null;
  coverage: Coverage | null;
  url: string;
  published: string;
}

export interface ReportInput {
  /** The text after the front matter (the whole text when there is none), unchanged. */
  body: string;
  hasFrontMatter: boolean;
  /** Front-matter problems: while there are any, the text is not extracted. */
  errors: FrontMatterError[];
  prefill: ReportPrefill;
}

const EMPTY_PREFILL: ReportPrefill = {
  region: null, regionFrom: null, year: null, title: '', publisher: '', publisherKind: null, coverage: null, url: '', published: '',
};

/** Reads a pasted text: splits off front matter (if any), then prefills from it and from the text. */
export function readReportInput(text: string, lookup: RegionLookup | null): ReportInput {
  const errors: FrontMatterError[] = [];
  let body = text;
  let fields: Record<string, unknown> | null = null;
  const opening = OPENING.exec(text);
  if (opening) {
    const rest = text.slice(opening[0].length);
    const closing = CLOSING.exec(rest.slice(0, MAX_FRONT_MATTER_CHARS + 8));
    if (!closing) {
      errors.push({ reason: rest.length > MAX_FRONT_MATTER_CHARS ? `no closing "---" line within ${MAX_FRONT_MATTER_CHARS} characters` : 'no closing "---" line' });
    } else {
      body = rest.slice(closing.index + closing[0].length);
      fields = parseFrontMatter(rest.slice(0, closing.index), errors);
    }
  }
  const prefill = { ...EMPTY_PREFILL, ...prefillFromText(body, lookup) };
  if (fields) Object.assign(prefill, prefillFromFields(fields, lookup, errors));
  return { body, hasFrontMatter: opening !== null, errors, prefill };
}

/**
 * Parses front matter YAML defensively: no aliases (an alias bomb expands exponentially), no
 * custom or unknown tags, no duplicate keys — each is reported as an error, never evaluated.
 */
export function parseFrontMatter(yamlText: string, errors: FrontMatterError[]): Record<string, unknown> | null {
  let raw: unknown;
  try {
    const doc = parseDocument(yamlText, { schema: 'core', uniqueKeys: true, prettyErrors: false, customTags: [], resolveKnownTags: false });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) {
      errors.push({ reason: `not valid YAML (${problem.message.split('\n')[0]})` });
      return null;
    }
    raw = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    errors.push({ reason: /alias/i.test(message) ? 'YAML aliases (*name) are not allowed in front matter' : `not valid YAML (${message})` });
    return null;
  }
  if (raw === null || raw === undefined) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push({ reason: 'not a YAML mapping (key: value lines)' });
    return null;
  }
  return raw as Record<string, unknown>;
}

function prefillFromFields(fields: Record<string, unknown>, lookup: RegionLookup | null, errors: FrontMatterError[]): Partial<ReportPrefill> {
  const text = (field: string): string => {
    const value = fields[field];
    if (value === undefined || value === null) return '';
    if (typeof value === 'string' || typeof value === 'number') return String(value).trim();
    errors.push({ field, reason: `must be text, got ${Array.isArray(value) ? 'a list' : typeof value}` });
    return '';
  };
  const out: Partial<ReportPrefill> = {};
  for (const field of ['title', 'publisher', 'url', 'published'] as const) {
    const value = text(field);
    if (value) out[field] = value;
  }
  const code = text('region_code');
  const name = text('region_name');
  if (code) {
    if (!/^\d{6}$/.test(code)) errors.push({ field: 'region_code', reason: `"${code}" is not a six-digit GB/T 2260 code` });
    else if (lookup) {
      const row = lookup.byCode(code);
      if (row) Object.assign(out, { region: row, regionFrom: 'front-matter' });
      else errors.push({ field: 'region_code', reason: `"${code}" is not a known GB/T 2260 code` });
    }
  } else if (name && lookup) {
    const found = lookup.match(name);
    if (found.kind === 'match') Object.assign(out, { region: found.region, regionFrom: 'front-matter' });
  }
  if (fields.year !== undefined && fields.year !== null && fields.year !== '') {
    const year = Number(fields.year);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) errors.push({ field: 'year', reason: `"${String(fields.year)}" is not a year between ${MIN_YEAR} and ${MAX_YEAR}` });
    else out.year = year;
  }
  const kind = text('publisher_kind');
  if (kind) {
    if (PUBLISHER_KINDS.includes(kind as PublisherKind)) out.publisherKind = kind as PublisherKind;
    else errors.push({ field: 'publisher_kind', reason: `"${kind}" is not one of ${PUBLISHER_KINDS.join(', ')}` });
  }
  const coverage = text('coverage');
  if (coverage) {
    if (coverage === 'full' || coverage === 'excerpt') out.coverage = coverage;
    else errors.push({ field: 'coverage', reason: `"${coverage}" is not one of full, excerpt` });
  }
  return out;
}

/** The first lines of the body, trimmed and capped (a 5 MB single line is read only at its head). */
export function headLines(body: string): string[] {
  return body.slice(0, HEAD_LINES * HEAD_LINE_CHARS * 2).split('\n').map((l) => l.trim().slice(0, HEAD_LINE_CHARS)).filter(Boolean).slice(0, HEAD_LINES);
}

/** A government site's page header names the publisher: "发布机构: 灵丘县人民政府". */
const PUBLISHER_LINE = /^(?:发布机构|发布机关|发文机关|发布单位)\s*[::]\s*(\S.*)$/;
const TITLE_LABEL = /^(?:标\s*题|题\s*目|名\s*称)\s*[::]\s*/;
/** A line that names itself a report (…年度报告, …工作情况的报告), short enough to be a title. */
const TITLE_LIKE = /报告|情况|总结|通报|简报/;

export function prefillFromText(body: string, lookup: RegionLookup | null): Partial<ReportPrefill> {
  const lines = headLines(body);
  const titled = lines.map((l) => l.replace(TITLE_LABEL, '')).find((l) => l.length <= 80 && TITLE_LIKE.test(l));
  const title = titled ?? lines[0] ?? '';
  const out: Partial<ReportPrefill> = { title };
  const publisher = lines.map((l) => PUBLISHER_LINE.exec(l)?.[1]?.trim()).find((p) => p && p.length <= 40);
  if (publisher) out.publisher = publisher;
  const year = findReportYear([title, ...lines].join('\n'));
  if (year !== null) out.year = year;
  if (lookup) {
    const region = lookup.findInText(title)[0] ?? lookup.findInText(lines.join('\n'))[0] ?? null;
    if (region) {
      out.region = region;
      out.regionFrom = 'text';
      out.publisherKind = guessPublisherKind(title, region);
    }
  }
  return out;
}

const YEAR_PATTERNS = [
  /((?:19|20)\d{2})\s*年\s*(?:度\s*)?(?:的\s*)?(?:法治政府|依法行政|法治建设|全面依法治)/,
  /((?:19|20)\d{2})\s*年度/,
  // A title that names a period: …热线2025年第一季度运行情况, 通州区2021年行政复议应诉分析报告.
  /^[^\n]{0,40}?((?:19|20)\d{2})\s*年[^\n]{0,40}(?:报告|简报|通报|情况|分析)/m,
  // An opening that starts with the year: "2023年,济源市坚持…", "2024年以来,…".
  /^((?:19|20)\d{2})\s*年(?:以来)?[,,]/m,
];

/** The year a report covers, from its title or opening ("2024年法治政府建设…", "2024年度"); null when not named. */
export function findReportYear(head: string): number | null {
  const text = head.normalize('NFKC');
  for (const pattern of YEAR_PATTERNS) {
    const year = Number(pattern.exec(text)?.[1]);
    if (Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR) return year;
  }
  return null;
}

/** A department's report names its office in the title; else the place's level says whose report it is. */
function guessPublisherKind(title: string, region: DivisionRow): PublisherKind {
  if (!title.includes('政府') && /局|委员会|办公室|法院|检察院/.test(title)) return 'department';
  if (region.region_code.endsWith('00')) return 'city-gov';
  return region.region_name.endsWith('区') ? 'district-gov' : 'county-gov';
}
