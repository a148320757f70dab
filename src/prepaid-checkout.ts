/**
 * Entry point `prepaid-checkout.js`: defines `<prepaid-checkout>` and exports its class and types.
 */
import './prepaid-checkout/prepaid-checkout.define.js';

export { PrepaidCheckout } from './prepaid-checkout/prepaid-checkout.js';
export { PrepaidCheckoutCompleteEvent, PrepaidCheckoutErrorEvent } from './prepaid-checkout/events.js';
export type { PrepaidCheckoutCompleteDetail, PrepaidCheckoutErrorDetail } from './prepaid-checkout/events.js';
export { registerBrand } from './contract/brands.js';
export type * from './contract/index.js';
