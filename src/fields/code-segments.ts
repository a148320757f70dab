/**
 * The pure model of a segmented code input: one code shown as four boxes of four characters.
 * The element keeps the whole code; these functions say what an edit in one box does to it and where
 * the caret goes next. No DOM.
 */
import { CODE_GROUP_LENGTH } from '../japanese/prepaid-code.js';

export const SEGMENT_COUNT = 4;

export interface Caret {
  /** Which box. */
  segment: number;
  /** Offset inside that box. */
  offset: number;
}

export interface SegmentEdit {
  code: string;
  caret: Caret;
}

/** The boxes' contents: four characters each; the last box also holds anything past sixteen. */
export function toSegments(code: string): string[] {
  const chars = [...code];
  const segments: string[] = [];
  for (let i = 0; i < SEGMENT_COUNT; i++) {
    const start = i * CODE_GROUP_LENGTH;
    const end = i === SEGMENT_COUNT - 1 ? chars.length : start + CODE_GROUP_LENGTH;
    segments.push(chars.slice(start, end).join(''));
  }
  return segments;
}

/** The caret for a position in the whole code: a full box hands the caret to the next one. */
export function caretAt(position: number): Caret {
  const segment = Math.min(SEGMENT_COUNT - 1, Math.floor(position / CODE_GROUP_LENGTH));
  return { segment, offset: position - segment * CODE_GROUP_LENGTH };
}

/**
 * A box's text changed (typing, deleting, pasting). `typed` is the box's new raw text and `caretInTyped`
 * where the browser put the caret in it. A paste that holds a whole code replaces the code, wherever it lands.
 */
export function editSegment(
  code: string,
  segment: number,
  typed: string,
  caretInTyped: number,
  normalize: (text: string) => string,
  codeLength: number,
): SegmentEdit {
  const whole = normalize(typed);
  if ([...whole].length >= codeLength) return { code: whole, caret: caretAt([...whole].length) };
  const segments = toSegments(code);
  const before = segments.slice(0, segment).join('');
  const after = segments.slice(segment + 1).join('');
  const head = normalize(before + typed.slice(0, caretInTyped));
  const next = head + normalize(typed.slice(caretInTyped) + after);
  return { code: next, caret: caretAt([...head].length) };
}

/** Backspace at the start of a box deletes the last character of the box before it. */
export function deleteBefore(code: string, segment: number): SegmentEdit | null {
  if (segment === 0) return null;
  const chars = [...code];
  const position = Math.min(segment * CODE_GROUP_LENGTH, chars.length);
  if (position === 0) return null;
  chars.splice(position - 1, 1);
  return { code: chars.join(''), caret: caretAt(position - 1) };
}
