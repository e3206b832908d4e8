/**
 * The values a report import leaves out: those the reader dropped in the preview, and every derived
 * value computed from one of them. A rate derived from a count the reader judged wrong is wrong too,
 * so it cannot be kept while its input is dropped (it comes back when the input is kept again).
 * One definition for the preview, the counts and the save (`buildReportDataset`).
 */
import type { Observation } from '../types.ts';

type Figure = Pick<Observation, 'indicator_id' | 'span_start' | 'span_end' | 'value_kind' | 'inputs'>;

const figureKey = (indicatorId: string, start: number, end: number) => `${indicatorId}|${start}|${end}`;

/** Every index left out (the dropped ones and their dependents, to any depth). */
export function droppedWithDependents(observations: readonly Figure[], dropped: ReadonlySet<number>): ReadonlySet<number> {
  const out = new Set(dropped);
  let grew = out.size > 0;
  while (grew) { // a derived value may itself be an input of another: repeat until nothing is added
    grew = false;
    const droppedFigures = new Set([...out].map((i) => observations[i]).filter((o) => o !== undefined).map((o) => figureKey(o.indicator_id, o.span_start, o.span_end)));
    observations.forEach((o, index) => {
      if (out.has(index) || o.value_kind !== 'derived') return;
      if (o.inputs.some((input) => droppedFigures.has(figureKey(input.indicator_id, input.span_start, input.span_end)))) {
        out.add(index);
        grew = true;
      }
    });
  }
  return out;
}

/** How many values a save keeps: the ones neither dropped nor derived from a dropped one. */
export const keptCount = (observations: readonly Figure[], dropped: ReadonlySet<number>): number =>
  observations.length - droppedWithDependents(observations, dropped).size;
