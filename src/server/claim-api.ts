/**
 * The claim calls of CONTRACT.md over a payout provider. One payout per claim: a POST wins the claim with
 * a conditional update on the version it read (`payout_state = 'starting'`, a new payout id, a lease),
 * then asks the provider, then writes the provider's answer. A racing POST finds the claim taken
 * (`409 claim_not_open`, or `409 idempotency_in_progress` while the winner is still starting). A crash
 * between the provider and the answer is finished from the provider's word (claims.ts), never repeated.
 *
 * Saved accounts: `accountId` must be one of this claim's recipient's saved accounts (else `422
 * invalid_account`, counted like a wrong account). `saveAccount` registers the account with the provider
 * (idempotent: the same account answers the same id) once the claim is won, notes the provider's id on the
 * claim, and pays by that id; the merchant's `saved_accounts` row is written only once the provider has the
 * payout. A crash before the payout starts leaves nothing saved here (at most an unused registration at the
 * provider, which the next save of that account finds again); a crash after it is finished by the recovery
 * in claims.ts, which saves the noted account as it writes the provider's answer.
 */
import { kindOf } from '../contract/methods.js';
import { isValidId } from '../contract/common.js';
import { claimRequest } from '../contract/claim-requests.js';
import type { BankDirectory } from './sandbox/bank-directory.js';
import {
  applyPayout,
  isSavedAccount,
  keepSavedAccount,
  needsVerification,
  readClaim,
  updateClaim,
  type ClaimRow,
  type ClaimStore,
} from './claims.js';
import { checkReturnUrl, lockedOut, lockoutSubjects, type BackendContext, type Call } from './context.js';
import { apiError, checkBody, json } from './http.js';
import { inProgress } from './idempotency.js';
import { ProviderUnavailable, type PayoutAccount, type PayoutProvider } from './providers.js';

const unavailable = () => apiError(503, 'provider_unavailable', 'The payout provider is not answering.');

export function createClaimApi(ctx: BackendContext, store: ClaimStore, payouts: PayoutProvider, banks: BankDirectory) {
  const { sql } = ctx;

  /** Open, failed and retryable, or an unfinished wallet session (which a new POST drops). */
  function canClaim(row: ClaimRow): boolean {
    if (row.payout_state === 'starting') return false;
    return (
      row.status === 'open' ||
      (row.status === 'failed' && row.failure?.retryable === true) ||
      (row.status === 'processing' && row.next !== null && row.payout_state === 'active')
    );
  }

  async function find(token: string): Promise<ClaimRow | undefined> {
    return isValidId(token) ? store.current(token) : undefined;
  }

  async function getClaim(token: string): Promise<Response> {
    const row = await find(token);
    return row ? json(200, await store.view(row)) : apiError(404, 'claim_not_found', 'No such claim.');
  }

  async function post(token: string, raw: unknown, call: Call): Promise<Response> {
    let row = await find(token);
    if (!row) return apiError(404, 'claim_not_found', 'No such claim.');
    if (row.status === 'expired') return apiError(410, 'claim_expired', 'This claim has expired.');
    if (!canClaim(row)) {
      if (row.idem_scope === call.idem.scope && row.idem_key === call.idem.key && row.payout_state === 'active')
        return json(200, await store.view(row));
      return row.payout_state === 'starting'
        ? inProgress('Another request for this claim is in progress.')
        : apiError(409, 'claim_not_open', `The claim is ${row.status}.`);
    }
    if (needsVerification(row)) return apiError(403, 'verification_required', 'Confirm it is you with the code we send first.');
    const body = checkBody(raw, claimRequest);
    if (!body.ok) return body.response;
    const request = body.value;
    const { method } = request;
    const kind = kindOf(method)!; // the schema takes only methods the registry knows
    const terms = row.methods.find((m) => m.method === method);
    if (!terms) return apiError(422, 'method_not_available', 'This claim cannot be received this way.', { field: 'method' });
    if (terms.max !== undefined && row.amount > terms.max) {
      return apiError(422, 'over_method_limit', `At most ${terms.max} yen this way.`, { field: 'method' });
    }
    let returnUrl: string | undefined;
    if (kind === 'wallet') {
      if (!('returnUrl' in request)) return apiError(400, 'invalid_request', 'A wallet needs a returnUrl.', { field: 'returnUrl' });
      const bad = checkReturnUrl(ctx, request.returnUrl);
      if (bad) return bad;
      returnUrl = request.returnUrl;
    }
    const subject = `claim:${token}`;
    const locked = await lockedOut(ctx, subject, call, 'accounts');
    if (locked) return locked;

    let account: PayoutAccount | undefined;
    const recipient = row.recipient;
    const keepsAccounts = recipient !== null && payouts.registerAccount !== undefined;
    const accountId = 'accountId' in request ? request.accountId : undefined;
    if (accountId !== undefined && !(keepsAccounts && (await isSavedAccount(sql, recipient, accountId)))) {
      await ctx.lockouts.fail(lockoutSubjects(ctx, subject, call));
      return apiError(422, 'invalid_account', 'No saved account of this recipient has this id.', { field: 'accountId' });
    }
    // Without a recipient (or a provider that keeps accounts) `saveAccount` asks for nothing this backend does.
    const save = keepsAccounts && 'saveAccount' in request && request.saveAccount === true;
    if ('account' in request && request.account) {
      const a = request.account;
      const bankName = banks.bankName(a.bankCode);
      const branchName = bankName ? banks.branchName(a.bankCode, a.branchCode) : undefined;
      if (!bankName || !branchName) {
        await ctx.lockouts.fail(lockoutSubjects(ctx, subject, call));
        return apiError(422, 'invalid_account', bankName ? 'This bank has no branch with this code.' : 'No bank has this code.', {
          field: bankName ? 'account.branchCode' : 'account.bankCode',
        });
      }
      account = { ...a, bankName, branchName };
    }

    // Win the claim: one payout at a time, against the version read.
    const payoutId = crypto.randomUUID();
    const dropped = row.payout_state === 'active' ? row.payout_id : null;
    const won = await updateClaim(sql, row, {
      payout_state: 'starting',
      payout_id: payoutId,
      payout_method: method,
      idem_scope: call.idem.scope,
      idem_key: call.idem.key,
      lease_until: ctx.now() + ctx.leaseMs,
      // When this payout was asked: a transfer's arrivalBy counts from it, also when a crash leaves it to recovery.
      processing_since: ctx.now(),
    });
    if (!won) {
      const now = await readClaim(sql, token);
      return now?.payout_state === 'starting'
        ? inProgress('Another request for this claim is in progress.')
        : apiError(409, 'claim_not_open', `The claim is ${now?.status}.`);
    }
    row = won;
    try {
      if (dropped) {
        // A new choice drops the unfinished wallet session, unless the recipient finished it meanwhile.
        const ended = await payouts.cancel(dropped);
        if (ended?.state === 'completed') {
          const done = await updateClaim(sql, row, {
            ...applyPayout(row, ended, ctx.now()),
            payout_id: dropped,
            payout_method: row.payout_method,
          });
          return apiError(409, 'claim_not_open', `The claim is ${done?.status ?? 'completed'}.`);
        }
      }
      let payTo: { account: PayoutAccount } | { accountId: string; recipient: string } | null = account ? { account } : null;
      if (accountId !== undefined && recipient !== null) payTo = { accountId, recipient };
      if (save && account && recipient !== null) {
        // Registered now, noted on the claim, saved here once the payout has started.
        const registered = await payouts.registerAccount!({ recipient, account });
        const noted = await updateClaim(sql, row, { save_account: registered });
        if (!noted) throw new Error('The claim changed while its payout was starting.');
        row = noted;
        payTo = { accountId: registered.accountId, recipient };
      }
      const fee = terms.fee;
      const started = await payouts.start({
        id: payoutId,
        method,
        kind,
        amount: row.amount - fee,
        payerName: row.payer_name,
        ...(payTo ?? {}),
        ...(returnUrl ? { returnUrl } : {}),
      });
      if (started.kind === 'invalid_account') {
        await letGo(row, dropped !== null);
        await ctx.lockouts.fail(lockoutSubjects(ctx, subject, call));
        return apiError(422, 'invalid_account', started.message, { field: started.field });
      }
      if (row.save_account && recipient !== null) await keepSavedAccount(sql, recipient, row.save_account, ctx.now());
      const answered = await updateClaim(sql, row, {
        ...applyPayout(row, started.payout, ctx.now()),
        payout_state: 'active',
        save_account: null,
      });
      await ctx.lockouts.succeed(subject);
      return json(200, await store.view(answered ?? (await readClaim(sql, token))!));
    } catch (error) {
      if (!(error instanceof ProviderUnavailable)) throw error; // left `starting`: finished from the provider's word after the lease
      await letGo(row, dropped !== null);
      return unavailable();
    }
  }

  /** The provider refused or failed: the claim is as it was (without the dropped wallet session). */
  async function letGo(row: ClaimRow, droppedWallet: boolean): Promise<void> {
    await updateClaim(sql, row, {
      payout_state: null,
      payout_id: null,
      payout_method: null,
      lease_until: null,
      save_account: null,
      ...(droppedWallet ? { status: 'open', next: null, result: null } : {}),
    });
  }

  return { getClaim, post };
}
