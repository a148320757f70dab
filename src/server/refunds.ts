/**
 * Refunds of paid orders: the merchant's own operation (`backend.refundOrder`), called from its admin or
 * support tools, never a route of the widget's API. All of an order or part of it; the widget then shows the
 * receipt marked refunded (status `refunded`, `refundedAt`, and the extension fields `refundedAmount` and, per
 * payment, `refunded`).
 *
 * - Idempotent by the merchant's key, scoped to the order: the same key and request answer the same refund
 *   (`replayed: true`); the same key with another amount is `idempotency_key_reused`; while the first still
 *   runs, `idempotency_in_progress`.
 * - How a part is split between payments: the last payment first (the last code typed, which is the one that
 *   paid the rest), each up to what it paid less what went back to it before; then the one before it. A full
 *   refund gives every payment back its whole amount.
 * - The money path, as for payments: in one transaction (the order row locked), the refund is checked against
 *   what is left (paid less refunded less refunds still running) and kept as `refunding` with its id, split and
 *   a lease; then each part goes to the issuer as `{id}.{payment index}`; then, in one transaction, the refund
 *   `refunded` and the order `refunded` with its amounts. Racing refunds never give back more than was paid.
 * - The issuer failing half-way, or a process dying between the issuer and the write: the refund stays
 *   `refunding` and holds its amount. A retry with the same key (at once after a failure, after the lease after
 *   a crash) or the start of a process (`reconcile`) sends the same parts again, which the issuer answers
 *   without refunding twice, and writes the outcome. A refund is never repeated, and never undone half-way.
 */
import type { Order, Payment } from '../contract/checkout.js';
import { isValidId, MAX_YEN } from '../contract/common.js';
import type { BackendContext } from './context.js';
import { canonicalJson, sha256Hex } from './http.js';
import { readOrder, toOrder, type HeldCode } from './orders.js';
import { ProviderUnavailable, type PrepaidIssuer } from './providers.js';
import type { Queryable } from './sql.js';

/** What the merchant asks: `amount` omitted is all that is left; `key` is its idempotency key (1-255 printable ASCII). */
export interface RefundOptions {
  amount?: number;
  key: string;
}

/** Yen back to one payment of the order (`payment`: its index in the order's `payments`). */
export interface RefundPart {
  payment: number;
  brand: string;
  masked: string;
  amount: number;
}

export interface Refund {
  id: string;
  order: string;
  amount: number;
  parts: RefundPart[];
  state: 'refunded';
  createdAt: string;
}

export type RefundErrorCode =
  | 'invalid_request'
  | 'order_not_found'
  | 'order_not_paid'
  | 'refund_exceeds_paid'
  | 'too_many_refunds'
  | 'idempotency_key_reused'
  | 'idempotency_in_progress'
  | 'provider_unavailable';

export type RefundOutcome =
  | { ok: true; refund: Refund; order: Order; replayed: boolean }
  | { ok: false; code: RefundErrorCode; message: string; field?: string; refundable?: number; retryAfter?: number };

/** The HTTP status a refund error maps to (the demo route; a merchant's admin API may do the same). */
export const REFUND_ERROR_STATUS: Record<RefundErrorCode, number> = {
  invalid_request: 400,
  order_not_found: 404,
  order_not_paid: 409,
  refund_exceeds_paid: 422,
  too_many_refunds: 422,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
  provider_unavailable: 503,
};

/** Refunds per order at most (every input bounded: an order's refunds are read whole). */
export const MAX_REFUNDS_PER_ORDER = 50;
const KEY = /^[\x21-\x7e]{1,255}$/;

interface RefundRow {
  id: string;
  order_id: string;
  idem_key: string;
  fingerprint: string;
  amount: number;
  split: { payment: number; amount: number }[];
  state: 'refunding' | 'refunded';
  lease_until: number;
  created_at: number;
}

type Failure = Extract<RefundOutcome, { ok: false }>;
const fail = (code: RefundErrorCode, message: string, extra: Partial<Failure> = {}): Failure => ({ ok: false, code, message, ...extra });
const unavailable = () => fail('provider_unavailable', 'The prepaid issuer is not answering; retry with the same key.');
const inProgress = () => fail('idempotency_in_progress', 'A refund with this key is still in progress.', { retryAfter: 1 });

/** Last payment first: each takes up to what it has left, until the amount is split. */
export function splitRefund(left: readonly number[], amount: number): { payment: number; amount: number }[] {
  const parts: { payment: number; amount: number }[] = [];
  let due = amount;
  for (let i = left.length - 1; i >= 0 && due > 0; i--) {
    const take = Math.min(left[i]!, due);
    if (take > 0) parts.push({ payment: i, amount: take });
    due -= take;
  }
  return parts;
}

export function createRefunds(ctx: BackendContext, issuer: PrepaidIssuer) {
  const { sql } = ctx;

  const byKey = async (q: Queryable, orderId: string, key: string) =>
    (await q.query<RefundRow>('SELECT * FROM refunds WHERE order_id = $1 AND idem_key = $2', [orderId, key]))[0];

  async function refundOrder(orderId: string, options: RefundOptions): Promise<RefundOutcome> {
    const { amount, key } = options;
    if (typeof key !== 'string' || !KEY.test(key))
      return fail('invalid_request', 'A key of 1-255 printable ASCII characters is required.', { field: 'key' });
    if (amount !== undefined && !(Number.isInteger(amount) && amount >= 1 && amount <= MAX_YEN)) {
      return fail('invalid_request', 'amount is a whole number of yen, at least 1.', { field: 'amount' });
    }
    if (!isValidId(orderId)) return fail('order_not_found', 'No such order.');
    const fingerprint = await sha256Hex(canonicalJson({ amount: amount ?? null }));
    const existing = await byKey(sql, orderId, key);
    if (existing) return resume(existing, fingerprint);

    const begun = await sql.transaction(async (tx): Promise<Failure | { kind: 'existing' | 'new'; row: RefundRow }> => {
      const row = await readOrder(tx, orderId, true);
      if (!row) return fail('order_not_found', 'No such order.');
      const raced = await byKey(tx, orderId, key);
      if (raced) return { kind: 'existing', row: raced };
      if (row.status !== 'paid' && row.status !== 'refunded')
        return fail('order_not_paid', `The order is ${row.status}: nothing was paid.`);
      const running = await tx.query<Pick<RefundRow, 'split' | 'state'>>('SELECT split, state FROM refunds WHERE order_id = $1', [orderId]);
      if (running.length >= MAX_REFUNDS_PER_ORDER)
        return fail('too_many_refunds', `An order takes at most ${MAX_REFUNDS_PER_ORDER} refunds.`);
      const payments = row.payments ?? [];
      // What each payment has left: its amount, less what went back (written on it), less refunds still running.
      const left = payments.map((p) => p.amount - (p.refunded ?? 0));
      for (const r of running) if (r.state === 'refunding') for (const part of r.split) left[part.payment]! -= part.amount;
      const refundable = left.reduce((a, b) => a + Math.max(0, b), 0);
      const wanted = amount ?? refundable;
      if (refundable === 0) return fail('refund_exceeds_paid', 'Everything paid has been refunded.', { refundable: 0 });
      if (wanted > refundable)
        return fail('refund_exceeds_paid', `At most ${refundable} yen is left to refund.`, { field: 'amount', refundable });
      const now = ctx.now();
      const [inserted] = await tx.query<RefundRow>(
        `INSERT INTO refunds (id, order_id, idem_key, fingerprint, amount, split, state, lease_until, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'refunding', $7, $8, $8) RETURNING *`,
        [crypto.randomUUID(), orderId, key, fingerprint, wanted, JSON.stringify(splitRefund(left, wanted)), now + ctx.leaseMs, now],
      );
      return { kind: 'new', row: inserted! };
    });
    if ('ok' in begun) return begun;
    return begun.kind === 'existing' ? resume(begun.row, fingerprint) : finish(begun.row, false);
  }

  /** A refund asked for before under this key. */
  async function resume(row: RefundRow, fingerprint: string): Promise<RefundOutcome> {
    if (row.fingerprint !== fingerprint) return fail('idempotency_key_reused', 'This key was used for another refund of this order.');
    if (row.state === 'refunded') return answer(row, true);
    const taken = await takeOver(row);
    return taken ? finish(taken, true) : inProgress();
  }

  /** A `refunding` row whose lease has passed (its process died, or the issuer failed): this process finishes it. */
  async function takeOver(row: RefundRow): Promise<RefundRow | undefined> {
    const now = ctx.now();
    if (row.lease_until > now) return undefined;
    const [taken] = await sql.query<RefundRow>(
      `UPDATE refunds SET lease_until = $2, updated_at = $3 WHERE id = $1 AND state = 'refunding' AND lease_until = $4 RETURNING *`,
      [row.id, now + ctx.leaseMs, now, row.lease_until],
    );
    return taken;
  }

  /** Sends each part to the issuer (the same ids on every try), then writes the refund and the order. */
  async function finish(refund: RefundRow, replayed: boolean): Promise<RefundOutcome> {
    const order = (await readOrder(sql, refund.order_id))!;
    const payments = order.payments ?? [];
    // Collect mode: the reservations the payment committed, in the order of its payments (checkout-api.ts, commitAll).
    const [attempt] = await sql.query<{ reservations: HeldCode[] }>(
      `SELECT reservations FROM payment_attempts WHERE order_id = $1 AND state = 'paid' LIMIT 1`,
      [refund.order_id],
    );
    const charged = (attempt?.reservations ?? []).filter((h) => h.amount > 0);
    try {
      for (const part of refund.split) {
        const payment = payments[part.payment]!;
        const reservation = charged[part.payment];
        await issuer.refund({
          id: `${refund.id}.${part.payment}`,
          orderId: refund.order_id,
          brand: payment.brand,
          amount: part.amount,
          masked: payment.masked,
          ...(reservation ? { reservationId: reservation.id } : {}),
        });
      }
    } catch (error) {
      if (!(error instanceof ProviderUnavailable)) throw error;
      // The next try with the same key (or the next start) need not wait for the lease.
      await sql.query(`UPDATE refunds SET lease_until = $2 WHERE id = $1 AND state = 'refunding'`, [refund.id, ctx.now()]);
      return unavailable();
    }
    await sql.transaction(async (tx) => {
      const [done] = await tx.query(
        `UPDATE refunds SET state = 'refunded', updated_at = $2 WHERE id = $1 AND state = 'refunding' RETURNING id`,
        [refund.id, ctx.now()],
      );
      if (!done) return; // another process wrote it
      const row = (await readOrder(tx, refund.order_id, true))!;
      const back = (i: number) => refund.split.filter((p) => p.payment === i).reduce((a, p) => a + p.amount, 0);
      const refunded: Payment[] = (row.payments ?? []).map((p, i) => ({ ...p, refunded: (p.refunded ?? 0) + back(i) }));
      await tx.query(
        `UPDATE orders SET status = 'refunded', refunded_amount = refunded_amount + $2, refunded_at = $3, payments = $4::jsonb WHERE id = $1`,
        [refund.order_id, refund.amount, ctx.now(), JSON.stringify(refunded)],
      );
    });
    return answer(refund, replayed);
  }

  async function answer(row: RefundRow, replayed: boolean): Promise<RefundOutcome> {
    const order = (await readOrder(sql, row.order_id))!;
    const payments = order.payments ?? [];
    return {
      ok: true,
      replayed,
      refund: {
        id: row.id,
        order: row.order_id,
        amount: row.amount,
        parts: row.split.map((part) => ({
          payment: part.payment,
          brand: payments[part.payment]?.brand ?? '',
          masked: payments[part.payment]?.masked ?? '',
          amount: part.amount,
        })),
        state: 'refunded',
        createdAt: new Date(row.created_at).toISOString(),
      },
      order: toOrder(order),
    };
  }

  /** Refunds left `refunding` whose lease has passed (at start, after a crash): finished from the issuer's word. */
  async function reconcileStale(): Promise<number> {
    const stale = await sql.query<RefundRow>(
      `SELECT * FROM refunds WHERE state = 'refunding' AND lease_until <= $1 ORDER BY created_at LIMIT 100`,
      [ctx.now()],
    );
    for (const row of stale) {
      const taken = await takeOver(row).catch(() => undefined);
      if (taken) await finish(taken, true).catch(() => undefined);
    }
    return stale.length;
  }

  return { refundOrder, reconcileStale };
}

export type Refunds = ReturnType<typeof createRefunds>;
