/**
 * Shapes shared by both APIs in CONTRACT.md: amounts, times, the error body.
 * Browser code imports zod/mini only, so that the widgets stay small.
 */
import * as z from 'zod/mini';

/** An amount in integer yen. */
export const yen = z.int().check(z.minimum(0));

/**
 * An ISO 8601 date-time with an offset (`2026-11-23T10:00:00+09:00` or `...Z`). A regex check rather
 * than `z.iso.datetime()`, which costs the browser bundle half a kilobyte more.
 */
export const isoDateTime = z.string().check(
  z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)$/),
);

/** An absolute http(s) URL: where a widget may send the user (never `javascript:`). */
export const httpUrl = z.string().check(z.regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i));

export const currency = z.literal('JPY');

/** The body of every non-2xx answer. */
export const apiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.optional(z.string()),
    retryAfter: z.optional(z.number().check(z.minimum(0))),
    shortfall: z.optional(yen),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
export type ApiErrorDetail = ApiErrorBody['error'];

/**
 * Codes the widgets make themselves when there is no usable answer from the server.
 * They are reported in `*-error` events like the server's codes.
 */
export const CLIENT_ERROR_CODES = ['network_error', 'timeout', 'server_error', 'invalid_response'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];
