/**
 * Japan Post Bank (ゆうちょ銀行, bank code 9900): its customers know their 記号 (5 digits) and 番号, not a
 * branch code. The conversion to a Zengin account (DOMAIN.md), as a pure function.
 */
import type { AccountType } from '../contract/claim.js';
import { toDigits } from './zengin.js';

export const JAPAN_POST_BANK_CODE = '9900';

export type JapanPostProblem =
  | 'symbol_digits' // 記号 is not 5 digits
  | 'symbol_kind' // 記号 starts with neither 1 nor 0
  | 'number_digits'; // 番号 has the wrong number of digits

export type JapanPostAccount =
  | { ok: true; branchCode: string; type: AccountType; number: string }
  | { ok: false; problem: JapanPostProblem };

/**
 * 記号 starting with 1 (general account, 普通): branch = digits 2-3 + "8"; number = 番号 without its last
 * digit, padded to 7. 記号 starting with 0 (振替口座, 当座): branch = digits 2-3 + "9"; number = 番号 padded to 7.
 */
export function fromJapanPostNumbers(symbolTyped: string, numberTyped: string): JapanPostAccount {
  const symbol = toDigits(symbolTyped);
  const number = toDigits(numberTyped);
  if (symbol === null || symbol.length !== 5) return { ok: false, problem: 'symbol_digits' };
  if (number === null || number.length === 0) return { ok: false, problem: 'number_digits' };
  if (symbol[0] === '1') {
    if (number.length < 2 || number.length > 8) return { ok: false, problem: 'number_digits' };
    return { ok: true, branchCode: `${symbol.slice(1, 3)}8`, type: 'ordinary', number: number.slice(0, -1).padStart(7, '0') };
  }
  if (symbol[0] === '0') {
    if (number.length > 7) return { ok: false, problem: 'number_digits' };
    return { ok: true, branchCode: `${symbol.slice(1, 3)}9`, type: 'checking', number: number.padStart(7, '0') };
  }
  return { ok: false, problem: 'symbol_kind' };
}

const KANJI_DIGITS = '〇一二三四五六七八九';

/** Japan Post Bank branch names are the branch code's digits in kanji (〇一八 for 018). */
export function japanPostBranchName(branchCode: string): string {
  return [...branchCode].map((d) => KANJI_DIGITS[Number(d)] ?? d).join('');
}
