/**
 * Language resolution and number/date formats for both widgets.
 */
import { brands } from '../contract/brands.js';
import { methods } from '../contract/methods.js';
import * as en from './en.js';
import * as ja from './ja.js';
import type { BrandWords, Lang, Messages, MethodWords } from './messages.js';

export type { BrandWords, Lang, Messages, MethodWords } from './messages.js';

/** Each widget takes only its own sections, so that one bundle does not carry the other's strings. */
export type CheckoutMessages = Pick<Messages, 'common' | 'checkout'>;
export type ClaimMessages = Pick<Messages, 'common' | 'claim'>;

export function checkoutMessages(lang: Lang): CheckoutMessages {
  return lang === 'en' ? { common: en.common, checkout: en.checkout } : { common: ja.common, checkout: ja.checkout };
}

export function claimMessages(lang: Lang): ClaimMessages {
  return lang === 'en' ? { common: en.common, claim: en.claim } : { common: ja.common, claim: ja.claim };
}

/** How to word a brand: a built-in's from the messages, a registered one's from its registration; null when unknown. */
export function brandWords(m: CheckoutMessages, lang: Lang, id: string): BrandWords | null {
  const builtIn = Object.hasOwn(m.checkout.brands, id) ? (m.checkout.brands as Record<string, BrandWords>)[id] : undefined;
  return builtIn ?? (brands.messagesOf(id)?.[lang] as BrandWords | undefined) ?? null;
}

/** How to word a payout method, as for brands. */
export function methodWords(m: ClaimMessages, lang: Lang, id: string): MethodWords | null {
  const builtIn = Object.hasOwn(m.claim.methods, id) ? (m.claim.methods as Record<string, MethodWords>)[id] : undefined;
  return builtIn ?? (methods.messagesOf(id)?.[lang] as MethodWords | undefined) ?? null;
}

/** `ja`, `ja-JP` → ja; `en`, `en-US` → en; anything else → ja. */
export function toLang(tag: string | null | undefined): Lang {
  return tag?.toLowerCase().split('-')[0] === 'en' ? 'en' : 'ja';
}

/**
 * The element's `lang` attribute; without it the nearest `lang` on an ancestor (crossing shadow roots),
 * then `navigator.language`.
 */
export function resolveLang(element: Element): Lang {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang') && node.getAttribute('lang') !== '') {
      return toLang(node.getAttribute('lang'));
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return toLang(globalThis.navigator?.language);
}

/** Integer yen: `1,200円` in Japanese, `¥1,200` in English. */
export function formatYen(amount: number, lang: Lang): string {
  const digits = new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US').format(amount);
  return lang === 'ja' ? `${digits}円` : `¥${digits}`;
}

/**
 * Times are Japan's (where the money and the merchant are), and say so: `2026/12/01 10:00 JST`,
 * `1 Dec 2026, 10:00 JST`. Intl writes Tokyo's zone as `GMT+9` in English, so the abbreviation is ours.
 */
function tokyo(date: Date, lang: Lang, options: Intl.DateTimeFormatOptions): string {
  return `${new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { ...options, timeZone: 'Asia/Tokyo' }).format(date)} JST`;
}

/** A date and time: `2026/12/01 10:00 JST` in Japanese, `1 Dec 2026, 10:00 JST` in English. */
export function formatDateTime(iso: string, lang: Lang): string {
  return tokyo(new Date(iso), lang, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A time later today (a lockout's end): `10:00:30 JST`. */
export function formatTime(epochMs: number, lang: Lang): string {
  return tokyo(new Date(epochMs), lang, { timeStyle: 'medium' });
}
