/**
 * Suggests the catalog indicator a column header (wide format) or an indicator cell (long format)
 * names: `调解成功率(%)`, `Mediation success rate`, `mediation.success_rate` → mediation.success_rate.
 * A suggestion only: the user confirms or changes it in the mapping step.
 */
import { INDICATORS, type Indicator } from '../catalog/indicators.ts';

/** A header's unit in brackets at its end: `(%)`, `（件）`, `[人次]`. */
const UNIT_IN_BRACKETS = /[(（[【]\s*([^()（）[\]【】]{1,6})\s*[)）\]】]\s*$/;

export function headerUnit(header: string): string | null {
  return UNIT_IN_BRACKETS.exec(header.normalize('NFKC'))?.[1]?.trim() ?? null;
}

/** Lower case, brackets with a unit removed, punctuation and spaces gone. */
export function normaliseLabel(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(UNIT_IN_BRACKETS, '').replace(/[\s()（）[\]【】"“”'’_\-.,:;/·、]+/g, '');
}

const words = (text: string): string[] => text.normalize('NFKC').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);

function bigrams(text: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i < text.length - 1; i += 1) set.add(text.slice(i, i + 2));
  return set;
}

function dice<T>(a: Set<T>, b: Set<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** How well a label names an indicator, 0–1. */
function score(label: string, indicator: Indicator): number {
  const raw = label.normalize('NFKC').trim().toLowerCase();
  if (raw === indicator.indicator_id) return 1;
  const key = normaliseLabel(label);
  if (key === '') return 0;
  let best = 0;
  for (const name of [indicator.name_zh, indicator.name_en, indicator.indicator_id]) {
    const target = normaliseLabel(name);
    if (key === target) return 0.99;
    // One inside the other (调解成功率 in 人民调解成功率): the closer the lengths, the better.
    if (key.length >= 3 && (target.includes(key) || key.includes(target))) {
      best = Math.max(best, 0.6 + 0.35 * (Math.min(key.length, target.length) / Math.max(key.length, target.length)));
    }
  }
  const zh = dice(bigrams(key), bigrams(normaliseLabel(indicator.name_zh)));
  const en = dice(new Set(words(label)), new Set([...words(indicator.name_en), ...words(indicator.indicator_id)]));
  best = Math.max(best, zh * 0.85, en * 0.85);
  // A unit in the header that contradicts the indicator's (件 for a rate) lowers the match.
  const unit = headerUnit(label);
  if (unit && best > 0) best += unit === indicator.unit ? 0.02 : -0.2;
  return best;
}

export interface IndicatorSuggestion {
  indicatorId: string;
  score: number;
}

/** The best-matching indicator when it matches well enough (≥ 0.55), else null. */
export function suggestIndicator(label: string, minScore = 0.55): IndicatorSuggestion | null {
  let best: IndicatorSuggestion | null = null;
  for (const indicator of INDICATORS) {
    const s = score(label, indicator);
    if (s >= minScore && (!best || s > best.score)) best = { indicatorId: indicator.indicator_id, score: s };
  }
  return best;
}
