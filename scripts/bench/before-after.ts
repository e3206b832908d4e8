/**
 * The before/after table of `npm run bench -- --baseline <dist>`: the baseline build and the build under
 * test, run alternately in one session (so the machine's load weighs on both), side by side.
 */
import { mb, ms, type BenchReport, type LatencyStats } from './report.ts';

const change = (before: number | null, after: number | null): string => {
  if (before === null || after === null) return '—';
  if (before === 0) return after === 0 ? '=' : '+∞';
  const ratio = after / before;
  return `${ratio < 1 ? '−' : '+'}${Math.abs(Math.round((ratio - 1) * 100))} %`;
};

type Row = [label: string, before: number | null, after: number | null, format: (v: number | null) => string];

const line = ([label, before, after, format]: Row): string => `| ${label} | ${format(before)} | ${format(after)} | ${change(before, after)} |`;

function kindRows(kind: string, b: LatencyStats | undefined, a: LatencyStats | undefined): Row[] {
  return [
    [`${kind} p50`, b?.p50 ?? null, a?.p50 ?? null, ms],
    [`${kind} p95`, b?.p95 ?? null, a?.p95 ?? null, ms],
    [`${kind} fetched, largest step`, b?.fetchedMax ?? null, a?.fetchedMax ?? null, mb],
    [`${kind} longest task`, b?.longestTaskMs ?? null, a?.longestTaskMs ?? null, ms],
  ];
}

export function formatBeforeAfter(before: BenchReport, after: BenchReport): string {
  const m0 = before.medians;
  const m1 = after.medians;
  const rows: Row[] = [
    ['first chart painted', m0.firstChartMs, m1.firstChartMs, ms],
    ['DuckDB ready', m0.duckdbReadyMs, m1.duckdbReadyMs, ms],
    ['dataset loaded', m0.datasetLoadedMs, m1.datasetLoadedMs, ms],
    ['interactions p50', m0.interactionP50Ms, m1.interactionP50Ms, ms],
    ['interactions p95', m0.interactionP95Ms, m1.interactionP95Ms, ms],
    ['fetched during start-up', m0.startupFetchedBytes, m1.startupFetchedBytes, mb],
    ['longest task, start-up', m0.startupLongestTaskMs, m1.startupLongestTaskMs, ms],
    ['longest task, interactions', m0.interactionLongestTaskMs, m1.interactionLongestTaskMs, ms],
  ];
  const kinds = [...new Set([...Object.keys(before.byKind), ...Object.keys(after.byKind)])];
  for (const kind of kinds) rows.push(...kindRows(kind, before.byKind[kind], after.byKind[kind]));
  return [
    `before: ${before.dist}; after: ${after.dist}; ${after.runs} cold runs each, alternating; dataset ${after.dataset}`,
    '',
    '| measure (medians of runs; per kind: all runs pooled) | before | after | change |',
    '| --- | --- | --- | --- |',
    ...rows.map(line),
  ].join('\n');
}
