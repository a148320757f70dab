import { html, LitElement, type PropertyValues } from 'lit';
import { fieldOfFailure, refusedField } from '../fields/refused-field.js';
import type { BankAccountForm } from '../fields/bank-account-form.js';
import { bankAccountFormStyles } from '../fields/bank-account-form.styles.js';
import { kindOf } from '../contract/methods.js';
import { type Lazy, LazyLoads } from '../flow/lazy.js';
import { claimMessages, resolveLang, toLang, type ClaimMessages } from '../i18n/index.js';
import { MessagesController } from '../i18n/messages-controller.js';
import { baseStyles } from '../styles/base.styles.js';
import { renderLoading, renderSkeleton, renderUnavailable } from '../styles/views.js';
import { ClaimController } from './claim-controller.js';
import { savedAccountOf, type ClaimState } from './claim-flow.js';
import { forgetToken, resolveToken, takeFragmentToken } from './claim-token.js';
import { payoutClaimStyles } from './payout-claim.styles.js';
import { renderChoose } from './steps/choose.js';
import { renderClaimSummary } from './steps/summary.js';
import { failureText, stepContext } from './steps/context.js';

/**
 * Receive a payout (refund, seller payout, cashback): choose bank transfer, cash at a Seven Bank ATM,
 * Amazon Gift Card balance, au PAY balance or QUO Card Pay, then follow the status until it arrives.
 *
 * @tagname payout-claim
 * @summary The recipient's side of a payout, opened from an emailed or SMS link.
 * @fires payout-claim-complete - The recipient's choice took the claim to processing or completed: `{method, amount, fee, status}`.
 * @fires payout-claim-error - An error is shown to the recipient: `{code}`.
 * @csspart form - The choice and confirm steps.
 * @csspart summary - Who pays, why, how much, until when.
 * @csspart method - Each method choice.
 * @csspart input - Each field of the bank form.
 * @csspart submit - The step's main button.
 * @csspart error - Error messages.
 * @csspart result - The status and result step.
 * @csspart receipt - The ATM receipt number and confirmation code.
 * @slot notice - Legal notices shown under the widget (for a payout: the funds transfer provider's registration and complaint contacts), rendered as given.
 * @attr theme - `light`, `dark` or `auto` (the default: follows `prefers-color-scheme`). A `--ppw-*` property set by the page wins over either.
 * @cssproperty --ppw-color-primary - Buttons and the chosen method. Default #0b57d0, dark #8ab4f8.
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
export class PayoutClaim extends LitElement {
  static override styles = [baseStyles, payoutClaimStyles, bankAccountFormStyles];

  static override properties = {
    endpoint: { type: String },
    token: { type: String },
    bankData: { type: String, attribute: 'bank-data' },
    langAttribute: { type: String, attribute: 'lang' },
    copied: { state: true },
  };

  /** Base URL of the merchant's claim API (required). */
  declare endpoint: string;
  /** The claim token; without it, read from the page's `#token=...`. */
  declare token: string;
  /** Base URL of the bank and branch data files; defaults to `banks/` beside the module. */
  declare bankData: string;
  /** Mirrors the `lang` attribute without shadowing HTMLElement's own `lang` property. */
  declare langAttribute: string | null;
  /** The label of the value just copied: its button says "Copied" until `COPIED_MS` have passed. */
  declare copied: string | null;

  readonly #flow = new ClaimController(this);
  // The first view is the choice of method in one language; the bank form and the later steps are chunks,
  // prefetched once it shows.
  readonly #lazy = new LazyLoads(this);
  readonly #messages = new MessagesController(this.#lazy, claimMessages);
  readonly #bankFormChunk = this.#lazy.module(() =>
    import('../fields/bank-account-form.js').then(({ BankAccountForm }) => new BankAccountForm(this, () => this.#bankDataUrl())),
  );
  readonly #confirm = this.#lazy.module(() => import('./steps/confirm.js'));
  readonly #result = this.#lazy.module(() => import('./steps/result.js'));
  readonly #verify = this.#lazy.module(() => import('./steps/verify.js'));
  /** Re-renders each second while "Send again" counts down. */
  #tick: ReturnType<typeof setTimeout> | undefined;
  /** Whether a code had been sent at the last update: when one is, focus goes to the code field. */
  #codeSent = false;
  #resolvedToken: string | null = null;
  #focusHeading = false;
  #lastStatus: ClaimState['status'] | null = null;
  #markedFor: unknown = null;
  /** A refused field was just marked: focus goes to it rather than to the heading. */
  #focusMarked = false;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.endpoint = '';
    this.token = '';
    this.bankData = '';
    this.langAttribute = null;
    this.copied = null;
  }

  get state(): ClaimState {
    return this.#flow.state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
    clearTimeout(this.#copiedTimer);
    clearTimeout(this.#tick);
  }

  /** A new `#token=` in the same tab (another link): that claim, never the one before. */
  #onHashChange = (): void => {
    if (this.token) return;
    const token = takeFragmentToken();
    if (token && token !== this.#resolvedToken) this.#startWith(token);
  };

  #startWith(token: string | null): void {
    this.#resolvedToken = token;
    if (!token) return;
    const fromAttribute = !!this.token;
    this.#flow.start({ endpoint: this.endpoint, token, onFinal: fromAttribute ? undefined : () => forgetToken(token) });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('endpoint') || changed.has('token')) && this.endpoint) this.#startWith(resolveToken(this.token || null));
    this.#markRefusedField();
    const state = this.#flow.state;
    if (state.status === 'choosing' && state.choice.method && kindOf(state.choice.method) === 'account')
      this.#bankFormChunk.value?.load(this.#bankDataUrl());
  }

  /** Also waits for a chunk that a step is loading, so that `updateComplete` means the step is rendered. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#lazy.updateComplete(() => super.getUpdateComplete());
  }

  /** The `bank-data` attribute, or the `banks/` folder beside this module. */
  #bankDataUrl(): string {
    return this.bankData || new URL('banks/', import.meta.url).href;
  }

  /** A refused account, or a transfer the bank returned, marks the field to correct (keeping what was typed). */
  #markRefusedField(): void {
    const state = this.#flow.state;
    if (state.status !== 'choosing') return;
    const { choice } = state;
    const source = choice.error ?? (choice.claim.status === 'failed' ? choice.claim.failure : null);
    if (!source || source === this.#markedFor) return;
    // A returned transfer to a saved account names no field of the form (the choice step says it at the top).
    if (!('uncertain' in source) && savedAccountOf(choice)) {
      this.#markedFor = source;
      return;
    }
    // Both chunks are needed to mark the field; this runs again on the update when they are there.
    const m = this.#messages.get(this.#lang())?.m;
    const bankForm = this.#bankFormChunk.value;
    if (!m || !bankForm) return;
    this.#markedFor = source;
    const field = 'uncertain' in source ? refusedField(source) : fieldOfFailure(source.code);
    if (!field) return;
    const text =
      'uncertain' in source ? stepContext(m, this.#lang(), this.#handlers()).error(source) : (failureText(m, choice.claim) ?? '');
    bankForm.mark(field, text);
    this.#focusMarked = !!choice.method && kindOf(choice.method) === 'account';
  }

  protected override updated(): void {
    const status = this.#flow.state.status;
    if (status !== 'loading' && this.#messages.shown) this.#lazy.prefetch();
    if (this.#afterVerifyUpdate()) return;
    // A refused field (a returned transfer, a refused account): scrolled to and focused, its message read with it.
    if (this.#focusMarked && status === 'choosing') {
      this.#focusMarked = false;
      this.#lastStatus = status;
      if (this.#bankFormChunk.value?.focusRefused()) return;
      this.shadowRoot?.querySelector<HTMLElement>('h2')?.focus();
      return;
    }
    if (status !== this.#lastStatus) {
      const movedOn = this.#lastStatus !== null && this.#lastStatus !== 'loading' && status !== 'loading';
      this.#lastStatus = status;
      this.#focusHeading = movedOn || status === 'unavailable';
    }
    // A step from a chunk still loading has no heading yet: the focus moves once it is rendered.
    const heading = this.#focusHeading ? this.shadowRoot?.querySelector<HTMLElement>('h2') : null;
    if (heading) {
      this.#focusHeading = false;
      heading.focus();
    }
  }

  /** The code step: the countdown's tick, and focus on the code field once a code is sent. True when focus moved. */
  #afterVerifyUpdate(): boolean {
    const state = this.#flow.state;
    clearTimeout(this.#tick);
    if (state.status !== 'verifying') {
      this.#codeSent = false;
      return false;
    }
    const { sent } = state.verification;
    const now = Date.now();
    if (sent && sent.resendAt > now) this.#tick = setTimeout(() => this.requestUpdate(), Math.min(1000, sent.resendAt - now) + 20);
    const input = this.shadowRoot?.querySelector<HTMLInputElement>('#otp');
    if (sent && !this.#codeSent && input) {
      this.#codeSent = true;
      this.#lastStatus = state.status;
      this.#focusHeading = false;
      input.focus();
      return true;
    }
    return false;
  }

  #lang() {
    return this.langAttribute ? toLang(this.langAttribute) : resolveLang(this);
  }

  #next = (): void => {
    const state = this.#flow.state;
    if (state.status !== 'choosing') return;
    if (state.choice.method && kindOf(state.choice.method) === 'account' && !savedAccountOf(state.choice)) {
      const account = this.#bankFormChunk.value?.submit();
      if (!account) return;
      this.#flow.send({ type: 'account-entered', account });
    }
    this.#flow.send({ type: 'continue' });
  };

  #copy = (text: string, label: string, shown: Element | null): void => {
    const done = () => {
      this.copied = label;
      clearTimeout(this.#copiedTimer);
      this.#copiedTimer = setTimeout(() => (this.copied = null), PayoutClaim.COPIED_MS);
    };
    const selectByHand = () => {
      // Clipboard refused (permissions) or missing: select the text so that the recipient can copy it by hand.
      if (shown) getSelection()?.selectAllChildren(shown);
    };
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(done, selectByHand);
    else selectByHand();
  };

  /** How long a copy button says "Copied". */
  static COPIED_MS = 4000;

  #handlers() {
    return {
      send: (event: Parameters<ClaimController['send']>[0]) => this.#flow.send(event),
      next: this.#next,
      confirm: () => this.#flow.confirm(),
      sendCode: () => this.#flow.sendCode(),
      verifyCode: (code: string) => this.#flow.verifyCode(code),
      copy: this.#copy,
      copied: this.copied,
      // Only the steps of an account method read it, and the element renders them once the chunk is there.
      bankForm: this.#bankFormChunk.value as BankAccountForm,
      now: Date.now(),
    };
  }

  override render() {
    // The resolved language on the rendered root, for line breaking (auto-phrase) and CJK glyphs.
    return html`<div lang=${this.#lang()}>${this.#renderStep()}</div><slot name="notice"></slot>`;
  }

  /** A step from its chunk: loading until it is there (usually prefetched), a retry if it could not be fetched. */
  #later<T>(chunk: Lazy<T>, view: (module: T) => unknown, m: ClaimMessages) {
    return chunk.render(
      view,
      () => renderLoading(m.common.loading),
      (retry) => renderUnavailable(m.claim.title, m.common.errors.network_error, { label: m.common.retry, run: retry }),
    );
  }

  #renderStep() {
    const wanted = this.#lang();
    const shown = this.#messages.get(wanted);
    if (!shown) return renderSkeleton(this.#messages.retry(wanted));
    const { lang, m } = shown;
    if (!this.endpoint || !this.#resolvedToken) {
      return html`<div class="card"><h2 tabindex="-1">${m.claim.title}</h2><p class="error" role="alert">${m.claim.missingToken}</p></div>`;
    }
    const ctx = stepContext(m, lang, this.#handlers());
    const state = this.#flow.state;
    switch (state.status) {
      case 'loading':
        return renderLoading(m.common.loading);
      case 'unavailable':
        return renderUnavailable(
          m.claim.title,
          ctx.error(state.error),
          state.error.code === 'claim_not_found' || state.error.code === 'invalid_id'
            ? null
            : { label: m.common.retry, run: () => this.#flow.send({ type: 'reload' }) },
        );
      case 'verifying':
        return this.#later(
          this.#verify,
          (step) => step.renderVerify(state.verification, ctx, renderClaimSummary(state.verification.claim, ctx)),
          m,
        );
      case 'choosing':
        if (state.choice.method && kindOf(state.choice.method) === 'account')
          return this.#later(this.#bankFormChunk, () => renderChoose(state.choice, ctx), m);
        return renderChoose(state.choice, ctx);
      case 'confirming':
      case 'submitting':
        return this.#later(this.#confirm, (step) => step.renderConfirm(state.choice, state.status === 'submitting', ctx), m);
      case 'redirecting':
        return html`<div class="card">
          <h2 tabindex="-1">${m.claim.title}</h2>
          <p role="status">${state.method ? m.claim.redirecting(ctx.method(state.method).name) : m.common.loading}</p>
        </div>`;
      case 'unfinished':
        return this.#later(this.#result, (step) => step.renderUnfinished(state.method, ctx), m);
      case 'processing':
        return this.#later(this.#result, (step) => step.renderProcessing(state.claim, state.notice, ctx), m);
      case 'completed':
        return this.#later(this.#result, (step) => step.renderCompleted(state.claim, state.notice, ctx), m);
      case 'closed':
        return this.#later(this.#result, (step) => step.renderClosed(state.claim, ctx), m);
      default: {
        const unreachable: never = state;
        return unreachable;
      }
    }
  }
}
