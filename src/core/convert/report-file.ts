/**
 * A converted report as a contract report file (DATA-CONTRACT.md §1): YAML front matter, then the
 * body unchanged. Beside the contract's keys it keeps where the text came from — the original
 * file's name, size and sha256, the body's sha256, and a PDF's page map (`page_starts`: the body
 * offset each page starts at) — which parseReport ignores and a later stage can read.
 */
import { stringify } from 'yaml';
import type { ReportMeta } from '../types.ts';
import type { ConvertedReport } from './convert-report.ts';

/** An id the contract accepts: the place's pinyin, the year and the start of the text hash (a re-added text gets the same id). */
export function reportIdFor(pinyin: string, year: number, textSha256: string): string {
  const stem = pinyin.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
  return `${stem}-${year}-${textSha256.slice(0, 8)}`;
}

export function reportFileText(meta: ReportMeta, converted: ConvertedReport): string {
  const front: Record<string, unknown> = {
    id: meta.id,
    region_code: meta.region_code,
    region_name: meta.region_name,
    year: meta.year,
    publisher: meta.publisher,
    publisher_kind: meta.publisher_kind,
    title: meta.title,
    url: meta.url,
    published: meta.published,
    coverage: meta.coverage,
    source_file: converted.source.name,
    source_bytes: converted.source.bytes,
    source_sha256: converted.source.sha256,
    source_format: converted.kind,
    text_sha256: converted.textSha256,
  };
  // Quoted strings throughout: a code such as "140223" must stay text, a date must not become a Date.
  const yaml = stringify(front, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  // The page map on one line: a list of numbers, one per page.
  const pages = converted.pageStarts ? `page_starts: [${converted.pageStarts.join(', ')}]\n` : '';
  return `---\n${yaml}${pages}---\n${converted.body}`;
}
