export * from './common.js';
export * from './checkout.js';
