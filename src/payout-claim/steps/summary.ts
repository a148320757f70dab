import { html, nothing } from 'lit';
import type { Claim } from '../../contract/claim.js';
import { formatDateTime } from '../../i18n/index.js';
import type { StepContext } from './context.js';

/** Who pays, why (a purpose this widget does not know is worded neutrally), how much, and until when. */
export function renderClaimSummary(claim: Claim, ctx: StepContext) {
  const t = ctx.m.claim;
  const purposes = t.purposes as Record<string, string>;
  const purpose = (Object.hasOwn(purposes, claim.purpose) ? purposes[claim.purpose] : undefined) ?? t.purposes.other;
  return html`<dl class="summary" part="summary">
      <div><dt>${t.from}</dt><dd>${claim.payer.name}</dd></div>
      <div><dt>${t.purpose}</dt><dd>${purpose}</dd></div>
      <div class="total"><dt>${t.amount}</dt><dd class="amount">${ctx.yen(claim.amount)}</dd></div>
      <div><dt>${t.validUntil}</dt><dd>${formatDateTime(claim.expiresAt, ctx.lang)}</dd></div>
    </dl>
    ${claim.message ? html`<p class="message">${claim.message}</p>` : nothing}`;
}
