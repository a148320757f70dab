/**
 * The localized text for errors both widgets share; null for codes a widget words itself.
 */
import type { ApiError } from '../api/client.js';
import type { Messages } from './messages.js';

const COMMON = ['network_error', 'timeout', 'server_error', 'invalid_response', 'idempotency_conflict', 'invalid_request', 'provider_unavailable'] as const;

export function commonErrorText(common: Messages['common'], error: ApiError): string | null {
  return (COMMON as readonly string[]).includes(error.code) ? common.errors[error.code as (typeof COMMON)[number]] : null;
}

/** For codes nobody knows: a 5xx reads as a server problem, anything else shows the server's message. */
export function fallbackErrorText(common: Messages['common'], error: ApiError): string {
  return error.status >= 500 ? common.errors.server_error : common.errors.unknown(error.message ?? error.code);
}
