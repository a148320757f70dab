import { PayoutClaim } from './payout-claim.js';

export { PayoutClaim };

if (!customElements.get('payout-claim')) customElements.define('payout-claim', PayoutClaim);

declare global {
  interface HTMLElementTagNameMap {
    'payout-claim': PayoutClaim;
  }
}
