/**
 * The shape of an extraction rule table. One table per indicator, written as data in rules/*.ts:
 * a researcher reads "after the cue 办结, within 6 characters, a number in 件, in a sentence
 * about 行政复议" straight off the table.
 */
export type Scope = 'clause' | 'sentence' | 'paragraph' | 'title-or-paragraph';

export interface RulePattern {
  /** Unique within the indicator; the dataset's rule_id is `<indicator_id>/<id>`. */
  id: string;
  /** Cue words (a regex alternation such as `办结|审结`). */
  cue: string;
  /** `cue-number`: 办结14件. `number-cue`: 14件行政复议案件. */
  order?: 'cue-number' | 'number-cue';
  /** How many characters may stand between cue and number (no clause break, no digit). Default 6. */
  maxGap?: number;
  /** Words that must not stand between cue and number. */
  gapExcludes?: string;
  /** Let the gap run over one comma (`176件,已全部审结`). */
  crossClause?: boolean;
  /** A listed part of a total (legal aid: 民事 N件, 刑事 M件): summed when no total is printed. */
  role?: 'value' | 'part';
  /** A regex that must occur in the sentence before the number (a narrower topic for this pattern). */
  requires?: string;
  /** The number also counts for this indicator, besides whatever rule wins it (176件,已全部审结: received and closed). */
  shared?: boolean;
}

export interface IndicatorRules {
  indicator: string;
  /** Printed units accepted, mapped to the catalog unit (宗 and 起 are 件 too). First is the catalog's. */
  units: readonly string[];
  /** A regex that must occur in `topicScope`, before the number, for any pattern to count (e.g. 复议). */
  topic?: string;
  /** Default `sentence`. `title-or-paragraph`: the paragraph, or the report's title lines (a bulletin's subject). */
  topicScope?: Scope;
  /** Words in the clause before the number that make it another body's or another thing's figure. */
  excludes?: string;
  /** Words earlier in the paragraph that rule it out (a paragraph about another body's cases). */
  paragraphExcludes?: string;
  /** Words in the sentence before the number that rule it out. */
  sentenceExcludes?: string;
  /**
   * The figure must be the region's, not one department's own: in a department's report a
   * sentence in the first person (我局, 本单位 …) speaks of the department itself.
   */
  regionWide?: boolean;
  /** A publisher whose figures of this kind are its own (a court's docket is not the government's lawsuits). */
  publisherExcludes?: string;
  patterns: readonly RulePattern[];
}
