import { html, nothing } from 'lit';
import { kindOf } from '../../contract/methods.js';
import { refusedField } from '../../fields/account-draft.js';
import { knownMethods, methodAvailable, netAmount, type Choice } from '../claim-flow.js';
import { failureText, type StepContext } from './context.js';
import { renderClaimSummary } from './summary.js';

/** The choice of method: name, fee, arrival, limit and what the recipient needs, then the bank form. */
export function renderChoose(choice: Choice, ctx: StepContext) {
  const t = ctx.m.claim;
  const { claim } = choice;
  const failure = failureText(ctx.m, claim);
  const error = choice.error;
  const offered = knownMethods(claim);
  return html`<form class="card" part="form" novalidate @submit=${(e: Event) => (e.preventDefault(), ctx.next())}>
    <h2 tabindex="-1">${t.title}</h2>
    ${renderClaimSummary(claim, ctx)}
    ${choice.notice ? html`<p class="notice" role="alert">${t.notices[choice.notice]}</p>` : nothing}
    ${failure ? html`<p class="notice" role="alert" part="error">${failure}</p>` : nothing}
    ${offered.length === 0
      ? html`<p class="error" role="alert">${t.noMethods}</p>`
      : html`<fieldset class="methods">
          <legend>${t.chooseMethod}</legend>
          ${offered.map((terms) => {
            const available = methodAvailable(claim, terms);
            const id = `method-${terms.method}`;
            const words = ctx.method(terms.method);
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
                <span class="method-name" id=${`${id}-name`}>${words.name}</span>
                <span class="method-details" id=${`${id}-details`}>
                  ${available
                    ? html`<span>${terms.fee > 0 ? t.fee(ctx.yen(terms.fee)) : t.noFee} · ${t.youReceive(ctx.yen(netAmount(claim, terms.method)))}</span>
                        <span>${t.arrival[terms.arrival]}${terms.max !== undefined ? html` · ${t.limit(ctx.yen(terms.max))}` : nothing}</span>
                        <span>${words.needs}</span>`
                    : html`<span class="unavailable">${t.overLimit(ctx.yen(terms.max ?? 0))}</span>`}
                </span>
              </span>
            </label>`;
          })}
        </fieldset>`}
    ${choice.method && kindOf(choice.method) === 'account' ? ctx.bankForm.render(t) : nothing}
    <div role="alert" part="error">${error && refusedField(error) === null ? html`<p class="error">${ctx.error(error)}</p>` : nothing}</div>
    <button class="primary" type="submit" part="submit" ?disabled=${!choice.method}>${t.next}</button>
  </form>`;
}
