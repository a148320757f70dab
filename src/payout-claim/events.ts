/**
 * The typed events of `<payout-claim>`. They never carry the token or account data.
 */
import type { ClaimStatus } from '../contract/claim.js';

export interface PayoutClaimCompleteDetail {
  /** A method id (one this widget knows). */
  method: string;
  /** The amount as claimed. */
  amount: number;
  /** The fee the method deducts. */
  fee: number;
  status: ClaimStatus;
}

export interface PayoutClaimErrorDetail {
  code: string;
}

/** Fired when the recipient's choice in this tab takes the claim to `processing` or `completed` (also on return from a wallet). */
export class PayoutClaimCompleteEvent extends CustomEvent<PayoutClaimCompleteDetail> {
  static readonly type = 'payout-claim-complete';
  constructor(detail: PayoutClaimCompleteDetail) {
    super(PayoutClaimCompleteEvent.type, { detail, bubbles: true, composed: true });
  }
}

/** Fired for every error the recipient is shown, with its code. */
export class PayoutClaimErrorEvent extends CustomEvent<PayoutClaimErrorDetail> {
  static readonly type = 'payout-claim-error';
  constructor(detail: PayoutClaimErrorDetail) {
    super(PayoutClaimErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'payout-claim-complete': PayoutClaimCompleteEvent;
    'payout-claim-error': PayoutClaimErrorEvent;
  }
}
