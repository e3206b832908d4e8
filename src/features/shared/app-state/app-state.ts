import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { PEER_LEVELS } from '../../../db/queries/peers.ts';

/**
 * The whole view state lives in the URL (one serialisable object, encoded by nuqs), so a link
 * restores the view and back/forward step through the reader's choices.
 * Defaults are not written to the URL; a view resolves missing values against the data.
 */
export const VIEWS = ['trends', 'compare', 'profile', 'coverage', 'data', 'import', 'about'] as const;
export type View = (typeof VIEWS)[number];

/** Peer groups for comparisons, as data: same prefecture, same province, all, or the reader's own list. */
export const PEER_GROUPS = ['prefecture', 'province', 'all', 'custom'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

export const LANGS = ['zh', 'en'] as const;

export const SCALES = ['linear', 'log'] as const;
export type Scale = (typeof SCALES)[number];

export const appStateParsers = {
  view: parseAsStringLiteral(VIEWS).withDefault('trends'),
  lang: parseAsStringLiteral(LANGS).withDefault('zh'),
  /** The indicator charted (Trends, Compare, Coverage filter, Data filter). */
  indicator: parseAsString,
  /** Places drawn in Trends; the custom peer list in Compare. GB/T 2260 codes. */
  regions: parseAsArrayOf(parseAsString),
  /** The focal place of Compare and Profile. */
  focus: parseAsString,
  peers: parseAsStringLiteral(PEER_GROUPS).withDefault('all'),
  /** The year compared; `from` is the earlier year of the two-year (dumbbell) view. */
  year: parseAsInteger,
  from: parseAsInteger,
  /**
   * Year tolerance of Compare and Profile: each peer's whole-year figure nearest `year`
   * within ±tol years (0–3; absent: 1, see year-tolerance.ts).
   */
  tol: parseAsInteger,
  /** The administrative tier peers are limited to; absent: the focal place's own tier. */
  level: parseAsStringLiteral(PEER_LEVELS),
  /** Compare's bar axis for counts: 'log' or linear (absent). */
  scale: parseAsStringLiteral(SCALES),
  /**
   * The observation shown in the source panel (any view): a copied link reopens the same quote. Views
   * clear it when what they show changes so that it no longer belongs (another indicator, place or year).
   */
  obs: parseAsString,
} as const;

export type AppState = { [K in keyof typeof appStateParsers]: ReturnType<(typeof appStateParsers)[K]['parseServerSide']> };

/** Every change is a history entry (back/forward restore it); nuqs batches updates made together. */
export function useAppState() {
  return useQueryStates(appStateParsers, { history: 'push' });
}
