import { html, nothing } from 'lit';
import { kindOf } from '../../contract/methods.js';
import { formatTime } from '../../i18n/index.js';
import { netAmount, savedAccountOf, type Choice } from '../claim-flow.js';
import { arrivalText, type StepContext } from './context.js';

/** Says exactly what will happen, then one POST. */
export function renderConfirm(choice: Choice, busy: boolean, ctx: StepContext) {
  const t = ctx.m.claim;
  const method = choice.method!;
  const net = ctx.yen(netAmount(choice.claim, method));
  const locked = choice.lockedUntil !== null && choice.lockedUntil > ctx.now;
  const saved = kindOf(method) === 'account' ? savedAccountOf(choice) : null;
  const account = kindOf(method) === 'account' && !saved ? choice.account : null;
  const names = ctx.bankForm.names(ctx.lang);
  const terms = choice.claim.methods.find((m) => m.method === method);
  return html`<form class="card" part="form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${(e: Event) => {
    e.preventDefault();
    ctx.confirm();
  }}>
    <h2 tabindex="-1">${t.confirmTitle}</h2>
    <p class="method-chosen">${ctx.method(method).name}</p>
    <p>${ctx.method(method).confirm(net)}</p>
    ${terms ? html`<p class="arrival">${arrivalText(ctx.m, ctx.lang, terms)}</p>` : nothing}
    ${
      saved
        ? html`<p class="saved-chosen">
            ${t.savedAccounts.describe(saved.masked, ctx.bankForm.resultName(saved.bankName, 'bank', ctx.lang), ctx.bankForm.resultName(saved.branchName, 'branch', ctx.lang))}
          </p>
          <dl class="summary">
          <div><dt>${t.bankForm.bank}</dt><dd lang="ja">${ctx.bankForm.resultName(saved.bankName, 'bank', ctx.lang)}</dd></div>
          <div><dt>${t.bankForm.branch}</dt><dd lang="ja">${ctx.bankForm.resultName(saved.branchName, 'branch', ctx.lang)}</dd></div>
          <div><dt>${t.bankForm.type}</dt><dd>${t.accountTypes[saved.type]}</dd></div>
          <div><dt>${t.bankForm.number}</dt><dd>${saved.masked}</dd></div>
          <div><dt>${t.bankForm.holder}</dt><dd class="zengin" lang="ja">${saved.holder}</dd></div>
        </dl>`
        : nothing
    }
    ${
      account
        ? html`<dl class="summary">
          <div><dt>${t.bankForm.bank}</dt><dd>${names.bank}</dd></div>
          <div><dt>${t.bankForm.branch}</dt><dd>${names.branch}</dd></div>
          <div><dt>${t.bankForm.type}</dt><dd>${t.accountTypes[account.type]}</dd></div>
          <div><dt>${t.bankForm.number}</dt><dd>***${account.number.slice(-4)}</dd></div>
          <div><dt>${t.bankForm.holder}</dt><dd class="zengin" lang="ja">${account.holder}</dd></div>
        </dl>`
        : nothing
    }
    <div role="alert" part="error">
      ${choice.error ? html`<p class="error">${ctx.error(choice.error)}</p>` : nothing}
      ${locked ? html`<p>${ctx.m.common.lockedUntil(formatTime(choice.lockedUntil!, ctx.lang))}</p>` : nothing}
    </div>
    <div class="actions">
      <button type="button" ?disabled=${busy} @click=${() => ctx.send({ type: 'back' })}>${t.back}</button>
      <button class="primary" type="submit" part="submit" ?disabled=${busy || locked}>${t.confirmButton(net)}</button>
    </div>
    <p class="progress" role="status">${busy ? t.submitting : ''}</p>
  </form>`;
}
