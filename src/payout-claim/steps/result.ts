import { html, nothing } from 'lit';
import { typedResult, type Claim } from '../../contract/claim.js';
import { methods } from '../../contract/methods.js';
import { formatDateTime } from '../../i18n/index.js';
import { netAmount, type KnownMethodId, type Notice } from '../claim-flow.js';
import { groupForReading } from '../code-groups.js';
import { bankWhenText, type StepContext } from './context.js';

function methodOf(claim: Claim): KnownMethodId | null {
  const method = claim.result?.method;
  return method && methods.has(method) ? method : null;
}

/**
 * A value to keep, with its copy button: the button says "Copied" for a few seconds after it was pressed
 * (and the status region under the result says what was copied). `shown` is how it reads (codes in groups).
 */
function copyable(label: string, value: string, ctx: StepContext, shown = value, kind: 'code' | 'link' = 'code') {
  const t = ctx.m.claim;
  const copied = ctx.copied === label;
  return html`<div class="code-box" data-kind=${kind}>
    <span class="code-label">${label}</span>
    <span class="code-value" lang="en">${shown}</span>
    <button
      type="button"
      class="copy"
      ?data-copied=${copied}
      @click=${(e: Event) => ctx.copy(value, label, (e.currentTarget as HTMLElement).parentElement?.querySelector('.code-value') ?? null)}
    >
      ${copied ? html`<span aria-hidden="true">✓ </span>${t.copiedButton}` : t.copy(label)}
    </button>
  </div>`;
}

/** Whether nothing more is coming that the recipient needs this page for (then, and only then: "you can close it"). */
function canClose(claim: Claim): boolean {
  const kind = typedResult(claim.result)?.kind;
  if (claim.status === 'processing') return kind === 'account';
  return claim.status === 'completed' && kind !== undefined && kind !== 'link';
}

/** What the recipient must do, or can expect, while the payout is processing or done: by the method's kind. */
function renderDetails(claim: Claim, ctx: StepContext) {
  const t = ctx.m.claim;
  const typed = typedResult(claim.result);
  if (!typed) return nothing;
  switch (typed.kind) {
    case 'codes': {
      const { result } = typed;
      if (claim.status !== 'processing') return nothing;
      return html`<div class="atm" part="receipt">
          ${copyable(t.receiptNumber, result.receiptNumber, ctx, groupForReading(result.receiptNumber))}
          ${copyable(t.confirmationCode, result.confirmationCode, ctx, groupForReading(result.confirmationCode))}
          <p class="expiry">${t.atmExpires(formatDateTime(result.expiresAt, ctx.lang))}</p>
          <p class="hint">${t.atmKeep}</p>
          <ol class="steps">
            ${t.atmSteps.map((step) => html`<li>${step}</li>`)}
          </ol>
        </div>`;
    }
    case 'account': {
      const { result } = typed;
      return html`${claim.status === 'processing' ? html`<p class="arrival">${bankWhenText(ctx.m, ctx.lang, claim, result.method)}</p>` : nothing}
        <h3>${t.bankDetails}</h3>
        <dl class="summary">
          <div><dt>${t.bankForm.bank}</dt><dd>${ctx.bankForm.resultName(result.bankName, 'bank', ctx.lang)}</dd></div>
          <div><dt>${t.bankForm.branch}</dt><dd>${ctx.bankForm.resultName(result.branchName, 'branch', ctx.lang)}</dd></div>
          <div><dt>${t.bankForm.type}</dt><dd>${t.accountTypes[result.type]}</dd></div>
          <div><dt>${t.bankForm.number}</dt><dd>${result.masked}</dd></div>
          <div><dt>${t.bankForm.holder}</dt><dd class="zengin" lang="ja">${result.holder}</dd></div>
        </dl>`;
    }
    case 'link': {
      const { result } = typed;
      const words = ctx.method(result.method);
      return html`<p><a class="button-link" href=${result.giftUrl} target="_blank" rel="noopener noreferrer">${t.linkOpen(words.name)}</a></p>
        ${copyable(t.giftLink, result.giftUrl, ctx, result.giftUrl, 'link')}
        ${words.about ? html`<p>${words.about}</p>` : nothing}
        <p class="expiry">${t.linkExpires(formatDateTime(result.expiresAt, ctx.lang))}</p>`;
    }
    case 'wallet':
      return claim.status === 'processing' ? html`<p>${t.walletWaiting}</p>` : nothing;
  }
}

/** "You can close this page" when it is so, and the status region that says what was copied. */
function renderClosing(claim: Claim, ctx: StepContext) {
  const t = ctx.m.claim;
  return html`${canClose(claim) ? html`<p class="message can-close">${t.canClose}</p>` : nothing}
    <p class="visually-hidden" role="status">${ctx.copied ? t.copied(ctx.copied) : ''}</p>`;
}

export function renderProcessing(claim: Claim, notice: Notice, ctx: StepContext) {
  const t = ctx.m.claim;
  const method = methodOf(claim);
  return html`<section class="card" part="result">
    <h2 tabindex="-1">${method ? ctx.method(method).processing : t.checking}</h2>
    ${notice ? html`<p class="notice" role="status">${t.notices[notice]}</p>` : nothing}
    ${method ? html`<p class="amount-line">${t.youReceive(ctx.yen(netAmount(claim, method)))}</p>` : nothing}
    ${renderDetails(claim, ctx)} ${renderClosing(claim, ctx)}
  </section>`;
}

export function renderCompleted(claim: Claim, notice: Notice, ctx: StepContext) {
  const t = ctx.m.claim;
  const method = methodOf(claim);
  return html`<section class="card" part="result">
    <h2 tabindex="-1"><span class="success" aria-hidden="true">✓</span> ${method ? ctx.method(method).completed : t.title}</h2>
    ${notice ? html`<p class="notice" role="status">${t.notices[notice]}</p>` : nothing}
    ${method ? html`<p>${ctx.method(method).done(ctx.yen(netAmount(claim, method)))}</p>` : nothing}
    ${renderDetails(claim, ctx)} ${renderClosing(claim, ctx)}
  </section>`;
}

/** A wallet step left unfinished: continue it, or choose another way. */
export function renderUnfinished(method: KnownMethodId | null, ctx: StepContext) {
  const t = ctx.m.claim.walletUnfinished;
  // Reopened later or in another tab, the claim does not say which wallet it was: neutral words.
  const name = method ? ctx.method(method).name : null;
  return html`<section class="card" part="result">
    <h2 tabindex="-1">${t.title}</h2>
    <p>${name ? t.lead(name) : t.leadAny}</p>
    <div class="actions">
      <button type="button" @click=${() => ctx.send({ type: 'choose-another' })}>${t.chooseAnother}</button>
      <button class="primary" type="button" part="submit" @click=${() => ctx.send({ type: 'resume-wallet' })}>${name ? t.resume(name) : t.resumeAny}</button>
    </div>
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
