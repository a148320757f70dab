/**
 * The pure model of a segmented code input: one code shown as boxes of the brand's printed grouping
 * (four boxes of four for a 16-character code; five of four for a 20-character one). The element keeps
 * the whole code; these functions say what an edit in one box does to it and where the caret goes next.
 * No DOM.
 */
import type { CodeFormat } from '../contract/brands.js';

export type SegmentLayout = Pick<CodeFormat, 'length' | 'groupSize'>;

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

export function segmentCount(layout: SegmentLayout): number {
  return Math.ceil(layout.length / layout.groupSize);
}

/** The boxes' contents: `groupSize` characters each; the last box also holds anything past the length. */
export function toSegments(layout: SegmentLayout, code: string): string[] {
  const chars = [...code];
  const count = segmentCount(layout);
  const segments: string[] = [];
  for (let i = 0; i < count; i++) {
    const start = i * layout.groupSize;
    const end = i === count - 1 ? chars.length : start + layout.groupSize;
    segments.push(chars.slice(start, end).join(''));
  }
  return segments;
}

/** The caret for a position in the whole code: a full box hands the caret to the next one. */
export function caretAt(layout: SegmentLayout, position: number): Caret {
  const segment = Math.min(segmentCount(layout) - 1, Math.floor(position / layout.groupSize));
  return { segment, offset: position - segment * layout.groupSize };
}

/**
 * A box's text changed (typing, deleting, pasting). `typed` is the box's new raw text and `caretInTyped`
 * where the browser put the caret in it. A paste that holds a whole code replaces the code, wherever it lands.
 */
export function editSegment(
  layout: SegmentLayout,
  code: string,
  segment: number,
  typed: string,
  caretInTyped: number,
  normalize: (text: string) => string,
): SegmentEdit {
  const whole = normalize(typed);
  if ([...whole].length >= layout.length) return { code: whole, caret: caretAt(layout, [...whole].length) };
  const segments = toSegments(layout, code);
  const before = segments.slice(0, segment).join('');
  const after = segments.slice(segment + 1).join('');
  const head = normalize(before + typed.slice(0, caretInTyped));
  const next = head + normalize(typed.slice(caretInTyped) + after);
  return { code: next, caret: caretAt(layout, [...head].length) };
}

/** Backspace at the start of a box deletes the last character of the box before it. */
export function deleteBefore(layout: SegmentLayout, code: string, segment: number): SegmentEdit | null {
  if (segment === 0) return null;
  const chars = [...code];
  const position = Math.min(segment * layout.groupSize, chars.length);
  if (position === 0) return null;
  chars.splice(position - 1, 1);
  return { code: chars.join(''), caret: caretAt(layout, position - 1) };
}
