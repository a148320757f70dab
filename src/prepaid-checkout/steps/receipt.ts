import { html, nothing } from 'lit';
import type { Order } from '../../contract/checkout.js';
import { formatDateTime } from '../../i18n/index.js';
import type { CheckoutStepContext } from './context.js';

/**
 * Yen that went back to each payment of a refunded order: its `refunded` (an extension of CONTRACT.md 0.2);
 * from a backend that sends no `refundedAmount`, a refunded order went back whole.
 */
export function refundedPerPayment(order: Order): number[] {
  const payments = order.payments ?? [];
  if (order.status !== 'refunded') return payments.map(() => 0);
  if (order.refundedAmount === undefined) return payments.map((p) => p.amount);
  return payments.map((p) => Math.min(p.amount, p.refunded ?? 0));
}

/** The receipt of a paid order; of a refunded one, marked refunded with when, how much, and where the money went back. */
export function renderReceipt(order: Order, ctx: CheckoutStepContext) {
  return order.status === 'refunded' ? renderRefunded(order, ctx) : renderPaid(order, ctx);
}

function orderRows(order: Order, ctx: CheckoutStepContext) {
  const t = ctx.m.checkout;
  return html`<div><dt>${t.merchant}</dt><dd>${order.merchant.name}</dd></div>
    <div><dt>${t.orderId}</dt><dd>${order.order}</dd></div>
    ${order.description ? html`<div><dt>${t.item}</dt><dd>${order.description}</dd></div>` : nothing}`;
}

/** Paid on the issuer's page (redirect mode): no code was typed here. */
const onIssuerSite = (order: Order, brand: string) => order.brands.find((b) => b.id === brand)?.mode === 'redirect';

function renderPaid(order: Order, ctx: CheckoutStepContext) {
  const t = ctx.m.checkout;
  const payments = order.payments ?? [];
  return html`<section class="card receipt" part="receipt">
    <h2 tabindex="-1"><span class="success" aria-hidden="true">✓</span> ${t.paidTitle}</h2>
    <p>${t.paidLead(ctx.yen(order.amount), order.merchant.name)}</p>
    <dl class="summary">
      ${orderRows(order, ctx)}
      <div class="total"><dt>${t.amountPaid}</dt><dd class="amount">${ctx.yen(order.amount)}</dd></div>
      ${order.paidAt ? html`<div><dt>${t.paidAt}</dt><dd>${formatDateTime(order.paidAt, ctx.lang)}</dd></div>` : nothing}
    </dl>
    ${
      payments.length
        ? html`<h3>${t.paidWith}</h3>
          <ul class="payments">
            ${payments.map((p) => {
              const name = ctx.brand(p.brand).name;
              return html`<li>
                <span class="payment-brand">${name}</span>
                <span class="payment-amount">${ctx.yen(p.amount)}</span>
                ${onIssuerSite(order, p.brand) ? html`<span class="payment-note">${t.paidOnSite(name)}</span>` : nothing}
                ${p.masked ? html`<span class="payment-note masked">${p.masked}</span>` : nothing}
              </li>`;
            })}
          </ul>`
        : nothing
    }
  </section>`;
}

function renderRefunded(order: Order, ctx: CheckoutStepContext) {
  const t = ctx.m.checkout;
  const payments = order.payments ?? [];
  const back = refundedPerPayment(order);
  const refunded = Math.min(order.amount, order.refundedAmount ?? order.amount);
  const partial = refunded < order.amount;
  return html`<section class="card receipt refunded" part="receipt">
    <h2 tabindex="-1">${partial ? t.partlyRefundedTitle : t.refundedTitle}</h2>
    ${order.refundedAt ? html`<p class="refunded-on">${t.refundedOn(formatDateTime(order.refundedAt, ctx.lang))}</p>` : nothing}
    <p>${t.refundedLead(ctx.yen(refunded))}</p>
    <dl class="summary">
      ${orderRows(order, ctx)}
      <div><dt>${t.amountPaid}</dt><dd>${ctx.yen(order.amount)}</dd></div>
      ${order.paidAt ? html`<div><dt>${t.paidAt}</dt><dd>${formatDateTime(order.paidAt, ctx.lang)}</dd></div>` : nothing}
      <div class="total"><dt>${t.refundedAmount}</dt><dd class="amount">${ctx.yen(refunded)}</dd></div>
      ${partial ? html`<div><dt>${t.stillPaid}</dt><dd>${ctx.yen(order.amount - refunded)}</dd></div>` : nothing}
    </dl>
    ${
      back.some((yen) => yen > 0)
        ? html`<h3>${t.refundedTo}</h3>
          <ul class="payments">
            ${payments.map((p, i) => {
              if (!back[i]) return nothing;
              const name = ctx.brand(p.brand).name;
              return html`<li>
                <span class="payment-brand">${name}</span>
                <span class="payment-amount">${ctx.yen(back[i])}</span>
                ${p.masked ? html`<span class="payment-note masked">${p.masked}</span>` : nothing}
                <span class="payment-note">${onIssuerSite(order, p.brand) ? t.refundedOnSite(name) : t.refundedToCode}</span>
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
