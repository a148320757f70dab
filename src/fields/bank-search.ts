/**
 * Finding a bank or a branch by what a recipient types: kanji, hiragana, katakana (full- or half-width),
 * romaji, or the code. Pure: an index is built once per list, and each keystroke is one pass over it.
 */
import * as z from 'zod/mini';
import { katakanaToHiragana } from '../japanese/width.js';

export const bankEntry = z.object({ code: z.string(), name: z.string(), kana: z.string(), hira: z.string(), roma: z.string() });
export type BankEntry = z.infer<typeof bankEntry>;
export const bankList = z.array(bankEntry);

/** The banks most recipients use, one tap away, in this order (megabanks, Japan Post Bank, big net banks). */
export const POPULAR_BANKS: readonly string[] = [
  '0001',
  '0005',
  '0009',
  '0010',
  '9900',
  '0036',
  '0038',
  '0033',
  '0039',
  '0034',
  '0040',
  '0017',
];

/** Other names people search by. */
const ALIASES: Record<string, string[]> = {
  '0005': ['mufg', 'ufj', 'みつびし'],
  '0009': ['smbc'],
  '9900': ['japanpost', 'jpbank', 'ゆうちょぎんこう', 'yucho'],
  '0036': ['rakuten'],
  '0038': ['sbi', 'すみしん', 'sumishin'],
  '0033': ['paypay'],
  '0039': ['au', 'じぶん', 'jibun'],
};

/** Words that name a kind of institution rather than the one meant; dropped from the query. */
const NOISE = /(銀行|ぎんこう|ginkou|ginko|bank|支店|してん|shiten|本店)$/u;

const SMALL_TO_LARGE: Record<string, string> = {
  ぁ: 'あ',
  ぃ: 'い',
  ぅ: 'う',
  ぇ: 'え',
  ぉ: 'お',
  っ: 'つ',
  ゃ: 'や',
  ゅ: 'ゆ',
  ょ: 'よ',
  ゎ: 'わ',
  ゕ: 'か',
  ゖ: 'け',
};

/** One comparable form for names and queries: NFKC, lowercase, hiragana, large kana, no marks or spaces. */
export function searchKey(text: string): string {
  let key = katakanaToHiragana(text.normalize('NFKC').toLowerCase());
  key = key.replace(/[ぁぃぅぇぉっゃゅょゎゕゖ]/g, (ch) => SMALL_TO_LARGE[ch] ?? ch);
  return key.replace(/[\s\-‐－−ー・.()（）]/g, '');
}

export interface SearchIndex {
  entries: readonly BankEntry[];
  keys: readonly string[][];
  popularity: ReadonlyMap<string, number>;
}

export function buildIndex(entries: readonly BankEntry[], popular: readonly string[] = []): SearchIndex {
  const keys = entries.map((e) => [e.name, e.hira, e.kana, e.roma, ...(ALIASES[e.code] ?? [])].map(searchKey));
  return { entries, keys, popularity: new Map(popular.map((code, i) => [code, i])) };
}

/**
 * Entries matching the query, best first: an exact code, then a code or name starting with it, then
 * names containing it; among equals, popular banks first, then by code.
 */
export function search(index: SearchIndex, query: string, limit = 20): BankEntry[] {
  const raw = searchKey(query);
  const q = raw.replace(NOISE, '') || raw;
  if (!q) return [];
  const digits = /^\d+$/.test(q);
  const scored: { entry: BankEntry; rank: number }[] = [];
  for (let i = 0; i < index.entries.length; i++) {
    const entry = index.entries[i]!;
    let rank = -1;
    if (digits) {
      if (entry.code === q) rank = 0;
      else if (entry.code.startsWith(q)) rank = 1;
    }
    if (rank < 0) {
      for (const key of index.keys[i]!) {
        if (key.startsWith(q)) {
          rank = 2;
          break;
        }
        if (rank < 0 && key.includes(q)) rank = 3;
      }
    }
    if (rank >= 0) scored.push({ entry, rank });
  }
  const pop = (code: string) => index.popularity.get(code) ?? Number.MAX_SAFE_INTEGER;
  scored.sort((a, b) => a.rank - b.rank || pop(a.entry.code) - pop(b.entry.code) || a.entry.code.localeCompare(b.entry.code));
  return scored.slice(0, limit).map((s) => s.entry);
}
