/**
 * The checkout calls of CONTRACT.md as one fetch-style handler, over the sandbox issuer.
 * Every request body is checked with the contract's schemas.
 */
import type { Order, Payment } from '../../src/contract/checkout.js';
import { balanceRequest, collectPaymentRequest, paymentRequest } from '../../src/contract/checkout-requests.js';
import { maskCode } from '../../src/japanese/prepaid-code.js';
import { apiError, json, matchPath, parseBody } from './http.js';
import type { IdempotencyStore } from './idempotency.js';
import type { Lockout } from './lockout.js';
import type { OrderBook, OrderRecord } from './orders.js';
import type { CodeLookup, SandboxPrepaidIssuer } from './sandbox-prepaid.js';

export interface CheckoutApiDeps {
  orders: OrderBook;
  issuer: SandboxPrepaidIssuer;
  idempotency: IdempotencyStore;
  lockout: Lockout;
  now: () => Date;
  /** Starts a payment on the sandbox issuer's page; returns the URL to send the shopper to. */
  startRedirect: (record: OrderRecord, brand: string, returnUrl: string, origin: string) => string;
}

const REFUSALS = {
  invalid: [422, 'invalid_code', 'This code does not exist.'],
  used: [422, 'code_used', 'This code has already been used.'],
  expired: [422, 'code_expired', 'This code has expired.'],
} as const;

function refusal(lookup: CodeLookup, field: string, record: OrderRecord, brand: string): Response | null {
  if (lookup.kind === 'unavailable') return apiError(503, 'provider_unavailable', 'The prepaid issuer is not answering.');
  if (lookup.kind === 'valid') {
    if (brand === 'bitcash' && record.bitcashExOnly && lookup.rating !== 'EX') {
      return apiError(422, 'rating_not_allowed', 'This merchant accepts only BitCash cards rated EX.', { field });
    }
    return null;
  }
  const [status, code, message] = REFUSALS[lookup.kind];
  return apiError(status, code, message, { field });
}

/** `base` is the path the API is mounted at, e.g. `/api/checkout`. */
export function createCheckoutApi(base: string, deps: CheckoutApiDeps) {
  const { orders, issuer, idempotency, lockout } = deps;

  function lockedResponse(orderId: string): Response | null {
    const retryAfter = lockout.retryAfter(orderId);
    return retryAfter > 0 ? apiError(429, 'too_many_attempts', 'Too many wrong codes. Try again later.', { retryAfter }) : null;
  }

  function openRecord(orderId: string): OrderRecord | Response {
    const record = orders.get(orderId);
    if (!record) return apiError(404, 'order_not_found', 'No such order.');
    if (record.order.status !== 'open') return apiError(409, 'order_not_open', `The order is ${record.order.status}.`);
    return record;
  }

  function offered(record: OrderRecord, brand: string) {
    return record.order.brands.find((b) => b.id === brand);
  }

  async function balance(orderId: string, text: string): Promise<Response> {
    const record = openRecord(orderId);
    if (record instanceof Response) return record;
    const body = parseBody(text, balanceRequest);
    if (!body.ok) return body.response;
    const { brand, code } = body.value;
    const terms = offered(record, brand);
    if (terms?.mode !== 'collect' || !terms.balance) {
      return apiError(400, 'invalid_request', 'This brand offers no balance check for this order.', { field: 'brand' });
    }
    const locked = lockedResponse(orderId);
    if (locked) return locked;
    const lookup = issuer.lookup(brand, code);
    if (lookup.kind === 'invalid') lockout.fail(orderId);
    const refused = refusal(lookup, 'code', record, brand);
    if (refused || lookup.kind !== 'valid') return refused!;
    return json(200, { brand, balance: lookup.balance, masked: maskCode(code) });
  }

  async function pay(orderId: string, text: string, origin: string): Promise<Response> {
    const record = openRecord(orderId);
    if (record instanceof Response) return record;
    const body = parseBody(text, paymentRequest);
    if (!body.ok) return body.response;
    const request = body.value;
    const terms = offered(record, request.brand);
    if (!terms) return apiError(400, 'invalid_request', 'This brand is not offered for this order.', { field: 'brand' });

    if (!('codes' in request)) {
      if (terms.mode !== 'redirect') return apiError(400, 'invalid_request', 'This brand takes codes.', { field: 'codes' });
      return json(200, { redirectUrl: deps.startRedirect(record, request.brand, request.returnUrl, origin) });
    }
    if (terms.mode !== 'collect') return apiError(400, 'invalid_request', 'This brand pays on the issuer’s page.', { field: 'returnUrl' });
    const codes = collectPaymentRequest.parse(request).codes;
    if (codes.length > (terms.maxCodes ?? 1)) {
      return apiError(400, 'invalid_request', `At most ${terms.maxCodes ?? 1} codes.`, { field: 'codes' });
    }
    const duplicate = codes.findIndex((code, i) => codes.indexOf(code) !== i);
    if (duplicate >= 0) return apiError(400, 'invalid_request', 'The same code twice.', { field: `codes.${duplicate}` });

    const locked = lockedResponse(orderId);
    if (locked) return locked;

    const found: { code: string; balance: number }[] = [];
    for (const [i, code] of codes.entries()) {
      const lookup = issuer.lookup(request.brand, code);
      if (lookup.kind === 'invalid') lockout.fail(orderId);
      const refused = refusal(lookup, `codes.${i}`, record, request.brand);
      if (refused) return refused;
      if (lookup.kind === 'valid') found.push({ code, balance: lookup.balance });
    }
    const total = found.reduce((sum, f) => sum + f.balance, 0);
    const { amount } = record.order;
    if (total < amount) {
      return apiError(402, 'insufficient_balance', `The codes hold ${total} yen; ${amount - total} more is needed.`, {
        shortfall: amount - total,
      });
    }
    // All or nothing: only now is anything spent.
    let due = amount;
    const payments: Payment[] = [];
    for (const { code, balance } of found) {
      if (due === 0) break;
      const spend = Math.min(balance, due);
      issuer.spend(request.brand, code, spend);
      payments.push({ brand: request.brand, amount: spend, masked: maskCode(code) });
      due -= spend;
    }
    lockout.succeed(orderId);
    const paid: Order = { ...record.order, status: 'paid', payments, paidAt: deps.now().toISOString() };
    record.order = paid;
    return json(200, paid);
  }

  return async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${base}/`)) return null;
    const path = url.pathname.slice(base.length);
    let params = matchPath('/orders/:order', path);
    if (params) {
      if (request.method !== 'GET') return apiError(405, 'invalid_request', 'Use GET.');
      const record = orders.get(params.order!);
      return record ? json(200, record.order) : apiError(404, 'order_not_found', 'No such order.');
    }
    for (const [pattern, run] of [
      ['/orders/:order/balance', (id: string, text: string) => balance(id, text)],
      ['/orders/:order/payments', (id: string, text: string) => pay(id, text, url.origin)],
    ] as const) {
      params = matchPath(pattern, path);
      if (!params) continue;
      if (request.method !== 'POST') return apiError(405, 'invalid_request', 'Use POST.');
      const text = await request.text();
      const id = params.order!;
      return idempotency.run(url.pathname, request.headers.get('idempotency-key'), text, () => run(id, text));
    }
    return apiError(404, 'invalid_request', 'No such API path.');
  };
}
