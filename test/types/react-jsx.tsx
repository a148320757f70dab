/**
 * Type-checked by `tsc --noEmit` (never run): the README's TSX declaration for the two elements, and JSX
 * that uses it as the README does. The imports name src/ where the README names the package.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PayoutClaim, PayoutClaimCompleteEvent, PayoutClaimErrorEvent } from '../../src/payout-claim.js';
import type { PrepaidCheckout, PrepaidCheckoutCompleteEvent, PrepaidCheckoutErrorEvent } from '../../src/prepaid-checkout.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'prepaid-checkout': DetailedHTMLProps<HTMLAttributes<PrepaidCheckout>, PrepaidCheckout> & {
        endpoint: string;
        order: string;
        brands?: string;
        'onprepaid-checkout-complete'?: (event: PrepaidCheckoutCompleteEvent) => void;
        'onprepaid-checkout-error'?: (event: PrepaidCheckoutErrorEvent) => void;
      };
      'payout-claim': DetailedHTMLProps<HTMLAttributes<PayoutClaim>, PayoutClaim> & {
        endpoint: string;
        token?: string;
        'bank-data'?: string;
        'onpayout-claim-complete'?: (event: PayoutClaimCompleteEvent) => void;
        'onpayout-claim-error'?: (event: PayoutClaimErrorEvent) => void;
      };
    }
  }
}

declare function showThanks(amount: number): void;

export function Checkout({ order }: { order: string }) {
  return (
    <prepaid-checkout
      endpoint="/api/checkout"
      order={order}
      lang="ja"
      onprepaid-checkout-complete={(e) => showThanks(e.detail.amount)}
      onprepaid-checkout-error={(e) => console.warn(e.detail.code)}
    />
  );
}

export function Claim({ token }: { token: string }) {
  return <payout-claim endpoint="/api/claims" token={token} onpayout-claim-complete={(e) => showThanks(e.detail.amount - e.detail.fee)} />;
}

export function Wrong() {
  return (
    <>
      {/* @ts-expect-error: order is required */}
      <prepaid-checkout endpoint="/api/checkout" />
      {/* @ts-expect-error: the detail of a complete event has no code */}
      <prepaid-checkout endpoint="/api/checkout" order="x" onprepaid-checkout-complete={(e) => e.detail.code} />
      {/* @ts-expect-error: a claim's complete event has no payments */}
      <payout-claim endpoint="/api/claims" onpayout-claim-complete={(e) => e.detail.payments} />
    </>
  );
}
