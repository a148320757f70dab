/**
 * What every handler of the backend shares: the store, the clock, the lockouts and their terms, the
 * configured origins. One request's facts travel as a `Call`.
 */
import type { ArrivalTerms } from './business-days.js';
import { apiError } from './http.js';
import type { IdempotencyScope } from './idempotency.js';
import type { LockoutTerms, Lockouts } from './lockout.js';
import type { Sql } from './sql.js';

export interface BackendContext {
  sql: Sql;
  /** Epoch milliseconds (a test's clock, or Date.now). */
  now: () => number;
  /** When a bank transfer starts and how many business days it takes (the claims' `arrivalBy`). */
  bankArrival: ArrivalTerms;
  /** How long a request or payment attempt may run before another process may take it over. */
  leaseMs: number;
  lockouts: Lockouts;
  lockoutTerms: { subject: LockoutTerms; client: LockoutTerms };
  /** Absolute URLs are built from this (never from the Host header). */
  publicOrigin: string;
  /** Origins a `returnUrl` may point to. */
  allowedReturnOrigins: readonly string[];
}

export interface Call {
  /** The idempotency scope of this POST. */
  idem: IdempotencyScope;
  /** The client's address, for the per-client lockout (when the mount knows it). */
  client?: string;
}

/** The subjects a failure counts against: the order or claim, and the client. */
export function lockoutSubjects(ctx: BackendContext, subject: string, call: Call) {
  return [
    { subject, terms: ctx.lockoutTerms.subject },
    ...(call.client ? [{ subject: `client:${call.client}`, terms: ctx.lockoutTerms.client }] : []),
  ];
}

export async function lockedOut(ctx: BackendContext, subject: string, call: Call, what: string): Promise<Response | null> {
  const retryAfter = await ctx.lockouts.retryAfter(lockoutSubjects(ctx, subject, call).map((s) => s.subject));
  return retryAfter > 0 ? apiError(429, 'too_many_attempts', `Too many wrong ${what}. Try again later.`, { retryAfter }) : null;
}

/** `400 invalid_request` (field `returnUrl`) unless the URL is on an allowed origin. */
export function checkReturnUrl(ctx: BackendContext, returnUrl: string): Response | null {
  let origin: string;
  try {
    origin = new URL(returnUrl).origin;
  } catch {
    origin = '';
  }
  return ctx.allowedReturnOrigins.includes(origin)
    ? null
    : apiError(400, 'invalid_request', 'The return URL is not on an allowed origin.', { field: 'returnUrl' });
}
