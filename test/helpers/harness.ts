/**
 * The one setup every element test needs, as a hook: the demo backend in the page (network.ts), the
 * widget's error and complete events recorded, navigation stubbed, the tab's storage and address clean,
 * and all of it restored after each test.
 *
 *   const t = useHarness('prepaid-checkout');
 *   it('...', async () => { ...; expect(t.errors).to.deep.equal([]); expect(t.net.sent('POST', /x/)) ... });
 */
import { waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import { navigation } from '../../src/api/navigation.js';
import { allByRole, byRole } from './dom.js';
import { installNetwork, type FakeNetwork, type NetworkOptions } from './network.js';

export type Widget = 'prepaid-checkout' | 'payout-claim';

export interface Harness {
  net: FakeNetwork;
  /** `code` of every `<widget>-error` event, in order. */
  errors: string[];
  /** `detail` of every `<widget>-complete` event, in order. */
  completes: Record<string, unknown>[];
  /** URLs the widget navigated to (`navigation.assign`). */
  assigned: string[];
  /** Starts a fresh demo backend with these options (in place of the harness's). */
  reinstall(options: NetworkOptions): Promise<FakeNetwork>;
  /** Calls the demo backend directly, as another tab or the merchant's server would: not recorded in `net.requests`. */
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

export interface HarnessOptions extends NetworkOptions {
  /** Pins `document.hidden` to false (the runner may run a file in a background tab; claims poll only when visible). */
  visible?: boolean;
}

function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
}

export function useHarness(widget: Widget, options: HarnessOptions = {}): Harness {
  const { visible = true, ...backendOptions } = options;
  const realAssign = navigation.assign;
  let address = '';
  const onError = (e: Event) => harness.errors.push((e as CustomEvent<{ code: string }>).detail.code);
  const onComplete = (e: Event) => harness.completes.push((e as CustomEvent<Record<string, unknown>>).detail);

  const harness: Harness = {
    net: undefined as unknown as FakeNetwork,
    errors: [],
    completes: [],
    assigned: [],
    async reinstall(more) {
      harness.net.restore();
      harness.net = await installNetwork(more);
      return harness.net;
    },
    call(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers } };
      if (body !== undefined) init.body = JSON.stringify(body);
      return harness.net.backend.handle(new Request(new URL(path, location.origin), init));
    },
  };

  beforeEach(async () => {
    address = location.href;
    if (visible) setHidden(false);
    harness.net = await installNetwork(backendOptions);
    harness.errors = [];
    harness.completes = [];
    harness.assigned = [];
    navigation.assign = (url) => void harness.assigned.push(url);
    sessionStorage.clear();
    document.addEventListener(`${widget}-error`, onError);
    document.addEventListener(`${widget}-complete`, onComplete);
  });

  afterEach(() => {
    harness.net.restore();
    navigation.assign = realAssign;
    document.removeEventListener(`${widget}-error`, onError);
    document.removeEventListener(`${widget}-complete`, onComplete);
    sessionStorage.clear();
    if (location.href !== address) history.replaceState(null, '', address);
  });

  return harness;
}

/** A fresh open order from a demo template (`POST /api/demo/orders`), optionally with its own brand list. */
export async function demoOrder(t: Harness, template: string, brands?: unknown[]): Promise<string> {
  const response = await t.call('POST', '/api/demo/orders', brands ? { template, brands } : { template });
  if (response.status !== 201) throw new Error(`demo order: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { order: string }).order;
}

/** A fresh claim (`POST /api/demo/claims`); returns its token. */
export async function demoClaim(t: Harness, spec: Record<string, unknown>): Promise<string> {
  const response = await t.call('POST', '/api/demo/claims', spec);
  if (response.status !== 201) throw new Error(`demo claim: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** An idempotent POST as another tab would send it. */
export function postElsewhere(t: Harness, path: string, body: unknown): Promise<Response> {
  return t.call('POST', path, body, { 'idempotency-key': crypto.randomUUID() });
}

/** The text of every alert in a widget, whitespace folded. */
export function alertsText(el: Element): string {
  return allByRole(el, 'alert')
    .map((a) => a.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** Presses a widget's button by its accessible name. */
export async function press(el: LitElement, name: string | RegExp): Promise<void> {
  byRole<HTMLButtonElement>(el, 'button', name).click();
  await el.updateComplete;
}

/** Picks a radio (a brand, a method) by its accessible name. */
export async function choose(el: LitElement, name: string | RegExp): Promise<void> {
  byRole<HTMLInputElement>(el, 'radio', name).click();
  await el.updateComplete;
}

/** Waits until the widget's flow is in `status`, then for its render. */
export async function waitForStatus(el: LitElement & { state: { status: string } }, status: string, timeout = 4000): Promise<void> {
  try {
    await waitUntil(() => el.state.status === status, `waiting for ${status}`, { timeout });
  } catch {
    throw new Error(`waiting for ${status}, still ${el.state.status} after ${timeout} ms`);
  }
  await el.updateComplete;
}
