/**
 * Runs the checkout flow's effects: loads the order, posts payments and balance checks, follows the
 * issuer redirect, and looks at the order again after an unknown outcome or `order_not_open`. The state
 * changes only through `transition`, and which events fire only through `eventsFor` (checkout-flow.ts);
 * the shared runner (src/flow/runner.ts) does the sending, aborting and lockout timing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getJson, joinUrl, newIdempotencyKey, postJson } from '../api/client.js';
import { navigation, redirectMark } from '../api/navigation.js';
import { balanceResponse, order as orderSchema, redirectResponse } from '../contract/checkout.js';
import { isValidId } from '../contract/common.js';
import { FlowRunner } from '../flow/runner.js';
import {
  brandOf,
  codesOf,
  eventsFor,
  initialState,
  lockedUntilOf,
  transition,
  type CheckoutEvent,
  type CheckoutOutput,
  type CheckoutState,
  type KnownBrandId,
} from './checkout-flow.js';
import { PrepaidCheckoutCompleteEvent, PrepaidCheckoutErrorEvent } from './events.js';

export interface CheckoutConfig {
  endpoint: string;
  order: string;
  offered: readonly KnownBrandId[] | null;
}

const REDIRECT_MARK = 'ppw-checkout-redirect:';

function toPageEvent(output: CheckoutOutput): Event {
  if (output.type === 'error') return new PrepaidCheckoutErrorEvent({ code: output.code });
  const { order, amount, payments } = output;
  return new PrepaidCheckoutCompleteEvent({ order, amount, payments });
}

export class CheckoutController implements ReactiveController {
  readonly #runner: FlowRunner<CheckoutState, CheckoutEvent, CheckoutOutput>;
  #config: CheckoutConfig | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.#runner = new FlowRunner(
      host,
      { transition, eventsFor, toPageEvent, lockedUntil: lockedUntilOf, lockExpired: (now) => ({ type: 'lock-expired', now }) },
      initialState,
      (state, previous, signal) => this.#enter(state, previous, signal),
    );
  }

  get state(): CheckoutState {
    return this.#runner.state;
  }

  hostDisconnected(): void {
    this.#runner.stop();
  }

  /** (Re)starts the flow for an endpoint and order; called when the attributes are set or change. */
  start(config: CheckoutConfig): void {
    this.#config = config;
    this.#runner.restart(initialState);
  }

  send(event: CheckoutEvent): void {
    this.#runner.send(event);
  }

  /** Effects on entering a state. */
  #enter(state: CheckoutState, previous: CheckoutState | null, signal: AbortSignal): void {
    const config = this.#config;
    if (!config) return;
    if (state.status === 'loading') {
      if (!isValidId(config.order)) this.send({ type: 'order-invalid' });
      else void this.#loadOrder(config, signal, redirectMark.take(REDIRECT_MARK + config.order) !== null);
    } else if (state.status === 'refreshing' && previous?.status !== 'refreshing') {
      void this.#loadOrder(config, signal, false);
    } else if (state.status === 'paying' && previous?.status !== 'paying') {
      void this.#pay(config, state, signal);
    } else if (state.status === 'redirecting' && previous?.status !== 'redirecting') {
      redirectMark.set(REDIRECT_MARK + config.order);
      navigation.assign(state.redirectUrl);
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
    if (brandOf(state.entry)?.mode === 'redirect') {
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
    const signal = this.#runner.signal;
    const url = joinUrl(config.endpoint, 'orders', config.order, 'balance');
    const result = await postJson(url, { brand, code }, newIdempotencyKey(), balanceResponse, signal);
    if (signal.aborted) return;
    this.send({ type: 'balance-answered', brand, index, code, result, now: Date.now() });
  }

  pay(): void {
    this.send({ type: 'pay', key: newIdempotencyKey(), returnUrl: navigation.returnUrl(), now: Date.now() });
  }
}
