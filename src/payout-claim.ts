/**
 * Entry point `payout-claim.js`: defines `<payout-claim>` and exports its class and types.
 */
import './payout-claim/payout-claim.define.js';

export { PayoutClaim } from './payout-claim/payout-claim.js';
export { PayoutClaimCompleteEvent, PayoutClaimErrorEvent } from './payout-claim/events.js';
export type { PayoutClaimCompleteDetail, PayoutClaimErrorDetail } from './payout-claim/events.js';
export { registerPayoutMethod } from './contract/methods.js';
export type * from './contract/index.js';
