import { html, LitElement, type PropertyValues } from 'lit';
import { brands } from '../contract/brands.js';
import { CodeFieldController } from '../fields/code-field.js';
import { LazyLoads } from '../flow/lazy.js';
import { checkoutMessages, resolveLang, toLang, type CheckoutMessages } from '../i18n/index.js';
import { errorText } from '../i18n/error-text.js';
import { MessagesController } from '../i18n/messages-controller.js';
import { checkCode } from '../japanese/prepaid-code.js';
import { baseStyles } from '../styles/base.styles.js';
import { renderLoading, renderSkeleton, renderUnavailable } from '../styles/views.js';
import { codesOf, formatOf, type CheckoutState } from './checkout-flow.js';
import { CheckoutController } from './checkout-controller.js';
import { checkoutStyles } from './prepaid-checkout.styles.js';
import { checkoutContext } from './steps/context.js';
import { CODE_ERRORS, renderEntry } from './steps/entry.js';
import { renderCheckoutLoading } from './steps/loading.js';

/**
 * Pay an order with prepaid e-money codes (WebMoney, BitCash, NET CASH, nanaco gift).
 *
 * @tagname prepaid-checkout
 * @summary Checkout with prepaid e-money codes bought at a convenience store.
 * @fires prepaid-checkout-complete - The order was paid in this tab: `{order, amount, payments}`.
 * @fires prepaid-checkout-error - An error is shown to the shopper: `{code}`.
 * @csspart form - The payment form (and, while the order loads, its placeholder).
 * @csspart summary - The order summary (merchant, description, amount).
 * @csspart brand - Each brand choice.
 * @csspart code - The boxes of one code.
 * @csspart input - Each box of a code.
 * @csspart submit - The pay button.
 * @csspart error - Error messages.
 * @csspart receipt - The receipt after paying.
 * @slot notice - Legal notices shown under the widget (the merchant's or provider's), rendered as given.
 * @attr theme - `light`, `dark` or `auto` (the default: follows `prefers-color-scheme`). A `--ppw-*` property set by the page wins over either.
 * @cssproperty --ppw-color-primary - Buttons and the chosen brand. Default #0b57d0, dark #8ab4f8.
 * @cssproperty --ppw-color-on-primary - Text on primary buttons. Default #ffffff, dark #0a1f44.
 * @cssproperty --ppw-color-text - Text. Default #1f2328, dark #e6e8eb.
 * @cssproperty --ppw-color-muted - Hints and labels. Default #57606a, dark #a9b1bb.
 * @cssproperty --ppw-color-surface - Background. Default #ffffff, dark #1b1d21.
 * @cssproperty --ppw-color-subtle - Notices and chosen rows. Default #f4f6f8, dark #2a2e35.
 * @cssproperty --ppw-color-border - Borders of cards and fields. Default #8c959f, dark #737b86.
 * @cssproperty --ppw-color-error - Errors. Default #b3261e, dark #ffb4ab.
 * @cssproperty --ppw-color-success - Success marks. Default #146c2e, dark #7ed99a.
 * @cssproperty --ppw-color-focus - Focus rings. Default #0b57d0, dark #8ab4f8.
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
  // The first view is the entry step in one language; the rest are chunks, prefetched once it shows.
  readonly #lazy = new LazyLoads(this);
  readonly #messages = new MessagesController(this.#lazy, checkoutMessages);
  readonly #receipt = this.#lazy.module(() => import('./steps/receipt.js'));
  readonly #codes = new CodeFieldController(
    this,
    (index, code) => this.#flow.send({ type: 'code-changed', index, code }),
    (index) => {
      const state = this.#flow.state;
      return state.status === 'entering' || state.status === 'paying' ? (codesOf(state.entry)[index] ?? '') : '';
    },
    () => {
      const state = this.#flow.state;
      return formatOf(((state.status === 'entering' || state.status === 'paying') && state.entry.brand) || 'webmoney');
    },
    (index) => this.#flow.send({ type: 'code-left', index }),
  );
  #focusHeading = false;
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

  /** The `brands` attribute's ids that this widget knows, or null for all the order offers. */
  #offered(): string[] | null {
    const ids = this.brands.split(/\s+/).filter((id) => brands.has(id));
    return ids.length > 0 ? ids : null;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('endpoint') || changed.has('order') || changed.has('brands')) && this.endpoint && this.order) {
      this.#flow.start({ endpoint: this.endpoint, order: this.order, offered: this.#offered() });
    }
  }

  /** Also waits for a chunk that a step is loading, so that `updateComplete` means the step is rendered. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#lazy.updateComplete(() => super.getUpdateComplete());
  }

  protected override updated(): void {
    const state = this.#flow.state;
    const { status } = state;
    if (status !== 'loading' && this.#messages.shown) this.#lazy.prefetch();
    if (status !== this.#lastStatus) {
      // A new step: move focus to its heading when the shopper was working in the widget.
      const movedOn = this.#lastStatus !== null && (status === 'paid' || status === 'closed' || status === 'unavailable');
      const answered = (this.#lastStatus === 'paying' || this.#lastStatus === 'refreshing') && status === 'entering';
      this.#lastStatus = status;
      this.#focusHeading = movedOn;
      if (answered) this.#focusAfterAnswer(state);
    }
    // A step from a chunk still loading has no heading yet: the focus moves once it is rendered.
    const heading = this.#focusHeading ? this.shadowRoot?.querySelector<HTMLElement>('h2') : null;
    if (heading) {
      this.#focusHeading = false;
      heading.focus();
    }
  }

  #lang() {
    return this.langAttribute ? toLang(this.langAttribute) : resolveLang(this);
  }

  /**
   * The server refused the payment: a code it names gets focus (its message is in the box's description);
   * otherwise focus stays where it was, unless that control is now disabled (a lockout), when it moves to
   * the message. Never to the page's body.
   */
  #focusAfterAnswer(state: CheckoutState): void {
    if (state.status !== 'entering') return;
    const { error } = state.entry;
    if (error && CODE_ERRORS.has(error.code) && error.target?.kind === 'code') {
      this.#codes.focus(error.target.index);
      return;
    }
    const active = this.shadowRoot?.activeElement as HTMLButtonElement | HTMLInputElement | null | undefined;
    const lost = !active && (document.activeElement === document.body || document.activeElement === null);
    if (lost || active?.disabled) this.shadowRoot?.querySelector<HTMLElement>('.general-error')?.focus();
  }

  override render() {
    // The resolved language on the rendered root, for line breaking (auto-phrase) and CJK glyphs.
    return html`<div lang=${this.#lang()}>${this.#renderStep()}</div><slot name="notice"></slot>`;
  }

  #renderStep() {
    if (!this.endpoint || !this.order)
      return html`<p class="error" role="alert">prepaid-checkout: set the endpoint and order attributes.</p>`;
    const wanted = this.#lang();
    const shown = this.#messages.get(wanted);
    if (!shown) return renderSkeleton(this.#messages.retry(wanted));
    const { lang, m } = shown;
    const ctx = checkoutContext(m, lang, {
      send: (event) => this.#flow.send(event),
      pay: this.#onSubmit,
      addCode: this.#addCode,
      checkBalance: (index) => void this.#flow.checkBalance(index),
      reload: () => this.#flow.send({ type: 'reload' }),
      codes: this.#codes,
      now: Date.now(),
    });
    const state = this.#flow.state;
    switch (state.status) {
      case 'loading':
        return renderCheckoutLoading(m.common.loading);
      case 'unavailable':
        return renderUnavailable(
          m.checkout.title,
          errorText(m.common, state.error, lang),
          state.error.code === 'order_not_found' || state.error.code === 'invalid_id' ? null : { label: m.common.retry, run: ctx.reload },
        );
      case 'entering':
      case 'paying':
      case 'redirecting':
      case 'refreshing':
        return renderEntry(state, ctx);
      case 'paid':
        return this.#later((step) => step.renderReceipt(state.order, ctx), m);
      case 'closed':
        return this.#later((step) => step.renderClosed(state.order, ctx), m);
      default: {
        const unreachable: never = state;
        return unreachable;
      }
    }
  }

  /** A later step from its chunk: loading until it is there (usually prefetched), a retry if it could not be fetched. */
  #later(view: (step: typeof import('./steps/receipt.js')) => unknown, m: CheckoutMessages) {
    return this.#receipt.render(
      view,
      () => renderLoading(m.common.loading),
      (retry) => renderUnavailable(m.checkout.title, m.common.errors.network_error, { label: m.common.retry, run: retry }),
    );
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
    if (state.status === 'entering' && state.entry.brand) {
      // Nothing was sent: take the shopper to the first code that needs attention.
      const format = formatOf(state.entry.brand);
      const first = codesOf(state.entry).findIndex((code) => checkCode(format, code) !== null);
      if (first >= 0) void this.updateComplete.then(() => this.#codes.focus(first));
    }
  };
}
