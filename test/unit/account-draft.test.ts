import { expect } from '@open-wc/testing';
import type { AccountType } from '../../src/contract/claim.js';
import {
  checkDraft,
  draftNames,
  emptyDraft,
  fieldOfFailure,
  fieldShown,
  holderProblems,
  japanPostMapping,
  type AccountDraft,
  type DraftCheck,
} from '../../src/fields/account-draft.js';

const mufg: AccountDraft = { ...emptyDraft, bankCode: '0005', bankName: '三菱ＵＦＪ', branchCode: '001', branchName: '本店', number: '1234567', holder: 'やまだ たろう' };
const yucho: AccountDraft = { ...emptyDraft, bankCode: '9900', bankName: 'ゆうちょ', holder: 'ゆうちょ はなこ' };
const account = (branchCode: string, type: AccountType, number: string, holder: string, bankCode = '0005'): DraftCheck => ({
  ok: true,
  account: { bankCode, branchCode, type, number, holder },
});

describe('checkDraft', () => {
  const cases: [string, Partial<AccountDraft>, DraftCheck][] = [
    ['a complete account', mufg, account('001', 'ordinary', '1234567', 'ﾔﾏﾀﾞ ﾀﾛｳ')],
    ['a short number is padded', { ...mufg, number: '12345' }, account('001', 'ordinary', '0012345', 'ﾔﾏﾀﾞ ﾀﾛｳ')],
    ['full-width digits and a hyphen', { ...mufg, number: '１２３-４５６７' }, account('001', 'ordinary', '1234567', 'ﾔﾏﾀﾞ ﾀﾛｳ')],
    ['savings at another bank', { ...mufg, type: 'savings' }, account('001', 'savings', '1234567', 'ﾔﾏﾀﾞ ﾀﾛｳ')],
    ['checking', { ...mufg, type: 'checking' }, account('001', 'checking', '1234567', 'ﾔﾏﾀﾞ ﾀﾛｳ')],
    ['a company by its short form', { ...mufg, holder: '㈱さくら' }, account('001', 'ordinary', '1234567', 'ｶ)ｻｸﾗ')],
    ['nothing chosen yet', emptyDraft, { ok: false, problems: [
      { field: 'bankCode', kind: 'bank_not_chosen' },
      { field: 'number', kind: 'number_missing' },
      { field: 'holder', kind: 'holder_missing' },
    ] }],
    ['no branch', { ...mufg, branchCode: '' }, { ok: false, problems: [{ field: 'branchCode', kind: 'branch_not_chosen' }] }],
    ['number too long', { ...mufg, number: '12345678' }, { ok: false, problems: [{ field: 'number', kind: 'number_too_long' }] }],
    ['number with letters', { ...mufg, number: '12a4567' }, { ok: false, problems: [{ field: 'number', kind: 'number_not_digits' }] }],
    ['a holder in kanji', { ...mufg, holder: '山田 太郎' }, { ok: false, problems: [{ field: 'holder', kind: 'holder_unsendable', chars: ['山', '田', '太', '郎'] }] }],
    ['a holder of 31', { ...mufg, holder: 'ア'.repeat(31) }, { ok: false, problems: [{ field: 'holder', kind: 'holder_too_long', length: 31, max: 30 }] }],
    ['ﾞ counts as one: 15 ガ are 30', { ...mufg, holder: 'ガ'.repeat(15) }, account('001', 'ordinary', '1234567', 'ｶﾞ'.repeat(15))],
    ['ﾞ counts as one: 16 ガ are 32', { ...mufg, holder: 'ガ'.repeat(16) }, { ok: false, problems: [{ field: 'holder', kind: 'holder_too_long', length: 32, max: 30 }] }],
    ['problems in the order of the fields', { ...mufg, branchCode: '', number: 'x', holder: '' }, { ok: false, problems: [
      { field: 'branchCode', kind: 'branch_not_chosen' },
      { field: 'number', kind: 'number_not_digits' },
      { field: 'holder', kind: 'holder_missing' },
    ] }],
    // Japan Post Bank: the branch, type and number come from the 記号・番号.
    ['ゆうちょ general account', { ...yucho, symbol: '14030', postNumber: '12345671' }, account('408', 'ordinary', '1234567', 'ﾕｳﾁﾖ ﾊﾅｺ', '9900')],
    ['ゆうちょ 通常貯蓄貯金', { ...yucho, symbol: '14030', postNumber: '12345671', generalType: 'savings' }, account('408', 'savings', '1234567', 'ﾕｳﾁﾖ ﾊﾅｺ', '9900')],
    ['ゆうちょ 振替口座', { ...yucho, symbol: '00120', middleDigit: '3', postNumber: '12345' }, account('019', 'checking', '0012345', 'ﾕｳﾁﾖ ﾊﾅｺ', '9900')],
    ['ゆうちょ ignores a branch and number left from another bank', { ...yucho, branchCode: '001', number: '7654321', symbol: '00160', middleDigit: '0', postNumber: '100001' }, account('019', 'checking', '0100001', 'ﾕｳﾁﾖ ﾊﾅｺ', '9900')],
    ['ゆうちょ 番号 must end in 1', { ...yucho, symbol: '14030', postNumber: '12345678' }, { ok: false, problems: [{ field: 'postNumber', kind: 'general_number_must_end_in_1' }] }],
    ['ゆうちょ 振替 without the middle digit', { ...yucho, symbol: '00120', postNumber: '12345' }, { ok: false, problems: [{ field: 'middleDigit', kind: 'middle_digit_missing' }] }],
    ['ゆうちょ 記号 starting with 2', { ...yucho, symbol: '24030', postNumber: '12345671' }, { ok: false, problems: [{ field: 'symbol', kind: 'symbol_kind' }] }],
    ['ゆうちょ nothing typed', yucho, { ok: false, problems: [
      { field: 'symbol', kind: 'symbol_missing' },
      { field: 'postNumber', kind: 'post_number_missing' },
    ] }],
  ];
  for (const [name, draft, expected] of cases) {
    it(name, () => expect(checkDraft({ ...emptyDraft, ...draft })).to.deep.equal(expected));
  }
});

describe('holderProblems (checked as typed)', () => {
  const cases: [string, string[]][] = [
    ['やまだ', []],
    ['', ['holder_missing']],
    ['山田', ['holder_unsendable']],
    ['ヤマダ@', ['holder_unsendable']],
    ['ア'.repeat(30), []],
    ['ア'.repeat(31), ['holder_too_long']],
  ];
  for (const [typed, kinds] of cases) it(`${JSON.stringify(typed)} → ${kinds.join(', ') || 'fine'}`, () => expect(holderProblems(typed).map((p) => p.kind)).to.deep.equal(kinds));
});

describe('names and mappings', () => {
  it('names the branch of another bank as picked', () => expect(draftNames(mufg)).to.deep.equal({ bank: '三菱ＵＦＪ', branch: '本店' }));
  it('names a Japan Post Bank branch in kanji digits', () => {
    expect(draftNames({ ...yucho, symbol: '00120', middleDigit: '3', postNumber: '12345' })).to.deep.equal({ bank: 'ゆうちょ', branch: '〇一九' });
    expect(japanPostMapping({ ...yucho, symbol: '14030', postNumber: '12345671' })).to.deep.equal({ branchName: '四〇八', branchCode: '408', type: 'ordinary', number: '1234567' });
    expect(japanPostMapping({ ...yucho, symbol: '14030', postNumber: '12345678' })).to.equal(null);
  });
});

describe('fieldOfFailure', () => {
  const cases: [string, string | undefined, string | null][] = [
    ['invalid_account', 'account.branchCode', 'branchCode'],
    ['invalid_account', 'account.number', 'number'],
    ['invalid_account', 'account.holder', 'holder'],
    ['invalid_account', 'account.type', 'type'],
    ['invalid_account', 'account.somethingNew', null],
    ['invalid_account', 'returnUrl', null],
    ['holder_mismatch', undefined, 'holder'],
    ['account_not_found', undefined, 'number'],
    ['provider_unavailable', undefined, null],
  ];
  for (const [code, field, expected] of cases) it(`${code} ${field ?? ''} → ${expected}`, () => expect(fieldOfFailure(code, field)).to.equal(expected));

  it('shows a refused branch, number or type of a Japan Post Bank account on its 記号・番号', () => {
    const general = { ...yucho, symbol: '14030' };
    expect(['branchCode', 'number', 'type', 'holder'].map((f) => fieldShown(general, f as never))).to.deep.equal(['symbol', 'postNumber', 'symbol', 'holder']);
    expect(fieldShown({ ...yucho, symbol: '00120' }, 'type')).to.equal('symbol');
    expect(fieldShown(mufg, 'number')).to.equal('number');
  });
});
