export * from './common.js';
export * from './brands.js';
export * from './methods.js';
export * from './checkout.js';
export * from './checkout-requests.js';
export * from './claim.js';
export * from './claim-requests.js';
