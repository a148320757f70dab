/**
 * The claims table as the contract's `Claim`, brought up to date when read: links expire, a payout's
 * state is asked of the provider (a transfer arrives or bounces, ATM codes lapse, a wallet login ends),
 * an unfinished wallet session ends after 30 minutes, and a payout whose start was interrupted by a
 * crash (state `starting`, lease passed) is finished from the provider's answer, never started again.
 */
import type { AccountType, Claim, ClaimMethod, ClaimResult, Purpose, SavedAccount } from '../contract/claim.js';
import { kindOf } from '../contract/methods.js';
import { bankArrivalBy } from './business-days.js';
import type { BackendContext } from './context.js';
import { maskDestination, validDestination } from './verification.js';
import type { PayoutProvider, PayoutState, RegisteredAccount } from './providers.js';
import type { Queryable } from './sql.js';

export const WALLET_SESSION_MS = 30 * 60_000;

export interface ClaimRow {
  token: string;
  amount: number;
  payer_name: string;
  purpose: Purpose;
  message: string | null;
  methods: ClaimMethod[];
  expires_at: number;
  status: Claim['status'];
  result: ClaimResult | null;
  failure: { code: string; retryable: boolean } | null;
  next: { redirectUrl: string } | null;
  payout_id: string | null;
  payout_state: 'starting' | 'active' | null;
  payout_method: string | null;
  idem_scope: string | null;
  idem_key: string | null;
  lease_until: number | null;
  processing_since: number | null;
  /** The merchant's id for the person paid; null: no saved accounts for this claim. */
  recipient: string | null;
  /** An account to save once this payout has started (the provider's id and what is shown; no number). */
  save_account: RegisteredAccount | null;
  version: number;
  /** Where the one-time code goes (verification.ts), when the claim asks for one; when it was given. */
  verify_channel: 'sms' | 'email' | null;
  verify_to: string | null;
  verified_at: number | null;
}

/** At most this many saved accounts are listed with a claim (CONTRACT.md), newest first. */
export const SAVED_ACCOUNTS_LISTED = 20;

export interface NewClaim {
  token: string;
  amount: number;
  purpose: Purpose;
  payerName: string;
  message?: string;
  methods: ClaimMethod[];
  expiresAt: number;
  status?: Claim['status'];
  result?: ClaimResult;
  /** The merchant's own id for the recipient (saved accounts are theirs). */
  recipient?: string;
  /** The recipient proves it is them with a one-time code sent here first (the real phone number or address). */
  verification?: { channel: 'sms' | 'email'; to: string };
}

export async function insertClaim(q: Queryable, claim: NewClaim, now: number): Promise<boolean> {
  // The merchant's input, but bounded all the same: a destination the masked form can hide.
  if (claim.verification && !validDestination(claim.verification.channel, claim.verification.to))
    throw new RangeError(`verification.to: not a ${claim.verification.channel === 'sms' ? 'mobile number' : 'mail address'}`);
  const rows = await q.query(
    `INSERT INTO claims (token, amount, payer_name, purpose, message, methods, expires_at, status, result, created_at, recipient, verify_channel, verify_to)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9::jsonb, $10, $11, $12, $13) ON CONFLICT (token) DO NOTHING RETURNING token`,
    [
      claim.token,
      claim.amount,
      claim.payerName,
      claim.purpose,
      claim.message ?? null,
      JSON.stringify(claim.methods),
      claim.expiresAt,
      claim.status ?? 'open',
      claim.result ? JSON.stringify(claim.result) : null,
      now,
      claim.recipient ?? null,
      claim.verification?.channel ?? null,
      claim.verification?.to ?? null,
    ],
  );
  return rows.length > 0;
}

/**
 * The methods as the claim offers them, each bank transfer with its `arrivalBy` (business-days.ts): while
 * that transfer is processing, from when it was asked (`processing_since`); otherwise as if asked now.
 */
function withArrival(row: ClaimRow, ctx: Pick<BackendContext, 'now' | 'bankArrival'>): ClaimMethod[] {
  const transferAsked =
    row.status === 'processing' && row.payout_method !== null && kindOf(row.payout_method) === 'account' ? row.processing_since : null;
  return row.methods.map((terms) => {
    const { arrivalBy: _stored, ...rest } = terms;
    if (terms.arrival !== 'business_days' || kindOf(terms.method) !== 'account') return rest;
    const askedAt = terms.method === row.payout_method && transferAsked !== null ? transferAsked : ctx.now();
    const arrivalBy = bankArrivalBy(askedAt, ctx.bankArrival);
    return arrivalBy ? { ...rest, arrivalBy } : rest;
  });
}

export function toClaim(row: ClaimRow, ctx: Pick<BackendContext, 'now' | 'bankArrival'>): Claim {
  return {
    amount: row.amount,
    currency: 'JPY',
    payer: { name: row.payer_name },
    purpose: row.purpose,
    ...(row.message !== null ? { message: row.message } : {}),
    expiresAt: new Date(row.expires_at).toISOString(),
    status: row.status,
    methods: withArrival(row, ctx),
    ...(row.result ? { result: row.result } : {}),
    ...(row.failure ? { failure: row.failure } : {}),
    ...(row.next ? { next: row.next } : {}),
    ...(row.verify_channel && row.verify_to
      ? {
          verification: {
            channel: row.verify_channel,
            to: maskDestination(row.verify_channel, row.verify_to),
            verified: row.verified_at !== null,
          },
        }
      : {}),
  };
}

interface SavedAccountRow {
  account_id: string;
  bank_name: string;
  branch_name: string;
  type: AccountType;
  masked: string;
  holder: string;
}

/** A recipient's saved accounts as a claim lists them: newest first, at most 20. */
export async function savedAccountsOf(q: Queryable, recipient: string): Promise<SavedAccount[]> {
  const rows = await q.query<SavedAccountRow>(
    `SELECT account_id, bank_name, branch_name, type, masked, holder FROM saved_accounts WHERE recipient = $1
     ORDER BY created_at DESC, account_id LIMIT ${SAVED_ACCOUNTS_LISTED}`,
    [recipient],
  );
  return rows.map((r) => ({
    id: r.account_id,
    bankName: r.bank_name,
    branchName: r.branch_name,
    type: r.type,
    masked: r.masked,
    holder: r.holder,
  }));
}

/** Whether `accountId` is one of this recipient's saved accounts. */
export async function isSavedAccount(q: Queryable, recipient: string, accountId: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM saved_accounts WHERE recipient = $1 AND account_id = $2', [recipient, accountId]);
  return rows.length > 0;
}

/** Keeps an account the provider registered (once: a repeat, a retry, a race keep one row). */
export async function keepSavedAccount(q: Queryable, recipient: string, account: RegisteredAccount, now: number): Promise<void> {
  await q.query(
    `INSERT INTO saved_accounts (recipient, account_id, bank_code, branch_code, bank_name, branch_name, type, masked, holder, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (recipient, account_id) DO NOTHING`,
    [
      recipient,
      account.accountId,
      account.bankCode,
      account.branchCode,
      account.bankName,
      account.branchName,
      account.type,
      account.masked,
      account.holder,
      now,
    ],
  );
}

/**
 * The claim as the contract answers it: with `savedAccounts` when it has a recipient and the provider keeps
 * accounts (`[]` when they saved none yet), without it otherwise.
 */
export async function claimView(
  ctx: Pick<BackendContext, 'sql' | 'now' | 'bankArrival'>,
  row: ClaimRow,
  savedSupported: boolean,
): Promise<Claim> {
  const claim = toClaim(row, ctx);
  const q = ctx.sql;
  // The accounts a recipient saved (holder, bank, masked number) are theirs to see: not before the code.
  if (row.recipient === null || !savedSupported || needsVerification(row)) return claim;
  return { ...claim, savedAccounts: await savedAccountsOf(q, row.recipient) };
}

/** Asks for a one-time code and has not had the right one yet: no payout may start. */
export function needsVerification(row: ClaimRow): boolean {
  return row.verify_channel !== null && row.verified_at === null;
}

export async function readClaim(q: Queryable, token: string): Promise<ClaimRow | undefined> {
  const [row] = await q.query<ClaimRow>('SELECT * FROM claims WHERE token = $1', [token]);
  return row;
}

/** Writes `changes` if the row is still at `version`; the new row, or undefined if another change won. */
export async function updateClaim(q: Queryable, row: ClaimRow, changes: Partial<ClaimRow>): Promise<ClaimRow | undefined> {
  const names = Object.keys(changes) as (keyof ClaimRow)[];
  const json = new Set(['result', 'failure', 'next', 'methods', 'save_account']);
  const sets = names.map((name, i) => `${name} = $${i + 3}${json.has(name) ? '::jsonb' : ''}`);
  const values = names.map((name) => {
    const value = changes[name];
    return json.has(name) && value !== null && value !== undefined ? JSON.stringify(value) : (value ?? null);
  });
  const [updated] = await q.query<ClaimRow>(
    `UPDATE claims SET ${sets.join(', ')}, version = version + 1 WHERE token = $1 AND version = $2 RETURNING *`,
    [row.token, row.version, ...values],
  );
  return updated;
}

/** The claim's columns for a payout in the provider's state `payout`. */
export function applyPayout(row: ClaimRow, payout: PayoutState, now: number): Partial<ClaimRow> {
  switch (payout.state) {
    case 'pending':
      return {
        status: 'processing',
        result: payout.result ?? null,
        next: payout.redirectUrl ? { redirectUrl: payout.redirectUrl } : null,
        failure: null,
        payout_state: 'active',
        lease_until: null,
        processing_since: row.processing_since ?? now,
      };
    case 'completed':
      return {
        status: 'completed',
        result: payout.result ?? (row.payout_method ? ({ method: row.payout_method } as ClaimResult) : null),
        next: null,
        failure: null,
        payout_state: 'active',
        lease_until: null,
      };
    case 'failed':
      return {
        status: 'failed',
        result: payout.result ?? null,
        next: null,
        failure: { code: payout.code, retryable: payout.retryable },
        payout_state: null,
        payout_id: null,
        lease_until: null,
      };
    case 'canceled':
      return {
        status: 'open',
        result: null,
        next: null,
        failure: null,
        payout_state: null,
        payout_id: null,
        payout_method: null,
        lease_until: null,
      };
  }
}

export function createClaimStore(ctx: BackendContext, payouts: PayoutProvider) {
  const { sql } = ctx;

  /** The claim with time and the provider's news applied. */
  async function current(token: string): Promise<ClaimRow | undefined> {
    let row = await readClaim(sql, token);
    for (let tries = 0; row && tries < 3; tries++) {
      const changes = await catchUp(row);
      if (!changes) return row;
      const updated = await updateClaim(sql, row, changes);
      row = updated ?? (await readClaim(sql, token));
      if (updated) return updated;
    }
    return row;
  }

  async function catchUp(row: ClaimRow): Promise<Partial<ClaimRow> | null> {
    const now = ctx.now();
    if ((row.status === 'open' || row.status === 'failed') && !row.payout_state && now > row.expires_at) return { status: 'expired' };
    if (row.payout_state === 'starting') {
      if ((row.lease_until ?? 0) > now) return null;
      // The process that asked for this payout died before it wrote the answer: ask the provider.
      const payout = await payouts.status(row.payout_id!);
      if (!payout) return { payout_state: null, payout_id: null, payout_method: null, lease_until: null, save_account: null };
      // The payout started: the account asked to be saved is saved now (the crash came before it was).
      if (row.save_account && row.recipient !== null) await keepSavedAccount(sql, row.recipient, row.save_account, now);
      return { ...applyPayout(row, payout, now), save_account: null };
    }
    if (row.status !== 'processing' || row.payout_state !== 'active') return null;
    const payout = await payouts.status(row.payout_id!);
    if (!payout) return null;
    if (payout.state === 'pending') {
      if (row.next && row.processing_since !== null && now >= row.processing_since + WALLET_SESSION_MS) {
        const ended = await payouts.cancel(row.payout_id!);
        return ended ? applyPayout(row, ended, now) : null;
      }
      return null;
    }
    return applyPayout(row, payout, now);
  }

  /** Claims whose payout start was interrupted (at start, after a crash). */
  async function reconcileStale(): Promise<number> {
    const rows = await sql.query<{ token: string }>(
      `SELECT token FROM claims WHERE payout_state = 'starting' AND lease_until <= $1 LIMIT 100`,
      [ctx.now()],
    );
    for (const { token } of rows) await current(token).catch(() => undefined);
    return rows.length;
  }

  /** The claim as answered, with the recipient's saved accounts when this provider keeps accounts. */
  const view = (row: ClaimRow) => claimView(ctx, row, payouts.registerAccount !== undefined);

  return { current, reconcileStale, view };
}

export type ClaimStore = ReturnType<typeof createClaimStore>;
