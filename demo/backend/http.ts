/**
 * Small helpers for fetch-style handlers (Request in, Response out): JSON answers, contract errors,
 * and request bodies checked against the contract's schemas.
 */
import type * as z from 'zod/mini';

export type Handler = (request: Request) => Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export interface ErrorExtras {
  field?: string;
  retryAfter?: number;
  shortfall?: number;
}

export function apiError(status: number, code: string, message: string, extras: ErrorExtras = {}): Response {
  const headers: Record<string, string> = extras.retryAfter !== undefined ? { 'retry-after': String(extras.retryAfter) } : {};
  return json(status, { error: { code, message, ...extras } }, headers);
}

export function html(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers } });
}

/** Escapes text for HTML made on the server (the sandbox's issuer pages). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Reads and checks a JSON body; a body that fails the schema is `400 invalid_request` naming the field. */
export function parseBody<T>(text: string, schema: z.ZodMiniType<T>): Parsed<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, response: apiError(400, 'invalid_request', 'The body is not JSON.') };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const extraKeys = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
  const message = extraKeys ? `Unknown field: ${extraKeys}.` : `Invalid value${field ? ` for ${field}` : ''}: ${issue?.message ?? ''}`;
  return { ok: false, response: apiError(400, 'invalid_request', message, field || extraKeys ? { field: field || extraKeys } : {}) };
}

/** Matches `/a/:b/c` against a path; returns the decoded parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (w.startsWith(':')) {
      if (!g) return null;
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        return null;
      }
    } else if (w !== g) return null;
  }
  return params;
}
