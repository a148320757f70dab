/**
 * The recipient's page in the demo: the widget reads the token from the fragment itself. The language
 * switch changes the page's lang, which the widget follows. Events are shown below it.
 */
import '../src/payout-claim.js';
import { logEvents } from './event-log.js';

const claim = document.querySelector('payout-claim')!;
const setLang = (lang: string) => {
  document.documentElement.lang = lang;
  claim.setAttribute('lang', lang);
  for (const other of ['ja', 'en']) {
    document.querySelector(`#lang-${other}`)!.toggleAttribute('aria-current', other === lang);
  }
};
setLang(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'ja');
for (const lang of ['ja', 'en']) {
  document.querySelector(`#lang-${lang}`)!.addEventListener('click', (event) => {
    event.preventDefault();
    setLang(lang);
  });
}

logEvents(claim, ['payout-claim-complete', 'payout-claim-error'], document.querySelector('#log')!);
