import { parse as parseYaml } from 'yaml';
import { SOURCE_KINDS } from '../schema/index.ts';
import type { Coverage, PublisherKind, Report, ReportMeta, SourceKind } from '../types.ts';
import { checkPageStarts } from './page-starts.ts';

/** Why a report file could not be read; `field` names the front-matter key at fault, if any. */
export class ReportFormatError extends Error {
  constructor(readonly source: string, readonly reason: string, readonly field?: string) {
    super(`${source}: ${field ? `front matter field "${field}": ` : ''}${reason}`);
    this.name = 'ReportFormatError';
  }
}

const PUBLISHER_KINDS: readonly PublisherKind[] = ['county-gov', 'city-gov', 'district-gov', 'department', 'other'];
const COVERAGES: readonly Coverage[] = ['full', 'excerpt'];
const OPENING = /^\uFEFF?---\r?\n/;
const CLOSING = /^---[ \t]*\r?\n/m;

/**
 * Splits a report file (docs/DATA-CONTRACT.md §1) into validated metadata and its body.
 * The body is everything after the newline that ends the closing `---` line, unchanged:
 * span offsets in the dataset count from its first character.
 */
export function parseReport(fileText: string, source: string): Report {
  const opening = OPENING.exec(fileText);
  if (!opening) throw new ReportFormatError(source, 'does not open with a YAML front matter line "---"');
  const rest = fileText.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new ReportFormatError(source, 'front matter has no closing "---" line');
  const yamlText = rest.slice(0, closing.index);
  const body = rest.slice(closing.index + closing[0].length);

  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    throw new ReportFormatError(source, `front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ReportFormatError(source, 'front matter is not a YAML mapping');
  }
  const meta = validateMeta(raw as Record<string, unknown>, source);
  if (body.trim().length === 0) throw new ReportFormatError(source, 'the report body is empty');
  const pages = (raw as Record<string, unknown>).page_starts;
  if (pages === undefined || pages === null) return { meta, body };
  // A PDF's page map (written by add-report): checked against the body, so a page named later is never out of range.
  const checked = checkPageStarts(pages, body.length);
  if (!checked.ok) throw new ReportFormatError(source, checked.problem, 'page_starts');
  return { meta, body, pageStarts: checked.pageStarts };
}

function validateMeta(raw: Record<string, unknown>, source: string): ReportMeta {
  const text = (field: string, required: boolean): string => {
    const value = raw[field];
    if (value === undefined || value === null || value === '') {
      if (required) throw new ReportFormatError(source, 'is missing', field);
      return '';
    }
    // YAML turns an unquoted 2025-01-10 into a Date; keep the ISO text the author wrote.
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value !== 'string' && typeof value !== 'number') throw new ReportFormatError(source, `must be text, got ${typeof value}`, field);
    return String(value);
  };

  const id = text('id', true);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) throw new ReportFormatError(source, `"${id}" is not lowercase ascii (a-z, 0-9, -)`, 'id');
  const regionCode = text('region_code', true);
  if (!/^\d{6}$/.test(regionCode)) throw new ReportFormatError(source, `"${regionCode}" is not a six-digit GB/T 2260 code`, 'region_code');
  const year = Number(raw.year);
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw new ReportFormatError(source, `"${String(raw.year)}" is not a year between 1990 and 2100`, 'year');
  const publisherKind = text('publisher_kind', true) as PublisherKind;
  if (!PUBLISHER_KINDS.includes(publisherKind)) throw new ReportFormatError(source, `"${publisherKind}" is not one of ${PUBLISHER_KINDS.join(', ')}`, 'publisher_kind');
  const coverage = (text('coverage', false) || 'full') as Coverage;
  if (!COVERAGES.includes(coverage)) throw new ReportFormatError(source, `"${coverage}" is not one of ${COVERAGES.join(', ')}`, 'coverage');

  // A file without it (a researcher's pasted report) is 'other': the app does not guess a kind.
  const sourceKind = (text('source_kind', false) || 'other') as SourceKind;
  if (!SOURCE_KINDS.includes(sourceKind)) throw new ReportFormatError(source, `"${sourceKind}" is not one of ${SOURCE_KINDS.join(', ')}`, 'source_kind');

  return {
    id,
    region_code: regionCode,
    region_name: text('region_name', true),
    year,
    publisher: text('publisher', false),
    publisher_kind: publisherKind,
    source_kind: sourceKind,
    title: text('title', false),
    url: text('url', false),
    published: text('published', false),
    coverage,
  };
}
