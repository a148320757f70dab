/**
 * One place for the wording of every error either widget shows: the localized text for the contract's
 * codes and the client's own, and for a code nobody here knows, the server's message (a 5xx reads as a
 * server problem).
 */
import type { ApiError } from '../api/client.js';
import type { Messages } from './messages.js';
import { formatYen, type Lang } from './index.js';

export function errorText(common: Messages['common'], error: ApiError, lang: Lang): string {
  const { errors } = common;
  if (error.code === 'insufficient_balance') return errors.insufficient_balance(formatYen(error.shortfall ?? 0, lang));
  if (error.code === 'invalid_account' && error.target?.kind === 'field' && error.target.name === 'accountId')
    return errors.invalid_saved_account;
  const known = Object.hasOwn(errors, error.code) ? (errors as Record<string, unknown>)[error.code] : undefined;
  if (typeof known === 'string') return known;
  return error.status >= 500 ? errors.server_error : errors.unknown(error.message ?? error.code);
}
