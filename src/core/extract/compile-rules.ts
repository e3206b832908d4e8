import { CHINESE_NUMERAL_CHARS } from '../numbers/chinese-numerals.ts';
import { NUMBER_SOURCE } from '../numbers/parse-quantity.ts';
import type { IndicatorRules, RulePattern } from './rule-types.ts';

/** A rule pattern turned into one regex, with everything the engine needs beside it. */
export interface CompiledPattern {
  table: IndicatorRules;
  pattern: RulePattern;
  ruleId: string;
  regex: RegExp;
  /** The cue alone: a sentence without it cannot match, so the full regex is not run (most sentences). */
  cueTest: RegExp;
  /** Number + unit alone, sticky: reads a figure at a known place (a respective list's i-th number). */
  figureAt: RegExp;
  /** The topic or cue words: a category named by them (在行政复议方面) is the topic, not a part of it. */
  conceptWords: RegExp;
  /** The table's topic alone (null when it has none): a sentence with it may hold this concept's ranks and shares. */
  topicTest: RegExp | null;
  /** The table's concept exclusions, compiled once (they are tested for every candidate). */
  exclusionTests: readonly RegExp[];
  /** The pattern's narrower topic, compiled once. */
  requiresTest: RegExp | null;
  priority: number;
}

/** Characters a gap between cue and number may hold: no clause break, no digit. */
const GAP_CHAR = '[^，,。；;！？!?：:、|\\n\\d%]';
const GAP_CHAR_CROSSING = '[^。；;！？!?：:|\\n\\d%]';

const escapeUnits = (units: readonly string[]) =>
  [...units].sort((a, b) => b.length - a.length).map((unit) => unit.replace(/[%]/g, '\\$&')).join('|');

export function compilePattern(table: IndicatorRules, pattern: RulePattern, priority: number): CompiledPattern {
  const percent = table.units[0] === '%';
  // 百分之九十 carries its own percent sign: a rate is either followed by % or spelled 百分之….
  const unit = percent ? `(?:(?<unit>%)|(?<=百分之[${CHINESE_NUMERAL_CHARS}点\\d.]+))` : `(?<unit>${escapeUnits(table.units)})`;
  const gap = `(?<gap>${pattern.crossClause ? GAP_CHAR_CROSSING : GAP_CHAR}{0,${pattern.maxGap ?? 6}}?)`;
  const after = '(?<after>以上|左右)?';
  const source = pattern.order === 'number-cue'
    ? `${NUMBER_SOURCE}${unit}${after}${gap}(?<cue>${pattern.cue})`
    : `(?<cue>${pattern.cue})${gap}${NUMBER_SOURCE}${unit}${after}`;
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'g');
  } catch (error) {
    throw new Error(`Rule ${table.indicator}/${pattern.id} does not compile: ${(error as Error).message}`, { cause: error });
  }
  const figureAt = new RegExp(`${NUMBER_SOURCE}${unit}${after}`, 'y');
  return { table, pattern, ruleId: `${table.indicator}/${pattern.id}`, regex, cueTest: new RegExp(pattern.cue), figureAt,
    conceptWords: new RegExp([table.topic, pattern.cue].filter(Boolean).join('|')), topicTest: table.topic ? new RegExp(table.topic) : null,
    exclusionTests: (table.notThisConcept ?? []).map((e) => new RegExp(e.words)), requiresTest: pattern.requires ? new RegExp(pattern.requires) : null, priority };
}

export function compileRules(tables: readonly IndicatorRules[]): CompiledPattern[] {
  const compiled: CompiledPattern[] = [];
  const seen = new Set<string>();
  for (const table of tables) {
    for (const pattern of table.patterns) {
      const result = compilePattern(table, pattern, compiled.length);
      if (seen.has(result.ruleId)) throw new Error(`Duplicate rule id ${result.ruleId}`);
      seen.add(result.ruleId);
      compiled.push(result);
    }
  }
  return compiled;
}
