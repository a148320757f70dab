import { expect } from '@open-wc/testing';
import { BRANDS, type BrandId } from '../../src/contract/brands.js';
import { checkCode, findInvalidCharacters, maskCode, normalizeCode } from '../../src/japanese/prepaid-code.js';
import { foldWidth, katakanaToHiragana, toHalfWidthAscii } from '../../src/japanese/width.js';

describe('width conversions', () => {
  const cases: [string, (s: string) => string, string, string][] = [
    ['full-width letters and digits', toHalfWidthAscii, 'ＡＢｃ１２３－', 'ABc123-'],
    ['ideographic space', toHalfWidthAscii, 'ａ　ｂ', 'a b'],
    ['kana untouched by ASCII folding', toHalfWidthAscii, 'かナ', 'かナ'],
    ['katakana to hiragana', katakanaToHiragana, 'アイウエオヴ', 'あいうえおゔ'],
    ['hiragana and Latin kept', katakanaToHiragana, 'あa1', 'あa1'],
    ['half-width katakana composed by NFKC', foldWidth, 'ｶﾞｷﾞ', 'ガギ'],
  ];
  for (const [name, fn, input, expected] of cases) {
    it(name, () => expect(fn(input)).to.equal(expected));
  }
});

describe('normalizeCode', () => {
  const cases: [BrandId, string, string][] = [
    ['webmoney', 'ABCD-EFGH-1234-5678', 'abcdefgh12345678'],
    ['webmoney', 'ＡＢＣＤ　ＥＦＧＨ　１２３４　５６７８', 'abcdefgh12345678'],
    ['webmoney', ' abcd efgh 1234 5678 ', 'abcdefgh12345678'],
    ['nanaco', 'AbCd-EfGh-IjKl-MnPq', 'abcdefghijklmnpq'],
    ['netcash', 'AbCd-EfGh-IjKl-MnPq', 'AbCdEfGhIjKlMnPq'],
    ['netcash', 'ＮＣ００００－００００', 'NC00000000'],
    ['bitcash', 'アイウエ オカキク', 'あいうえおかきく'],
    ['bitcash', 'あいうえーおかきく', 'あいうえおかきく'],
    ['bitcash', 'ｱｲｳｴ', 'あいうえ'],
  ];
  for (const [brand, typed, wire] of cases) {
    it(`${brand}: ${typed} → ${wire}`, () => expect(normalizeCode(BRANDS[brand].code, typed)).to.equal(wire));
  }
});

describe('checkCode', () => {
  const cases: [BrandId, string, ReturnType<typeof checkCode>][] = [
    ['webmoney', 'abcdefgh12345678', null],
    ['webmoney', '', { kind: 'empty' }],
    ['webmoney', 'abcd', { kind: 'too_short', length: 4, expected: 16 }],
    ['webmoney', 'abcdefgh123456789', { kind: 'too_long', length: 17, expected: 16 }],
    ['webmoney', 'abcd!fgh1234567あ', { kind: 'invalid_characters', characters: ['!', 'あ'] }],
    ['netcash', 'NC0000000000000O', { kind: 'invalid_characters', characters: ['O'] }],
    ['netcash', 'NC00000000000000', null],
    ['bitcash', 'あいうえおかきくけこさしすせそた', null],
    ['bitcash', 'あいうえおかきくけこさしすせそa', { kind: 'invalid_characters', characters: ['a'] }],
    ['bitcash', '漢いうえおかきくけこさしすせそた', { kind: 'invalid_characters', characters: ['漢'] }],
  ];
  for (const [brand, code, expected] of cases) {
    it(`${brand}: "${code}"`, () => expect(checkCode(BRANDS[brand].code, code)).to.deep.equal(expected));
  }

  it('follows a registered format: 20 characters', () => {
    const twenty = { ...BRANDS.webmoney.code, length: 20 };
    expect(checkCode(twenty, 'abcdefgh12345678')).to.deep.equal({ kind: 'too_short', length: 16, expected: 20 });
    expect(checkCode(twenty, 'abcdefgh123456789012')).to.equal(null);
  });

  it('names each bad character once, in order', () => {
    expect(findInvalidCharacters(BRANDS.webmoney.code, 'a!b!c?')).to.deep.equal(['!', '?']);
  });
});

describe('maskCode', () => {
  it('masks all but the last four', () => expect(maskCode('abcdefgh1234k7p2')).to.equal('••••••••••••k7p2'));
  it('masks hiragana by character', () => expect(maskCode('あいうえおかきくけこさしすせそた')).to.equal('••••••••••••すせそた'));
});
