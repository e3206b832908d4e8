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
  // Kept stretches of the input and replacements, in order; assembled once at the end.
  const pieces: Array<{ from: number; to: number; replacement?: string; matchLength?: number }> = [];
  let cursor = 0;
  let length = 0;
  for (let match = pattern.exec(input.text); match; match = pattern.exec(input.text)) {
    if (match[0].length === 0) { pattern.lastIndex += 1; continue; }
    const replacement = replace(match);
    if (replacement === match[0]) continue;
    if (match.index > cursor) { pieces.push({ from: cursor, to: match.index }); length += match.index - cursor; }
    pieces.push({ from: match.index, to: match.index + match[0].length, replacement, matchLength: match[0].length });
    length += replacement.length;
    cursor = match.index + match[0].length;
  }
  if (pieces.length === 0) return input;
  if (input.text.length > cursor) { pieces.push({ from: cursor, to: input.text.length }); length += input.text.length - cursor; }
  const parts: string[] = [];
  const origin = new Int32Array(length);
  let at = 0;
  for (const piece of pieces) {
    if (piece.replacement === undefined) {
      parts.push(input.text.slice(piece.from, piece.to));
      origin.set(input.origin.subarray(piece.from, piece.to), at);
      at += piece.to - piece.from;
      continue;
    }
    parts.push(piece.replacement);
    for (let i = 0; i < piece.replacement.length; i += 1) {
      // Same length: character i came from match character i. Shorter: from the matched
      // character it keeps (see keepOrigins); otherwise from the match's first character.
      const offset = piece.replacement.length === piece.matchLength ? i : Math.min(i, piece.matchLength! - 1);
      origin[at] = input.origin[piece.from + offset]!;
      at += 1;
    }
  }
  return { text: parts.join(''), origin };
}

/** Deletes the characters of each match that `keep` does not retain (by index within the match). */
export function deleteWithin(input: MappedText, pattern: RegExp, keep: (match: RegExpExecArray) => boolean[]): MappedText {
  if (!pattern.global) throw new Error('deleteWithin() needs a global pattern');
  pattern.lastIndex = 0;
  // Deleted ranges [start, end), in order and disjoint (matches do not overlap).
  const dropped: number[] = [];
  let droppedLength = 0;
  for (let match = pattern.exec(input.text); match; match = pattern.exec(input.text)) {
    if (match[0].length === 0) { pattern.lastIndex += 1; continue; }
    const mask = keep(match);
    for (let i = 0; i < match[0].length; i += 1) {
      if (mask[i]) continue;
      const position = match.index + i;
      if (dropped.length > 0 && dropped[dropped.length - 1] === position) dropped[dropped.length - 1] = position + 1;
      else dropped.push(position, position + 1);
      droppedLength += 1;
    }
  }
  if (droppedLength === 0) return input;
  const parts: string[] = [];
  const origin = new Int32Array(input.text.length - droppedLength);
  let cursor = 0;
  let at = 0;
  const keepStretch = (from: number, to: number) => {
    if (to <= from) return;
    parts.push(input.text.slice(from, to));
    origin.set(input.origin.subarray(from, to), at);
    at += to - from;
  };
  for (let i = 0; i < dropped.length; i += 2) {
    keepStretch(cursor, dropped[i]!);
    cursor = dropped[i + 1]!;
  }
  keepStretch(cursor, input.text.length);
  return { text: parts.join(''), origin };
}

/** Maps a [start, end) range of the mapped text back to the body. */
export function toBodySpan(mapped: MappedText, start: number, end: number): [number, number] {
  if (end <= start) throw new Error(`empty span ${start}-${end}`);
  return [mapped.origin[start]!, mapped.origin[end - 1]! + 1];
}

export function sliceMapped(mapped: MappedText, start: number, end: number): MappedText {
  return { text: mapped.text.slice(start, end), origin: mapped.origin.subarray(start, end) };
}

/** Joins pieces of mapped text; literal strings take the origin of the piece before them (or `fallback`). */
export function concatMapped(pieces: ReadonlyArray<MappedText | string>, fallback: number): MappedText {
  const parts: string[] = [];
  let length = 0;
  for (const piece of pieces) length += typeof piece === 'string' ? piece.length : piece.text.length;
  const origin = new Int32Array(length);
  let at = 0;
  let last = fallback;
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      parts.push(piece);
      origin.fill(last, at, at + piece.length);
      at += piece.length;
      continue;
    }
    parts.push(piece.text);
    origin.set(piece.origin, at);
    at += piece.origin.length;
    if (piece.origin.length > 0) last = piece.origin[piece.origin.length - 1]!;
  }
  return { text: parts.join(''), origin };
}
