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

/**
 * Integer yen: `1,200円` in Japanese, `¥1,200` in English. Both group digits by three with a comma, so this
 * needs no Intl.NumberFormat: the first one a page makes loads the locale's data, ~30 ms of a phone's main
 * thread (~125 ms at 4x CPU throttling) before the first view, for what one regular expression does.
 */
export function formatYen(amount: number, lang: Lang): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.round(Math.abs(amount))).replace(/\B(?=(\d{3})+$)/g, ',');
  return lang === 'ja' ? `${sign}${digits}円` : `${sign}¥${digits}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A date and time in Japan's time zone, where the money and the merchant are, saying so: `2026/12/01 21:10 JST`,
 * `1 Dec 2026, 21:10 JST` (what Intl's ja-JP / en-GB medium date and short time give, with the zone). Japan has kept UTC+9 without
 * daylight saving since 1951, so this needs no Intl.DateTimeFormat with a time zone, whose first use loads the
 * zone data: ~25 ms of a phone's main thread (~110 ms at 4x CPU throttling) before the claim's first view.
 */
export function formatDateTime(iso: string, lang: Lang): string {
  const epoch = new Date(iso).getTime();
  if (Number.isNaN(epoch)) throw new RangeError(`Invalid time value: ${iso}`);
  const jst = new Date(epoch + JST_OFFSET_MS);
  const [year, month, day, hour, minute] = [
    jst.getUTCFullYear(),
    jst.getUTCMonth(),
    jst.getUTCDate(),
    jst.getUTCHours(),
    jst.getUTCMinutes(),
  ];
  return lang === 'ja'
    ? `${year}/${two(month + 1)}/${two(day)} ${hour}:${two(minute)} JST`
    : `${day} ${MONTHS[month]} ${year}, ${two(hour)}:${two(minute)} JST`;
}

const WEEKDAYS = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
} as const;

/**
 * A calendar date in Japan (`arrivalBy`, `YYYY-MM-DD`) with its weekday: `11月26日（木）`, `Thu 26 Nov` (no year:
 * the date is days ahead). The weekday is the date's own (from its UTC midnight), so no zone or Intl is involved.
 */
export function formatArrivalDate(date: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Invalid date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return lang === 'ja' ? `${month}月${day}日（${WEEKDAYS.ja[weekday]}）` : `${WEEKDAYS.en[weekday]} ${day} ${MONTHS[month - 1]}`;
}

/** A time later today (a lockout's end), in Japan's time: `9:05:03 JST` / `09:05:03 JST` (Intl's medium time). */
export function formatTime(epochMs: number, lang: Lang): string {
  const jst = new Date(epochMs + JST_OFFSET_MS);
  const hour = jst.getUTCHours();
  return `${lang === 'ja' ? hour : two(hour)}:${two(jst.getUTCMinutes())}:${two(jst.getUTCSeconds())} JST`;
}
