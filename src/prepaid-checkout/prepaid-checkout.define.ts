import { PrepaidCheckout } from './prepaid-checkout.js';

export { PrepaidCheckout };

if (!customElements.get('prepaid-checkout')) customElements.define('prepaid-checkout', PrepaidCheckout);

declare global {
  interface HTMLElementTagNameMap {
    'prepaid-checkout': PrepaidCheckout;
  }
}
