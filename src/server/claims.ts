/**
 * The claims table as the contract's `Claim`, brought up to date when read: links expire, a payout's
 * state is asked of the provider (a transfer arrives or bounces, ATM codes lapse, a wallet login ends),
 * an unfinished wallet session ends after 30 minutes, and a payout whose start was interrupted by a
 * crash (state `starting`, lease passed) is finished from the provider's answer, never started again.
 */
import type { Claim, ClaimMethod, ClaimResult, Purpose } from '../contract/claim.js';
import type { BackendContext } from './context.js';
import { maskDestination } from './verification.js';
import type { PayoutProvider, PayoutState } from './providers.js';
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
  version: number;
  /** Where the one-time code goes (verification.ts), when the claim asks for one; when it was given. */
  verify_channel: 'sms' | 'email' | null;
  verify_to: string | null;
  verified_at: number | null;
}

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
  /** The recipient proves it is them with a one-time code sent here first (the real phone number or address). */
  verification?: { channel: 'sms' | 'email'; to: string };
}

export async function insertClaim(q: Queryable, claim: NewClaim, now: number): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO claims (token, amount, payer_name, purpose, message, methods, expires_at, status, result, created_at, verify_channel, verify_to)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9::jsonb, $10, $11, $12) ON CONFLICT (token) DO NOTHING RETURNING token`,
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
      claim.verification?.channel ?? null,
      claim.verification?.to ?? null,
    ],
  );
  return rows.length > 0;
}

export function toClaim(row: ClaimRow): Claim {
  return {
    amount: row.amount,
    currency: 'JPY',
    payer: { name: row.payer_name },
    purpose: row.purpose,
    ...(row.message !== null ? { message: row.message } : {}),
    expiresAt: new Date(row.expires_at).toISOString(),
    status: row.status,
    methods: row.methods,
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
  const json = new Set(['result', 'failure', 'next', 'methods']);
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
      if (!payout) return { payout_state: null, payout_id: null, payout_method: null, lease_until: null };
      return applyPayout(row, payout, now);
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

  return { current, reconcileStale };
}

export type ClaimStore = ReturnType<typeof createClaimStore>;
