import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { INDICATORS } from '../../../src/core/catalog/indicators.ts';
import type { PublisherKind, Report } from '../../../src/core/types.ts';

/**
 * The extraction phenomena suite: one YAML file per phenomenon under `phenomena/`, each a list of
 * made-up report texts with the observations and frame rejects the extractor must produce.
 * This module only reads and checks the files; the runner is phenomena.test.ts.
 */
export const PHENOMENA_DIR = fileURLToPath(new URL('./phenomena/', import.meta.url));

/**
 * Frames a reject can carry. A reject names the dimension that kept the figure out, so the values
 * an observation may have (subject:whole, time:year, time:part-year, measure:level) are not reasons.
 */
export const REJECT_FRAMES = [
  'subject:part', 'subject:other-body', 'subject:other-level', 'subject:unclear',
  'time:other-year', 'time:multi-year', 'time:target', 'time:unclear',
  'measure:change', 'measure:share', 'measure:threshold', 'measure:rank', 'measure:unclear',
] as const;

const PUBLISHER_KINDS = ['county-gov', 'city-gov', 'district-gov', 'department', 'other'] as const satisfies readonly PublisherKind[];

/** `year`, a month, a month range, a date range or a quarter (docs/GOLD-GUIDE.md "Period"). */
const PERIOD = /^(year|\d{4}-\d{2}|\d{4}-\d{2}\/\d{4}-\d{2}|\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}|\d{4}-Q[1-4])$/;

const knownIndicatorIds = new Set(INDICATORS.map((indicator) => indicator.indicator_id));
const IndicatorId = z.string().refine((id) => knownIndicatorIds.has(id), { message: 'unknown indicator id (not in src/core/catalog/indicators.ts)' });

const ReportFrontMatter = z.strictObject({
  year: z.number().int(),
  region_name: z.string().min(1).optional(),
  title: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  publisher_kind: z.enum(PUBLISHER_KINDS).optional(),
});

const ObservationExpectation = z.strictObject({
  at: z.string().min(1),
  value: z.number(),
  indicator: IndicatorId,
  year: z.number().int(),
  period: z.string().regex(PERIOD, { message: 'period must be `year` or an ISO part-year period' }),
  approx: z.enum(['exact', 'at_least', 'at_most', 'about']).optional(),
});

const RejectExpectation = z.strictObject({
  at: z.string().min(1),
  value: z.number(),
  reject: z.enum(REJECT_FRAMES),
  indicator: IndicatorId.optional(),
});

const PhenomenonExample = z.strictObject({
  name: z.string().min(1),
  /**
   * Set when the engine does not meet this example yet: why, in a sentence. The runner then
   * expects the example to FAIL (it.fails), so a fix is noticed and the mark removed.
   */
  known_gap: z.string().min(10).optional(),
  report: ReportFrontMatter,
  text: z.string().min(1),
  expect: z.array(z.union([ObservationExpectation, RejectExpectation])).min(1),
});

const PhenomenonFile = z.strictObject({
  case: z.string().min(1),
  about: z.string().min(1),
  examples: z.array(PhenomenonExample).min(3),
});

export type ObservationExpectation = z.infer<typeof ObservationExpectation>;
export type RejectExpectation = z.infer<typeof RejectExpectation>;
export type Expectation = ObservationExpectation | RejectExpectation;
export type PhenomenonExample = z.infer<typeof PhenomenonExample>;
export type Phenomenon = z.infer<typeof PhenomenonFile>;

export const isRejectExpectation = (expectation: Expectation): expectation is RejectExpectation => 'reject' in expectation;

/** One file as read: either the checked phenomenon or the reasons it is not one. */
export type LoadedPhenomenon =
  | { file: string; ok: true; phenomenon: Phenomenon }
  | { file: string; ok: false; problems: string[] };

export function loadPhenomena(dir = PHENOMENA_DIR): LoadedPhenomenon[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => checkPhenomenon(file, readFileSync(join(dir, file), 'utf8')));
}

function checkPhenomenon(file: string, source: string): LoadedPhenomenon {
  let raw: unknown;
  try {
    raw = parse(source);
  } catch (error) {
    return { file, ok: false, problems: [`YAML does not parse: ${(error as Error).message}`] };
  }
  const parsed = PhenomenonFile.safeParse(raw);
  if (!parsed.success) {
    return { file, ok: false, problems: parsed.error.issues.map(describeIssue) };
  }
  const problems: string[] = [];
  const phenomenon = parsed.data;
  if (`${phenomenon.case}.yaml` !== file) problems.push(`case "${phenomenon.case}" does not match the file name`);
  const seen = new Set<string>();
  for (const example of phenomenon.examples) {
    if (seen.has(example.name)) problems.push(`example name "${example.name}" is used twice`);
    seen.add(example.name);
  }
  return problems.length > 0 ? { file, ok: false, problems } : { file, ok: true, phenomenon };
}

/** An issue as a line; a union's issue lists what each branch (observation, reject) found wrong. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.join('.');
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return `${where}: ${issue.message}`;
  const branches = issue.errors.map((branch) => branch.map((inner) => `${inner.path.join('.') || '(entry)'} ${inner.message}`).join(', '));
  return `${where}: neither an observation (${branches[0]}) nor a reject (${branches[1] ?? ''})`;
}

/** The report an example stands for: front-matter defaults as the suite's format fixes them. */
export function exampleReport(phenomenon: Phenomenon, example: PhenomenonExample, index: number): Report {
  const { year } = example.report;
  const regionName = example.report.region_name ?? '某某县';
  return {
    meta: {
      id: `phenomenon-${phenomenon.case}-${index}`,
      region_code: '000000',
      region_name: regionName,
      year,
      publisher: example.report.publisher ?? `${regionName}人民政府`,
      publisher_kind: example.report.publisher_kind ?? 'county-gov',
      title: example.report.title ?? `${regionName}${year}年法治政府建设年度报告`,
      url: '',
      published: '',
      coverage: 'full',
      source_kind: 'other',
    },
    body: example.text,
  };
}
