export * from './common.js';
export * from './checkout.js';
export * from './checkout-requests.js';
