/**
 * npm run add-report -- <file>... [--out <dir>] [--region-code <code>] [--year <year>]
 *
 * Converts each report as published (PDF, DOCX, a saved web page, TXT) with the same src/core
 * code the browser runs, reads place, year, title and publisher from the document (the flags
 * override what was read) and writes a contract report file into --out (default data/reports/).
 * A file whose place or year cannot be determined is refused with the reason (an ambiguous place
 * lists its candidates); nothing is guessed. `npm run extract` then builds as usual.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConversionError } from '../src/core/convert/conversion-error.ts';
import { convertReport } from '../src/core/convert/convert-report.ts';
import { reportFileText, reportIdFor } from '../src/core/convert/report-file.ts';
import { readReportMetadata } from '../src/core/convert/report-metadata.ts';
import { createRegionLookup, type RegionLookup } from '../src/core/regions/region-lookup.ts';
import type { ReportMeta } from '../src/core/types.ts';
import { nodeConvertPlatform } from './lib/convert-platform-node.ts';
import { loadRegionDirectory } from './lib/regions.ts';

export interface AddReportOptions { out: string; regionCode?: string; year?: number }
export type AddReportOutcome = { file: string; ok: true; written: string; meta: ReportMeta } | { file: string; ok: false; reason: string; duplicateOf?: string };

/** The text hashes of the reports already in `dir`, from their `text_sha256` key. */
function knownHashes(dir: string): Map<string, string> {
  const known = new Map<string, string>();
  if (!existsSync(dir)) return known;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
    const head = readFileSync(join(dir, name), 'utf8').slice(0, 4000);
    const hash = /^text_sha256:\s*"?([0-9a-f]{64})"?/m.exec(head)?.[1];
    if (hash) known.set(hash, name);
  }
  return known;
}

export async function addReport(file: string, lookup: RegionLookup, options: AddReportOptions, known = knownHashes(options.out)): Promise<AddReportOutcome> {
  let converted;
  try {
    converted = await convertReport({ name: basename(file), bytes: new Uint8Array(readFileSync(file)) }, nodeConvertPlatform);
  } catch (error) {
    return { file, ok: false, reason: error instanceof ConversionError ? error.message : `could not be read (${(error as Error).message})` };
  }
  const read = readReportMetadata(converted.body, converted.titleHint, basename(file), lookup);
  const region = options.regionCode ? lookup.byCode(options.regionCode) : read.region;
  if (options.regionCode && !region) return { file, ok: false, reason: `--region-code ${options.regionCode} is not a known GB/T 2260 code` };
  if (!region) {
    const reason = read.candidates.length > 0
      ? `the place is ambiguous: ${read.candidates.slice(0, 8).map((c) => `${c.province_name}${c.prefecture_name ?? ''}${c.region_name} (${c.region_code})`).join(', ')}; pass --region-code`
      : 'no place (GB/T 2260) was found in its title, opening lines or file name; pass --region-code';
    return { file, ok: false, reason };
  }
  const year = options.year ?? read.year;
  if (year === null) return { file, ok: false, reason: 'no report year was found in its title, opening lines or file name; pass --year' };
  const duplicate = known.get(converted.textSha256);
  if (duplicate) return { file, ok: false, reason: `the same text is already stored as ${duplicate}`, duplicateOf: duplicate };
  const id = reportIdFor(region.name_pinyin, year, converted.textSha256);
  const meta: ReportMeta = {
    id, region_code: region.region_code, region_name: region.region_name, year,
    publisher: read.publisher, publisher_kind: read.publisherKind ?? (region.region_name.endsWith('区') ? 'district-gov' : 'county-gov'),
    // The kind of source is the researcher's to state: 'other' until they edit the front matter.
    title: read.title, url: '', published: '', coverage: 'full', source_kind: 'other',
  };
  mkdirSync(options.out, { recursive: true });
  const target = join(options.out, `${id}.txt`);
  // Written beside and renamed into place: a half-written report never exists.
  writeFileSync(`${target}.tmp`, reportFileText(meta, converted));
  renameSync(`${target}.tmp`, target);
  known.set(converted.textSha256, `${id}.txt`);
  return { file, ok: true, written: target, meta };
}

export function regionLookupFromPackage(): RegionLookup {
  const directory = loadRegionDirectory();
  return createRegionLookup(directory.codes().map((code) => directory.lookup(code)!));
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string', default: 'data/reports' }, 'region-code': { type: 'string' }, year: { type: 'string' } },
  });
  if (positionals.length === 0) {
    console.error('usage: npm run add-report -- <file>... [--out <dir>] [--region-code <code>] [--year <year>]');
    process.exit(2);
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 1990 && year <= 2100)) {
    console.error(`--year ${values.year}: not a year between 1990 and 2100`);
    process.exit(2);
  }
  const lookup = regionLookupFromPackage();
  const options: AddReportOptions = { out: values.out!, regionCode: values['region-code'], year };
  const known = knownHashes(options.out);
  let failed = 0;
  for (const file of positionals) {
    const started = performance.now();
    const outcome = await addReport(file, lookup, options, known);
    const ms = Math.round(performance.now() - started);
    if (outcome.ok) console.log(`${file} → ${outcome.written} (${outcome.meta.region_name} ${outcome.meta.region_code}, ${outcome.meta.year}; ${ms} ms)`);
    else if (outcome.duplicateOf) console.log(`${file}: skipped: ${outcome.reason}`);
    else { failed += 1; console.error(`${file}: refused: ${outcome.reason}`); }
  }
  console.log(`${positionals.length - failed} of ${positionals.length} added to ${options.out}`);
  if (failed > 0) process.exit(1);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) await main();
