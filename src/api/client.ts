/**
 * One small fetch client for both widgets: timeouts, bounded retries of the same attempt (same
 * Idempotency-Key, same body), and answers checked against the contract's schemas, returned as typed
 * results. Nothing here throws for a bad day on the network.
 */
import * as z from 'zod/mini';
import type { CheckoutErrorCode } from '../contract/checkout.js';
import type { ClaimErrorCode } from '../contract/claim.js';
import { apiErrorBody, type ClientErrorCode } from '../contract/common.js';

/** The codes the widgets word themselves, and any other string a server may send. */
export type ErrorCode = CheckoutErrorCode | ClaimErrorCode | (string & {});

/**
 * What an error's `field` points at, parsed once: a code box (`codes.1`), an account field
 * (`account.number`), or another field by name (`returnUrl`, `code`).
 */
export type ErrorTarget = { kind: 'code'; index: number } | { kind: 'account'; field: string } | { kind: 'field'; name: string };

export function errorTarget(field: string | undefined): ErrorTarget | null {
  if (!field) return null;
  const code = /^codes\.(\d{1,2})$/.exec(field);
  if (code) return { kind: 'code', index: Number(code[1]) };
  if (field.startsWith('account.')) return { kind: 'account', field: field.slice('account.'.length) };
  return { kind: 'field', name: field };
}

export interface ApiError {
  /** The server's error code (one of the contract's, or one this widget does not know), or one of the client's own. */
  code: ErrorCode;
  /** HTTP status; 0 when there was no answer. */
  status: number;
  message?: string;
  /** What the error is about, from the answer's `field`. */
  target: ErrorTarget | null;
  retryAfter?: number;
  shortfall?: number;
  /**
   * The outcome is unknown (no answer, 5xx, or an answer we could not read): the same attempt may be
   * sent again with the same key and body.
   */
  uncertain: boolean;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface RetryPolicy {
  /** How long one request may take before it is abandoned. */
  timeoutMs: number;
  /** Waits before each retry; their count is the number of retries. */
  retryDelaysMs: readonly number[];
}

/** The defaults for every request; tests shorten them. */
export const retryPolicy: RetryPolicy = { timeoutMs: 15_000, retryDelaysMs: [500, 1_500] };

/** Joins a base URL (relative or absolute, trailing slash or not) and path segments with exactly one `/`. */
export function joinUrl(endpoint: string, ...segments: string[]): string {
  const base = endpoint.replace(/\/+$/, '');
  return [base, ...segments.map((s) => encodeURIComponent(s))].join('/');
}

/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts (https, localhost); a page opened
 * over plain http on a LAN address (the demo on a phone) still has `getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function clientError(code: ClientErrorCode, status = 0): ApiError {
  return { code, status, target: null, uncertain: true };
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function once<T>(
  url: string,
  init: RequestInit,
  schema: z.ZodMiniType<T>,
  signal: AbortSignal | undefined,
): Promise<ApiResult<T>> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), retryPolicy.timeoutMs);
  const abort = () => timeout.abort();
  signal?.addEventListener('abort', abort);
  try {
    const response = await fetch(url, { ...init, signal: timeout.signal, credentials: 'same-origin' });
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.ok) {
      const parsed = schema.safeParse(body);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, error: clientError('invalid_response', response.status) };
    }
    const parsed = apiErrorBody.safeParse(body);
    if (!parsed.success) {
      return { ok: false, error: clientError(response.status >= 500 ? 'server_error' : 'invalid_response', response.status) };
    }
    const { code, message, field, retryAfter, shortfall } = parsed.data.error;
    // A request with this key still running elsewhere: its outcome is unknown, like a timeout.
    const inProgress = code === 'idempotency_in_progress';
    return {
      ok: false,
      error: { code, message, target: errorTarget(field), retryAfter, shortfall, status: response.status, uncertain: response.status >= 500 || inProgress },
    };
  } catch {
    if (signal?.aborted) return { ok: false, error: clientError('network_error') };
    return { ok: false, error: clientError(timeout.signal.aborted ? 'timeout' : 'network_error') };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

async function withRetries<T>(attempt: () => Promise<ApiResult<T>>, signal?: AbortSignal): Promise<ApiResult<T>> {
  let result = await attempt();
  for (const delay of retryPolicy.retryDelaysMs) {
    // Retry only what may not have happened: no answer, a 5xx, or a request still in progress.
    // Any other 4xx, or an unreadable 2xx, is final.
    if (result.ok || !result.error.uncertain || result.error.code === 'invalid_response' || signal?.aborted) break;
    // `409 idempotency_in_progress` says when the first request should be done.
    await wait(Math.max(delay, Math.min(30, result.error.retryAfter ?? 0) * 1000), signal);
    if (signal?.aborted) break;
    result = await attempt();
  }
  return result;
}

export function getJson<T>(url: string, schema: z.ZodMiniType<T>, signal?: AbortSignal): Promise<ApiResult<T>> {
  return withRetries(() => once(url, { method: 'GET', headers: { accept: 'application/json' } }, schema, signal), signal);
}

/** POSTs one attempt: every retry sends the same key and the same body. */
export function postJson<T>(
  url: string,
  body: unknown,
  idempotencyKey: string,
  schema: z.ZodMiniType<T>,
  signal?: AbortSignal,
): Promise<ApiResult<T>> {
  const init: RequestInit = {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  };
  return withRetries(() => once(url, init, schema, signal), signal);
}
