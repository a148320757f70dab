/**
 * The bank account as the recipient is entering it (a draft, in memory only), and what is wrong with it as
 * data: a field and a kind, with the values a message needs. No DOM, no lit, no localized text: the form's
 * view turns kinds into words (`claim.bankForm.problems`).
 */
import type { AccountType } from '../contract/claim.js';
import type { BankAccount } from '../contract/claim-requests.js';
import {
  fromJapanPost,
  JAPAN_POST_BANK_CODE,
  JAPAN_POST_PROBLEM_PART,
  japanPostBranchName,
  type JapanPostGeneralType,
  type JapanPostPart,
  type JapanPostProblem,
} from '../japanese/japan-post.js';
import { HOLDER_MAX_LENGTH, toDigits, toZenginName } from '../japanese/zengin.js';

// In a module of their own, so that the first view of `<payout-claim>` has them without the form's rules.
export { fieldOfFailure, refusedField } from './refused-field.js';

/** The form's fields, in the order they are shown (the first with a problem gets the focus). */
export const ACCOUNT_FIELDS = [
  'bankCode',
  'branchCode',
  'type',
  'number',
  'symbol',
  'middleDigit',
  'postNumber',
  'generalType',
  'holder',
] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export interface AccountDraft {
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  type: AccountType;
  number: string;
  holder: string;
  /** Japan Post Bank: 記号, the digit after it (振替口座), and 番号, as the passbook or 払込取扱票 shows them. */
  symbol: string;
  middleDigit: string;
  postNumber: string;
  /** Japan Post Bank general account: 通常貯金 (ordinary) or 通常貯蓄貯金 (savings). */
  generalType: JapanPostGeneralType;
}

export const emptyDraft: Readonly<AccountDraft> = {
  bankCode: '',
  bankName: '',
  branchCode: '',
  branchName: '',
  type: 'ordinary',
  number: '',
  holder: '',
  symbol: '',
  middleDigit: '',
  postNumber: '',
  generalType: 'ordinary',
};

/** What is wrong, as data. */
export type AccountProblem =
  | { field: 'bankCode'; kind: 'bank_not_chosen' }
  | { field: 'branchCode'; kind: 'branch_not_chosen' }
  | { field: 'number'; kind: 'number_missing' | 'number_not_digits' | 'number_too_long' }
  | { field: 'symbol' | 'middleDigit' | 'postNumber'; kind: JapanPostProblem }
  | { field: 'holder'; kind: 'holder_missing' }
  | { field: 'holder'; kind: 'holder_unsendable'; chars: string[] }
  | { field: 'holder'; kind: 'holder_too_long'; length: number; max: number };

export type ProblemKind = AccountProblem['kind'];

/** Kinds that only say something is missing: not shown while the recipient is still filling the form in. */
export const MISSING_KINDS: ReadonlySet<ProblemKind> = new Set<ProblemKind>([
  'bank_not_chosen',
  'branch_not_chosen',
  'number_missing',
  'symbol_missing',
  'middle_digit_missing',
  'post_number_missing',
  'holder_missing',
]);

const JAPAN_POST_FIELD: Readonly<Record<JapanPostPart, 'symbol' | 'middleDigit' | 'postNumber'>> = {
  symbol: 'symbol',
  middleDigit: 'middleDigit',
  number: 'postNumber',
};

export function isJapanPost(draft: AccountDraft): boolean {
  return draft.bankCode === JAPAN_POST_BANK_CODE;
}

/** The holder name's problems, as typed (also while typing: characters that cannot be sent, too long). */
export function holderProblems(typed: string): AccountProblem[] {
  const holder = toZenginName(typed);
  if (holder.invalid.length) return [{ field: 'holder', kind: 'holder_unsendable', chars: holder.invalid }];
  if (!holder.name) return [{ field: 'holder', kind: 'holder_missing' }];
  if (holder.length > HOLDER_MAX_LENGTH)
    return [{ field: 'holder', kind: 'holder_too_long', length: holder.length, max: HOLDER_MAX_LENGTH }];
  return [];
}

function japanPostAccount(draft: AccountDraft) {
  return fromJapanPost({ symbol: draft.symbol, middleDigit: draft.middleDigit, number: draft.postNumber, generalType: draft.generalType });
}

/** The branch, type and number the draft names (from the 記号・番号 for Japan Post Bank), or its problems. */
function branchAndNumber(draft: AccountDraft): { branchCode: string; type: AccountType; number: string } | AccountProblem[] {
  if (isJapanPost(draft)) {
    const post = japanPostAccount(draft);
    if (post.ok) return { branchCode: post.branchCode, type: post.type, number: post.number };
    return post.problems.map((kind) => ({ field: JAPAN_POST_FIELD[JAPAN_POST_PROBLEM_PART[kind]], kind }));
  }
  const problems: AccountProblem[] = [];
  if (!/^\d{3}$/.test(draft.branchCode)) problems.push({ field: 'branchCode', kind: 'branch_not_chosen' });
  const digits = toDigits(draft.number);
  if (!draft.number.trim()) problems.push({ field: 'number', kind: 'number_missing' });
  else if (digits === null) problems.push({ field: 'number', kind: 'number_not_digits' });
  else if (digits.length > 7) problems.push({ field: 'number', kind: 'number_too_long' });
  if (problems.length || digits === null) return problems;
  return { branchCode: draft.branchCode, type: draft.type, number: digits.padStart(7, '0') };
}

export type DraftCheck = { ok: true; account: BankAccount } | { ok: false; problems: AccountProblem[] };

/** Checks a draft: the contract-shaped account to send, or every problem, in the order of the fields. */
export function checkDraft(draft: AccountDraft): DraftCheck {
  const problems: AccountProblem[] = [];
  const bankChosen = /^\d{4}$/.test(draft.bankCode);
  if (!bankChosen) problems.push({ field: 'bankCode', kind: 'bank_not_chosen' });
  const mapped = branchAndNumber(draft);
  // Without a bank there is no branch to choose yet: say only that the bank is missing.
  if (Array.isArray(mapped)) problems.push(...mapped.filter((p) => bankChosen || p.field !== 'branchCode'));
  problems.push(...holderProblems(draft.holder));
  if (problems.length || Array.isArray(mapped)) {
    return { ok: false, problems: problems.sort((a, b) => ACCOUNT_FIELDS.indexOf(a.field) - ACCOUNT_FIELDS.indexOf(b.field)) };
  }
  return { ok: true, account: { bankCode: draft.bankCode, ...mapped, holder: toZenginName(draft.holder).name } };
}

/** The Japan Post Bank branch, type and number that the 記号・番号 convert to, as soon as they are complete. */
export function japanPostMapping(
  draft: AccountDraft,
): { branchName: string; branchCode: string; type: AccountType; number: string } | null {
  const post = japanPostAccount(draft);
  return post.ok
    ? { branchName: japanPostBranchName(post.branchCode), branchCode: post.branchCode, type: post.type, number: post.number }
    : null;
}

/** The bank and branch names of the draft, for the confirm step. */
export function draftNames(draft: AccountDraft): { bank: string; branch: string } {
  return { bank: draft.bankName, branch: isJapanPost(draft) ? (japanPostMapping(draft)?.branchName ?? '') : draft.branchName };
}

/**
 * The box that shows a refused account field: for Japan Post Bank the branch, type and number come from the
 * 記号・番号, so a refusal of them points at those boxes.
 */
export function fieldShown(draft: AccountDraft, field: AccountField): AccountField {
  if (!isJapanPost(draft)) return field;
  if (field === 'branchCode') return 'symbol';
  if (field === 'number') return 'postNumber';
  if (field === 'type') return 'symbol'; // the 記号 says 振替 (当座) or general; its box has room for the reason
  return field;
}
