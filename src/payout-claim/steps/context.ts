import type { ApiError } from '../../api/client.js';
import type { Claim } from '../../contract/claim.js';
import type { BankAccountForm } from '../../fields/bank-account-form.js';
import { errorText } from '../../i18n/error-text.js';
import { formatYen, methodWords, type ClaimMessages, type Lang, type MethodWords } from '../../i18n/index.js';
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
