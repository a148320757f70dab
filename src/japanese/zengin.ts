/**
 * Zengin (全銀) rules for bank transfers (DOMAIN.md): holder names in half-width katakana, account numbers.
 * Pure functions; every conversion rule sits in a table here so that a wrong fact is corrected in one place.
 */
import { katakanaToHiragana, toHalfWidthAscii } from './width.js';

/** At most 30 characters, where each ﾞ and ﾟ counts as one. */
export const HOLDER_MAX_LENGTH = 30;

/** Small kana to large, and the old kana banks do not take (ヲ as ｵ is the banks' usual reading; uncertain). */
const KANA_FOLD: Record<string, string> = {
  ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ッ: 'ツ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ', ヵ: 'カ', ヶ: 'ケ',
  ヲ: 'オ', ヰ: 'イ', ヱ: 'エ',
};

/** Marks people type that Zengin writes otherwise. */
const MARK_FOLD: Record<string, string> = { ー: '-', '－': '-', '‐': '-', '−': '-', '―': '-', '・': ' ', '　': ' ', '（': '(', '）': ')' };

const FULL = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const HALF = 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ';
const VOICED = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボ';
const VOICED_BASE = 'カキクケコサシスセソタチツテトハヒフヘホ';
const SEMI = 'パピプペポ';
const SEMI_BASE = 'ハヒフヘホ';
const HALF_SMALL: Record<string, string> = { ｧ: 'ｱ', ｨ: 'ｲ', ｩ: 'ｳ', ｪ: 'ｴ', ｫ: 'ｵ', ｯ: 'ﾂ', ｬ: 'ﾔ', ｭ: 'ﾕ', ｮ: 'ﾖ', ｦ: 'ｵ', ｰ: '-' };

/** Corporate forms and their Zengin abbreviations (略語), placed as カ) at the start, (カ) in the middle, (カ at the end. */
export const CORPORATE_ABBREVIATIONS: readonly { form: string; kana: string; abbreviation: string }[] = [
  { form: '株式会社', kana: 'カブシキガイシャ', abbreviation: 'ｶ' },
  { form: '有限会社', kana: 'ユウゲンガイシャ', abbreviation: 'ﾕ' },
  { form: '合同会社', kana: 'ゴウドウガイシャ', abbreviation: 'ﾄﾞ' },
  { form: '医療法人', kana: 'イリョウホウジン', abbreviation: 'ｲ' },
  { form: '財団法人', kana: 'ザイダンホウジン', abbreviation: 'ｻﾞｲ' },
  { form: '社団法人', kana: 'シャダンホウジン', abbreviation: 'ｼﾔ' },
  { form: 'NPO法人', kana: 'トクテイヒエイリカツドウホウジン', abbreviation: 'ﾄｸﾋ' },
];

const SAFE = /^[ｱ-ﾝﾞﾟA-Z0-9 ().\-]$/u;

function hiraganaToKatakana(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0x3041 && cp <= 0x3096 ? String.fromCodePoint(cp + 0x60) : ch;
  }
  return out;
}

function katakanaToHalfWidth(ch: string): string {
  if (ch === 'ヴ') return 'ｳﾞ';
  let i = FULL.indexOf(ch);
  if (i >= 0) return HALF[i]!;
  i = VOICED.indexOf(ch);
  if (i >= 0) return `${HALF[FULL.indexOf(VOICED_BASE[i]!)]}ﾞ`;
  i = SEMI.indexOf(ch);
  if (i >= 0) return `${HALF[FULL.indexOf(SEMI_BASE[i]!)]}ﾟ`;
  if (ch === '゛') return 'ﾞ';
  if (ch === '゜') return 'ﾟ';
  return HALF_SMALL[ch] ?? ch;
}

/** Replaces a corporate form written out (株式会社, カブシキガイシャ) by its bracketed abbreviation. */
function abbreviateCorporateForms(name: string): string {
  for (const { form, kana, abbreviation } of CORPORATE_ABBREVIATIONS) {
    for (const written of [form, kana]) {
      const at = name.indexOf(written);
      if (at < 0) continue;
      const before = name.slice(0, at).trim();
      const after = name.slice(at + written.length).trim();
      if (!before) return `${abbreviation})${after}`;
      if (!after) return `${before}(${abbreviation}`;
      return `${before}(${abbreviation})${after}`;
    }
  }
  return name;
}

export interface ZenginName {
  /** The name as the bank will receive it. */
  name: string;
  /** Its length as Zengin counts it (ﾞ and ﾟ one each). */
  length: number;
  /** Characters that cannot be sent, in order of appearance, as the recipient typed them. */
  invalid: string[];
}

/**
 * What a recipient typed to the half-width form the bank receives: hiragana and full-width katakana to
 * half-width, small kana to large, ー to -, ・ to a space, Latin to uppercase half-width.
 */
export function toZenginName(typed: string): ZenginName {
  let text = toHalfWidthAscii(typed.replace(/[ー－‐−―・　（）]/g, (ch) => MARK_FOLD[ch] ?? ch));
  // Corporate forms first: written in kana they hold small kana (ガイシャ) that the folding changes.
  text = abbreviateCorporateForms(hiraganaToKatakana(text));
  text = text.replace(/[ァィゥェォッャュョヮヵヶヲヰヱ]/g, (ch) => KANA_FOLD[ch] ?? ch);
  let name = '';
  const invalid: string[] = [];
  for (const ch of text.toUpperCase()) {
    const half = katakanaToHalfWidth(ch);
    if ([...half].every((c) => SAFE.test(c))) name += half;
    else if (!invalid.includes(ch)) invalid.push(ch);
  }
  name = name.replace(/ {2,}/g, ' ').trim();
  return { name, length: [...name].length, invalid };
}

/** Account numbers are 7 digits, right-aligned and padded with 0. Returns null when it is not 1 to 7 digits. */
export function padAccountNumber(typed: string): string | null {
  const digits = toDigits(typed);
  return digits && digits.length <= 7 ? digits.padStart(7, '0') : null;
}

/** Digits only, full-width folded; null if anything else is there. */
export function toDigits(typed: string): string | null {
  const digits = toHalfWidthAscii(typed).replace(/[\s-]/g, '');
  return /^\d*$/.test(digits) ? digits : null;
}

