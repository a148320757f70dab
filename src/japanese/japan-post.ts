/**
 * Japan Post Bank (ゆうちょ銀行, bank code 9900): its customers know their 記号 (5 digits) and 番号, not a
 * branch code. The conversion to a Zengin account (DOMAIN.md), as pure functions. Every rule sits in
 * `JAPAN_POST_KINDS`, so that a wrong fact is corrected in one place.
 */
import type { AccountType } from '../contract/claim.js';
import { toHalfWidthAscii } from './width.js';
import { toDigits } from './zengin.js';

export const JAPAN_POST_BANK_CODE = '9900';

/** The two kinds of account, by the first digit of the 記号. */
export type JapanPostKind = 'general' | 'transfer';

/** What a general account may be converted to: 通常貯金 → 普通, 通常貯蓄貯金 → 貯蓄. */
export const JAPAN_POST_GENERAL_TYPES = ['ordinary', 'savings'] as const satisfies readonly AccountType[];
export type JapanPostGeneralType = (typeof JAPAN_POST_GENERAL_TYPES)[number];

interface KindRule {
  kind: JapanPostKind;
  /** The third digit of the branch code (after 記号 digits 2-3). */
  branchSuffix: string;
  /** How many digits the 番号 may have. */
  numberLength: { min: number; max: number };
  /** Written 記号 - one digit - 番号; that digit is not part of the account. */
  middleDigit: boolean;
  /** The last digit of the 番号 is dropped (and must be this digit). */
  checkDigit: string | null;
}

/**
 * The rules, by the first digit of the 記号. Sources: Japan Post Bank's page "振込用の店名・預金種目・口座番号"
 * and DOMAIN.md. Uncertain and worth checking against Japan Post Bank's conversion page:
 * - general 番号 lengths: passbooks print 8 digits; shorter ones (down to 2) are accepted as typed, the last
 *   digit dropped and the rest padded to 7.
 * - 振替口座 番号 up to 6 digits (the 払込取扱票 has 6 boxes).
 * - the last 番号 digit of a general account is always 1 (DOMAIN.md: Japan Post Bank's own conversion page).
 */
export const JAPAN_POST_KINDS: Readonly<Record<'0' | '1', KindRule>> = {
  '1': { kind: 'general', branchSuffix: '8', numberLength: { min: 2, max: 8 }, middleDigit: false, checkDigit: '1' },
  '0': { kind: 'transfer', branchSuffix: '9', numberLength: { min: 1, max: 6 }, middleDigit: true, checkDigit: null },
};

/** What the recipient typed, as the passbook or the 払込取扱票 shows it. */
export interface JapanPostEntry {
  symbol: string;
  /** 振替口座 only: the single digit between 記号 and 番号. */
  middleDigit: string;
  number: string;
  /** General accounts only. */
  generalType: JapanPostGeneralType;
}

export type JapanPostProblem =
  | 'symbol_missing'
  | 'symbol_digits' // 記号 is not 5 digits
  | 'symbol_kind' // 記号 starts with neither 1 nor 0
  | 'middle_digit_missing' // 振替口座: the digit between 記号 and 番号 is empty
  | 'middle_digit_invalid' // ... is not one digit
  | 'post_number_missing'
  | 'post_number_not_digits'
  | 'general_number_length' // general 番号: 2 to 8 digits
  | 'transfer_number_length' // 振替口座 番号: 1 to 6 digits
  | 'general_number_must_end_in_1';

/** Which of the three boxes a problem is about. */
export type JapanPostPart = 'symbol' | 'middleDigit' | 'number';

export const JAPAN_POST_PROBLEM_PART: Readonly<Record<JapanPostProblem, JapanPostPart>> = {
  symbol_missing: 'symbol',
  symbol_digits: 'symbol',
  symbol_kind: 'symbol',
  middle_digit_missing: 'middleDigit',
  middle_digit_invalid: 'middleDigit',
  post_number_missing: 'number',
  post_number_not_digits: 'number',
  general_number_length: 'number',
  transfer_number_length: 'number',
  general_number_must_end_in_1: 'number',
};

export type JapanPostAccount =
  | { ok: true; kind: JapanPostKind; branchCode: string; type: AccountType; number: string }
  | { ok: false; problems: JapanPostProblem[] };

/** The kind of account a 記号 names, as soon as its first digit is typed (null when it names none). */
export function japanPostKind(symbolTyped: string): JapanPostKind | null {
  const first = toDigits(symbolTyped)?.[0];
  return first === '0' || first === '1' ? JAPAN_POST_KINDS[first].kind : null;
}

function ruleOf(kind: JapanPostKind): KindRule {
  return kind === 'general' ? JAPAN_POST_KINDS['1'] : JAPAN_POST_KINDS['0'];
}

/**
 * 記号 starting with 1 (general account, 普通 or 貯蓄): branch = digits 2-3 + "8"; number = 番号 without its
 * last digit (which must be 1), padded to 7. 記号 starting with 0 (振替口座, 当座): branch = digits 2-3 + "9";
 * number = 番号 padded to 7; the digit between 記号 and 番号 is required as written but not used.
 * Every problem is returned, in the order of the boxes.
 */
export function fromJapanPost(entry: JapanPostEntry): JapanPostAccount {
  const problems: JapanPostProblem[] = [];
  const symbol = toDigits(entry.symbol);
  const number = toDigits(entry.number);
  const kind = japanPostKind(entry.symbol);
  if (!entry.symbol.trim()) problems.push('symbol_missing');
  else if (symbol === null || symbol.length !== 5) problems.push('symbol_digits');
  else if (!kind) problems.push('symbol_kind');
  const rule = kind ? ruleOf(kind) : null;
  if (rule?.middleDigit) {
    const digit = toDigits(entry.middleDigit);
    if (!entry.middleDigit.trim()) problems.push('middle_digit_missing');
    else if (digit === null || digit.length !== 1) problems.push('middle_digit_invalid');
  }
  if (!entry.number.trim()) problems.push('post_number_missing');
  else if (number === null) problems.push('post_number_not_digits');
  else if (rule && (number.length < rule.numberLength.min || number.length > rule.numberLength.max)) {
    problems.push(rule.kind === 'general' ? 'general_number_length' : 'transfer_number_length');
  } else if (rule?.checkDigit && !number.endsWith(rule.checkDigit)) problems.push('general_number_must_end_in_1');
  if (problems.length || !rule || symbol === null || number === null) return { ok: false, problems };
  const branchCode = `${symbol.slice(1, 3)}${rule.branchSuffix}`;
  const account = (rule.checkDigit ? number.slice(0, -1) : number).padStart(7, '0');
  const type: AccountType = rule.kind === 'general' ? entry.generalType : 'checking';
  return { ok: true, kind: rule.kind, branchCode, type, number: account };
}

const SEPARATOR = /[\s\-‐－−ー―]+/u;

/**
 * A whole 記号・番号 typed or pasted into one box ("00120-3-12345", "14030-12345671", "００１２０３１２３４５")
 * spread over the boxes, or null when the text is only a 記号 (or not one at all). With separators the groups
 * are kept as written (so that a mistyped group is refused rather than shifted); without, the 記号 is the
 * first 5 digits, then (振替口座) one digit, then the 番号.
 */
export function spreadJapanPost(typed: string): Omit<JapanPostEntry, 'generalType'> | null {
  const text = typed.trim();
  const groups = toHalfWidthAscii(text).split(SEPARATOR).filter(Boolean);
  const digits = toDigits(text);
  if (digits === null || !digits) return null;
  const kind = japanPostKind(digits);
  if (!kind) return null;
  const transfer = ruleOf(kind).middleDigit;
  if (groups.length > 1) {
    const [symbol = '', ...rest] = groups;
    if (!transfer) return { symbol, middleDigit: '', number: rest.join('') };
    // 振替口座 with separators: 記号-digit-番号, or 記号-番号 (the digit then left for the recipient to add).
    if (rest.length === 1) return rest[0]!.length === 1 ? { symbol, middleDigit: rest[0]!, number: '' } : { symbol, middleDigit: '', number: rest[0]! };
    return { symbol, middleDigit: rest[0]!, number: rest.slice(1).join('') };
  }
  if (digits.length <= 5) return null;
  if (!transfer) return { symbol: digits.slice(0, 5), middleDigit: '', number: digits.slice(5) };
  return { symbol: digits.slice(0, 5), middleDigit: digits.slice(5, 6), number: digits.slice(6) };
}

/**
 * What was typed or pasted into the 番号 box, when it holds more than a 番号: a whole 記号・番号 written with
 * separators ("00120-3-12345"), or, for a 振替口座, the middle digit and the 番号 ("3-12345"), or a 番号 after a
 * separator ("-12345"). Null otherwise (a 番号 alone is never split by position: 12345671 is a general
 * account's 番号).
 */
export function spreadJapanPostNumber(typed: string, kind: JapanPostKind | null): Partial<Omit<JapanPostEntry, 'generalType'>> | null {
  const text = toHalfWidthAscii(typed).trim();
  const groups = text.split(SEPARATOR).filter(Boolean);
  if (groups.some((g) => toDigits(g) === null)) return null;
  // Typed on from the 記号 box (00120-3 spread, then "-12345"): the separator is not part of the 番号.
  if (groups.length === 1 && SEPARATOR.test(text[0] ?? '')) return { number: groups[0]! };
  if (groups.length < 2) return null;
  if (groups[0]!.length === 5 && japanPostKind(groups[0]!)) return spreadJapanPost(typed);
  if (kind === 'transfer' && groups.length === 2 && groups[0]!.length === 1) return { middleDigit: groups[0]!, number: groups[1]! };
  return null;
}

const KANJI_DIGITS = '〇一二三四五六七八九';

/** Japan Post Bank branch names are the branch code's digits in kanji (〇一八 for 018). */
export function japanPostBranchName(branchCode: string): string {
  return [...branchCode].map((d) => KANJI_DIGITS[Number(d)] ?? d).join('');
}
