/**
 * Shapes shared by both APIs in CONTRACT.md: amounts, times, ids, URLs, the error body.
 * Browser code imports zod/mini only, so that the widgets stay small.
 *
 * Every check here runs in time linear in its input, and every string has a length limit, so that a
 * hostile body costs the server no more than its size: each string is one anchored regex whose
 * quantifiers are bounded (or cannot overlap), which gives up early on input past its limit.
 */
import * as z from 'zod/mini';

/** The most any single amount may be: ten billion yen, far above any prepaid or payout limit. */
export const MAX_YEN = 10_000_000_000;

/** An amount in integer yen. */
export const yen = z.int().check(z.minimum(0), z.maximum(MAX_YEN));

/**
 * A string of at most `max` characters. One anchored regex with a bounded quantifier: it gives up after
 * `max + 1` characters whatever the input's size, and costs the browser bundle nothing beyond the regex
 * check zod/mini already carries.
 */
export function text(max: number) {
  return z.string().check(z.regex(new RegExp(`^[\\s\\S]{0,${max}}$`)));
}

/** A label shown to the user (names, descriptions, masked values, messages). */
export const label = (max = 200) => text(max);

/**
 * An ISO 8601 date-time with an offset (`2026-11-23T10:00:00+09:00` or `...Z`). A regex check rather
 * than `z.iso.datetime()`, which costs the browser bundle half a kilobyte more. Fixed structure, bounded
 * quantifiers: it fails within the first 40 characters of any input.
 */
export const isoDateTime = z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?(?:Z|[+-]\d\d:?\d\d)$/));

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.string().check(z.regex(/^\d{4}-\d\d-\d\d$/));

/** Order ids and claim tokens (CONTRACT.md): 1-128 characters of `A-Z a-z 0-9 . _ ~ -`, never `.` or `..`. */
export const MAX_ID_LENGTH = 128;
const ID = /^(?!\.\.?$)[A-Za-z0-9._~-]{1,128}$/;

export function isValidId(id: string): boolean {
  return ID.test(id);
}

export const resourceId = z.string().check(z.regex(ID));

/** Longest URL either side accepts; browsers and CDNs commonly stop near here too. */
export const MAX_URL_LENGTH = 2048;

/*
 * URLs as CONTRACT.md allows them. The lookahead caps the length first; the authority excludes `@` (so no user
 * name or password) and white space; what follows must start with / ? or #. No two quantifiers can match the
 * same characters, so a check is linear in the (capped) length.
 */
const AUTHORITY = '[^\\s/?#@\\\\]+';
const REST = '(?:[/?#]\\S*)?$';
const CAPPED = `^(?=[\\s\\S]{0,${MAX_URL_LENGTH}}$)`;
const FOLLOWABLE = new RegExp(`${CAPPED}(?:https://${AUTHORITY}|http://(?:localhost|127\\.0\\.0\\.1|\\[::1\\])(?::\\d{1,5})?)${REST}`, 'i');
const PAGE = new RegExp(`${CAPPED}https?://${AUTHORITY}${REST}`, 'i');

/**
 * A URL a widget may send the user to or show as a link: absolute `https:`, `http:` only for localhost,
 * no user name or password.
 */
export function isFollowableUrl(value: string): boolean {
  return FOLLOWABLE.test(value);
}

/** An absolute http(s) URL without credentials: what a page sends as its own address (`returnUrl`). */
export function isPageUrl(value: string): boolean {
  return PAGE.test(value);
}

export const followUrl = z.string().check(z.regex(FOLLOWABLE));
export const pageUrl = z.string().check(z.regex(PAGE));

export const currency = z.literal('JPY');

/** The body of every non-2xx answer. Unknown codes are allowed: the widget shows the server's message. */
export const apiErrorBody = z.object({
  error: z.object({
    code: text(64),
    message: text(1000),
    field: z.optional(text(64)),
    retryAfter: z.optional(z.number().check(z.minimum(0), z.maximum(86_400 * 7))),
    shortfall: z.optional(yen),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
export type ApiErrorDetail = ApiErrorBody['error'];

/** Error codes of the bounds every backend keeps (CONTRACT.md, "What a backend guarantees"). */
export const COMMON_ERROR_CODES = [
  'invalid_request',
  'idempotency_in_progress',
  'idempotency_key_reused',
  'too_many_attempts',
  'provider_unavailable',
  'payload_too_large',
  'unsupported_media_type',
] as const;
export type CommonErrorCode = (typeof COMMON_ERROR_CODES)[number];

/**
 * Codes the widgets make themselves when there is no usable answer from the server, and `invalid_id`
 * for an order id or token the contract does not allow (refused before any request).
 * They are reported in `*-error` events like the server's codes.
 */
export const CLIENT_ERROR_CODES = ['network_error', 'timeout', 'server_error', 'invalid_response', 'invalid_id'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
