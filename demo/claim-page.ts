/**
 * The recipient's page in the demo: the widget reads the token from the fragment itself. The language
 * switch changes the page's lang, which the widget follows, marks the current language (aria-current),
 * and keeps it in the URL's `?lang=` (the fragment untouched): the widget sends the page's URL as its
 * returnUrl, so a wallet's sandbox login page opens in that language and the page comes back in it.
 * Events are shown below it. The provider's legal notice (in the `notice` slot) is shown in the page's language.
 */
import '../src/payout-claim.js';
import { logEvents } from './event-log.js';
import { phonePanel } from './phone-panel.js';

// Read before the widget takes the token out of the address bar (it keeps it in sessionStorage for the tab).
const linkToken = new URLSearchParams(location.hash.slice(1)).get('token');
const phone = phonePanel(document.querySelector<HTMLElement>('#phone')!, () => sessionStorage.getItem('ppw-claim-token') ?? linkToken);
const claim = document.querySelector('payout-claim')!;
const setLang = (lang: 'ja' | 'en') => {
  document.documentElement.lang = lang;
  phone.setLang(lang);
  claim.setAttribute('lang', lang);
  for (const notice of claim.querySelectorAll<HTMLElement>('[slot="notice"][data-lang]')) notice.hidden = notice.dataset.lang !== lang;
  for (const other of ['ja', 'en']) {
    const link = document.querySelector<HTMLAnchorElement>(`#lang-${other}`)!;
    const url = new URL(location.href);
    url.searchParams.set('lang', other);
    link.href = url.href;
    if (other === lang) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const here = new URL(location.href);
  if (here.searchParams.get('lang') !== lang) {
    here.searchParams.set('lang', lang);
    history.replaceState(history.state, '', here.href);
  }
};
setLang(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'ja');
for (const lang of ['ja', 'en'] as const) {
  document.querySelector(`#lang-${lang}`)!.addEventListener('click', (event) => {
    event.preventDefault();
    setLang(lang);
  });
}

logEvents(claim, ['payout-claim-complete', 'payout-claim-error'], document.querySelector('#log')!);
