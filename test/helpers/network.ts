/**
 * Routes the widgets' fetches to the demo backend running in this page, records every request, and
 * injects the bad days: a dropped connection (before or after the server acted), a timeout, a status,
 * an answer that breaks the schema.
 */
import { createDemoBackend, type DemoBackend, type DemoBackendOptions } from '../../demo/backend/index.js';
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

export interface FakeNetwork {
  backend: DemoBackend;
  requests: RecordedRequest[];
  /** Makes the next `times` matching requests fail this way. */
  fail(method: string, path: RegExp, fault: Fault, times?: number): void;
  /** Requests whose path matches. */
  sent(method: string, path: RegExp): RecordedRequest[];
  restore(): void;
}

const realFetch = window.fetch.bind(window);

export function installNetwork(options: DemoBackendOptions = {}): FakeNetwork {
  const backend = createDemoBackend(options);
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
