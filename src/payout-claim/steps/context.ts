import type { ApiError } from '../../api/client.js';
import type { Claim, ClaimMethod } from '../../contract/claim.js';
import type { BankAccountForm } from '../../fields/bank-account-form.js';
import { errorText } from '../../i18n/error-text.js';
import { formatArrivalDate, formatYen, methodWords, type ClaimMessages, type Lang, type MethodWords } from '../../i18n/index.js';
import type { ClaimEvent } from '../claim-flow.js';

/** What every step's render function gets: messages, language, and the element's handlers. */
export interface StepContext {
  m: ClaimMessages;
  lang: Lang;
  yen: (amount: number) => string;
  /** How to word a method; one the registry knows always has words. */
  method: (id: string) => MethodWords;
  error: (error: ApiError) => string;
  send: (event: ClaimEvent) => void;
  next: () => void;
  confirm: () => void;
  /** The one-time code: ask for one; check what was typed. */
  sendCode: () => void;
  verifyCode: (code: string) => void;
  /** Copies `text`; `label` names it (the button it came from); `shown` is selected if the clipboard refuses. */
  copy: (text: string, label: string, shown: Element | null) => void;
  copied: string | null;
  bankForm: BankAccountForm;
  now: number;
}

const UNNAMED: MethodWords = { name: '', needs: '', confirm: () => '', processing: '', completed: '', done: () => '' };

export function stepContext(m: ClaimMessages, lang: Lang, rest: Omit<StepContext, 'm' | 'lang' | 'yen' | 'method' | 'error'>): StepContext {
  return {
    m,
    lang,
    yen: (amount) => formatYen(amount, lang),
    method: (id) => methodWords(m, lang, id) ?? { ...UNNAMED, name: id },
    error: (error) => errorText(m.common, error, lang),
    ...rest,
  };
}

export function failureText(m: ClaimMessages, claim: Claim): string | null {
  if (claim.status !== 'failed') return null;
  const code = claim.failure?.code ?? 'unknown';
  return (Object.hasOwn(m.claim.failures, code) ? m.claim.failures[code] : undefined) ?? m.claim.failures.unknown;
}

/**
 * When a method's money arrives, in words: the backend's `arrivalBy` with its weekday ("Arrives by Thu 26 Nov"),
 * else "1–3 business days"; a real-time method "usually right away", as maintenance can delay it.
 */
export function arrivalText(m: ClaimMessages, lang: Lang, terms: Pick<ClaimMethod, 'arrival' | 'arrivalBy'>): string {
  if (terms.arrival === 'instant') return m.claim.arrival.instant;
  return terms.arrivalBy ? m.claim.arrival.by(formatArrivalDate(terms.arrivalBy, lang)) : m.claim.arrival.business_days;
}

/** While a transfer is processing: by when it reaches the account (the bank method's `arrivalBy`, if given). */
export function bankWhenText(m: ClaimMessages, lang: Lang, claim: Claim, method: string): string {
  const arrivalBy = claim.methods.find((terms) => terms.method === method)?.arrivalBy;
  return arrivalBy ? m.claim.bankWhenBy(formatArrivalDate(arrivalBy, lang)) : m.claim.bankWhen;
}
