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
  /** Let the gap run over one comma (`176件,已全部审结`). */
  crossClause?: boolean;
  /** A listed part of a total (legal aid: 民事 N件, 刑事 M件): summed when no total is printed. */
  role?: 'value' | 'part';
  /** A regex that must occur in the sentence before the number (a narrower topic for this pattern). */
  requires?: string;
  /** The number also counts for this indicator, besides whatever rule wins it (176件,已全部审结: received and closed). */
  shared?: boolean;
}

/**
 * Words that make a figure another concept's, not this one's (a different count, not a frame:
 * whose, when and what kind of quantity are judged for every indicator in frame/). Each carries
 * its reason and an example sentence that tests/core/extract/concept-exclusions.test.ts runs.
 */
export interface ConceptExclusion {
  /** `lead`: between the cue and the number; `clause` / `sentence`: that much text before the number. */
  where: 'lead' | 'clause' | 'sentence';
  words: string;
  why: string;
  /** A sentence in which these words keep the figure out of this indicator. */
  example: string;
}

export interface IndicatorRules {
  indicator: string;
  /** Printed units accepted, mapped to the catalog unit (宗 and 起 are 件 too). First is the catalog's. */
  units: readonly string[];
  /** A regex that must occur in `topicScope`, before the number, for any pattern to count (e.g. 复议). */
  topic?: string;
  /** Default `sentence`. `title-or-paragraph`: the paragraph, or the report's title lines (a bulletin's subject). */
  topicScope?: Scope;
  /**
   * The figure must be the region's, not one department's own: in a department's report a
   * sentence in the first person (我局, 本单位 …) speaks of the department itself.
   */
  regionWide?: boolean;
  /** What this concept is not (see ConceptExclusion). Keep these few: frame/ judges the rest. */
  notThisConcept?: readonly ConceptExclusion[];
  patterns: readonly RulePattern[];
}
