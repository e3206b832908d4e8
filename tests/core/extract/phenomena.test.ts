import { describe, expect, it } from 'vitest';
import { extractReport } from '../../../src/core/extract/extract-report.ts';
import type { Observation, Reject } from '../../../src/core/types.ts';
import {
  exampleReport, isRejectExpectation, loadPhenomena,
  type Expectation, type ObservationExpectation, type Phenomenon, type PhenomenonExample, type RejectExpectation,
} from './phenomena-cases.ts';

/**
 * The extraction phenomena suite: the specification the frame engine must meet.
 * Each example is one test named `<case> › <name>`, so a failure names the phenomenon.
 * Written from the specification, not from the engine: many examples are expected to fail until
 * the engine decides frames (rejects carry `frame` = "<dimension>:<value>").
 */

/** A reject as the frame engine will emit it; today's `Reject` has no `frame` yet. */
type FramedReject = Reject & { frame?: unknown };

interface Occurrence { start: number; end: number }

const loaded = loadPhenomena();

/** Where `at` stands in the body; fails unless it occurs exactly once. */
function locate(body: string, at: string): Occurrence {
  const start = body.indexOf(at);
  expect(start, `"${at}" is not in the example text`).toBeGreaterThanOrEqual(0);
  expect(body.indexOf(at, start + 1), `"${at}" occurs more than once in the example text`).toBe(-1);
  return { start, end: start + at.length };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The value as it may be printed: plain digits, or digits with thousands separators. */
function printedForms(value: number): string[] {
  const plain = String(value);
  const [whole = plain, fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === undefined ? '' : `.${fraction}`);
  return grouped === plain ? [plain] : [plain, grouped];
}

/** Fails unless `value` is printed inside `at` as a whole number (not a piece of a longer one). */
function expectValuePrinted(at: string, value: number): void {
  const printed = printedForms(value).some((form) =>
    new RegExp(`(?<![\\d.,])${escapeRegExp(form)}(?![\\d]|[.,]\\d)`).test(at));
  expect(printed, `value ${value} is not printed inside "${at}"`).toBe(true);
}

const inside = (item: { span_start: number; span_end: number }, occurrence: Occurrence) =>
  item.span_start >= occurrence.start && item.span_end <= occurrence.end;

const describeObservation = (o: Observation) =>
  `${o.indicator_id}=${o.value} year ${o.year} period ${o.period} approx ${o.approx} [${o.span_start},${o.span_end})`;
const describeReject = (r: FramedReject) =>
  `${r.indicator_id || '(no indicator)'} frame ${String(r.frame)} rule ${r.rule_id} "${r.text}" [${r.span_start},${r.span_end})`;

/** What the engine produced inside `at`, for a failure message that shows the actual outcome. */
function seenInside(occurrence: Occurrence, observations: Observation[], rejects: FramedReject[]): string {
  const seenObservations = observations.filter((o) => inside(o, occurrence)).map(describeObservation);
  const seenRejects = rejects.filter((r) => inside(r, occurrence)).map(describeReject);
  return `observations there: ${seenObservations.join('; ') || 'none'} | rejects there: ${seenRejects.join('; ') || 'none'}`;
}

function checkObservation(expected: ObservationExpectation, occurrence: Occurrence, observations: Observation[], rejects: FramedReject[]): void {
  const context = `"${expected.at}" → ${expected.indicator}=${expected.value} year ${expected.year} period ${expected.period}; ${seenInside(occurrence, observations, rejects)}`;
  const sameSlot = observations.filter((o) => o.indicator_id === expected.indicator && o.year === expected.year
    && o.period === expected.period && inside(o, occurrence));
  const matching = sameSlot.filter((o) => o.value !== null && Math.abs(o.value - expected.value) <= 0.001);
  expect(matching.length, `expected exactly one observation: ${context}`).toBe(1);
  if (expected.approx !== undefined) expect(matching[0]?.approx, `approx: ${context}`).toBe(expected.approx);
  const conflicting = sameSlot.filter((o) => !matching.includes(o));
  expect(conflicting.map(describeObservation), `another value for the same indicator, year and period: ${context}`).toEqual([]);
}

function checkReject(expected: RejectExpectation, occurrence: Occurrence, observations: Observation[], rejects: FramedReject[]): void {
  const context = `"${expected.at}" → reject ${expected.reject}${expected.indicator ? ` (${expected.indicator})` : ''}; ${seenInside(occurrence, observations, rejects)}`;
  // A derived value (the prior year worked back from 较上年增加15件, with its formula) points at the
  // change it was computed from: that is the earlier year's level, not the change read as a level.
  const observedThere = observations.filter((o) => inside(o, occurrence) && o.value_kind === 'reported');
  expect(observedThere.map(describeObservation), `no observation may come from here: ${context}`).toEqual([]);
  const framed = rejects.filter((r) => inside(r, occurrence) && r.frame === expected.reject
    && (expected.indicator === undefined || r.indicator_id === expected.indicator));
  expect(framed.length, `expected a reject with that frame: ${context}`).toBeGreaterThanOrEqual(1);
}

function checkExpectation(body: string, expected: Expectation, observations: Observation[], rejects: FramedReject[]): void {
  const occurrence = locate(body, expected.at);
  expectValuePrinted(expected.at, expected.value);
  if (isRejectExpectation(expected)) checkReject(expected, occurrence, observations, rejects);
  else checkObservation(expected, occurrence, observations, rejects);
}

function runExample(phenomenon: Phenomenon, example: PhenomenonExample, index: number): void {
  const report = exampleReport(phenomenon, example, index);
  const { observations, rejects } = extractReport(report);
  const problems: string[] = [];
  // Every expectation is checked, so one failure message lists all the example's misses.
  for (const expected of example.expect) {
    try {
      checkExpectation(report.body, expected, observations, rejects as FramedReject[]);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
}

describe('extraction phenomena', () => {
  it('every phenomenon file parses, has at least 3 examples and uses known frames and indicators', () => {
    expect(loaded.length).toBeGreaterThan(0);
    const problems = loaded.flatMap((entry) => entry.ok ? [] : entry.problems.map((problem) => `${entry.file}: ${problem}`));
    expect(problems).toEqual([]);
  });

  for (const entry of loaded) {
    if (!entry.ok) continue;
    const { phenomenon } = entry;
    phenomenon.examples.forEach((example, index) => {
      // A known gap must still fail: it.fails turns red the day the engine meets it, so the mark is removed then.
      (example.known_gap ? it.fails : it)(`${phenomenon.case} › ${example.name}`, () => runExample(phenomenon, example, index));
    });
  }
});
