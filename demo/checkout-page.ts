/**
 * The demo checkout page: the order and language come from the query string, as a merchant's page
 * would set them from its own order. Events are shown below the widget.
 */
import '../src/prepaid-checkout.js';
import { logEvents } from './event-log.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'ja';
document.documentElement.lang = lang;
const checkout = document.querySelector('prepaid-checkout')!;
checkout.setAttribute('order', params.get('order') ?? 'demo-1200');
for (const notice of checkout.querySelectorAll<HTMLElement>('[slot="notice"][data-lang]')) notice.hidden = notice.dataset.lang !== lang;

for (const other of ['ja', 'en']) {
  const link = document.querySelector<HTMLAnchorElement>(`#lang-${other}`)!;
  const url = new URL(location.href);
  url.searchParams.set('lang', other);
  link.href = url.href;
  if (other === lang) link.setAttribute('aria-current', 'page');
}

logEvents(checkout, ['prepaid-checkout-complete', 'prepaid-checkout-error'], document.querySelector('#log')!);
