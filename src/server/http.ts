/**
 * Helpers for fetch-style handlers (Request in, Response out): JSON answers and contract errors, the
 * body read within its bound (decided while reading the stream), the canonical body's fingerprint.
 */
import type * as z from 'zod/mini';

export const MAX_BODY_BYTES = 16 * 1024;
/** Deeper JSON than this is refused before anything walks it. */
const MAX_JSON_DEPTH = 16;

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

/** Escapes text for HTML made on the server (the sandbox's pages). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: Response };

/**
 * Reads a JSON request body: `415 unsupported_media_type` unless `content-type` is JSON, `413
 * payload_too_large` past `limit` bytes (from `content-length` at once, otherwise as soon as the stream
 * passes it, without reading the rest), `400 invalid_request` if it is not JSON or nested too deep.
 */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<Parsed<unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(?:;|$)/i.test(type)) {
    return { ok: false, response: apiError(415, 'unsupported_media_type', 'Send the body as application/json.') };
  }
  const tooLarge = () => ({ ok: false as const, response: apiError(413, 'payload_too_large', `Bodies are at most ${limit} bytes.`) });
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > limit) return tooLarge();
  const bytes = new Uint8Array(limit);
  let length = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (length + value.byteLength > limit) {
        await reader.cancel().catch(() => undefined);
        return tooLarge();
      }
      bytes.set(value, length);
      length += value.byteLength;
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length));
  } catch {
    return { ok: false, response: apiError(400, 'invalid_request', 'The body is not UTF-8.') };
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { ok: false, response: apiError(400, 'invalid_request', 'The body is nested too deep.') };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: apiError(400, 'invalid_request', 'The body is not JSON.') };
  }
}

/** The deepest bracket nesting of a JSON text, skipping strings (one pass). */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++;
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

/** Checks a parsed body with a contract schema; a failure is `400 invalid_request` naming the field. */
export function checkBody<T>(raw: unknown, schema: z.ZodMiniType<T>): Parsed<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const extraKeys = issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : '';
  const message = extraKeys ? `Unknown field: ${extraKeys}.` : `Invalid value${field ? ` for ${field}` : ''}: ${issue?.message ?? ''}`;
  return { ok: false, response: apiError(400, 'invalid_request', message, field || extraKeys ? { field: field || extraKeys } : {}) };
}

/** JSON with object keys sorted, so that the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Bytes as lowercase hex. */
export function hex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
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

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
