/**
 * One colour per place across every chart: a place's palette slot comes from its code alone (a hash),
 * so 通州区 is the same colour whatever else is drawn and in whichever view. Ten colours cannot give
 * every place its own, so within one chart a place whose slot is taken by a place listed before it
 * takes the next free slot: colours stay distinct while at most ten places are drawn, and change only
 * for a place that collides.
 */
import { PALETTE } from './theme.ts';

/** The place's own palette slot: FNV-1a of its code, modulo the palette's length. */
export function placeSlot(code: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i += 1) {
    hash ^= code.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % PALETTE.length;
}

/** The colour of each place of one chart, in the order given (earlier places keep their own slot on a collision). */
export function placeColors(codes: readonly string[]): Map<string, string> {
  const taken = new Set<number>();
  const colours = new Map<string, string>();
  for (const code of codes) {
    if (colours.has(code)) continue;
    let slot = placeSlot(code);
    // Past ten places every slot is taken: repeat the place's own colour rather than probe forever.
    for (let step = 0; step < PALETTE.length && taken.has(slot); step += 1) slot = (slot + 1) % PALETTE.length;
    taken.add(slot);
    colours.set(code, PALETTE[slot]!);
  }
  return colours;
}

/**
 * Compare's colours: the focal place first (so it always keeps its own colour), then the others in
 * rank order. Past ten places colours repeat; the focal place is told apart by its outline and bold name.
 */
export function comparePlaceColors(codes: readonly string[], focus: string): Map<string, string> {
  return placeColors(focus ? [focus, ...codes] : codes);
}
