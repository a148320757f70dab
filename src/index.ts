/**
 * Entry point `index.js`: defines every element of the package and exports their classes, events,
 * and the types of every shape in CONTRACT.md.
 */
import './prepaid-checkout/prepaid-checkout.define.js';
import './payout-claim/payout-claim.define.js';

export * from './prepaid-checkout.js';
export * from './payout-claim.js';
