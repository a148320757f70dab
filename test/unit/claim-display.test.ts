import { expect } from '@open-wc/testing';
import { displayName, entryLabel, halfWidthLatin, readableRoma } from '../../src/fields/bank-names.js';
import { groupForReading } from '../../src/payout-claim/code-groups.js';

describe('bank names: full-width Latin and digits as half-width, never the kana', () => {
  const cases: [string, string][] = [
    ['ＰａｙＰａｙ', 'PayPay'],
    ['ＳＢＩ新生', 'SBI新生'],
    ['三菱ＵＦＪ', '三菱UFJ'],
    ['集中センター第３', '集中センター第3'],
    ['ｶﾞｲｺｸ　ｶﾞｯｺｳ', 'ｶﾞｲｺｸ　ｶﾞｯｺｳ'],
    ['ミツビシユ－エフジエイ', 'ミツビシユ－エフジエイ'],
  ];
  for (const [name, shown] of cases) it(`${name} → ${shown}`, () => expect(halfWidthLatin(name)).to.equal(shown));
});

describe('bank names: a readable romaji beside the Japanese', () => {
  // From zengin-code's rows: Latin letters come spelled out as their kana names.
  const cases: [string, string, string, string | null][] = [
    ['0001', 'みずほ', 'mizuho', 'Mizuho'],
    ['0005', '三菱ＵＦＪ', 'mitsubishiyu-efujiei', 'Mitsubishi UFJ'],
    ['0039', 'ａｕじぶん', 'e-yu-jibun', 'au Jibun'],
    ['0038', 'ドコモＳＭＴＢネット', 'dokomosmtbnetsuto', 'Dokomo SMTB Netsuto'],
    ['0310', 'ＧＭＯあおぞらネット', 'ji-emuo-aozoranetsuto', 'GMO Aozoranetsuto'],
    ['0397', 'ＳＢＩ新生', 'esubi-aishinsei', 'SBI Shinsei'],
    ['0402', 'ＪＰモルガン', 'jie-pi-morugan', 'JP Morugan'],
    ['9481', 'ＪＦしまね漁協', 'jieiefushimanegiyokiyou', 'JF Shimanegiyokiyou'],
    ['0033', 'ＰａｙＰａｙ', 'peipei', null],
    ['0458', 'ＤＢＳ', 'dei-bi-esu', null],
    ['9900', 'ゆうちょ', 'yuuchiyo', 'Japan Post Bank'],
    ['135', '渋谷', 'shibuya', 'Shibuya'],
    ['000', '集中センター第３', 'shiyuuchiyuusenta-daisan', 'Shiyuuchiyuusentadaisan'],
    ['001', '本店', '', null],
    // Letters the romaji does not spell as expected: the data's romaji as it is, not a guess.
    ['999', 'ＸＹ銀行', 'ekkusuwaiginkou', 'Ekkusuwaiginkou'],
  ];
  for (const [code, name, roma, shown] of cases)
    it(`${name} (${roma}) → ${shown}`, () => expect(readableRoma({ code, name, roma })).to.equal(shown));

  it('labels an option with name, romaji (English only) and code', () => {
    const mufg = { code: '0005', name: '三菱ＵＦＪ', roma: 'mitsubishiyu-efujiei' };
    expect(entryLabel(mufg, false)).to.equal('三菱UFJ (0005)');
    expect(entryLabel(mufg, true)).to.equal('三菱UFJ (Mitsubishi UFJ, 0005)');
    expect(entryLabel({ code: '0033', name: 'ＰａｙＰａｙ', roma: 'peipei' }, true)).to.equal('PayPay (0033)');
    expect(displayName({ name: 'みずほ', roma: 'mizuho' }, true)).to.equal('みずほ (Mizuho)');
    expect(displayName({ name: 'みずほ', roma: 'mizuho' }, false)).to.equal('みずほ');
  });
});

describe('ATM codes grouped for reading aloud', () => {
  const cases: [string, string][] = [
    ['388689644809', '3886 8964 4809'],
    ['958782', '958 782'],
    ['12345678', '1234 5678'],
    ['1234567', '1234 567'],
    ['1234', '1234'],
    ['AB-12', 'AB-12'],
  ];
  for (const [code, shown] of cases) it(`${code} → ${shown}`, () => expect(groupForReading(code)).to.equal(shown));
});
