import { html, nothing } from 'lit';
import { formatTime } from '../../i18n/index.js';
import { errorText } from '../../i18n/error-text.js';
import { checkCode, type CodeProblem } from '../../japanese/prepaid-code.js';
import {
  balancesOf,
  brandOf,
  codesOf,
  formatOf,
  isLocked,
  maxCodesOf,
  problemsShown,
  runningTotal,
  type CheckoutState,
  type Entry,
} from '../checkout-flow.js';
import type { CheckoutStepContext } from './context.js';
import { renderOrderSummary } from './summary.js';

/** Errors the server ties to one code box, shown next to it rather than under the form. */
export const CODE_ERRORS = new Set(['invalid_code', 'code_used', 'code_expired', 'rating_not_allowed']);

type EntryState = Extract<CheckoutState, { status: 'entering' | 'paying' | 'redirecting' | 'refreshing' }>;

function codeErrorIndex(entry: Entry): number | null {
  const { error } = entry;
  return error && CODE_ERRORS.has(error.code) && error.target?.kind === 'code' ? error.target.index : null;
}

function problemText(problem: CodeProblem, ctx: CheckoutStepContext): string {
  const t = ctx.m.checkout.codeProblem;
  switch (problem.kind) {
    case 'empty':
      return t.empty;
    case 'invalid_characters':
      return t.invalid_characters(problem.characters.map((c) => `「${c}」`).join(' '));
    case 'too_short':
      return t.too_short(problem.length, problem.expected);
    case 'too_long':
      return t.too_long(problem.length, problem.expected);
  }
}

/** The hint under a code: what to type, and the brand's look-alikes, unused letters and case rule. */
function codeHint(brandId: string, ctx: CheckoutStepContext) {
  const t = ctx.m.checkout;
  const format = formatOf(brandId);
  const words = ctx.brand(brandId);
  const extra = [
    format.script === 'latin' && format.letterCase === 'keep' ? t.caseSensitive : '',
    format.neverUsed ? t.neverUsedHint([...format.neverUsed].join(ctx.lang === 'ja' ? '・' : ' and ')) : '',
    format.lookAlikes.length ? t.lookAlikeHint(format.lookAlikes.join(ctx.lang === 'ja' ? '、' : ', ')) : '',
  ].filter(Boolean);
  return { hint: t.codeHint(words.codeName, format.length, format.script), extra: extra.length ? extra.join(' ') : null };
}

/** The known balances added up against the amount (`503円＋5,030円：不足なし`), or null when none is known. */
export function totalText(entry: Entry, ctx: CheckoutStepContext): string | null {
  const total = runningTotal(entry);
  if (!total) return null;
  const t = ctx.m.checkout;
  const parts = total.parts.map(ctx.yen).join(t.plus);
  if (total.needed === 0) return t.totalCovered(parts);
  return t.totalShort(parts, ctx.yen(total.needed)) + (total.unknown > 0 ? t.totalUnchecked : '');
}

function renderCodes(entry: Entry, busy: boolean, ctx: CheckoutStepContext) {
  const t = ctx.m.checkout;
  const brand = brandOf(entry)!;
  const format = formatOf(brand.id);
  const codes = codesOf(entry);
  const balances = balancesOf(entry);
  const words = ctx.brand(brand.id);
  const codeName = t.brandCode(words.name, words.codeName);
  const count = codes.length;
  const max = maxCodesOf(brand);
  const serverErrorAt = codeErrorIndex(entry);
  const { hint, extra } = codeHint(brand.id, ctx);
  const shown = problemsShown(entry);
  const total = entry.error?.code === 'insufficient_balance' ? null : totalText(entry, ctx);
  return html`<div class="codes">
    ${codes.map((code, index) => {
      const problem = checkCode(format, code);
      // Untouched boxes are never red: only what was typed and left, or sent with Pay, is pointed out.
      const showProblem = problem && (shown[index] || problem.kind === 'invalid_characters' || problem.kind === 'too_long');
      const error = showProblem
        ? problemText(problem, ctx)
        : serverErrorAt === index
          ? errorText(ctx.m.common, entry.error!, ctx.lang)
          : null;
      const check = balances[index];
      return html`<div class="code-row">
        ${ctx.codes.render({
          index,
          format,
          code,
          label: t.codeLabel(codeName, index + 1, count),
          segmentLabel: (s) =>
            t.segmentLabel(codeName, index + 1, count, s * format.groupSize + 1, Math.min(format.length, (s + 1) * format.groupSize)),
          hint,
          lookAlikeHint: extra,
          error,
          disabled: false,
          readOnly: busy,
        })}
        <div class="code-actions">
          ${
            brand.balance
              ? html`<button
                type="button"
                class="link"
                ?disabled=${problem !== null}
                aria-disabled=${busy || check?.status === 'checking' ? 'true' : 'false'}
                @click=${() => !busy && ctx.checkBalance(index)}
              >
                ${t.checkBalance(index + 1)}
              </button>`
              : nothing
          }
          ${
            count > 1
              ? html`<button type="button" class="link" ?disabled=${busy} @click=${() => ctx.send({ type: 'code-removed', index })}>
                ${t.removeCode(index + 1)}
              </button>`
              : nothing
          }
        </div>
        <p class="balance" role="status">
          ${check?.status === 'checking' ? ctx.m.common.loading : nothing}
          ${
            check?.status === 'known'
              ? html`<span class="success"
                  >${check.masked ? t.balanceIs(ctx.yen(check.balance), check.masked) : t.balanceIsInferred(ctx.yen(check.balance))}</span
                >`
              : nothing
          }
        </p>
        ${
          check?.status === 'failed'
            ? html`<p class="error" role="alert" id=${`balance-${index}-error`} tabindex="-1">${errorText(ctx.m.common, check.error, ctx.lang)}</p>`
            : nothing
        }
      </div>`;
    })}
    <p class="running-total" role="status">${total ?? ''}</p>
    ${count < max ? html`<button type="button" class="add-code" ?disabled=${busy} @click=${ctx.addCode}>${t.addCode}</button>` : nothing}
  </div>`;
}

/** An error under the form; a shortfall reads as the running total of what the codes hold. */
function renderGeneralError(entry: Entry, error: NonNullable<Entry['error']>, ctx: CheckoutStepContext) {
  const t = ctx.m.checkout;
  if (error.code !== 'insufficient_balance') return html`<p class="error">${errorText(ctx.m.common, error, ctx.lang)}</p>`;
  const total = totalText(entry, ctx);
  const covered = runningTotal(entry)?.needed === 0;
  const more = codesOf(entry).length < maxCodesOf(brandOf(entry));
  return html`<p class="error">${total ? t.notEnough : errorText(ctx.m.common, error, ctx.lang)}</p>
    ${total ? html`<p class="total-line">${total}</p>` : nothing}
    ${covered ? nothing : html`<p>${more ? t.insufficientAddCode : t.insufficientNoMoreCodes}</p>`}`;
}

/** The payment form: the order, the brands, the codes (or the issuer's page), and Pay. */
export function renderEntry(state: EntryState, ctx: CheckoutStepContext) {
  const t = ctx.m.checkout;
  const { entry } = state;
  const busy = state.status !== 'entering';
  const brand = brandOf(entry);
  const locked = isLocked(entry, ctx.now);
  const amount = ctx.yen(entry.order.amount);
  const brandName = brand ? ctx.brand(brand.id).name : '';
  const generalError = entry.error && codeErrorIndex(entry) === null ? entry.error : null;
  return html`<form class="card" part="form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${ctx.pay}>
    <h2 tabindex="-1">${t.title}</h2>
    ${renderOrderSummary(entry.order, t.amount, ctx)}
    ${
      entry.brands.length === 0
        ? html`<p class="error" role="alert">${t.noBrands}</p>`
        : html`<fieldset class="brands">
          <legend>${t.chooseBrand}</legend>
          <div class="brand-list">
            ${entry.brands.map(
              (b) => html`<label class="brand" part="brand">
                <input
                  type="radio"
                  name="brand"
                  value=${b.id}
                  .checked=${entry.brand === b.id}
                  ?disabled=${busy}
                  @change=${() => ctx.send({ type: 'brand-chosen', brand: b.id })}
                /><span>${ctx.brand(b.id).name}</span>
              </label>`,
            )}
          </div>
        </fieldset>`
    }
    ${entry.redirectIncomplete ? html`<p class="notice" role="alert">${t.redirectNotCompleted}</p>` : nothing}
    ${brand?.mode === 'collect' ? renderCodes(entry, busy, ctx) : nothing}
    ${brand?.mode === 'redirect' ? html`<p class="hint">${t.redirectNote(brandName)}</p>` : nothing}
    <div class="general-error" role="alert" part="error" tabindex="-1">
      ${generalError ? renderGeneralError(entry, generalError, ctx) : nothing}
      ${locked ? html`<p>${ctx.m.common.lockedUntil(formatTime(entry.lockedUntil!, ctx.lang))}</p>` : nothing}
    </div>
    ${
      brand
        ? html`<button
          class="primary"
          type="submit"
          part="submit"
          ?disabled=${locked}
          aria-disabled=${busy ? 'true' : 'false'}
          aria-busy=${busy ? 'true' : 'false'}
        >
          ${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}<span
            >${brand.mode === 'redirect' ? t.payWith(amount, brandName) : t.pay(amount)}</span
          >
        </button>`
        : nothing
    }
    <p class="progress" role="status">
      ${state.status === 'paying' || state.status === 'refreshing' ? t.paying : state.status === 'redirecting' ? t.redirecting(brandName) : ''}
    </p>
  </form>`;
}
