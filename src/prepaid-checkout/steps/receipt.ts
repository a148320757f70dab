import { html, nothing } from 'lit';
import type { Order } from '../../contract/checkout.js';
import { formatDateTime } from '../../i18n/index.js';
import type { CheckoutStepContext } from './context.js';

/** The receipt of a paid order; of a refunded one, marked refunded with when and where the money went back. */
export function renderReceipt(order: Order, ctx: CheckoutStepContext) {
  const t = ctx.m.checkout;
  const refunded = order.status === 'refunded';
  const payments = order.payments ?? [];
  return html`<section class="card receipt" part="receipt">
    <h2 tabindex="-1">
      ${refunded ? t.refundedTitle : html`<span class="success" aria-hidden="true">✓</span> ${t.paidTitle}`}
    </h2>
    <p>${refunded ? t.refundedLead(ctx.yen(order.amount)) : t.paidLead(ctx.yen(order.amount), order.merchant.name)}</p>
    <dl class="summary">
      <div><dt>${t.merchant}</dt><dd>${order.merchant.name}</dd></div>
      <div><dt>${t.orderId}</dt><dd>${order.order}</dd></div>
      ${order.description ? html`<div><dt>${t.item}</dt><dd>${order.description}</dd></div>` : nothing}
      <div class="total"><dt>${t.amountPaid}</dt><dd class="amount">${ctx.yen(order.amount)}</dd></div>
      ${order.paidAt ? html`<div><dt>${t.paidAt}</dt><dd>${formatDateTime(order.paidAt, ctx.lang)}</dd></div>` : nothing}
      ${refunded && order.refundedAt ? html`<div><dt>${t.refundedAt}</dt><dd>${formatDateTime(order.refundedAt, ctx.lang)}</dd></div>` : nothing}
    </dl>
    ${
      payments.length
        ? html`<h3>${refunded ? t.refundedTo : t.paidWith}</h3>
          <ul class="payments">
            ${payments.map((p) => {
              const name = ctx.brand(p.brand).name;
              // Paid on the issuer's page: no code was typed here, so none is named.
              const onSite = order.brands.find((b) => b.id === p.brand)?.mode === 'redirect';
              return html`<li>
                <span class="payment-brand">${name}</span>
                <span class="payment-amount">${ctx.yen(p.amount)}</span>
                ${onSite ? html`<span class="payment-note">${refunded ? t.refundedOnSite(name) : t.paidOnSite(name)}</span>` : nothing}
                ${p.masked ? html`<span class="payment-note masked">${p.masked}</span>` : nothing}
              </li>`;
            })}
          </ul>`
        : nothing
    }
  </section>`;
}

export function renderClosed(order: Order, ctx: CheckoutStepContext) {
  const t = ctx.m.checkout;
  const expired = order.status === 'expired';
  return html`<section class="card closed">
    <h2 tabindex="-1">${expired ? t.expiredTitle : t.canceledTitle}</h2>
    <p>${expired ? t.expiredLead : t.canceledLead}</p>
  </section>`;
}
