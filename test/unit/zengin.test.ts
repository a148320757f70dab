import { expect } from '@open-wc/testing';
import {
  fromJapanPost,
  japanPostBranchName,
  japanPostKind,
  spreadJapanPost,
  spreadJapanPostNumber,
  type JapanPostAccount,
  type JapanPostEntry,
} from '../../src/japanese/japan-post.js';
import { CORPORATE_ABBREVIATIONS, padAccountNumber, toDigits, toZenginName } from '../../src/japanese/zengin.js';

/** One test per row: [what the row is, what is typed, what is sent], everything sendable. */
function sendsAs(rows: readonly (readonly [string, string, string])[]): void {
  for (const [name, typed, wire] of rows) {
    it(`${name}: ${typed} → ${wire}`, () => {
      const result = toZenginName(typed);
      expect(result.name).to.equal(wire);
      expect(result.invalid).to.deep.equal([]);
    });
  }
}

describe('Zengin holder names', () => {
  const names: [string, string, string][] = [
    ['hiragana', 'やまだ たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['full-width katakana', 'ヤマダ　タロウ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['small kana become large', 'キャノン', 'ｷﾔﾉﾝ'],
    ['semi-voiced', 'ペッパー', 'ﾍﾟﾂﾊﾟ-'],
    ['long vowel to hyphen', 'ルーシー', 'ﾙ-ｼ-'],
    ['middle dot to space', 'ジョン・スミス', 'ｼﾞﾖﾝ ｽﾐｽ'],
    ['lowercase Latin to uppercase', 'john smith', 'JOHN SMITH'],
    ['full-width Latin', 'ＪＯＨＮ', 'JOHN'],
    ['ヴ', 'ヴィクトル', 'ｳﾞｲｸﾄﾙ'],
    ['half-width typed as is', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['half-width small kana', 'ｷｬﾉﾝ', 'ｷﾔﾉﾝ'],
    ['double spaces folded', 'やまだ  たろう', 'ﾔﾏﾀﾞ ﾀﾛｳ'],
    ['株式会社 at the start', '株式会社やまだ', 'ｶ)ﾔﾏﾀﾞ'],
    ['株式会社 at the end', 'やまだ株式会社', 'ﾔﾏﾀﾞ(ｶ'],
    ['in the middle', 'やまだ株式会社とうきょう', 'ﾔﾏﾀﾞ(ｶ)ﾄｳｷﾖｳ'],
    ['合同会社 in kana', 'ゴウドウガイシャさくら', 'ﾄﾞ)ｻｸﾗ'],
    // Was '(ｶ)ﾔﾏﾀﾞ': a bracketed abbreviation typed at the start is now placed by the rule, as ｶ).
    ['full-width brackets at the start', '（カ）ヤマダ', 'ｶ)ﾔﾏﾀﾞ'],
    ['half-width bracketed abbreviation in the middle', 'ﾔﾏﾀﾞ(ｶ)ﾄｳｷﾖｳ', 'ﾔﾏﾀﾞ(ｶ)ﾄｳｷﾖｳ'],
    ['already placed at the end', 'ﾔﾏﾀﾞ(ｶ', 'ﾔﾏﾀﾞ(ｶ'],
    ['already placed at the start', 'ｶ)ﾔﾏﾀﾞ', 'ｶ)ﾔﾏﾀﾞ'],
    ['half-width kana typed with voiced marks', 'ｶﾞｯｺｳ', 'ｶﾞﾂｺｳ'],
    ['half-width long vowel and middle dot', 'ﾙｰｼｰ･ｽﾐｽ', 'ﾙ-ｼ- ｽﾐｽ'],
    ['ヲ, ヰ, ヱ as the banks read them', 'ヲヰヱ', 'ｵｲｴ'],
    ['spaces around a form are dropped', 'やまだ　株式会社　とうきょう', 'ﾔﾏﾀﾞ(ｶ)ﾄｳｷﾖｳ'],
    ['a form with an office', '株式会社やまだ とうきょう営業所', 'ｶ)ﾔﾏﾀﾞ ﾄｳｷﾖｳ(ｴｲ'],
    ['a form and an office in kana', 'かぶしきがいしゃ さくら おおさかじむしょ', 'ｶ)ｻｸﾗ ｵｵｻｶ(ｼﾞﾑ'],
    ['an empty name', '   ', ''],
  ];
  sendsAs(names);

  it('counts ﾞ and ﾟ as one character each', () => {
    expect(toZenginName('ガギグ').length).to.equal(6);
    expect(toZenginName('パ').length).to.equal(2);
  });

  it('names the characters that cannot be sent', () => {
    expect(toZenginName('山田 たろう').invalid).to.deep.equal(['山', '田']);
    expect(toZenginName('やまだ@').invalid).to.deep.equal(['@']);
    expect(toZenginName('Ünal').invalid).to.deep.equal(['Ü']);
  });
});

describe('account numbers', () => {
  const cases: [string, string | null][] = [['1234567', '1234567'], ['12345', '0012345'], ['１２３４５６７', '1234567'], ['12345678', null], ['12a45', null], ['', null]];
  for (const [typed, padded] of cases) it(`${typed} → ${padded}`, () => expect(padAccountNumber(typed)).to.equal(padded));
});

describe('Zengin corporate abbreviations', () => {
  // [what is typed, what is sent]: every entry of DOMAIN.md's list, at the start, in the middle and at the end.
  const forms: [string, string][] = [
    ['株式会社', 'ｶ'],
    ['有限会社', 'ﾕ'],
    ['合名会社', 'ﾒ'],
    ['合資会社', 'ｼ'],
    ['合同会社', 'ﾄﾞ'],
    ['医療法人', 'ｲ'],
    ['財団法人', 'ｻﾞｲ'],
    ['一般財団法人', 'ｻﾞｲ'],
    ['公益財団法人', 'ｻﾞｲ'],
    ['社団法人', 'ｼﾔ'],
    ['一般社団法人', 'ｼﾔ'],
    ['公益社団法人', 'ｼﾔ'],
    ['宗教法人', 'ｼﾕｳ'],
    ['学校法人', 'ｶﾞｸ'],
    ['社会福祉法人', 'ﾌｸ'],
    ['特定非営利活動法人', 'ﾄｸﾋ'],
    ['NPO法人', 'ﾄｸﾋ'],
    ['独立行政法人', 'ﾄﾞｸ'],
    ['営業所', 'ｴｲ'],
    ['出張所', 'ｼﾕﾂ'],
    ['事務所', 'ｼﾞﾑ'],
  ];
  for (const [form, abbreviation] of forms) {
    it(`${form} → ${abbreviation}) at the start, (${abbreviation}) in the middle, (${abbreviation} at the end`, () => {
      expect(toZenginName(`${form}さくら`).name).to.equal(`${abbreviation})ｻｸﾗ`);
      expect(toZenginName(`さくら${form}`).name).to.equal(`ｻｸﾗ(${abbreviation}`);
      expect(toZenginName(`さくら${form}うめ`).name).to.equal(`ｻｸﾗ(${abbreviation})ｳﾒ`);
    });
  }

  const short: [string, string, string][] = [
    ['(株)', '(株)さくら', 'ｶ)ｻｸﾗ'],
    ['㈱', '㈱さくら', 'ｶ)ｻｸﾗ'],
    ['（株）', 'さくら（株）', 'ｻｸﾗ(ｶ'],
    ['(有)', '(有)さくら', 'ﾕ)ｻｸﾗ'],
    ['㈲', 'さくら㈲', 'ｻｸﾗ(ﾕ'],
    ['（有）', 'さくら（有）うめ', 'ｻｸﾗ(ﾕ)ｳﾒ'],
    ['㈶', '㈶さくら', 'ｻﾞｲ)ｻｸﾗ'],
    ['㈳', '㈳さくら', 'ｼﾔ)ｻｸﾗ'],
    ['kana spelling', 'かぶしきがいしゃさくら', 'ｶ)ｻｸﾗ'],
    ['kana spelling, カイシャ', 'さくらカブシキカイシャ', 'ｻｸﾗ(ｶ'],
    ['kana spelling, half-width', 'ｶﾌﾞｼｷｶﾞｲｼﾔｻｸﾗ', 'ｶ)ｻｸﾗ'],
    ['kana spelling, 有限会社', 'ゆうげんがいしゃさくら', 'ﾕ)ｻｸﾗ'],
    ['kana spelling, 合同会社', 'さくらごうどうがいしゃ', 'ｻｸﾗ(ﾄﾞ'],
    ['NPO in lowercase, full width', 'ｎｐｏ法人さくら', 'ﾄｸﾋ)ｻｸﾗ'],
    ['typed abbreviation in brackets', '(ﾄﾞ)さくら', 'ﾄﾞ)ｻｸﾗ'],
  ];
  sendsAs(short);

  it('keeps one table: every abbreviation is sendable and every form is listed once', () => {
    const all = CORPORATE_ABBREVIATIONS.flatMap((entry) => entry.written);
    expect(new Set(all).size).to.equal(all.length);
    for (const { abbreviation } of CORPORATE_ABBREVIATIONS) expect(abbreviation).to.match(/^[ｱ-ﾝﾞﾟ]+$/);
  });

  it('leaves names without a form alone, even with kana that look like one', () => {
    expect(toZenginName('かぶきちょう').name).to.equal('ｶﾌﾞｷﾁﾖｳ');
    expect(toZenginName('(カ').name).to.equal('(ｶ');
  });
});

describe('holder name preview parts', () => {
  it('keeps what cannot be sent in place, as typed, and sends the rest', () => {
    const result = toZenginName('やまだ 太郎');
    expect(result.parts).to.deep.equal([
      { text: 'ﾔﾏﾀﾞ ', sendable: true },
      { text: '太郎', sendable: false },
    ]);
    expect(result.name).to.equal('ﾔﾏﾀﾞ');
    expect(result.invalid).to.deep.equal(['太', '郎']);
  });
  it('names each character once, in order', () => {
    expect(toZenginName('山やま山@').invalid).to.deep.equal(['山', '@']);
  });
  const shown: [string, string][] = [
    ['山田 タロウ', '山田 ﾀﾛｳ'],
    ['A&B ショウジ', 'A&B ｼﾖｳｼﾞ'],
    ['株式会社山田', 'ｶ)山田'],
  ];
  for (const [typed, preview] of shown) {
    it(`shows ${typed} as ${preview}, nothing dropped`, () => expect(toZenginName(typed).parts.map((p) => p.text).join('')).to.equal(preview));
  }
});

describe('digits', () => {
  const cases: [string, string | null][] = [
    ['0012345', '0012345'],
    ['００１２３', '00123'],
    ['001-23', '00123'],
    ['001ー23', '00123'], // an IME's long vowel for a hyphen
    ['001 23', '00123'],
    ['001　23', '00123'],
    ['12a', null],
    ['', ''],
  ];
  for (const [typed, digits] of cases) it(`${JSON.stringify(typed)} → ${digits}`, () => expect(toDigits(typed)).to.equal(digits));
});

describe('Japan Post Bank 記号・番号', () => {
  const entry = (symbol: string, middleDigit: string, number: string, generalType: JapanPostEntry['generalType'] = 'ordinary'): JapanPostEntry => ({
    symbol,
    middleDigit,
    number,
    generalType,
  });
  const cases: [string, JapanPostEntry, JapanPostAccount][] = [
    ['general account (DOMAIN example)', entry('14030', '', '12345671'), { ok: true, kind: 'general', branchCode: '408', type: 'ordinary', number: '1234567' }],
    ['general account, 通常貯蓄貯金', entry('14030', '', '12345671', 'savings'), { ok: true, kind: 'general', branchCode: '408', type: 'savings', number: '1234567' }],
    ['general account, short 番号', entry('10180', '', '1234561'), { ok: true, kind: 'general', branchCode: '018', type: 'ordinary', number: '0123456' }],
    ['general account, shortest 番号', entry('10180', '', '11'), { ok: true, kind: 'general', branchCode: '018', type: 'ordinary', number: '0000001' }],
    ['general account, a middle digit typed is ignored', entry('14030', '5', '12345671'), { ok: true, kind: 'general', branchCode: '408', type: 'ordinary', number: '1234567' }],
    ['振替口座 00160-0-100001 (DOMAIN example)', entry('00160', '0', '100001'), { ok: true, kind: 'transfer', branchCode: '019', type: 'checking', number: '0100001' }],
    ['振替口座 00120-3-12345: the 3 is dropped (DOMAIN example)', entry('00120', '3', '12345'), { ok: true, kind: 'transfer', branchCode: '019', type: 'checking', number: '0012345' }],
    ['振替口座: 貯蓄 does not apply', entry('00120', '3', '12345', 'savings'), { ok: true, kind: 'transfer', branchCode: '019', type: 'checking', number: '0012345' }],
    ['振替口座, 1-digit 番号', entry('02340', '7', '9'), { ok: true, kind: 'transfer', branchCode: '239', type: 'checking', number: '0000009' }],
    ['full-width digits and hyphens', entry('１４０３０', '', '１２３４５６７－１'), { ok: true, kind: 'general', branchCode: '408', type: 'ordinary', number: '1234567' }],
    ['spaces around', entry(' 00120 ', ' 3 ', ' 12345 '), { ok: true, kind: 'transfer', branchCode: '019', type: 'checking', number: '0012345' }],
    ['general 番号 not ending in 1', entry('14030', '', '12345678'), { ok: false, problems: ['general_number_must_end_in_1'] }],
    ['general 番号 too long', entry('14030', '', '123456781'), { ok: false, problems: ['general_number_length'] }],
    ['general 番号 of one digit', entry('14030', '', '1'), { ok: false, problems: ['general_number_length'] }],
    ['振替 番号 too long (the middle digit typed into it)', entry('00120', '', '3123451'), { ok: false, problems: ['middle_digit_missing', 'transfer_number_length'] }],
    ['振替 without its middle digit', entry('00120', '', '12345'), { ok: false, problems: ['middle_digit_missing'] }],
    ['振替 middle digit of two', entry('00120', '34', '12345'), { ok: false, problems: ['middle_digit_invalid'] }],
    ['振替 middle digit not a digit', entry('00120', 'a', '12345'), { ok: false, problems: ['middle_digit_invalid'] }],
    ['記号 too short', entry('1403', '', '12345671'), { ok: false, problems: ['symbol_digits'] }],
    ['記号 too long', entry('140300', '', '12345671'), { ok: false, problems: ['symbol_digits'] }],
    ['記号 starting with 2', entry('24030', '', '12345671'), { ok: false, problems: ['symbol_kind'] }],
    ['記号 starting with 9', entry('94030', '', '12345671'), { ok: false, problems: ['symbol_kind'] }],
    ['letters in 記号', entry('14O30', '', '12345671'), { ok: false, problems: ['symbol_digits'] }],
    ['番号 empty', entry('14030', '', ''), { ok: false, problems: ['post_number_missing'] }],
    ['番号 with letters', entry('14030', '', '1234A671'), { ok: false, problems: ['post_number_not_digits'] }],
    ['nothing typed', entry('', '', ''), { ok: false, problems: ['symbol_missing', 'post_number_missing'] }],
  ];
  for (const [name, typed, expected] of cases) {
    it(name, () => expect(fromJapanPost(typed)).to.deep.equal(expected));
  }

  it('knows the kind from the first digit', () => {
    expect([japanPostKind('1'), japanPostKind('０0120'), japanPostKind('2'), japanPostKind('')]).to.deep.equal(['general', 'transfer', null, null]);
  });

  const spreads: [string, ReturnType<typeof spreadJapanPost>][] = [
    ['00120-3-12345', { symbol: '00120', middleDigit: '3', number: '12345' }],
    ['00120－3－12345', { symbol: '00120', middleDigit: '3', number: '12345' }],
    ['00120 3 12345', { symbol: '00120', middleDigit: '3', number: '12345' }],
    ['00120312345', { symbol: '00120', middleDigit: '3', number: '12345' }],
    ['００１２０３１２３４５', { symbol: '00120', middleDigit: '3', number: '12345' }],
    ['００１２０－３－１２３４５', { symbol: '00120', middleDigit: '3', number: '12345' }],
    ['00120-3', { symbol: '00120', middleDigit: '3', number: '' }],
    ['00120-12345', { symbol: '00120', middleDigit: '', number: '12345' }],
    ['14030-12345671', { symbol: '14030', middleDigit: '', number: '12345671' }],
    ['1403012345671', { symbol: '14030', middleDigit: '', number: '12345671' }],
    // A mistyped group is kept as written, to be refused, not shifted into the next box.
    ['0012-3-12345', { symbol: '0012', middleDigit: '3', number: '12345' }],
    ['14030', null],
    ['1403', null],
    ['24030-12345671', null],
    ['abc', null],
    ['', null],
  ];
  for (const [typed, expected] of spreads) it(`spreads ${JSON.stringify(typed)} over the boxes`, () => expect(spreadJapanPost(typed)).to.deep.equal(expected));

  const numberSpreads: [string, string, 'general' | 'transfer' | null, unknown][] = [
    ['振替: digit and 番号', '3-12345', 'transfer', { middleDigit: '3', number: '12345' }],
    ['a whole entry pasted into 番号', '00120-3-12345', 'transfer', { symbol: '00120', middleDigit: '3', number: '12345' }],
    ['a general 番号 is never split', '12345671', 'general', null],
    ['a general 番号 with a hyphen', '1234567-1', 'general', null],
    ['振替 番号 alone', '12345', 'transfer', null],
    ['a 番号 after the separator typed on from the 記号 box', '-12345', 'transfer', { number: '12345' }],
    ['a full-width separator typed on', '－１２３４５', 'transfer', { number: '12345' }],
    ['the separator alone, so far', '-', 'transfer', null],
    ['letters are left as typed', '3-12a45', 'transfer', null],
  ];
  for (const [name, typed, kind, expected] of numberSpreads) it(`番号 box: ${name}`, () => expect(spreadJapanPostNumber(typed, kind)).to.deep.equal(expected));

  it('names branches in kanji digits', () => {
    expect(japanPostBranchName('018')).to.equal('〇一八');
    expect(japanPostBranchName('408')).to.equal('四〇八');
    expect(japanPostBranchName('019')).to.equal('〇一九');
  });
});
