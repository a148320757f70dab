/**
 * Prepaid e-money code rules (DOMAIN.md), one table so a wrong fact is corrected in one place.
 * Pure functions: normalize what a shopper typed, check it, group and mask it.
 */
import type { BrandId } from '../contract/checkout.js';
import { foldWidth, katakanaToHiragana } from './width.js';

export interface CodeRule {
  /** Characters in a code. */
  readonly length: number;
  /** Latin letters and digits, or hiragana (BitCash). */
  readonly script: 'latin' | 'hiragana';
  /** How letter case goes on the wire: folded to lowercase, or kept as printed. */
  readonly letterCase: 'lower' | 'keep';
  /** Characters the issuer never prints (uncertain facts are marked). */
  readonly neverUsed: string;
  /** Whether to show the look-alike hint (Z/2, S/5, K/k, J/j). */
  readonly lookAlikeHint: boolean;
}

export const CODE_RULES: Readonly<Record<BrandId, CodeRule>> = {
  webmoney: { length: 16, script: 'latin', letterCase: 'lower', neverUsed: '', lookAlikeHint: false },
  bitcash: { length: 16, script: 'hiragana', letterCase: 'keep', neverUsed: '', lookAlikeHint: false },
  // NET CASH never prints the letter O (DOMAIN.md). Whether lowercase o is also absent is uncertain;
  // we treat both as mistakes for the digit 0, since the card's font makes them look alike.
  netcash: { length: 16, script: 'latin', letterCase: 'keep', neverUsed: 'Oo', lookAlikeHint: true },
  nanaco: { length: 16, script: 'latin', letterCase: 'lower', neverUsed: '', lookAlikeHint: false },
};

export const CODE_GROUP_LENGTH = 4;

/** Spaces, hyphens and dashes from the printed grouping, including the ー an IME makes of "-". */
const SEPARATORS = /[\s\-‐‑‒–—―−ー_.・]/gu;

/**
 * What a shopper typed to what goes on the wire: widths folded, separators dropped, case folded
 * (WebMoney, nanaco), katakana to hiragana (BitCash). Characters that do not belong stay, so that
 * `findInvalidCharacters` can name them.
 */
export function normalizeCode(brand: BrandId, typed: string): string {
  const rule = CODE_RULES[brand];
  let code = foldWidth(typed).replace(SEPARATORS, '');
  if (rule.script === 'hiragana') code = katakanaToHiragana(code);
  if (rule.letterCase === 'lower') code = code.toLowerCase();
  return code;
}

function isAllowed(rule: CodeRule, ch: string): boolean {
  if (rule.neverUsed.includes(ch)) return false;
  if (rule.script === 'hiragana') return /^[\u3041-\u3096]$/u.test(ch);
  return /^[0-9A-Za-z]$/.test(ch);
}

/** The distinct characters of a normalized code that the brand never uses, in order of appearance. */
export function findInvalidCharacters(brand: BrandId, code: string): string[] {
  const rule = CODE_RULES[brand];
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
export function checkCode(brand: BrandId, code: string): CodeProblem | null {
  const expected = CODE_RULES[brand].length;
  const length = [...code].length;
  if (length === 0) return { kind: 'empty' };
  const characters = findInvalidCharacters(brand, code);
  if (characters.length > 0) return { kind: 'invalid_characters', characters };
  if (length < expected) return { kind: 'too_short', length, expected };
  if (length > expected) return { kind: 'too_long', length, expected };
  return null;
}

/** A code in groups of four for display (`abcd efgh ijkl mnop`). */
export function groupCode(code: string): string[] {
  const chars = [...code];
  const groups: string[] = [];
  for (let i = 0; i < chars.length; i += CODE_GROUP_LENGTH) groups.push(chars.slice(i, i + CODE_GROUP_LENGTH).join(''));
  return groups;
}

/** A code as it may be shown after entry: all but the last four characters hidden. */
export function maskCode(code: string): string {
  const chars = [...code];
  return '•'.repeat(Math.max(0, chars.length - 4)) + chars.slice(-4).join('');
}
