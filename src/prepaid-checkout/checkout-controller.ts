/**
 * Runs the checkout flow's effects: loads the order, posts payments and balance checks, follows the
 * issuer redirect, times the lockout, and tells the page (events) what happened. The state itself
 * changes only through `transition` (checkout-flow.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getJson, joinUrl, newIdempotencyKey, postJson, type ApiError } from '../api/client.js';
import { navigation, redirectMark } from '../api/navigation.js';
import { balanceResponse, order as orderSchema, redirectResponse, type BrandId } from '../contract/checkout.js';
import {
  brandOf,
  codesOf,
  initialState,
  transition,
  type CheckoutEvent,
  type CheckoutState,
} from './checkout-flow.js';
import { PrepaidCheckoutCompleteEvent, PrepaidCheckoutErrorEvent } from './events.js';

export interface CheckoutConfig {
  endpoint: string;
  order: string;
  offered: readonly BrandId[] | null;
}

const REDIRECT_MARK = 'ppw-checkout-redirect:';

/** Every error a state shows, so that each new one is reported once. */
function shownErrors(state: CheckoutState): ApiError[] {
  switch (state.status) {
    case 'unavailable':
      return [state.error];
    case 'entering':
    case 'paying':
    case 'redirecting': {
      const errors = state.entry.error ? [state.entry.error] : [];
      for (const check of Object.values(state.entry.balances).flat()) {
        if (check?.status === 'failed') errors.push(check.error);
      }
      return errors;
    }
    default:
      return [];
  }
}

export class CheckoutController implements ReactiveController {
  state: CheckoutState = initialState;
  #abort = new AbortController();
  #lockTimer: ReturnType<typeof setTimeout> | undefined;
  #config: CheckoutConfig | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#abort.abort();
    clearTimeout(this.#lockTimer);
  }

  /** (Re)starts the flow for an endpoint and order; called when the attributes are set or change. */
  start(config: CheckoutConfig): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#config = config;
    this.state = initialState;
    this.#enter(this.state, null);
  }

  send(event: CheckoutEvent): void {
    const previous = this.state;
    const next = transition(previous, event);
    if (next === previous) return;
    this.state = next;
    this.#report(previous, next);
    this.host.requestUpdate();
    this.#enter(next, previous);
  }

  #report(previous: CheckoutState, next: CheckoutState): void {
    const before = shownErrors(previous);
    for (const error of shownErrors(next)) {
      if (!before.includes(error)) this.host.dispatchEvent(new PrepaidCheckoutErrorEvent({ code: error.code }));
    }
    if (next.status === 'paid' && next.justPaid && previous.status !== 'paid') {
      const { order, amount, payments = [] } = next.order;
      this.host.dispatchEvent(new PrepaidCheckoutCompleteEvent({ order, amount, payments }));
    }
  }

  /** Effects on entering a state. */
  #enter(state: CheckoutState, previous: CheckoutState | null): void {
    const config = this.#config;
    if (!config) return;
    const signal = this.#abort.signal;
    if (state.status === 'loading') {
      void this.#loadOrder(config, signal, redirectMark.take(REDIRECT_MARK + config.order));
    } else if (state.status === 'paying' && previous?.status !== 'paying') {
      void this.#pay(config, state, signal);
    } else if (state.status === 'redirecting' && previous?.status !== 'redirecting') {
      redirectMark.set(REDIRECT_MARK + config.order);
      navigation.assign(state.redirectUrl);
    }
    if (state.status === 'entering' || state.status === 'paying') {
      const lockedUntil = state.entry.lockedUntil;
      clearTimeout(this.#lockTimer);
      if (lockedUntil !== null) {
        this.#lockTimer = setTimeout(() => this.send({ type: 'lock-expired', now: Date.now() }), Math.max(0, lockedUntil - Date.now()) + 50);
      }
    }
  }

  async #loadOrder(config: CheckoutConfig, signal: AbortSignal, returnedFromRedirect: boolean): Promise<void> {
    const result = await getJson(joinUrl(config.endpoint, 'orders', config.order), orderSchema, signal);
    if (signal.aborted) return;
    this.send(
      result.ok
        ? { type: 'order-loaded', order: result.value, offered: config.offered, returnedFromRedirect }
        : { type: 'order-failed', error: result.error },
    );
  }

  async #pay(config: CheckoutConfig, state: Extract<CheckoutState, { status: 'paying' }>, signal: AbortSignal): Promise<void> {
    const url = joinUrl(config.endpoint, 'orders', config.order, 'payments');
    const body: unknown = JSON.parse(state.attempt.body);
    const redirect = brandOf(state.entry)?.mode === 'redirect';
    if (redirect) {
      const result = await postJson(url, body, state.attempt.key, redirectResponse, signal);
      if (signal.aborted) return;
      this.send(result.ok ? { type: 'redirect-received', redirectUrl: result.value.redirectUrl } : { type: 'payment-failed', error: result.error, now: Date.now() });
      return;
    }
    const result = await postJson(url, body, state.attempt.key, orderSchema, signal);
    if (signal.aborted) return;
    if (result.ok) {
      this.send({ type: 'payment-succeeded', order: result.value });
      return;
    }
    this.send({ type: 'payment-failed', error: result.error, now: Date.now() });
    // No readable answer: the payment may have gone through. Look at the order before the shopper tries again.
    if (result.error.uncertain) {
      const refreshed = await getJson(joinUrl(config.endpoint, 'orders', config.order), orderSchema, signal);
      if (refreshed.ok && !signal.aborted) {
        this.send({ type: 'order-loaded', order: refreshed.value, offered: config.offered, returnedFromRedirect: false });
      }
    }
  }

  /** Checks one code's balance (brands with `balance: true`). */
  async checkBalance(index: number): Promise<void> {
    const config = this.#config;
    const before = this.state;
    if (!config || before.status !== 'entering' || !before.entry.brand) return;
    const brand = before.entry.brand;
    const code = codesOf(before.entry)[index];
    this.send({ type: 'balance-requested', index });
    if (this.state === before || code === undefined) return;
    const signal = this.#abort.signal;
    const url = joinUrl(config.endpoint, 'orders', config.order, 'balance');
    const result = await postJson(url, { brand, code }, newIdempotencyKey(), balanceResponse, signal);
    if (signal.aborted) return;
    this.send({ type: 'balance-answered', brand, index, code, result, now: Date.now() });
  }

  pay(): void {
    this.send({ type: 'pay', key: newIdempotencyKey(), returnUrl: navigation.returnUrl(), now: Date.now() });
  }
}
