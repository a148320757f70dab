import { expect } from '@open-wc/testing';
import { fromJapanPostNumbers, japanPostBranchName } from '../../src/japanese/japan-post.js';
import { padAccountNumber, toZenginName } from '../../src/japanese/zengin.js';

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
    ['full-width brackets', '（カ）ヤマダ', '(ｶ)ﾔﾏﾀﾞ'],
  ];
  for (const [name, typed, wire] of names) {
    it(`${name}: ${typed} → ${wire}`, () => {
      const result = toZenginName(typed);
      expect(result.name).to.equal(wire);
      expect(result.invalid).to.deep.equal([]);
    });
  }

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

describe('Japan Post Bank 記号・番号', () => {
  const cases: [string, string, string, ReturnType<typeof fromJapanPostNumbers>][] = [
    ['general account (DOMAIN example)', '14030', '12345671', { ok: true, branchCode: '408', type: 'ordinary', number: '1234567' }],
    ['general account, short 番号', '10180', '1234561', { ok: true, branchCode: '018', type: 'ordinary', number: '0123456' }],
    ['振替口座 (DOMAIN example)', '00160', '0-100001', { ok: true, branchCode: '019', type: 'checking', number: '0100001' }],
    ['full-width digits and a hyphen', '１４０３０', '１２３４５６７－１', { ok: true, branchCode: '408', type: 'ordinary', number: '1234567' }],
    ['記号 too short', '1403', '12345671', { ok: false, problem: 'symbol_digits' }],
    ['記号 starting with 2', '24030', '12345671', { ok: false, problem: 'symbol_kind' }],
    ['番号 too long', '14030', '123456789', { ok: false, problem: 'number_digits' }],
    ['番号 empty', '14030', '', { ok: false, problem: 'number_digits' }],
    ['letters in 記号', '14O30', '12345671', { ok: false, problem: 'symbol_digits' }],
  ];
  for (const [name, symbol, number, expected] of cases) {
    it(name, () => expect(fromJapanPostNumbers(symbol, number)).to.deep.equal(expected));
  }
  it('names branches in kanji digits', () => {
    expect(japanPostBranchName('018')).to.equal('〇一八');
    expect(japanPostBranchName('408')).to.equal('四〇八');
  });
});
