/**
 * The charts' colours in one place. The page's CSS (src/app/app.css `:root`) names the same ink,
 * muted and warning colours as custom properties; canvas charts and exported images cannot read
 * CSS variables, so the values are repeated here once, by name.
 */

/**
 * Place colours (`placeColors`): Tableau 10's hues, the light ones darkened so that every colour has a
 * contrast of at least 3:1 on white (WCAG 1.4.11, graphics): blue 4.6, orange 3.9, red 3.7, teal 4.2,
 * green 3.7, olive 3.6, mauve 3.4, pink 3.9, brown 4.1, grey 4.3 (checked in tests/charts/theme.test.ts).
 */
export const PALETTE = ['#4e79a7', '#c9660a', '#e15759', '#3b8883', '#4e9444', '#a3840a', '#b07aa1', '#d4547e', '#9c755f', '#7f7875'] as const;

/** A colour mixed with white (`share` of the colour kept): the pale fill of an approximate or derived bar, an earlier year's dot. */
export function paleOf(hex: string, share = 0.45): string {
  const channel = (i: number) => Math.round(255 - (255 - parseInt(hex.slice(i, i + 2), 16)) * share).toString(16).padStart(2, '0');
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}

/** WCAG contrast ratio of a colour on white. */
export function contrastOnWhite(hex: string): number {
  const linear = (i: number) => { const c = parseInt(hex.slice(i, i + 2), 16) / 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5);
  return 1.05 / (luminance + 0.05);
}

/** The researcher's own figures (我的数据): the dashed outline and the tooltip mark. */
export const USER_COLOR = '#7c3aed';
/** How a mark holding the researcher's own figure is outlined, in every chart and its key (spread into `itemStyle`). */
export const USER_OUTLINE = { borderColor: USER_COLOR, borderWidth: 2, borderType: 'dashed' } as const;
export const USER_TEXT = '#5b21b6';

/** The focal place's outline in Compare (its fill is its own place colour, as everywhere). */
export const FOCUS_OUTLINE = '#111827';
/** A sparkline's line when no place colour is given. */
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
