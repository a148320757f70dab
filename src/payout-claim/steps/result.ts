import { html, nothing } from 'lit';
import type { Claim, MethodId } from '../../contract/claim.js';
import { formatDateTime } from '../../i18n/index.js';
import { netAmount, type Notice } from '../claim-flow.js';
import type { StepContext } from './context.js';

function methodOf(claim: Claim): MethodId | null {
  return claim.result?.method ?? null;
}

function copyable(label: string, value: string, ctx: StepContext) {
  const t = ctx.m.claim;
  return html`<div class="code-box">
    <span class="code-label">${label}</span>
    <span class="code-value" lang="en">${value}</span>
    <button type="button" @click=${() => ctx.copy(value, label)}>${t.copy(label)}</button>
  </div>`;
}

/** What the recipient must do, or can expect, while the payout is processing or done. */
function renderDetails(claim: Claim, ctx: StepContext) {
  const t = ctx.m.claim;
  const result = claim.result;
  if (!result) return nothing;
  switch (result.method) {
    case 'atm':
      if (claim.status !== 'processing') return nothing;
      return html`<div class="atm" part="receipt">
          ${copyable(t.receiptNumber, result.receiptNumber, ctx)} ${copyable(t.confirmationCode, result.confirmationCode, ctx)}
          <p class="expiry">${t.atmExpires(formatDateTime(result.expiresAt, ctx.lang))}</p>
          <p class="hint">${t.atmKeep}</p>
          <ol class="steps">
            ${t.atmSteps.map((step) => html`<li>${step}</li>`)}
          </ol>
        </div>
        <p class="copied" role="status">${ctx.copied ? t.copied(ctx.copied) : ''}</p>`;
    case 'bank':
      return html`${claim.status === 'processing' ? html`<p>${t.bankWhen}</p>` : nothing}
        <h3>${t.bankDetails}</h3>
        <dl class="summary">
          <div><dt>${t.bankForm.bank}</dt><dd>${result.bankName} ${result.branchName}</dd></div>
          <div><dt>${t.bankForm.type}</dt><dd>${t.accountTypes[result.type]} ${result.masked}</dd></div>
          <div><dt>${t.bankForm.holder}</dt><dd class="zengin" lang="ja">${result.holder}</dd></div>
        </dl>`;
    case 'quo':
      return html`<p><a class="button-link" href=${result.giftUrl} target="_blank" rel="noopener noreferrer">${t.quoLink}</a></p>
        <p>${t.quoWhat}</p>
        <p class="expiry">${t.quoExpires(formatDateTime(result.expiresAt, ctx.lang))}</p>`;
    case 'amazon':
    case 'aupay':
      return claim.status === 'processing' ? html`<p>${t.walletWaiting}</p>` : nothing;
  }
}

export function renderProcessing(claim: Claim, notice: Notice, ctx: StepContext) {
  const t = ctx.m.claim;
  const method = methodOf(claim);
  return html`<section class="card" part="result">
    <h2 tabindex="-1">${method ? t.processingTitle[method] : t.checking}</h2>
    ${notice ? html`<p class="notice" role="status">${t.notices[notice]}</p>` : nothing}
    ${method ? html`<p class="amount-line">${t.youReceive(ctx.yen(netAmount(claim, method)))}</p>` : nothing}
    ${renderDetails(claim, ctx)}
  </section>`;
}

export function renderCompleted(claim: Claim, notice: Notice, ctx: StepContext) {
  const t = ctx.m.claim;
  const method = methodOf(claim);
  return html`<section class="card" part="result">
    <h2 tabindex="-1"><span class="success" aria-hidden="true">✓</span> ${method ? t.completedTitle[method] : t.title}</h2>
    ${notice ? html`<p class="notice" role="status">${t.notices[notice]}</p>` : nothing}
    ${method ? html`<p>${t.completedLead(ctx.yen(netAmount(claim, method)), t.methodNames[method])}</p>` : nothing}
    ${renderDetails(claim, ctx)}
  </section>`;
}

export function renderClosed(claim: Claim, ctx: StepContext) {
  const t = ctx.m.claim;
  const [title, lead] =
    claim.status === 'expired'
      ? [t.expiredTitle, t.expiredLead]
      : claim.status === 'canceled'
        ? [t.canceledTitle, t.canceledLead]
        : [t.failedTitle, t.failedLead];
  return html`<section class="card closed">
    <h2 tabindex="-1">${title}</h2>
    <p>${lead}</p>
  </section>`;
}
