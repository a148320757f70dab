import type { CodeFieldController } from '../../fields/code-field.js';
import { brandWords, formatYen, type BrandWords, type CheckoutMessages, type Lang } from '../../i18n/index.js';
import type { CheckoutEvent } from '../checkout-flow.js';

/** What every step's render function gets: messages, language, and the element's handlers. */
export interface CheckoutStepContext {
  m: CheckoutMessages;
  lang: Lang;
  yen: (amount: number) => string;
  /** How to word a brand; a brand the registry knows always has words. */
  brand: (id: string) => BrandWords;
  send: (event: CheckoutEvent) => void;
  pay: (event: SubmitEvent) => void;
  addCode: () => void;
  checkBalance: (index: number) => void;
  reload: () => void;
  codes: CodeFieldController;
  now: number;
}

export function checkoutContext(m: CheckoutMessages, lang: Lang, rest: Omit<CheckoutStepContext, 'm' | 'lang' | 'yen' | 'brand'>): CheckoutStepContext {
  return {
    m,
    lang,
    yen: (amount) => formatYen(amount, lang),
    brand: (id) => brandWords(m, lang, id) ?? { name: id, codeName: id },
    ...rest,
  };
}
