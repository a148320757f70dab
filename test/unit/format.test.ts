/**
 * formatYen and formatDateTime work without Intl (whose first use is slow): the same text as Intl gives, as a
 * table over the digits' lengths, in both languages.
 */
import { expect } from '@open-wc/testing';
import { formatArrivalDate, formatDateTime, formatTime, formatYen } from '../../src/i18n/index.js';

describe('formatYen', () => {
  const amounts = [0, 5, 42, 999, 1000, 1200, 10000, 99999, 123456, 1000000, 12345678, 987654321];
  for (const amount of amounts) {
    it(`${amount}`, () => {
      expect(formatYen(amount, 'ja')).to.equal(`${new Intl.NumberFormat('ja-JP').format(amount)}円`);
      expect(formatYen(amount, 'en')).to.equal(`¥${new Intl.NumberFormat('en-US').format(amount)}`);
    });
  }
  it('a few by hand', () => {
    expect(formatYen(1200, 'ja')).to.equal('1,200円');
    expect(formatYen(2780, 'en')).to.equal('¥2,780');
    expect(formatYen(1234567, 'en')).to.equal('¥1,234,567');
  });
});

describe('formatDateTime', () => {
  const table: [string, string, string][] = [
    ['2026-12-01T21:10:00+09:00', '2026/12/01 21:10', '1 Dec 2026, 21:10'],
    ['2026-01-05T03:04:00Z', '2026/01/05 12:04', '5 Jan 2026, 12:04'],
    ['2026-06-30T15:00:00Z', '2026/07/01 0:00', '1 Jul 2026, 00:00'],
    ['2026-12-31T15:30:00Z', '2027/01/01 0:30', '1 Jan 2027, 00:30'],
    ['2027-02-28T23:59:59+09:00', '2027/02/28 23:59', '28 Feb 2027, 23:59'],
    ['2028-02-28T16:00:00Z', '2028/02/29 1:00', '29 Feb 2028, 01:00'],
  ];
  for (const [iso, ja, en] of table) {
    it(iso, () => {
      // Tokyo time, saying its zone.
      expect(formatDateTime(iso, 'ja')).to.equal(`${ja} JST`);
      expect(formatDateTime(iso, 'en')).to.equal(`${en} JST`);
    });
  }
  it('in Japanese, what Intl gives for Asia/Tokyo', () => {
    const intl = new Intl.DateTimeFormat('ja-JP', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' });
    for (const [iso] of table) expect(formatDateTime(iso, 'ja')).to.equal(`${intl.format(new Date(iso))} JST`);
  });
  it('formatTime: Tokyo time with its zone, as Intl gives it for Asia/Tokyo', () => {
    for (const [iso] of table) {
      const at = new Date(iso).getTime();
      for (const [lang, locale] of [
        ['ja', 'ja-JP'],
        ['en', 'en-GB'],
      ] as const) {
        const intl = new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone: 'Asia/Tokyo' });
        expect(formatTime(at, lang)).to.equal(`${intl.format(at)} JST`);
      }
    }
  });

  it('throws on an invalid date, as Intl does', () => {
    expect(() => formatDateTime('not a date', 'en')).to.throw(RangeError);
  });
});

describe('formatArrivalDate', () => {
  it('a few by hand', () => {
    expect(formatArrivalDate('2026-11-26', 'ja')).to.equal('11月26日（木）');
    expect(formatArrivalDate('2026-11-26', 'en')).to.equal('Thu 26 Nov');
    expect(formatArrivalDate('2027-01-07', 'ja')).to.equal('1月7日（木）');
    expect(formatArrivalDate('2028-02-29', 'en')).to.equal('Tue 29 Feb');
  });
  it('the same weekday, day and month as Intl, over three years', () => {
    const ja = new Intl.DateTimeFormat('ja-JP', { weekday: 'short', timeZone: 'UTC' });
    // en-US names (en-GB says "Sept"), in the British order that the widget's other dates use.
    const en = new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    const part = (date: Date, type: string) => en.formatToParts(date).find((p) => p.type === type)!.value;
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2029, 0, 1); day += 86_400_000) {
      const date = new Date(day);
      const iso = date.toISOString().slice(0, 10);
      expect(formatArrivalDate(iso, 'ja'), iso).to.equal(`${date.getUTCMonth() + 1}月${date.getUTCDate()}日（${ja.format(date)}）`);
      expect(formatArrivalDate(iso, 'en'), iso).to.equal(`${part(date, 'weekday')} ${part(date, 'day')} ${part(date, 'month')}`);
    }
  });
  it('refuses what is not a date', () => {
    expect(() => formatArrivalDate('26 Nov', 'en')).to.throw(RangeError);
  });
});
