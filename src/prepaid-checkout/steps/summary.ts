import { html, nothing } from 'lit';
import type { Order } from '../../contract/checkout.js';
import type { CheckoutStepContext } from './context.js';

/** The store, the item and the amount (labelled "to pay" on the form, "paid" on the receipt). */
export function renderOrderSummary(order: Order, amountLabel: string, ctx: CheckoutStepContext) {
  const t = ctx.m.checkout;
  return html`<dl class="summary" part="summary">
    <div><dt>${t.merchant}</dt><dd>${order.merchant.name}</dd></div>
    ${order.description ? html`<div><dt>${t.item}</dt><dd>${order.description}</dd></div>` : nothing}
    <div class="total"><dt>${amountLabel}</dt><dd class="amount">${ctx.yen(order.amount)}</dd></div>
  </dl>`;
}
