/**
 * Pure width and script conversions for what people type on Japanese keyboards. No DOM.
 */

/** Full-width ASCII (Ａ, １, －) and the ideographic space to their half-width forms. Kana are left alone. */
export function toHalfWidthAscii(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCodePoint(cp - 0xfee0);
    else if (cp === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Katakana (full-width, including ヴ) to hiragana; everything else unchanged. */
export function katakanaToHiragana(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    out += cp >= 0x30a1 && cp <= 0x30f6 ? String.fromCodePoint(cp - 0x60) : ch;
  }
  return out;
}

/**
 * Folds width the way a code or a number is meant: full-width letters and digits to half-width,
 * half-width katakana to full-width (with voiced marks composed). NFKC does exactly this.
 */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}
