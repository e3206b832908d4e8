/**
 * The frame of a printed number: whose figure it is, for which time, and what kind of quantity.
 * Every candidate gets one, decided by the shared cues in frame-cues.ts (not by per-indicator
 * word lists). Only a figure of the whole place, for the report's year (or a stated part of it,
 * or another named past year), measured as a level, becomes an observation; every other frame
 * goes to `rejects` with the frame as the reason.
 */
export type Subject = 'whole' | 'part' | 'other-body' | 'other-level' | 'unclear';
export type Time = 'year' | 'part-year' | 'other-year' | 'multi-year' | 'target' | 'unclear';
export type Measure = 'level' | 'change' | 'share' | 'threshold' | 'rank' | 'unclear';
export type Dimension = 'subject' | 'time' | 'measure';

export const FRAME_VALUES = {
  subject: ['whole', 'part', 'other-body', 'other-level', 'unclear'],
  time: ['year', 'part-year', 'other-year', 'multi-year', 'target', 'unclear'],
  measure: ['level', 'change', 'share', 'threshold', 'rank', 'unclear'],
} as const satisfies Record<Dimension, readonly string[]>;

/** Why a dimension took its value: the cue that fired and the words it matched. */
export interface FrameWhy {
  dimension: Dimension;
  /** The id of the frame cue (frame-cues.ts) or concept exclusion that decided it. */
  cue: string;
  /** The words in the text that fired it. */
  matched: string;
}

/** A figure's frame. `year` and `period` are the time it refers to when the time is usable. */
export interface Frame {
  subject: Subject;
  time: Time;
  measure: Measure;
  year: number;
  period: string;
  /** The cue that decided the first dimension that is not the observable one; null when observable. */
  why: FrameWhy | null;
}

/** The frame value a reject row carries: `<dimension>:<value>`, e.g. `time:multi-year`. */
export type FrameLabel = `${Dimension}:${string}`;

export const OBSERVABLE = { subject: 'whole', measure: 'level' } as const;

/** A frame that may become an observation: the whole place, a usable time, a level. */
export function isObservable(frame: Frame): boolean {
  return frame.subject === 'whole' && frame.measure === 'level'
    && (frame.time === 'year' || frame.time === 'part-year' || frame.time === 'other-year');
}

/**
 * The dimension that keeps a frame from being an observation, as `<dimension>:<value>`. The most
 * local judgement is named first: the words beside the number (measure), then the clause's
 * subject, then the time, which may come from as far away as the section heading.
 */
export function frameLabel(frame: Frame): FrameLabel | '' {
  if (frame.measure !== 'level') return `measure:${frame.measure}`;
  if (frame.subject !== 'whole') return `subject:${frame.subject}`;
  if (frame.time !== 'year' && frame.time !== 'part-year' && frame.time !== 'other-year') return `time:${frame.time}`;
  return '';
}
