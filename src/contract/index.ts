export * from './common.js';
export * from './checkout.js';
export * from './checkout-requests.js';
export * from './claim.js';
export * from './claim-requests.js';
