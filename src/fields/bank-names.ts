/**
 * How bank and branch names are shown (pure, no DOM): full-width Latin letters and digits as half-width
 * (ＰａｙＰａｙ → PayPay; kana is never touched), and, for English, a readable romaji beside the Japanese
 * (みずほ (Mizuho)), made from the data's `roma`, in which Latin letters are spelled out as their kana names
 * (三菱ＵＦＪ: "mitsubishiyu-efujiei"); those are put back as the letters of the name (Mitsubishi UFJ).
 */
import type { BankEntry } from './bank-search.js';

/**
 * Banks whose data romaji misleads an English reader (Zengin kana has no small kana: ゆうちょ comes out
 * "yuuchiyo"): the name they go by in English. Keep this table short; add only what the data gets wrong.
 */
const ENGLISH_NAMES: Readonly<Record<string, string>> = {
  '9900': 'Japan Post Bank',
};

/** Full-width Latin letters and digits to half-width; everything else (kana, kanji, punctuation) as it is. */
export function halfWidthLatin(name: string): string {
  return name.replace(/[Ａ-Ｚａ-ｚ０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** How zengin-code's `roma` spells each Latin letter (from its kana name: ユ－ → "yu-"), longest first. */
const LETTER_ROMA: Readonly<Record<string, readonly string[]>> = {
  a: ['e-', 'ei'],
  b: ['bi-'],
  c: ['shi-'],
  d: ['dei-'],
  e: ['i-'],
  f: ['efu'],
  g: ['ji-'],
  h: ['eichi', 'etchi'],
  i: ['ai'],
  j: ['jiei', 'jie-'],
  k: ['kei'],
  l: ['eru'],
  m: ['emu'],
  n: ['enu'],
  o: ['o-'],
  p: ['pi-'],
  q: ['kiyu-'],
  r: ['a-ru'],
  s: ['esu'],
  t: ['tei-'],
  u: ['yu-'],
  v: ['bui'],
  w: ['daburiyu-'],
  x: ['etsukusu'],
  y: ['wai'],
  z: ['zetsuto'],
};

/** Where `letters` are spelled in `roma` from `from` on, as themselves or by their names: the end index, or -1. */
function spelledAt(roma: string, from: number, letters: string): number {
  const lower = letters.toLowerCase();
  if (roma.startsWith(lower, from)) return from + lower.length;
  let at = from;
  for (const letter of lower) {
    const next = (LETTER_ROMA[letter] ?? []).find((spelling) => roma.startsWith(spelling, at));
    if (next === undefined) return -1;
    at += next.length;
  }
  return at;
}

/** The romaji of a kana-only stretch: the long-vowel marks dropped, capitalized. */
function word(text: string): string {
  const plain = text.replace(/-/g, '');
  return plain ? plain[0]!.toUpperCase() + plain.slice(1) : '';
}

/**
 * A romaji to show beside an entry's name, or null when the name needs none (already Latin letters, or
 * no romaji in the data). 三菱ＵＦＪ → "Mitsubishi UFJ", ａｕじぶん → "au Jibun", みずほ → "Mizuho".
 */
export function readableRoma(entry: Pick<BankEntry, 'name' | 'roma'> & { code?: string }): string | null {
  if (entry.code && Object.hasOwn(ENGLISH_NAMES, entry.code)) return ENGLISH_NAMES[entry.code]!;
  const name = halfWidthLatin(entry.name);
  const roma = entry.roma.toLowerCase();
  if (!roma || /^[\x20-\x7e]+$/.test(name)) return null;
  const runs = name.match(/[A-Za-z]+/g) ?? [];
  const words: string[] = [];
  let at = 0;
  for (const run of runs) {
    // The letters' spelling is somewhere after what was read so far: the romaji before it is a word.
    let found = -1;
    let start = at;
    for (; start <= roma.length && found < 0; start++) found = spelledAt(roma, start, run);
    if (found < 0) return word(roma);
    start -= 1;
    if (start > at) words.push(word(roma.slice(at, start)));
    words.push(run);
    at = found;
  }
  if (at < roma.length) words.push(word(roma.slice(at)));
  return words.filter(Boolean).join(' ');
}

/** The name as shown: half-width Latin, with its romaji for English. */
export function displayName(entry: Pick<BankEntry, 'name' | 'roma'> & { code?: string }, withRoma: boolean): string {
  const name = halfWidthLatin(entry.name);
  const roma = withRoma ? readableRoma(entry) : null;
  return roma ? `${name} (${roma})` : name;
}

/**
 * An option of the bank or branch search, and the box's text once picked: the name and its code, and in
 * English the romaji too. ja: みずほ (0001); en: みずほ (Mizuho, 0001).
 */
export function entryLabel(entry: Pick<BankEntry, 'name' | 'roma' | 'code'>, withRoma: boolean): string {
  const name = halfWidthLatin(entry.name);
  const roma = withRoma ? readableRoma(entry) : null;
  return roma ? `${name} (${roma}, ${entry.code})` : `${name} (${entry.code})`;
}
