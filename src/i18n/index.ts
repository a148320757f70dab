/**
 * Language resolution and number/date formats for both widgets.
 */
import { brands } from '../contract/brands.js';
import { methods } from '../contract/methods.js';
import type { BrandWords, Lang, Messages, MethodWords } from './messages.js';
import type { MessageLoaders } from './messages-controller.js';

export type { BrandWords, Lang, Messages, MethodWords } from './messages.js';

/** Each widget takes only its own sections, so that one bundle does not carry the other's strings. */
export type CheckoutMessages = Pick<Messages, 'common' | 'checkout'>;
export type ClaimMessages = Pick<Messages, 'common' | 'claim'>;

/**
 * Each language is a chunk of its own per widget (`checkout-ja.ts` and so on re-export that widget's sections, so
 * that the bundler leaves the other widget's strings out), loaded when an element needs it (`MessagesController`).
 */
export const checkoutMessages: MessageLoaders<CheckoutMessages> = {
  ja: () => import('./checkout-ja.js'),
  en: () => import('./checkout-en.js'),
};

export const claimMessages: MessageLoaders<ClaimMessages> = {
  ja: () => import('./claim-ja.js'),
  en: () => import('./claim-en.js'),
};

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

/** A date and time in Japan's time zone, where the money and the merchant are. */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Tokyo',
  }).format(new Date(iso));
}

export function formatTime(epochMs: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    timeStyle: 'medium',
  }).format(new Date(epochMs));
}
