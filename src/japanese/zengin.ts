/**
 * Zengin (全銀) rules for bank transfers (DOMAIN.md): holder names in half-width katakana, account numbers.
 * Pure functions; every conversion rule sits in a table here so that a wrong fact is corrected in one place.
 */
import { toHalfWidthAscii } from './width.js';

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

/** Half-width katakana (ｶﾞ, ｰ, ･) and bracketed ideographs (㈱) to their full forms; nothing else. */
const COMPATIBILITY = /[\uff61-\uff9f\u3220-\u3243]+/gu;

/**
 * Corporate and office forms and their Zengin abbreviations (略語), placed as ｶ) at the start, (ｶ) in the
 * middle, (ｶ at the end. `written` lists what people type for it: the form in kanji, its kana reading
 * (hiragana is matched too) and the short forms ((株), ㈱, （株）). One table: correct a fact here.
 * Uncertain: (同) for 合同会社, (医) (宗) (学) (福) (独) (特非) are common short forms but not Zengin's own list;
 * カイシャ next to ガイシャ is how people mis-hear 会社; kana forms typed in half-width are matched too.
 */
export const CORPORATE_ABBREVIATIONS: readonly { abbreviation: string; written: readonly string[] }[] = [
  { abbreviation: 'ｶ', written: ['株式会社', 'カブシキガイシャ', 'カブシキカイシャ', '(株)', '㈱'] },
  { abbreviation: 'ﾕ', written: ['有限会社', 'ユウゲンガイシャ', 'ユウゲンカイシャ', '(有)', '㈲'] },
  { abbreviation: 'ﾒ', written: ['合名会社', 'ゴウメイガイシャ', 'ゴウメイカイシャ', '(名)', '㈴'] },
  { abbreviation: 'ｼ', written: ['合資会社', 'ゴウシガイシャ', 'ゴウシカイシャ', '(資)', '㈾'] },
  { abbreviation: 'ﾄﾞ', written: ['合同会社', 'ゴウドウガイシャ', 'ゴウドウカイシャ', '(同)'] },
  { abbreviation: 'ｲ', written: ['医療法人', 'イリョウホウジン', '(医)'] },
  {
    abbreviation: 'ｻﾞｲ',
    written: ['一般財団法人', '公益財団法人', '財団法人', 'イッパンザイダンホウジン', 'コウエキザイダンホウジン', 'ザイダンホウジン', '(財)', '㈶'],
  },
  {
    abbreviation: 'ｼﾔ',
    written: ['一般社団法人', '公益社団法人', '社団法人', 'イッパンシャダンホウジン', 'コウエキシャダンホウジン', 'シャダンホウジン', '(社)', '㈳'],
  },
  { abbreviation: 'ｼﾕｳ', written: ['宗教法人', 'シュウキョウホウジン', '(宗)'] },
  { abbreviation: 'ｶﾞｸ', written: ['学校法人', 'ガッコウホウジン', '(学)', '㈻'] },
  { abbreviation: 'ﾌｸ', written: ['社会福祉法人', 'シャカイフクシホウジン', '(福)'] },
  { abbreviation: 'ﾄｸﾋ', written: ['特定非営利活動法人', 'トクテイヒエイリカツドウホウジン', 'NPO法人', '(特非)'] },
  { abbreviation: 'ﾄﾞｸ', written: ['独立行政法人', 'ドクリツギョウセイホウジン', '(独)'] },
  { abbreviation: 'ｴｲ', written: ['営業所', 'エイギョウショ', 'エイギョウジョ'] },
  { abbreviation: 'ｼﾕﾂ', written: ['出張所', 'シュッチョウショ', 'シュッチョウジョ'] },
  { abbreviation: 'ｼﾞﾑ', written: ['事務所', 'ジムショ'] },
];

/**
 * Each written form as it reads after the early folding (katakana, large kana, half-width ASCII, upper case),
 * with its abbreviation; the bracketed abbreviation itself ((ｶ), (カ)) is a written form too, so that it is
 * placed by the rule. Longest first, so that 一般財団法人 wins over 財団法人.
 */
const WRITTEN_FORMS: readonly { written: string; abbreviation: string }[] = CORPORATE_ABBREVIATIONS.flatMap(({ abbreviation, written }) =>
  [...written, `(${abbreviation.normalize('NFKC')})`].map((form) => ({ written: foldEarly(form), abbreviation })),
).sort((a, b) => b.written.length - a.written.length);

const SAFE = /^[ｱ-ﾝﾞﾟA-Z0-9 ().\-]$/u;

function hiraganaToKatakana(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0x3041 && cp <= 0x3096 ? String.fromCodePoint(cp + 0x60) : ch;
  }
  return out;
}

/**
 * The folding before corporate forms are looked for: one width and script for everything (full-width
 * katakana, half-width ASCII in upper case, large kana, the marks people type as the ones Zengin has).
 */
function foldEarly(typed: string): string {
  let text = typed.replace(COMPATIBILITY, (run) => run.normalize('NFKC'));
  text = toHalfWidthAscii(text).replace(/[ー－‐−―・]/g, (ch) => MARK_FOLD[ch] ?? ch);
  text = hiraganaToKatakana(text).replace(/[ァィゥェォッャュョヮヵヶヲヰヱ]/g, (ch) => KANA_FOLD[ch] ?? ch);
  return text.toUpperCase().replace(/\s+/g, ' ').trim();
}

function katakanaToHalfWidth(ch: string): string {
  if (ch === 'ヴ') return 'ｳﾞ';
  let i = FULL.indexOf(ch);
  if (i >= 0) return HALF[i]!;
  i = VOICED.indexOf(ch);
  if (i >= 0) return `${HALF[FULL.indexOf(VOICED_BASE[i]!)]}ﾞ`;
  i = SEMI.indexOf(ch);
  if (i >= 0) return `${HALF[FULL.indexOf(SEMI_BASE[i]!)]}ﾟ`;
  if (ch === '゛' || ch === '\u3099') return 'ﾞ';
  if (ch === '゜' || ch === '\u309a') return 'ﾟ';
  return HALF_SMALL[ch] ?? ch;
}

/**
 * Replaces every corporate or office form (株式会社, かぶしきがいしゃ, ㈱, (株), (カ)) by its abbreviation,
 * bracketed by where it stands: ｶ) at the start, (ｶ) in the middle, (ｶ at the end; no spaces around it.
 */
function abbreviateCorporateForms(text: string): string {
  const parts: ({ abbreviation: string } | string)[] = [];
  let plain = '';
  for (let i = 0; i < text.length; ) {
    const hit = WRITTEN_FORMS.find((f) => text.startsWith(f.written, i));
    if (!hit) {
      plain += text[i];
      i += 1;
      continue;
    }
    parts.push(plain, { abbreviation: hit.abbreviation });
    plain = '';
    i += hit.written.length;
  }
  parts.push(plain);
  if (parts.length === 1) return text;
  const hasText = (from: number, to: number) => parts.slice(from, to).some((p) => typeof p !== 'string' || p.trim() !== '');
  return parts
    .map((part, i) => {
      if (typeof part === 'string') return part.trim();
      const before = hasText(0, i);
      const after = hasText(i + 1, parts.length);
      return `${before ? '(' : ''}${part.abbreviation}${after || !before ? ')' : ''}`;
    })
    .join('');
}

/** A run of the name as typed: what will be sent, or characters that cannot be sent (kept as typed). */
export interface ZenginNamePart {
  text: string;
  sendable: boolean;
}

export interface ZenginName {
  /** The name as the bank will receive it. */
  name: string;
  /** Its length as Zengin counts it (ﾞ and ﾟ one each). */
  length: number;
  /** Characters that cannot be sent, in order of appearance, each once. */
  invalid: string[];
  /** The whole name in order, the unsendable characters in place: what a preview shows (nothing dropped). */
  parts: ZenginNamePart[];
}

/**
 * What a recipient typed to the half-width form the bank receives: hiragana and full-width katakana to
 * half-width, small kana to large, ー to -, ・ to a space, Latin to uppercase half-width, corporate forms to
 * their bracketed abbreviations.
 */
export function toZenginName(typed: string): ZenginName {
  const text = abbreviateCorporateForms(foldEarly(typed));
  const parts: ZenginNamePart[] = [];
  const invalid: string[] = [];
  const add = (piece: string, sendable: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.sendable === sendable) last.text += piece;
    else parts.push({ text: piece, sendable });
  };
  for (const ch of text) {
    const half = katakanaToHalfWidth(ch);
    const sendable = [...half].every((c) => SAFE.test(c));
    add(sendable ? half : ch, sendable);
    if (!sendable && !invalid.includes(ch)) invalid.push(ch);
  }
  const name = parts
    .filter((p) => p.sendable)
    .map((p) => p.text)
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();
  return { name, length: [...name].length, invalid, parts };
}

/** Shows a half-width name in full-width katakana, for reading it back (ｶﾞ → ガ). */
export function zenginToReadable(name: string): string {
  return name.normalize('NFKC');
}

/** Account numbers are 7 digits, right-aligned and padded with 0. Returns null when it is not 1 to 7 digits. */
export function padAccountNumber(typed: string): string | null {
  const digits = toDigits(typed);
  return digits && digits.length <= 7 ? digits.padStart(7, '0') : null;
}

/** Digits only, full-width folded, spaces and dashes (as printed or typed by an IME) dropped; null if anything else is there. */
export function toDigits(typed: string): string | null {
  const digits = toHalfWidthAscii(typed).replace(/[\s\-‐−―ー]/g, '');
  return /^\d*$/.test(digits) ? digits : null;
}
