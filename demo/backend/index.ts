/**
 * The demo's thin merchant backend: the checkout API (and, later, the claim API) over sandbox providers,
 * as one fetch-style handler. The vite dev server mounts it for `npm start`; browser tests run it in the page.
 */
import { createCheckoutApi } from './checkout-api.js';
import { apiError, json, type Handler } from './http.js';
import { IdempotencyStore } from './idempotency.js';
import { Lockout } from './lockout.js';
import { OrderBook, ORDER_TEMPLATES } from './orders.js';
import { SandboxPrepaidIssuer } from './sandbox-prepaid.js';
import { createSandboxIssuer } from './sandbox-issuer-page.js';

export interface DemoBackendOptions {
  /** The clock, for tests. */
  now?: () => Date;
  /** Wrong codes before a lockout, and how long it lasts. */
  lockout?: { limit: number; seconds: number };
}

export interface DemoBackend {
  handle: Handler;
  orders: OrderBook;
  issuer: SandboxPrepaidIssuer;
}

export const CHECKOUT_BASE = '/api/checkout';
export const SANDBOX_ISSUER_BASE = '/sandbox/issuer';

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

  async function demoApi(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (url.pathname !== '/api/demo/orders') return null;
    if (request.method === 'GET') return json(200, ORDER_TEMPLATES);
    if (request.method === 'POST') {
      const { template } = (await request.json().catch(() => ({}))) as { template?: string };
      const order = template ? orders.create(template) : undefined;
      return order ? json(201, order) : apiError(400, 'invalid_request', 'Unknown template.', { field: 'template' });
    }
    return apiError(405, 'invalid_request', 'Use GET or POST.');
  }

  const routes = [checkout, issuerPages.handle, demoApi];
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

  return { handle, orders, issuer };
}
