import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { ApiError } from '../api/client.js';
import { BRAND_IDS, type BrandId, type Order } from '../contract/checkout.js';
import { CodeFieldController } from '../fields/code-field.js';
import { checkoutMessages, formatDateTime, formatTime, formatYen, resolveLang, toLang, type CheckoutMessages, type Lang } from '../i18n/index.js';
import { commonErrorText, fallbackErrorText } from '../i18n/error-text.js';
import { checkCode, CODE_RULES, type CodeProblem } from '../japanese/prepaid-code.js';
import { baseStyles } from '../styles/base.styles.js';
import { renderLoading, renderUnavailable } from '../styles/views.js';
import {
  balancesOf,
  brandOf,
  codesOf,
  isLocked,
  maxCodesOf,
  type CheckoutState,
  type Entry,
} from './checkout-flow.js';
import { CheckoutController } from './checkout-controller.js';
import { checkoutStyles } from './prepaid-checkout.styles.js';

const FIELD_CODES = new Set(['invalid_code', 'code_used', 'code_expired', 'rating_not_allowed']);

/** The localized text for an API error, with the server's message only for codes we do not know. */
export function errorText(m: CheckoutMessages, error: ApiError, lang: Lang): string {
  const checkout = m.checkout.errors;
  switch (error.code) {
    case 'insufficient_balance':
      return checkout.insufficient_balance(formatYen(error.shortfall ?? 0, lang));
    case 'order_not_found':
    case 'order_not_open':
    case 'invalid_code':
    case 'code_used':
    case 'code_expired':
    case 'rating_not_allowed':
    case 'too_many_attempts':
      return checkout[error.code];
    default:
      return commonErrorText(m.common, error) ?? fallbackErrorText(m.common, error);
  }
}

/**
 * Pay an order with prepaid e-money codes (WebMoney, BitCash, NET CASH, nanaco gift).
 *
 * @tagname prepaid-checkout
 * @summary Checkout with prepaid e-money codes bought at a convenience store.
 * @fires prepaid-checkout-complete - The order was paid in this tab: `{order, amount, payments}`.
 * @fires prepaid-checkout-error - An error is shown to the shopper: `{code}`.
 * @csspart form - The payment form.
 * @csspart summary - The order summary (merchant, description, amount).
 * @csspart brand - Each brand choice.
 * @csspart code - The boxes of one code.
 * @csspart input - Each box of a code.
 * @csspart submit - The pay button.
 * @csspart error - Error messages.
 * @csspart receipt - The receipt after paying.
 * @cssproperty --ppw-color-primary - Buttons and the chosen brand. Default #0b57d0.
 * @cssproperty --ppw-color-on-primary - Text on primary buttons. Default #ffffff.
 * @cssproperty --ppw-color-text - Text. Default #1f2328.
 * @cssproperty --ppw-color-muted - Hints and labels. Default #57606a.
 * @cssproperty --ppw-color-surface - Background. Default #ffffff.
 * @cssproperty --ppw-color-subtle - Notices and chosen rows. Default #f4f6f8.
 * @cssproperty --ppw-color-border - Borders of cards and fields. Default #8c959f.
 * @cssproperty --ppw-color-error - Errors. Default #b3261e.
 * @cssproperty --ppw-color-success - Success marks. Default #146c2e.
 * @cssproperty --ppw-color-focus - Focus rings. Default #0b57d0.
 * @cssproperty --ppw-radius - Corner radius. Default 8px.
 * @cssproperty --ppw-font-family - Font stack. Default system-ui with Japanese fallbacks.
 * @cssproperty --ppw-max-width - Widest the widget grows. Default 34rem.
 */
export class PrepaidCheckout extends LitElement {
  static override styles = [baseStyles, checkoutStyles];

  static override properties = {
    endpoint: { type: String },
    order: { type: String },
    brands: { type: String },
    langAttribute: { type: String, attribute: 'lang' },
  };

  /** Base URL of the merchant's checkout API (required). */
  declare endpoint: string;
  /** The merchant's order id (required). */
  declare order: string;
  /** Optional space-separated brand ids to offer, in that order. */
  declare brands: string;
  /** Mirrors the `lang` attribute without shadowing HTMLElement's own `lang` property. */
  declare langAttribute: string | null;

  readonly #flow = new CheckoutController(this);
  readonly #codes = new CodeFieldController(
    this,
    (index, code) => this.#flow.send({ type: 'code-changed', index, code }),
    (index) => {
      const state = this.#flow.state;
      return state.status === 'entering' || state.status === 'paying' ? (codesOf(state.entry)[index] ?? '') : '';
    },
    () => {
      const state = this.#flow.state;
      return (state.status === 'entering' && state.entry.brand) || 'webmoney';
    },
  );
  #lastStatus: CheckoutState['status'] | null = null;

  constructor() {
    super();
    this.endpoint = '';
    this.order = '';
    this.brands = '';
    this.langAttribute = null;
  }

  /** The flow's current state (read-only; for tests and debugging, never holds a code after paying). */
  get state(): CheckoutState {
    return this.#flow.state;
  }

  #offered(): BrandId[] | null {
    const ids = this.brands.split(/\s+/).filter((id): id is BrandId => (BRAND_IDS as readonly string[]).includes(id));
    return ids.length > 0 ? ids : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('endpoint') || changed.has('order') || changed.has('brands')) && this.endpoint && this.order) {
      this.#flow.start({ endpoint: this.endpoint, order: this.order, offered: this.#offered() });
    }
  }

  protected override updated(): void {
    const status = this.#flow.state.status;
    if (status !== this.#lastStatus) {
      // A new step: move focus to its heading when the shopper was working in the widget.
      const movedOn = this.#lastStatus !== null && (status === 'paid' || status === 'closed' || status === 'unavailable');
      this.#lastStatus = status;
      if (movedOn) this.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  override render() {
    const lang = this.langAttribute ? toLang(this.langAttribute) : resolveLang(this);
    const m = checkoutMessages(lang);
    if (!this.endpoint || !this.order) return html`<p class="error" role="alert">prepaid-checkout: set the endpoint and order attributes.</p>`;
    const state = this.#flow.state;
    switch (state.status) {
      case 'loading':
        return renderLoading(m.common.loading);
      case 'unavailable':
        return renderUnavailable(
          m.checkout.title,
          errorText(m, state.error, lang),
          state.error.code === 'order_not_found' ? null : { label: m.common.retry, run: () => this.#flow.send({ type: 'reload' }) },
        );
      case 'entering':
      case 'paying':
      case 'redirecting':
        return this.#renderEntry(state, m, lang);
      case 'paid':
        return this.#renderReceipt(state.order, m, lang);
      case 'closed':
        return this.#renderClosed(state.order, m);
      default: {
        const unreachable: never = state;
        return unreachable;
      }
    }
  }

  #renderSummary(order: Order, m: CheckoutMessages, lang: Lang) {
    return html`<dl class="summary" part="summary">
      <div><dt>${m.checkout.merchant}</dt><dd>${order.merchant.name}</dd></div>
      ${order.description ? html`<div><dt>${m.checkout.item}</dt><dd>${order.description}</dd></div>` : nothing}
      <div class="total"><dt>${m.checkout.amount}</dt><dd class="amount">${formatYen(order.amount, lang)}</dd></div>
    </dl>`;
  }

  #renderEntry(state: Extract<CheckoutState, { status: 'entering' | 'paying' | 'redirecting' }>, m: CheckoutMessages, lang: Lang) {
    const { entry } = state;
    const busy = state.status !== 'entering';
    const brand = brandOf(entry);
    const now = Date.now();
    const locked = isLocked(entry, now);
    const amount = formatYen(entry.order.amount, lang);
    const brandName = brand ? m.checkout.brandNames[brand.id] : '';
    const generalError = entry.error && !(entry.error.field?.startsWith('codes.') && FIELD_CODES.has(entry.error.code)) ? entry.error : null;
    return html`<form class="card" part="form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.#onSubmit}>
      <h2 tabindex="-1">${m.checkout.title}</h2>
      ${this.#renderSummary(entry.order, m, lang)}
      ${entry.brands.length === 0
        ? html`<p class="error" role="alert">${m.checkout.noBrands}</p>`
        : html`<fieldset class="brands">
            <legend>${m.checkout.chooseBrand}</legend>
            <div class="brand-list">
              ${entry.brands.map(
                (b) => html`<label class="brand" part="brand">
                  <input
                    type="radio"
                    name="brand"
                    value=${b.id}
                    .checked=${entry.brand === b.id}
                    ?disabled=${busy}
                    @change=${() => this.#flow.send({ type: 'brand-chosen', brand: b.id })}
                  /><span>${m.checkout.brandNames[b.id]}</span>
                </label>`,
              )}
            </div>
          </fieldset>`}
      ${entry.redirectIncomplete ? html`<p class="notice" role="alert">${m.checkout.redirectNotCompleted}</p>` : nothing}
      ${brand?.mode === 'collect' ? this.#renderCodes(entry, busy, m, lang) : nothing}
      ${brand?.mode === 'redirect' ? html`<p class="hint">${m.checkout.redirectNote(brandName)}</p>` : nothing}
      <div class="general-error" role="alert" part="error">
        ${generalError ? html`<p class="error">${errorText(m, generalError, lang)}</p>` : nothing}
        ${generalError?.code === 'insufficient_balance'
          ? html`<p>${codesOf(entry).length < maxCodesOf(brand) ? m.checkout.errors.insufficientAddCode : m.checkout.errors.insufficientNoMoreCodes}</p>`
          : nothing}
        ${locked ? html`<p>${m.common.lockedUntil(formatTime(entry.lockedUntil!, lang))}</p>` : nothing}
      </div>
      ${brand
        ? html`<button class="primary" type="submit" part="submit" ?disabled=${busy || locked}>
            ${brand.mode === 'redirect' ? m.checkout.payWith(amount, brandName) : m.checkout.pay(amount)}
          </button>`
        : nothing}
      <p class="progress" role="status">
        ${state.status === 'paying' ? m.checkout.paying : state.status === 'redirecting' ? m.checkout.redirecting(brandName) : ''}
      </p>
    </form>`;
  }

  #problemText(problem: CodeProblem, m: CheckoutMessages): string {
    const t = m.checkout.codeProblem;
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

  #renderCodes(entry: Entry, busy: boolean, m: CheckoutMessages, lang: Lang) {
    const brand = brandOf(entry)!;
    const codes = codesOf(entry);
    const balances = balancesOf(entry);
    const name = m.checkout.brandNames[brand.id];
    const count = codes.length;
    const max = maxCodesOf(brand);
    return html`<div class="codes">
      ${codes.map((code, index) => {
        const problem = checkCode(brand.id, code);
        const showProblem =
          problem && (entry.showProblems || problem.kind === 'invalid_characters' || problem.kind === 'too_long');
        const serverError =
          entry.error && entry.error.field === `codes.${index}` && FIELD_CODES.has(entry.error.code) ? entry.error : null;
        const error = showProblem ? this.#problemText(problem, m) : serverError ? errorText(m, serverError, lang) : null;
        const check = balances[index];
        return html`<div class="code-row">
          ${this.#codes.render({
            index,
            brand: brand.id,
            code,
            label: m.checkout.codeLabel(name, index + 1, count),
            segmentLabel: (s) => m.checkout.segmentLabel(name, index + 1, count, s * 4 + 1, s * 4 + 4),
            hint: m.checkout.codeHint(brand.id),
            lookAlikeHint: CODE_RULES[brand.id].lookAlikeHint ? m.checkout.lookAlikeHint : null,
            error,
            disabled: busy,
          })}
          <div class="code-actions">
            ${brand.balance
              ? html`<button
                  type="button"
                  class="link"
                  ?disabled=${busy || problem !== null || check?.status === 'checking'}
                  @click=${() => void this.#flow.checkBalance(index)}
                >
                  ${m.checkout.checkBalance(index + 1)}
                </button>`
              : nothing}
            ${count > 1
              ? html`<button type="button" class="link" ?disabled=${busy} @click=${() => this.#flow.send({ type: 'code-removed', index })}>
                  ${m.checkout.removeCode(index + 1)}
                </button>`
              : nothing}
          </div>
          <p class="balance" role="status">
            ${check?.status === 'checking' ? m.common.loading : nothing}
            ${check?.status === 'known' ? html`<span class="success">${m.checkout.balanceIs(formatYen(check.balance, lang), check.masked)}</span>` : nothing}
          </p>
          ${check?.status === 'failed' ? html`<p class="error" role="alert">${errorText(m, check.error, lang)}</p>` : nothing}
        </div>`;
      })}
      ${count < max
        ? html`<button type="button" class="add-code" ?disabled=${busy} @click=${this.#addCode}>${m.checkout.addCode}</button>`
        : nothing}
    </div>`;
  }

  #addCode = (): void => {
    this.#flow.send({ type: 'code-added' });
    const state = this.#flow.state;
    if (state.status === 'entering') {
      const index = codesOf(state.entry).length - 1;
      void this.updateComplete.then(() => this.#codes.focus(index));
    }
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#flow.pay();
    const state = this.#flow.state;
    if (state.status === 'entering' && state.entry.showProblems && state.entry.brand) {
      // Nothing was sent: take the shopper to the first code that needs attention.
      const brand = state.entry.brand;
      const first = codesOf(state.entry).findIndex((code) => checkCode(brand, code) !== null);
      if (first >= 0) void this.updateComplete.then(() => this.#codes.focus(first));
    }
  };

  #renderReceipt(order: Order, m: CheckoutMessages, lang: Lang) {
    return html`<section class="card receipt" part="receipt">
      <h2 tabindex="-1"><span class="success" aria-hidden="true">✓</span> ${m.checkout.paidTitle}</h2>
      <p>${m.checkout.paidLead(formatYen(order.amount, lang), order.merchant.name)}</p>
      <dl class="summary">
        <div><dt>${m.checkout.orderId}</dt><dd>${order.order}</dd></div>
        ${order.description ? html`<div><dt>${m.checkout.item}</dt><dd>${order.description}</dd></div>` : nothing}
        <div class="total"><dt>${m.checkout.amount}</dt><dd class="amount">${formatYen(order.amount, lang)}</dd></div>
        ${order.paidAt ? html`<div><dt>${m.checkout.paidAt}</dt><dd>${formatDateTime(order.paidAt, lang)}</dd></div>` : nothing}
      </dl>
      ${order.payments?.length
        ? html`<h3>${m.checkout.paidWith}</h3>
            <ul class="payments">
              ${order.payments.map(
                (p) => html`<li>
                  <span>${m.checkout.brandNames[p.brand]}</span>
                  <span class="masked">${p.masked}</span>
                  <span>${formatYen(p.amount, lang)}</span>
                </li>`,
              )}
            </ul>`
        : nothing}
    </section>`;
  }

  #renderClosed(order: Order, m: CheckoutMessages) {
    const expired = order.status === 'expired';
    return html`<section class="card closed">
      <h2 tabindex="-1">${expired ? m.checkout.expiredTitle : m.checkout.canceledTitle}</h2>
      <p>${expired ? m.checkout.expiredLead : m.checkout.canceledLead}</p>
    </section>`;
  }
}
