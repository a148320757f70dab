/**
 * What a shopper types as a prepaid code, against the brand's code format (src/contract/brands.ts, where
 * the facts live). Pure functions: normalize, check, mask.
 */
import type { CodeFormat } from '../contract/brands.js';
import { foldWidth, katakanaToHiragana } from './width.js';

/** Spaces, hyphens and dashes from the printed grouping, including the ー an IME makes of "-". */
const SEPARATORS = /[\s\-‐‑‒–—―−ー_.・]/gu;

/**
 * What a shopper typed to what goes on the wire: widths folded, separators dropped, case folded
 * (WebMoney, nanaco), katakana to hiragana (BitCash). Characters that do not belong stay, so that
 * `findInvalidCharacters` can name them.
 */
export function normalizeCode(rule: CodeFormat, typed: string): string {
  let code = foldWidth(typed).replace(SEPARATORS, '');
  if (rule.script === 'hiragana') code = katakanaToHiragana(code);
  if (rule.letterCase === 'lower') code = code.toLowerCase();
  return code;
}

function isAllowed(rule: CodeFormat, ch: string): boolean {
  if (rule.neverUsed.includes(ch)) return false;
  if (rule.script === 'hiragana') return /^[\u3041-\u3096]$/u.test(ch);
  return /^[0-9A-Za-z]$/.test(ch);
}

/** The distinct characters of a normalized code that the brand never uses, in order of appearance. */
export function findInvalidCharacters(rule: CodeFormat, code: string): string[] {
  const bad: string[] = [];
  for (const ch of code) if (!isAllowed(rule, ch) && !bad.includes(ch)) bad.push(ch);
  return bad;
}

export type CodeProblem =
  | { kind: 'empty' }
  | { kind: 'invalid_characters'; characters: string[] }
  | { kind: 'too_short'; length: number; expected: number }
  | { kind: 'too_long'; length: number; expected: number };

/** Why a normalized code cannot be sent yet, or null when it can. */
export function checkCode(rule: CodeFormat, code: string): CodeProblem | null {
  const expected = rule.length;
  const length = [...code].length;
  if (length === 0) return { kind: 'empty' };
  const characters = findInvalidCharacters(rule, code);
  if (characters.length > 0) return { kind: 'invalid_characters', characters };
  if (length < expected) return { kind: 'too_short', length, expected };
  if (length > expected) return { kind: 'too_long', length, expected };
  return null;
}

/** A code as it may be shown after entry: all but the last four characters hidden. */
export function maskCode(code: string): string {
  const chars = [...code];
  return '•'.repeat(Math.max(0, chars.length - 4)) + chars.slice(-4).join('');
}
