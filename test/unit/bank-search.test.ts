import { expect } from '@open-wc/testing';
import { bankList, buildIndex, POPULAR_BANKS, search, searchKey, type SearchIndex } from '../../src/fields/bank-search.js';

let banks: SearchIndex;
let mufgBranches: SearchIndex;

before(async () => {
  banks = buildIndex(bankList.parse(await (await fetch('/banks/index.json')).json()), POPULAR_BANKS);
  mufgBranches = buildIndex(bankList.parse(await (await fetch('/banks/0005.json')).json()));
});

const codes = (index: SearchIndex, query: string, n = 3) =>
  search(index, query)
    .slice(0, n)
    .map((e) => e.code);

describe('search keys', () => {
  const cases: [string, string][] = [
    ['ミツビシ', 'みつびし'],
    ['ﾐﾂﾋﾞｼ', 'みつびし'],
    ['ＭＵＦＧ', 'mufg'],
    ['とうきょう', 'とうきよう'],
    ['ユ－エフジエイ', 'ゆえふじえい'],
    ['  みずほ ', 'みずほ'],
  ];
  for (const [text, key] of cases) it(`${text} → ${key}`, () => expect(searchKey(text)).to.equal(key));
});

describe('finding a bank', () => {
  const cases: [string, string, string][] = [
    ['kanji', '三菱', '0005'],
    ['kanji with 銀行', '三菱UFJ銀行', '0005'],
    ['hiragana', 'みずほ', '0001'],
    ['katakana', 'ミズホ', '0001'],
    ['half-width katakana', 'ﾐｽﾞﾎ', '0001'],
    ['romaji', 'mizuho', '0001'],
    ['an alias', 'mufg', '0005'],
    ['the code', '0009', '0009'],
    ['Japan Post Bank', 'ゆうちょ', '9900'],
    ['Japan Post Bank in romaji', 'yucho', '9900'],
    ['a net bank', '楽天', '0036'],
  ];
  for (const [name, query, code] of cases) it(`${name}: ${query}`, () => expect(codes(banks, query, 1)).to.deep.equal([code]));

  it('puts the big banks first among equal matches', () => {
    // "み" starts many names; the megabank comes before regional ones.
    expect(codes(banks, 'み', 1)).to.deep.equal(['0001']);
  });

  it('ranks every name that starts with the query before any that only contains it', () => {
    const starts = search(banks, 'ちゅうおう', 50).map((e) => searchKey(e.hira).startsWith(searchKey('ちゅうおう')));
    expect(starts.filter(Boolean).length, 'some start with it').to.be.greaterThan(0);
    expect(starts.filter((s) => !s).length, 'some only contain it').to.be.greaterThan(0);
    expect(starts.indexOf(false)).to.equal(starts.lastIndexOf(true) + 1);
  });

  it('finds nothing for nonsense, and nothing for an empty query', () => {
    expect(search(banks, 'zzzzqqq')).to.deep.equal([]);
    expect(search(banks, '   ')).to.deep.equal([]);
  });
});

describe('finding a branch of the bank with the most branches', () => {
  it('has hundreds of branches to search', () => expect(mufgBranches.entries.length).to.be.greaterThan(500));
  it('by the 3-digit code', () => expect(codes(mufgBranches, '001', 1)).to.deep.equal(['001']));
  it('by kanji', () => expect(search(mufgBranches, '渋谷')[0]?.name).to.contain('渋谷'));
  it('by hiragana', () => expect(search(mufgBranches, 'しぶや')[0]?.name).to.contain('渋谷'));
  it('by romaji', () => expect(search(mufgBranches, 'shibuya')[0]?.name).to.contain('渋谷'));
  it('with 支店 typed after the name', () => expect(search(mufgBranches, '渋谷支店')[0]?.name).to.contain('渋谷'));
});
