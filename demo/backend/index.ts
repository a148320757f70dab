/**
 * The demo's thin merchant backend: the checkout API (and, later, the claim API) over sandbox providers,
 * as one fetch-style handler. The vite dev server mounts it for `npm start`; browser tests run it in the page.
 */
import * as z from 'zod/mini';
import { orderBrand } from '../../src/contract/checkout.js';
import { claimMethod } from '../../src/contract/claim.js';
import { smallBankDirectory, type BankDirectory } from './bank-directory.js';
import { createCheckoutApi } from './checkout-api.js';
import { createClaimApi } from './claim-api.js';
import { ClaimBook, type NewClaim } from './claims.js';
import { createSandboxPayoutPages } from './sandbox-payout-pages.js';
import { apiError, json, type Handler } from './http.js';
import { IdempotencyStore } from './idempotency.js';
import { Lockout } from './lockout.js';
import { OrderBook, ORDER_TEMPLATES } from './orders.js';
import { SandboxPrepaidIssuer } from './sandbox-prepaid.js';
import { createSandboxIssuer } from './sandbox-issuer-page.js';

export interface DemoBackendOptions {
  /** The clock, for tests. */
  now?: () => Date;
  /** Wrong codes (or accounts) before a lockout, and how long it lasts. */
  lockout?: { limit: number; seconds: number };
  /** Bank and branch names; the demo server passes the zengin-code data. */
  banks?: BankDirectory;
  /** How long a sandbox bank transfer takes (default 20 s) and how long ATM codes last (default 72 h). */
  bankDelayMs?: number;
  atmValidMs?: number;
}

export interface DemoBackend {
  handle: Handler;
  orders: OrderBook;
  issuer: SandboxPrepaidIssuer;
  claims: ClaimBook;
}

export const CHECKOUT_BASE = '/api/checkout';
export const SANDBOX_ISSUER_BASE = '/sandbox/issuer';
export const CLAIMS_BASE = '/api/claims';

export function createDemoBackend(options: DemoBackendOptions = {}): DemoBackend {
  const now = options.now ?? (() => new Date());
  const orders = new OrderBook(now);
  const issuer = new SandboxPrepaidIssuer();
  const lockoutTerms = options.lockout ?? { limit: 5, seconds: 60 };
  const issuerPages = createSandboxIssuer(SANDBOX_ISSUER_BASE, now);
  const checkout = createCheckoutApi(CHECKOUT_BASE, {
    orders,
    issuer,
    idempotency: new IdempotencyStore(),
    lockout: new Lockout(lockoutTerms.limit, lockoutTerms.seconds * 1000, () => now().getTime()),
    now,
    startRedirect: issuerPages.start,
  });
  const clock = () => now().getTime();
  const claims = new ClaimBook({
    now: clock,
    bankDelayMs: options.bankDelayMs ?? 20_000,
    atmValidMs: options.atmValidMs ?? 72 * 3_600_000,
  });
  const payoutPages = createSandboxPayoutPages(claims, clock);
  const claimApi = createClaimApi(CLAIMS_BASE, {
    claims,
    banks: options.banks ?? smallBankDirectory,
    idempotency: new IdempotencyStore(),
    lockout: new Lockout(lockoutTerms.limit, lockoutTerms.seconds * 1000, clock),
    now: clock,
    startWallet: payoutPages.startWallet,
    quoUrl: payoutPages.quoUrl,
  });

  async function demoApi(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (url.pathname === '/api/demo/claims' && request.method === 'POST') {
      const spec = (await request.json().catch(() => null)) as NewClaim | null;
      if (
        !spec ||
        !Number.isInteger(spec.amount) ||
        spec.amount <= 0 ||
        !['refund', 'payout', 'cashback', 'reward'].includes(spec.purpose)
      ) {
        return apiError(400, 'invalid_request', 'Give an amount in yen and a purpose.', { field: 'amount' });
      }
      if (spec.methods !== undefined && !z.array(z.union([z.string(), claimMethod])).safeParse(spec.methods).success) {
        return apiError(400, 'invalid_request', 'methods: method ids, or terms {method, fee, arrival, max?}.', { field: 'methods' });
      }
      const record = claims.issue({
        amount: spec.amount,
        purpose: spec.purpose,
        message: spec.message,
        methods: spec.methods,
        payer: spec.payer,
      });
      return json(201, { token: record.token, claim: record.claim });
    }
    if (url.pathname !== '/api/demo/orders') return null;
    if (request.method === 'GET') return json(200, ORDER_TEMPLATES);
    if (request.method === 'POST') {
      const { template, brands } = (await request.json().catch(() => ({}))) as { template?: string; brands?: unknown };
      const offered = brands === undefined ? undefined : z.array(orderBrand).safeParse(brands);
      if (offered && !offered.success)
        return apiError(400, 'invalid_request', 'brands: a list of {id, mode, maxCodes?, balance?}.', { field: 'brands' });
      const order = template ? orders.create(template, offered?.data) : undefined;
      return order ? json(201, order) : apiError(400, 'invalid_request', 'Unknown template.', { field: 'template' });
    }
    return apiError(405, 'invalid_request', 'Use GET or POST.');
  }

  const routes = [checkout, claimApi, issuerPages.handle, payoutPages.handle, demoApi];
  async function handle(request: Request): Promise<Response> {
    try {
      for (const route of routes) {
        const response = await route(request);
        if (response) return response;
      }
      return apiError(404, 'invalid_request', 'Not found.');
    } catch (error) {
      console.error(error);
      return apiError(500, 'internal_error', 'The demo backend failed.');
    }
  }

  return { handle, orders, issuer, claims };
}
