/**
 * The checkout flow as data: a discriminated union of states and a pure `transition(state, event)`.
 * No lit, no fetch, no clock: the controller runs the effects and passes in keys and times.
 */
import type { ApiError } from '../api/client.js';
import { brands, type CodeFormat } from '../contract/brands.js';
import type { BalanceResponse, Order, OrderBrand, Payment } from '../contract/checkout.js';
import { checkCode, normalizeCode } from '../japanese/prepaid-code.js';

/** A brand id the registry knows (built in or registered at run time). */
export type KnownBrandId = string;

export type BalanceCheck =
  | { status: 'checking'; code: string }
  | { status: 'known'; code: string; balance: number; masked: string }
  | { status: 'failed'; code: string; error: ApiError };

/** One user attempt at paying: retries of it reuse the key; any change to what is sent makes a new one. */
export interface Attempt {
  key: string;
  /** The request body as sent, to tell a retry from a new attempt. */
  body: string;
}

/** What the shopper has entered so far, kept across brands so that nothing typed is lost. */
export interface Entry {
  order: Order;
  /** The brands on offer, in display order. */
  brands: OrderBrand[];
  brand: KnownBrandId | null;
  /** Codes typed per brand (normalized), one string per code. */
  codes: Partial<Record<KnownBrandId, string[]>>;
  /** Balance checks per brand and code. */
  balances: Partial<Record<KnownBrandId, (BalanceCheck | undefined)[]>>;
  /**
   * Per brand and code: the shopper typed in it and left it, or pressed Pay with it there. Only then is an
   * incomplete code pointed out, so that a field the shopper has not reached yet is never shown as wrong.
   */
  checked: Partial<Record<KnownBrandId, boolean[]>>;
  /** The error the shopper is shown, if any. */
  error: ApiError | null;
  /** The last attempt whose outcome is unknown (no answer, 5xx): paying again sends it again, same key. */
  attempt: Attempt | null;
  /** Epoch ms until which paying is paused after `too_many_attempts`. */
  lockedUntil: number | null;
  /** The shopper came back from an issuer's page and the order is still open. */
  redirectIncomplete: boolean;
}

export type CheckoutState =
  | { status: 'loading' }
  | { status: 'unavailable'; error: ApiError }
  | { status: 'entering'; entry: Entry }
  | { status: 'paying'; entry: Entry; attempt: Attempt }
  | { status: 'redirecting'; entry: Entry; redirectUrl: string }
  /** The server said the order is no longer open: look at it again before saying anything. */
  | { status: 'refreshing'; entry: Entry }
  /** Paid (or since refunded): the receipt. */
  | { status: 'paid'; order: Order; justPaid: boolean }
  | { status: 'closed'; order: Order };

export type BalanceResult = { ok: true; value: BalanceResponse } | { ok: false; error: ApiError };

export type CheckoutEvent =
  | { type: 'order-loaded'; order: Order; offered: readonly KnownBrandId[] | null; returnedFromRedirect: boolean }
  | { type: 'order-failed'; error: ApiError }
  /** The order id is not one the contract allows: nothing is requested. */
  | { type: 'order-invalid' }
  | { type: 'reload' }
  | { type: 'brand-chosen'; brand: KnownBrandId }
  | { type: 'code-changed'; index: number; code: string }
  | { type: 'code-added' }
  | { type: 'code-removed'; index: number }
  /** Focus left a code's boxes. */
  | { type: 'code-left'; index: number }
  | { type: 'pay'; key: string; returnUrl: string; now: number }
  | { type: 'payment-succeeded'; order: Order }
  | { type: 'redirect-received'; redirectUrl: string }
  | { type: 'payment-failed'; error: ApiError; now: number }
  | { type: 'balance-requested'; index: number }
  | { type: 'balance-answered'; brand: KnownBrandId; index: number; code: string; result: BalanceResult; now: number }
  | { type: 'lock-expired'; now: number };

export const initialState: CheckoutState = { status: 'loading' };

/** What the widget reports for an `order` attribute the contract does not allow (no request is made). */
export const INVALID_ORDER: ApiError = { code: 'invalid_id', status: 0, target: null, uncertain: false };

/**
 * The brands to offer: the order's that this widget knows (others are skipped, CONTRACT.md), narrowed and
 * ordered by the `brands` attribute when given.
 */
export function offeredBrands(order: Order, offered: readonly KnownBrandId[] | null): OrderBrand[] {
  const known = order.brands.filter((b) => brands.has(b.id));
  if (!offered) return known;
  return offered.flatMap((id) => known.filter((b) => b.id === id));
}

/** The code format of a known brand. */
export function formatOf(brand: KnownBrandId): CodeFormat {
  return brands.get(brand)!.code;
}

export function brandOf(entry: Entry): OrderBrand | undefined {
  return entry.brands.find((b) => b.id === entry.brand);
}

export function codesOf(entry: Entry): string[] {
  return (entry.brand && entry.codes[entry.brand]) || [''];
}

export function balancesOf(entry: Entry): (BalanceCheck | undefined)[] {
  return (entry.brand && entry.balances[entry.brand]) || [];
}

export function checkedOf(entry: Entry): boolean[] {
  return (entry.brand && entry.checked[entry.brand]) || [];
}

/** The chosen brand's codes that the shopper has finished with (left or tried to pay) and that need attention. */
export function problemsShown(entry: Entry): boolean[] {
  const checked = checkedOf(entry);
  return codesOf(entry).map((_, index) => checked[index] === true);
}

/** What the known balances add up to, against the amount: for the running total under the codes. */
export interface RunningTotal {
  /** The known balances, in code order. */
  parts: number[];
  total: number;
  /** Yen still needed (0 when covered). */
  needed: number;
  /** Codes whose balance is not known yet. */
  unknown: number;
}

export function runningTotal(entry: Entry): RunningTotal | null {
  const brand = brandOf(entry);
  if (brand?.mode !== 'collect') return null;
  const balances = balancesOf(entry);
  const parts: number[] = [];
  let unknown = 0;
  codesOf(entry).forEach((code, index) => {
    const check = balances[index];
    if (check?.status === 'known' && check.code === code) parts.push(check.balance);
    else unknown += 1;
  });
  if (parts.length === 0) return null;
  const total = parts.reduce((sum, part) => sum + part, 0);
  return { parts, total, needed: Math.max(0, entry.order.amount - total), unknown };
}

export function maxCodesOf(brand: OrderBrand | undefined): number {
  return brand?.maxCodes ?? 1;
}

export function isLocked(entry: Entry, now: number): boolean {
  return entry.lockedUntil !== null && entry.lockedUntil > now;
}

/** The body that paying would send now, or null when the codes are not ready. */
export function paymentBody(entry: Entry, returnUrl: string): Record<string, unknown> | null {
  const brand = brandOf(entry);
  if (!brand) return null;
  if (brand.mode === 'redirect') return { brand: brand.id, returnUrl };
  const codes = codesOf(entry);
  if (codes.some((code) => checkCode(formatOf(brand.id), code) !== null)) return null;
  return { brand: brand.id, codes };
}

function lockFor(error: ApiError, now: number, current: number | null): number | null {
  return error.code === 'too_many_attempts' ? now + (error.retryAfter ?? 60) * 1000 : current;
}

/** The shopper changed what would be sent: a later press is a new attempt and old errors no longer apply. */
function edited(entry: Entry, codes: string[], balances: (BalanceCheck | undefined)[], checked = checkedOf(entry)): CheckoutState {
  const brand = entry.brand!;
  const keepError = entry.error?.code === 'too_many_attempts' || entry.error?.code === 'insufficient_balance';
  return {
    status: 'entering',
    entry: {
      ...entry,
      codes: { ...entry.codes, [brand]: codes },
      balances: { ...entry.balances, [brand]: balances },
      checked: { ...entry.checked, [brand]: checked },
      attempt: null,
      error: keepError ? entry.error : null,
      redirectIncomplete: false,
    },
  };
}

function freshEntry(order: Order, brands: OrderBrand[], returnedFromRedirect: boolean): Entry {
  return {
    order,
    brands,
    brand: brands.length === 1 ? brands[0]!.id : null,
    codes: {},
    balances: {},
    checked: {},
    error: null,
    attempt: null,
    lockedUntil: null,
    redirectIncomplete: returnedFromRedirect,
  };
}

/**
 * After `402 insufficient_balance` the codes sent hold `amount - shortfall` together. When exactly one of them
 * has no known balance, that is its balance (shown without a masked code: only the server makes those).
 */
function withInferredBalance(entry: Entry, error: ApiError): Entry {
  if (error.shortfall === undefined || !entry.brand) return entry;
  const codes = codesOf(entry);
  const balances = [...balancesOf(entry)];
  const held = entry.order.amount - error.shortfall;
  const unknown = codes.flatMap((code, index) => {
    const check = balances[index];
    return check?.status === 'known' && check.code === code ? [] : [index];
  });
  const known = codes.reduce((sum, code, index) => {
    const check = balances[index];
    return check?.status === 'known' && check.code === code ? sum + check.balance : sum;
  }, 0);
  const index = unknown[0];
  if (unknown.length !== 1 || index === undefined || held - known < 0) return entry;
  balances[index] = { status: 'known', code: codes[index]!, balance: held - known, masked: '' };
  return { ...entry, balances: { ...entry.balances, [entry.brand]: balances } };
}

export function transition(state: CheckoutState, event: CheckoutEvent): CheckoutState {
  switch (event.type) {
    case 'order-loaded': {
      const { order } = event;
      if (order.status === 'paid' || order.status === 'refunded') {
        const justPaid = order.status === 'paid' && (event.returnedFromRedirect || state.status !== 'loading');
        return { status: 'paid', order, justPaid };
      }
      if (order.status !== 'open') return { status: 'closed', order };
      if (state.status === 'entering' || state.status === 'refreshing') {
        // A refresh after an unknown outcome: the order is still open; keep everything typed.
        return { status: 'entering', entry: { ...state.entry, order } };
      }
      if (state.status !== 'loading') return state;
      return { status: 'entering', entry: freshEntry(order, offeredBrands(order, event.offered), event.returnedFromRedirect) };
    }
    case 'order-failed':
      if (state.status === 'refreshing') return { status: 'entering', entry: { ...state.entry, error: event.error } };
      return state.status === 'loading' ? { status: 'unavailable', error: event.error } : state;
    case 'order-invalid':
      return state.status === 'loading' ? { status: 'unavailable', error: INVALID_ORDER } : state;
    case 'reload':
      return state.status === 'unavailable' ? { status: 'loading' } : state;
    case 'brand-chosen': {
      if (state.status !== 'entering') return state;
      const { entry } = state;
      if (entry.brand === event.brand || !entry.brands.some((b) => b.id === event.brand)) return state;
      const error = entry.error?.code === 'too_many_attempts' ? entry.error : null;
      return {
        status: 'entering',
        entry: { ...entry, brand: event.brand, attempt: null, error, redirectIncomplete: false },
      };
    }
    case 'code-changed': {
      if (state.status !== 'entering' || !state.entry.brand) return state;
      const { entry } = state;
      const codes = [...codesOf(entry)];
      const code = normalizeCode(formatOf(entry.brand!), event.code);
      if (event.index < 0 || event.index >= codes.length || codes[event.index] === code) return state;
      codes[event.index] = code;
      const balances = [...balancesOf(entry)];
      balances[event.index] = undefined;
      return edited(entry, codes, balances);
    }
    case 'code-added': {
      if (state.status !== 'entering' || !state.entry.brand) return state;
      const { entry } = state;
      const codes = codesOf(entry);
      if (codes.length >= maxCodesOf(brandOf(entry))) return state;
      return edited(entry, [...codes, ''], balancesOf(entry));
    }
    case 'code-removed': {
      if (state.status !== 'entering' || !state.entry.brand) return state;
      const { entry } = state;
      const codes = codesOf(entry);
      if (codes.length <= 1 || event.index < 0 || event.index >= codes.length) return state;
      const balances = balancesOf(entry).filter((_, i) => i !== event.index);
      const keep = (_: unknown, i: number) => i !== event.index;
      return edited(entry, codes.filter(keep), balances, checkedOf(entry).filter(keep));
    }
    case 'code-left': {
      if (state.status !== 'entering' || !state.entry.brand) return state;
      const { entry } = state;
      const code = codesOf(entry)[event.index];
      const checked = [...checkedOf(entry)];
      if (!code || checked[event.index]) return state;
      checked[event.index] = true;
      return { status: 'entering', entry: { ...entry, checked: { ...entry.checked, [entry.brand!]: checked } } };
    }
    case 'pay': {
      if (state.status !== 'entering') return state;
      const { entry } = state;
      if (isLocked(entry, event.now)) return state;
      const body = paymentBody(entry, event.returnUrl);
      const checked = entry.brand ? { ...entry.checked, [entry.brand]: codesOf(entry).map(() => true) } : entry.checked;
      if (!body) return { status: 'entering', entry: { ...entry, checked } };
      const serialized = JSON.stringify(body);
      const attempt = entry.attempt?.body === serialized ? entry.attempt : { key: event.key, body: serialized };
      return {
        status: 'paying',
        attempt,
        entry: { ...entry, attempt, error: null, lockedUntil: null, checked, redirectIncomplete: false },
      };
    }
    case 'payment-succeeded':
      return state.status === 'paying' ? { status: 'paid', order: event.order, justPaid: true } : state;
    case 'redirect-received':
      return state.status === 'paying' ? { status: 'redirecting', entry: state.entry, redirectUrl: event.redirectUrl } : state;
    case 'payment-failed': {
      if (state.status !== 'paying') return state;
      const { error } = event;
      // Paid meanwhile (another tab, or an earlier attempt of this one), or closed: show what is there.
      if (error.code === 'order_not_open') return { status: 'refreshing', entry: { ...state.entry, attempt: null } };
      // Only an unknown outcome keeps the key for the next press: a definite answer ends the attempt.
      const attempt = error.uncertain ? state.attempt : null;
      const lockedUntil = lockFor(error, event.now, null);
      const entry = error.code === 'insufficient_balance' ? withInferredBalance(state.entry, error) : state.entry;
      return { status: 'entering', entry: { ...entry, error, attempt, lockedUntil } };
    }
    case 'balance-requested': {
      if (state.status !== 'entering' || !state.entry.brand) return state;
      const { entry } = state;
      const code = codesOf(entry)[event.index];
      if (code === undefined || checkCode(formatOf(entry.brand!), code) !== null) return state;
      const balances = [...balancesOf(entry)];
      if (balances[event.index]?.status === 'checking') return state;
      balances[event.index] = { status: 'checking', code };
      return { status: 'entering', entry: { ...entry, balances: { ...entry.balances, [entry.brand!]: balances } } };
    }
    case 'balance-answered': {
      if (state.status !== 'entering' && state.status !== 'paying') return state;
      const { entry } = state;
      const balances = [...(entry.balances[event.brand] ?? [])];
      const current = balances[event.index];
      // An answer for a code that has since been edited or removed is dropped.
      if (current?.status !== 'checking' || current.code !== event.code) return state;
      const { result } = event;
      balances[event.index] = result.ok
        ? { status: 'known', code: event.code, balance: result.value.balance, masked: result.value.masked }
        : { status: 'failed', code: event.code, error: result.error };
      const lockedUntil = result.ok ? entry.lockedUntil : lockFor(result.error, event.now, entry.lockedUntil);
      return { ...state, entry: { ...entry, balances: { ...entry.balances, [event.brand]: balances }, lockedUntil } };
    }
    case 'lock-expired': {
      if (state.status !== 'entering' || isLocked(state.entry, event.now) || state.entry.lockedUntil === null) return state;
      const error = state.entry.error?.code === 'too_many_attempts' ? null : state.entry.error;
      return { status: 'entering', entry: { ...state.entry, lockedUntil: null, error } };
    }
  }
}

/** What the page is told, as data: the controller turns these into the element's events. */
export type CheckoutOutput = { type: 'error'; code: string } | { type: 'complete'; order: string; amount: number; payments: Payment[] };

/** Every error a state shows, so that each new one is reported once. */
function shownErrors(state: CheckoutState): ApiError[] {
  switch (state.status) {
    case 'unavailable':
      return [state.error];
    case 'entering':
    case 'paying':
    case 'redirecting':
    case 'refreshing': {
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

/** The events that moving from `previous` to `next` fires: each error once when first shown; completion once. */
export function eventsFor(previous: CheckoutState, next: CheckoutState): CheckoutOutput[] {
  const before = shownErrors(previous);
  const outputs: CheckoutOutput[] = shownErrors(next)
    .filter((error) => !before.includes(error))
    .map((error) => ({ type: 'error', code: error.code }));
  if (next.status === 'paid' && next.justPaid && previous.status !== 'paid') {
    const { order, amount, payments = [] } = next.order;
    outputs.push({ type: 'complete', order, amount, payments });
  }
  return outputs;
}

/** Until when paying is locked out in this state, for the runner's timer. */
export function lockedUntilOf(state: CheckoutState): number | null {
  return state.status === 'entering' || state.status === 'paying' ? state.entry.lockedUntil : null;
}
