/**
 * The typed events of `<prepaid-checkout>`. They never carry a code.
 */
import type { Payment } from '../contract/checkout.js';

export interface PrepaidCheckoutCompleteDetail {
  order: string;
  amount: number;
  payments: Payment[];
}

export interface PrepaidCheckoutErrorDetail {
  code: string;
}

/** Fired once when the order is paid in this tab (also after coming back from an issuer's page). */
export class PrepaidCheckoutCompleteEvent extends CustomEvent<PrepaidCheckoutCompleteDetail> {
  static readonly type = 'prepaid-checkout-complete';
  constructor(detail: PrepaidCheckoutCompleteDetail) {
    super(PrepaidCheckoutCompleteEvent.type, { detail, bubbles: true, composed: true });
  }
}

/** Fired for every error the shopper is shown, with its code. */
export class PrepaidCheckoutErrorEvent extends CustomEvent<PrepaidCheckoutErrorDetail> {
  static readonly type = 'prepaid-checkout-error';
  constructor(detail: PrepaidCheckoutErrorDetail) {
    super(PrepaidCheckoutErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'prepaid-checkout-complete': PrepaidCheckoutCompleteEvent;
    'prepaid-checkout-error': PrepaidCheckoutErrorEvent;
  }
}
