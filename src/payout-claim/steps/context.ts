import type { ApiError } from '../../api/client.js';
import type { Claim } from '../../contract/claim.js';
import type { BankAccountForm } from '../../fields/bank-account-form.js';
import { commonErrorText, fallbackErrorText } from '../../i18n/error-text.js';
import { formatYen, type ClaimMessages, type Lang } from '../../i18n/index.js';
import type { ClaimEvent } from '../claim-flow.js';

/** What every step's render function gets: messages, language, and the element's handlers. */
export interface StepContext {
  m: ClaimMessages;
  lang: Lang;
  yen: (amount: number) => string;
  send: (event: ClaimEvent) => void;
  next: () => void;
  confirm: () => void;
  copy: (text: string, label: string) => void;
  copied: string | null;
  bankForm: BankAccountForm;
  now: number;
}

export function yenFormatter(lang: Lang) {
  return (amount: number) => formatYen(amount, lang);
}

export function claimErrorText(m: ClaimMessages, error: ApiError): string {
  const known = m.claim.errors as Record<string, string>;
  return known[error.code] ?? commonErrorText(m.common, error) ?? fallbackErrorText(m.common, error);
}

export function failureText(m: ClaimMessages, claim: Claim): string | null {
  if (claim.status !== 'failed') return null;
  const code = claim.failure?.code ?? 'unknown';
  return m.claim.failures[code] ?? m.claim.failures.unknown;
}
