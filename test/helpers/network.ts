/**
 * Routes the widgets' fetches to the real server module (src/server/) running in this page on an
 * in-memory PGlite, records every request, and injects the bad days: a dropped connection (before or after
 * the server acted), a timeout, a status, an answer that breaks the schema.
 *
 * One PGlite per test file (started when this module loads); each `installNetwork` empties it and seeds the
 * demo data again, so that every test starts from the README's demo orders and claims.
 */
import { truncateAll } from '../../src/server/migrations.js';
import { createSandboxBackend, type SandboxBackend } from '../../src/server/sandbox/index.js';
import { openPglite } from '../../src/server/sql.js';
import { retryPolicy } from '../../src/api/client.js';
import { pollTiming } from '../../src/payout-claim/claim-flow.js';

export type Fault =
  | 'drop' // the connection fails before the server sees the request
  | 'drop-after' // the server acts, then the connection fails before the answer arrives
  | 'hang' // no answer at all (the client's timeout fires)
  | 'malformed' // 200 with a body that breaks the schema
  | 'malformed-after' // the server acts, then answers 200 with a body that breaks the schema
  | { status: number; body?: unknown };

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Headers;
  body: string;
  /** When it was sent (`performance.now()`). */
  at: number;
}

interface FaultRule {
  method: string;
  path: RegExp;
  fault: Fault;
  times: number;
}

export interface NetworkOptions {
  /** The backend's clock, for tests. */
  now?: () => Date;
  /** Wrong codes (or accounts) before a lockout, and how long it lasts. */
  lockout?: { limit: number; seconds: number };
  /** How long a sandbox bank transfer takes, and how long ATM codes last. */
  bankDelayMs?: number;
  atmValidMs?: number;
  /** Seconds before another one-time code may be sent (the backend's default is 60). */
  verificationResendAfterS?: number;
}

export interface FakeNetwork {
  backend: SandboxBackend;
  requests: RecordedRequest[];
  /** Makes the next `times` matching requests fail this way. */
  fail(method: string, path: RegExp, fault: Fault, times?: number): void;
  /** Requests whose path matches. */
  sent(method: string, path: RegExp): RecordedRequest[];
  restore(): void;
}

const realFetch = window.fetch.bind(window);
const sql = await openPglite();
await warmUp();

/**
 * Runs each kind of request once on a throwaway backend, so that the first test's requests do not pay for
 * PGlite's cold caches and the JIT (the widgets' client gives up after 300 ms in these tests).
 */
async function warmUp(): Promise<void> {
  const backend = await createSandboxBackend({
    sql: { ...sql, close: async () => undefined },
    publicOrigin: location.origin,
    demo: true,
    log: () => undefined,
  });
  const post = (path: string, body: unknown) =>
    backend.handle(
      new Request(`${location.origin}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify(body),
      }),
    );
  const account = { bankCode: '0005', branchCode: '001', type: 'ordinary', number: '1234567', holder: 'ﾔﾏﾀﾞ ﾀﾛｳ' };
  for (let round = 0; round < 3; round++) {
    await post('/api/checkout/orders/demo-1200/balance', { brand: 'webmoney', code: 'wm00000000005000' });
    await post('/api/checkout/orders/demo-1200/payments', { brand: 'webmoney', codes: ['wm00000000000100'] });
    await post('/api/claims/demo-refund/claim', { method: 'bank', account: { ...account, branchCode: '999' } });
    await backend.handle(new Request(`${location.origin}/api/claims/demo-refund`));
  }
  await post('/api/checkout/orders/demo-1200/payments', { brand: 'webmoney', codes: ['wm00000000005000'] });
  await post('/api/claims/demo-refund/claim', { method: 'bank', account });
  await backend.handle(new Request(`${location.origin}/api/claims/demo-refund`));
}

export async function installNetwork(options: NetworkOptions = {}): Promise<FakeNetwork> {
  await truncateAll(sql).catch(() => undefined); // (the first time, there are no tables yet)
  const clock = options.now;
  const backend = await createSandboxBackend({
    sql: { ...sql, close: async () => undefined },
    publicOrigin: location.origin,
    demo: true,
    log: () => undefined,
    ...(clock ? { now: () => clock().getTime() } : {}),
    ...(options.lockout ? { lockout: options.lockout } : {}),
    bankDelayMs: options.bankDelayMs ?? 20_000,
    ...(options.atmValidMs !== undefined ? { atmValidMs: options.atmValidMs } : {}),
    ...(options.verificationResendAfterS !== undefined ? { verificationResendAfterS: options.verificationResendAfterS } : {}),
  });
  const requests: RecordedRequest[] = [];
  const rules: FaultRule[] = [];
  const saved = { ...retryPolicy, retryDelaysMs: [...retryPolicy.retryDelaysMs] };
  const savedPoll = { ...pollTiming };
  retryPolicy.timeoutMs = 300;
  retryPolicy.retryDelaysMs = [5, 5];
  pollTiming.firstMs = 20;
  pollTiming.maxMs = 80;

  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/api/') && !url.pathname.startsWith('/sandbox/')) return realFetch(input, init);
    const at = performance.now();
    const body = request.method === 'GET' ? '' : await request.clone().text();
    requests.push({ method: request.method, url: request.url, path: url.pathname, headers: request.headers, body, at });
    const rule = rules.find((r) => r.times > 0 && r.method === request.method && r.path.test(url.pathname));
    const signal = init?.signal ?? undefined;
    if (!rule) return backend.handle(request);
    rule.times -= 1;
    const { fault } = rule;
    if (fault === 'drop') throw new TypeError('Failed to fetch');
    if (fault === 'drop-after') {
      await backend.handle(request);
      throw new TypeError('Failed to fetch');
    }
    if (fault === 'hang') {
      return new Promise<Response>((_, reject) => {
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (fault === 'malformed-after') await backend.handle(request);
    if (fault === 'malformed' || fault === 'malformed-after') {
      return new Response(JSON.stringify({ surprise: true }), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    return new Response(fault.body === undefined ? '' : JSON.stringify(fault.body), {
      status: fault.status,
      headers: { 'content-type': 'application/json' },
    });
  };

  return {
    backend,
    requests,
    fail(method, path, fault, times = 1) {
      rules.push({ method, path, fault, times });
    },
    sent(method, path) {
      return requests.filter((r) => r.method === method && path.test(r.path));
    },
    restore() {
      window.fetch = realFetch;
      Object.assign(retryPolicy, saved);
      Object.assign(pollTiming, savedPoll);
    },
  };
}
