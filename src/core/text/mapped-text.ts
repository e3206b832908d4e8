/**
 * Text that remembers where each character came from: `origin[i]` is the offset in the report
 * body of `text[i]`. Normalisation rewrites text for matching, and every span found in the
 * rewritten text maps back to the body exactly, so quotes and spans stay verbatim.
 */
export interface MappedText {
  readonly text: string;
  readonly origin: Int32Array;
}

export function identityMapped(text: string, offset = 0): MappedText {
  const origin = new Int32Array(text.length);
  for (let i = 0; i < text.length; i += 1) origin[i] = offset + i;
  return { text, origin };
}

/** Replaces every match of `pattern` (global) with `replace(match)`; a same-length replacement keeps the per-character map. */
export function rewrite(input: MappedText, pattern: RegExp, replace: (match: RegExpExecArray) => string): MappedText {
  if (!pattern.global) throw new Error('rewrite() needs a global pattern');
  pattern.lastIndex = 0;
  const parts: string[] = [];
  const origins: number[] = [];
  let cursor = 0;
  let changed = false;
  for (let match = pattern.exec(input.text); match; match = pattern.exec(input.text)) {
    if (match[0].length === 0) { pattern.lastIndex += 1; continue; }
    const replacement = replace(match);
    if (replacement === match[0]) continue;
    changed = true;
    copy(input, cursor, match.index, parts, origins);
    for (let i = 0; i < replacement.length; i += 1) {
      // Same length: character i came from match character i. Shorter: from the matched
      // character it keeps (see keepOrigins); otherwise from the match's first character.
      const sourceIndex = replacement.length === match[0].length ? match.index + i : match.index + Math.min(i, match[0].length - 1);
      parts.push(replacement[i]!);
      origins.push(input.origin[sourceIndex]!);
    }
    cursor = match.index + match[0].length;
  }
  if (!changed) return input;
  copy(input, cursor, input.text.length, parts, origins);
  return { text: parts.join(''), origin: Int32Array.from(origins) };
}

/** Deletes the characters of each match that `keep` does not retain (by index within the match). */
export function deleteWithin(input: MappedText, pattern: RegExp, keep: (match: RegExpExecArray) => boolean[]): MappedText {
  if (!pattern.global) throw new Error('deleteWithin() needs a global pattern');
  pattern.lastIndex = 0;
  const drop = new Uint8Array(input.text.length);
  let any = false;
  for (let match = pattern.exec(input.text); match; match = pattern.exec(input.text)) {
    if (match[0].length === 0) { pattern.lastIndex += 1; continue; }
    const mask = keep(match);
    for (let i = 0; i < match[0].length; i += 1) {
      if (!mask[i]) { drop[match.index + i] = 1; any = true; }
    }
  }
  if (!any) return input;
  const parts: string[] = [];
  const origins: number[] = [];
  for (let i = 0; i < input.text.length; i += 1) {
    if (drop[i]) continue;
    parts.push(input.text[i]!);
    origins.push(input.origin[i]!);
  }
  return { text: parts.join(''), origin: Int32Array.from(origins) };
}

/** Maps a [start, end) range of the mapped text back to the body. */
export function toBodySpan(mapped: MappedText, start: number, end: number): [number, number] {
  if (end <= start) throw new Error(`empty span ${start}-${end}`);
  return [mapped.origin[start]!, mapped.origin[end - 1]! + 1];
}

export function sliceMapped(mapped: MappedText, start: number, end: number): MappedText {
  return { text: mapped.text.slice(start, end), origin: mapped.origin.subarray(start, end) };
}

function copy(input: MappedText, from: number, to: number, parts: string[], origins: number[]): void {
  if (to <= from) return;
  parts.push(input.text.slice(from, to));
  for (let i = from; i < to; i += 1) origins.push(input.origin[i]!);
}

/** Joins pieces of mapped text; literal strings take the origin of the piece before them (or `fallback`). */
export function concatMapped(pieces: ReadonlyArray<MappedText | string>, fallback: number): MappedText {
  const parts: string[] = [];
  const origins: number[] = [];
  let last = fallback;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      parts.push(piece);
      for (let i = 0; i < piece.length; i += 1) origins.push(last);
      continue;
    }
    parts.push(piece.text);
    for (const origin of piece.origin) origins.push(origin);
    if (piece.origin.length > 0) last = piece.origin[piece.origin.length - 1]!;
  }
  return { text: parts.join(''), origin: Int32Array.from(origins) };
}
