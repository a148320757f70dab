import { html, nothing } from 'lit';
import { methodAvailable, netAmount, type Choice } from '../claim-flow.js';
import { claimErrorText, failureText, type StepContext } from './context.js';
import { renderClaimSummary } from './summary.js';

/** The choice of method: name, fee, arrival, limit and what the recipient needs, then the bank form. */
export function renderChoose(choice: Choice, ctx: StepContext) {
  const t = ctx.m.claim;
  const { claim } = choice;
  const failure = failureText(ctx.m, claim);
  const error = choice.error;
  return html`<form class="card" part="form" novalidate @submit=${(e: Event) => (e.preventDefault(), ctx.next())}>
    <h2 tabindex="-1">${t.title}</h2>
    ${renderClaimSummary(claim, ctx)}
    ${choice.notice ? html`<p class="notice" role="alert">${t.notices[choice.notice]}</p>` : nothing}
    ${failure ? html`<p class="notice" role="alert" part="error">${failure}</p>` : nothing}
    ${claim.methods.length === 0
      ? html`<p class="error" role="alert">${t.noMethods}</p>`
      : html`<fieldset class="methods">
          <legend>${t.chooseMethod}</legend>
          ${claim.methods.map((terms) => {
            const available = methodAvailable(claim, terms);
            const id = `method-${terms.method}`;
            return html`<label class="method" part="method" ?data-disabled=${!available}>
              <input
                type="radio"
                name="method"
                value=${terms.method}
                .checked=${choice.method === terms.method}
                ?disabled=${!available}
                aria-labelledby=${`${id}-name`}
                aria-describedby=${`${id}-details`}
                @change=${() => ctx.send({ type: 'method-chosen', method: terms.method })}
              />
              <span class="method-text">
                <span class="method-name" id=${`${id}-name`}>${t.methodNames[terms.method]}</span>
                <span class="method-details" id=${`${id}-details`}>
                  ${available
                    ? html`<span>${terms.fee > 0 ? t.fee(ctx.yen(terms.fee)) : t.noFee} · ${t.youReceive(ctx.yen(netAmount(claim, terms.method)))}</span>
                        <span>${t.arrival[terms.arrival]}${terms.max !== undefined ? html` · ${t.limit(ctx.yen(terms.max))}` : nothing}</span>
                        <span>${t.needs[terms.method]}</span>`
                    : html`<span class="unavailable">${t.overLimit(ctx.yen(terms.max ?? 0))}</span>`}
                </span>
              </span>
            </label>`;
          })}
        </fieldset>`}
    ${choice.method === 'bank' ? ctx.bankForm.render(t) : nothing}
    <div role="alert" part="error">${error && error.code !== 'invalid_account' ? html`<p class="error">${claimErrorText(ctx.m, error)}</p>` : nothing}</div>
    <button class="primary" type="submit" part="submit" ?disabled=${!choice.method}>${t.next}</button>
  </form>`;
}
