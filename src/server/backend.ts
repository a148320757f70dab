/**
 * The merchant backend as one fetch-style handler (Request in, Response out) for both APIs of CONTRACT.md
 * over a store and two providers. Framework-neutral: mount it on node:http (node.ts), a vite dev server,
 * a test page, or any server that speaks Request/Response.
 *
 * Every POST: JSON only (415), at most 16 KiB (413, decided while reading), an Idempotency-Key scoped to
 * its path, then the handler. One log line per request: method, path without tokens, status, ms.
 */
import { arrivalTerms, type ArrivalTerms } from './business-days.js';
import { createCheckoutApi, type CheckoutApi } from './checkout-api.js';
import { createClaimApi } from './claim-api.js';
import { createClaimStore, type ClaimStore } from './claims.js';
import type { BackendContext, Call } from './context.js';
import { createDemoRoutes, seedDemo } from './demo.js';
import { apiError, matchPath, readJson } from './http.js';
import { Idempotency } from './idempotency.js';
import { Lockouts, type LockoutTerms } from './lockout.js';
import { migrate } from './migrations.js';
import type { CodeSender, PayoutProvider, PrepaidIssuer } from './providers.js';
import { createRefunds, type RefundOptions, type RefundOutcome } from './refunds.js';
import type { BankDirectory } from './sandbox/bank-directory.js';
import type { Sql } from './sql.js';
import { createVerificationApi, verificationSecret } from './verification.js';

export const CHECKOUT_BASE = '/api/checkout';
export const CLAIMS_BASE = '/api/claims';

/** What the mount knows about the request beyond the Request itself. */
export interface RequestInfo {
  /** The client's address (for the per-client lockout). */
  clientAddress?: string;
}

export type Route = (request: Request) => Promise<Response | null>;

export interface MerchantBackendOptions {
  sql: Sql;
  issuer: PrepaidIssuer;
  payouts: PayoutProvider;
  /** Bank and branch names, for the account check and the transfer's result. */
  banks: BankDirectory;
  /** `https://shop.example` (no path): every absolute URL the backend makes starts with it. */
  publicOrigin: string;
  /** Origins a `returnUrl` may point to; default the public origin. */
  allowedReturnOrigins?: readonly string[];
  /** The demo routes and demo data (`DEMO=1`). */
  demo?: boolean;
  /** The clock (epoch ms), for tests. */
  now?: () => number;
  /**
   * Bank transfers: the cut-off (minutes after midnight JST; default 900, 15:00) and the business days a
   * transfer takes at most after its start day (default 3, the upper bound of "1–3 business days").
   */
  bankArrival?: Partial<ArrivalTerms>;
  /** How long a request (idempotency key) or a payment attempt is held before another process may take it over. Default 30 s. */
  leaseMs?: number;
  /** Wrong codes per order (accounts per claim) before a lockout, and how long it lasts. Default 5 in 60 s. */
  lockout?: LockoutTerms;
  /** Wrong codes or accounts per client address. Default 20 in 600 s. */
  clientLockout?: LockoutTerms;
  /** One line per request; default console.log. */
  log?: (line: string) => void;
  /** More routes, tried after the APIs (the sandbox's pages). */
  routes?: readonly Route[];
  /** Sends the recipients' one-time codes (SMS or email); without it, asking for a code is `503 provider_unavailable`. */
  codes?: CodeSender;
  /**
   * The key of the codes' HMAC (`VERIFICATION_SECRET`). Without it the backend makes one at its first start and
   * keeps it in the database (`server_secrets`), so that it survives a restart and every process shares it.
   */
  verificationSecret?: string;
  /** A code that always verifies (the sandbox's `000000`; still counted by the lockout). Never set it in production. */
  sandboxVerificationCode?: string;
  /** Seconds before another code may be sent (default 60; tests shorten it). */
  verificationResendAfterS?: number;
  /** The demo's "phone": the messages sent to a destination, latest first (`GET /api/demo/claims/{token}/messages`). */
  demoOutbox?: (to: string) => readonly unknown[];
}

export interface MerchantBackend {
  handle(request: Request, info?: RequestInfo): Promise<Response>;
  /** Finishes what a dead process left (payment attempts, payout starts, refunds); run at start. */
  reconcile(): Promise<{ payments: number; claims: number; refunds: number }>;
  /**
   * Refunds a paid order, all of it (`amount` omitted: what is left) or part, through the issuer; idempotent by
   * the merchant's `key` (refunds.ts). The merchant's own admin calls it: no route of the widget API does.
   */
  refundOrder(orderId: string, options: RefundOptions): Promise<RefundOutcome>;
  context: BackendContext;
  checkout: CheckoutApi;
  claims: ClaimStore;
  close(): Promise<void>;
}

/** Paths as logged: claim tokens and sandbox session ids replaced. */
export function loggedPath(path: string): string {
  return path
    .replace(/^(\/api\/claims\/)[^/]+/, '$1:token')
    .replace(/^(\/sandbox\/(?:issuer|wallet|quo)\/)[^/]+/, '$1:id')
    .slice(0, 200);
}

export async function createMerchantBackend(options: MerchantBackendOptions): Promise<MerchantBackend> {
  const now = options.now ?? Date.now;
  const publicOrigin = new URL(options.publicOrigin).origin;
  const ctx: BackendContext = {
    sql: options.sql,
    now,
    leaseMs: options.leaseMs ?? 30_000,
    bankArrival: arrivalTerms(options.bankArrival),
    lockouts: new Lockouts(options.sql, now),
    lockoutTerms: { subject: options.lockout ?? { limit: 5, seconds: 60 }, client: options.clientLockout ?? { limit: 20, seconds: 600 } },
    publicOrigin,
    allowedReturnOrigins: (options.allowedReturnOrigins ?? [publicOrigin]).map((o) => new URL(o).origin),
  };
  await migrate(options.sql, now());
  if (options.demo) await seedDemo(ctx, ctx.sql, options.payouts);

  const idempotency = new Idempotency(options.sql, now, ctx.leaseMs, () => ctx.lockouts.purge());
  const checkout = createCheckoutApi(ctx, options.issuer);
  const claims = createClaimStore(ctx, options.payouts);
  const claimApi = createClaimApi(ctx, claims, options.payouts, options.banks);
  const refunds = createRefunds(ctx, options.issuer);
  const verification = createVerificationApi(ctx, claims, {
    secret: await verificationSecret(options.sql, options.verificationSecret, now()),
    ...(options.codes ? { sender: options.codes } : {}),
    ...(options.sandboxVerificationCode ? { sandboxCode: options.sandboxVerificationCode } : {}),
    ...(options.verificationResendAfterS !== undefined ? { resendAfterS: options.verificationResendAfterS } : {}),
  });
  const demoRoutes = options.demo
    ? createDemoRoutes(ctx, {
        payouts: options.payouts,
        refundOrder: refunds.refundOrder,
        ...(options.demoOutbox ? { outbox: options.demoOutbox } : {}),
      })
    : null;
  const log = options.log ?? ((line: string) => console.log(line));

  type PostHandler = (id: string, body: unknown, call: Call) => Promise<Response>;

  async function post(request: Request, id: string, run: PostHandler, info: RequestInfo): Promise<Response> {
    const raw = await readJson(request);
    if (!raw.ok) return raw.response;
    const scope = `POST ${new URL(request.url).pathname}`;
    const begun = await idempotency.begin(scope, request.headers.get('idempotency-key'), raw.value);
    if (begun.kind === 'answer') return begun.response;
    let response: Response;
    try {
      response = await run(id, raw.value, { idem: begun.scope, ...(info.clientAddress ? { client: info.clientAddress } : {}) });
    } catch (error) {
      await idempotency.finish(begun, apiError(500, 'internal_error', 'The backend failed.')).catch(() => undefined);
      throw error;
    }
    return idempotency.finish(begun, response);
  }

  async function api(request: Request, info: RequestInfo): Promise<Response | null> {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith(`${CHECKOUT_BASE}/`)) {
      const path = pathname.slice(CHECKOUT_BASE.length);
      const read = matchPath('/orders/:order', path);
      if (read) return request.method === 'GET' ? checkout.getOrder(read.order!) : apiError(405, 'invalid_request', 'Use GET.');
      for (const [pattern, run] of [
        ['/orders/:order/balance', checkout.balance],
        ['/orders/:order/payments', checkout.pay],
      ] as const) {
        const params = matchPath(pattern, path);
        if (params)
          return request.method === 'POST' ? post(request, params.order!, run, info) : apiError(405, 'invalid_request', 'Use POST.');
      }
      return apiError(404, 'invalid_request', 'No such API path.');
    }
    if (pathname.startsWith(`${CLAIMS_BASE}/`)) {
      const path = pathname.slice(CLAIMS_BASE.length);
      const read = matchPath('/:token', path);
      if (read) return request.method === 'GET' ? claimApi.getClaim(read.token!) : apiError(405, 'invalid_request', 'Use GET.');
      for (const [pattern, run] of [
        ['/:token/claim', claimApi.post],
        ['/:token/verification', verification.send],
        ['/:token/verify', verification.verify],
      ] as const) {
        const params = matchPath(pattern, path);
        if (params)
          return request.method === 'POST' ? post(request, params.token!, run, info) : apiError(405, 'invalid_request', 'Use POST.');
      }
      return apiError(404, 'invalid_request', 'No such API path.');
    }
    return null;
  }

  async function route(request: Request, info: RequestInfo): Promise<Response> {
    const answered = (await api(request, info)) ?? (demoRoutes ? await demoRoutes(request) : null);
    if (answered) return answered;
    for (const extra of options.routes ?? []) {
      const response = await extra(request);
      if (response) return response;
    }
    return apiError(404, 'invalid_request', 'Not found.');
  }

  async function handle(request: Request, info: RequestInfo = {}): Promise<Response> {
    const started = performance.now();
    let response: Response;
    try {
      response = await route(request, info);
    } catch (error) {
      // The name only: messages of drivers and providers may quote values.
      log(`error ${error instanceof Error ? error.name : typeof error}`);
      response = apiError(500, 'internal_error', 'The backend failed.');
    }
    log(`${request.method} ${loggedPath(new URL(request.url).pathname)} ${response.status} ${(performance.now() - started).toFixed(1)}ms`);
    return response;
  }

  async function reconcile() {
    return { payments: await checkout.reconcileStale(), claims: await claims.reconcileStale(), refunds: await refunds.reconcileStale() };
  }
  await reconcile();

  return { handle, reconcile, refundOrder: refunds.refundOrder, context: ctx, checkout, claims, close: () => options.sql.close() };
}
