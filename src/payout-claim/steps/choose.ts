import { html, nothing } from 'lit';
import { kindOf } from '../../contract/methods.js';
import { fieldOfFailure, refusedField } from '../../fields/account-draft.js';
import { knownMethods, methodAvailable, netAmount, savedAccountOf, type Choice } from '../claim-flow.js';
import { arrivalText, failureText, type StepContext } from './context.js';
import { renderClaimSummary } from './summary.js';

/**
 * The choice of method, as an accordion: each method a card with its fee, arrival, limit and what the
 * recipient needs; once one is chosen the others fold to their name (still radios, chosen by name or arrow
 * keys), and the bank form opens right under the bank card, where the recipient is looking.
 */
export function renderChoose(choice: Choice, ctx: StepContext) {
  const t = ctx.m.claim;
  const { claim } = choice;
  const failure = failureText(ctx.m, claim);
  const chosenKind = choice.method ? kindOf(choice.method) : undefined;
  // A returned transfer that names a field is said once, next to that field, while the bank form shows.
  // A saved account has no fields here: its returned transfer is said at the top, where the other accounts are.
  const failureAtField =
    claim.status === 'failed' && !!fieldOfFailure(claim.failure?.code ?? '') && chosenKind === 'account' && !savedAccountOf(choice);
  const error = choice.error;
  // A refused saved account (`field: accountId`) is said next to the saved accounts.
  const savedRefused = !!error && error.target?.kind === 'field' && error.target.name === 'accountId';
  const offered = knownMethods(claim);
  return html`<form class="card" part="form" novalidate @submit=${(e: Event) => {
    e.preventDefault();
    ctx.next();
  }}>
    <h2 tabindex="-1">${t.title}</h2>
    ${renderClaimSummary(claim, ctx)}
    ${choice.notice ? html`<p class="notice" role="alert">${t.notices[choice.notice]}</p>` : nothing}
    ${failure && !failureAtField ? html`<p class="notice" role="alert" part="error">${failure}</p>` : nothing}
    ${
      offered.length === 0
        ? html`<p class="error" role="alert">${t.noMethods}</p>`
        : html`<fieldset class="methods" ?data-chosen=${!!choice.method}>
          <legend>${t.chooseMethod}</legend>
          ${offered.map((terms) => {
            const available = methodAvailable(claim, terms);
            const id = `method-${terms.method}`;
            const words = ctx.method(terms.method);
            const chosen = choice.method === terms.method;
            const folded = !!choice.method && !chosen;
            const open = chosen && kindOf(terms.method) === 'account';
            return html`<div class="method-item" ?data-chosen=${chosen} ?data-open=${open}>
              <label class="method" part="method" ?data-disabled=${!available} ?data-folded=${folded}>
                <input
                  type="radio"
                  name="method"
                  value=${terms.method}
                  .checked=${chosen}
                  ?disabled=${!available}
                  aria-labelledby=${`${id}-name`}
                  aria-describedby=${`${id}-details`}
                  @change=${() => ctx.send({ type: 'method-chosen', method: terms.method })}
                />
                <span class="method-text">
                  <span class="method-name" id=${`${id}-name`}>${words.name}</span>
                  <span class="method-details" id=${`${id}-details`} ?hidden=${folded}>
                    ${
                      available
                        ? html`<span>${terms.fee > 0 ? t.fee(ctx.yen(terms.fee)) : t.noFee} · ${t.youReceive(ctx.yen(netAmount(claim, terms.method)))}</span>
                          <span class="arrival">${arrivalText(ctx.m, ctx.lang, terms)}</span>
                          ${terms.max !== undefined ? html`<span>${t.limit(ctx.yen(terms.max))}</span>` : nothing}
                          <span>${words.needs}</span>`
                        : html`<span class="unavailable">${t.overLimit(ctx.yen(terms.max ?? 0))}</span>`
                    }
                  </span>
                </span>
              </label>
              ${
                open
                  ? html`<div class="method-panel">
                    ${ctx.bankForm.renderPanel(t, ctx.lang, {
                      accounts: claim.savedAccounts,
                      chosen: savedAccountOf(choice)?.id ?? null,
                      save: choice.saveAccount,
                      error: savedRefused && error ? ctx.error(error) : null,
                      choose: (accountId) => ctx.send({ type: 'saved-account-chosen', accountId }),
                      setSave: (save) => ctx.send({ type: 'save-account-changed', save }),
                    })}
                  </div>`
                  : nothing
              }
            </div>`;
          })}
        </fieldset>`
    }
    <div role="alert" part="error">${error && refusedField(error) === null && !savedRefused ? html`<p class="error">${ctx.error(error)}</p>` : nothing}</div>
    <button class="primary" type="submit" part="submit" ?disabled=${!choice.method}>${t.next}</button>
  </form>`;
}
