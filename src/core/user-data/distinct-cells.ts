/**
 * The distinct cells of one column that are not catalog indicator ids, most frequent first: what
 * the mapping step lists for the user to map (long format), so an indicator cell is imported only
 * when it is an id or the user has said which indicator it means.
 */
import { INDICATORS } from '../catalog/indicators.ts';
import { isBlankCell } from './read-cell-number.ts';

const IDS = new Set(INDICATORS.map((i) => i.indicator_id));

export function distinctIndicatorCells(rows: ReadonlyArray<readonly string[]>, column: number, limit: number):
  { cells: Array<{ text: string; rows: number }>; more: number } {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const text = (row[column] ?? '').trim();
    if (IDS.has(text) || isBlankCell(text)) continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([text, n]) => ({ text, rows: n }));
  return { cells: sorted.slice(0, limit), more: Math.max(0, sorted.length - limit) };
}
