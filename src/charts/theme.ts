/**
 * The charts' colours in one place. The page's CSS (src/app/app.css `:root`) names the same ink,
 * muted and warning colours as custom properties; canvas charts and exported images cannot read
 * CSS variables, so the values are repeated here once, by name.
 */

/** Series colours (Tableau 10): one place per colour in Trends, in a stable order. */
export const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;

/** The researcher's own figures (我的数据): the dashed outline and the tooltip mark. */
export const USER_COLOR = '#7c3aed';
export const USER_TEXT = '#5b21b6';

/** Compare: the focal place, its peers, and their pale forms for a qualified (approximate, derived) bar. */
export const FOCUS_COLOR = '#e15759';
export const PEER_COLOR = '#8fb0d6';
export const PALE: Readonly<Record<string, string>> = { [FOCUS_COLOR]: '#f4b4b5', [PEER_COLOR]: '#d6e3f1' };
/** A peer's dot in the dumbbell chart, and a sparkline's default line. */
export const PEER_DOT = PALETTE[0];

/** Text: headings, body, secondary, hints; notes (warnings) in amber. Same as app.css --ink, --muted. */
export const INK_STRONG = '#111827';
export const INK = '#1f2937';
export const INK_BODY = '#374151';
export const MUTED = '#4b5563';
export const FAINT = '#6b7280';
export const NOTE = '#b45309';
export const NOTE_STRONG = '#92400e';

/** Grid lines; an open (part-year) marker's fill. */
export const GRID = '#eef0f3';
export const PAPER = '#ffffff';
