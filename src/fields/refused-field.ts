/**
 * Which field of the bank form a refusal points at. Apart from `account-draft.ts` (which re-exports it) so that
 * the element and the choice step, in the first view, do not pull in the form's rules and tables.
 */
import type { ErrorTarget } from '../api/client.js';
import type { AccountField } from './account-draft.js';

const REFUSABLE: ReadonlySet<string> = new Set(['bankCode', 'branchCode', 'type', 'number', 'holder']);

/** Which field of the account a server refusal (`field: "account.number"`) or a returned transfer points at. */
export function fieldOfFailure(code: string, field?: string): AccountField | null {
  if (field?.startsWith('account.')) {
    const name = field.slice('account.'.length);
    return REFUSABLE.has(name) ? (name as AccountField) : null;
  }
  if (code === 'holder_mismatch') return 'holder';
  if (code === 'account_not_found') return 'number';
  return null;
}

/** Which field of the form an API error points at (its parsed `field`), when it is one the form shows. */
export function refusedField(error: { code: string; target: ErrorTarget | null }): AccountField | null {
  return fieldOfFailure(error.code, error.target?.kind === 'account' ? `account.${error.target.field}` : undefined);
}
