/**
 * The sandbox prepaid issuer: documented test codes (README) in place of the real payment company, with
 * its balances and reservations in its own tables of the same database, so that a restart keeps them.
 * Codes are keyed by SHA-256, never kept as typed. `latencyMs` puts a delay inside every call (so that
 * races are real); `hooks.before` lets tests make a call fail or hang.
 */
import type { BrandId } from '../../contract/checkout.js';
import { sha256Hex, sleep } from '../http.js';
import { ProviderUnavailable, type BalanceAnswer, type PrepaidIssuer, type RefundRequest, type Reservation } from '../providers.js';
import type { Sql } from '../sql.js';

export type Rating = 'ST' | 'EX';
type Fixed = { kind: 'valid'; balance: number; rating: Rating } | { kind: 'used' | 'expired' | 'unavailable' };

/** The Latin brands: a prefix and 14 digits is a valid code holding that many yen. */
const LATIN_PREFIX: Partial<Record<BrandId, RegExp>> = { webmoney: /^wm(\d{14})$/, nanaco: /^nn(\d{14})$/, netcash: /^NC(\d{14})$/ };

/** Fixed outcomes per brand (codes as normalized on the wire). */
export const SANDBOX_CODES: Record<BrandId, Record<string, Fixed>> = {
  webmoney: { wmused0000000000: { kind: 'used' }, wmexpired0000000: { kind: 'expired' }, wmunavailable000: { kind: 'unavailable' } },
  nanaco: { nnused0000000000: { kind: 'used' }, nnexpired0000000: { kind: 'expired' }, nnunavailable000: { kind: 'unavailable' } },
  netcash: { NCUSED0000000000: { kind: 'used' }, NCEXPIRED0000000: { kind: 'expired' }, NCUNAVAILABLE000: { kind: 'unavailable' } },
  bitcash: {
    あいうえおかきくけこさしすせそた: { kind: 'valid', balance: 10_000, rating: 'EX' },
    さしすせそたちつてとなにぬねのは: { kind: 'valid', balance: 300, rating: 'EX' },
    かきくけこさしすせそたちつてとな: { kind: 'valid', balance: 10_000, rating: 'ST' },
    たちつてとなにぬねのはひふへほま: { kind: 'used' },
    なにぬねのはひふへほまみむめもや: { kind: 'expired' },
    はひふへほまみむめもやゆよらりる: { kind: 'unavailable' },
  },
};

/** Brands registered at run time (unknown to the sandbox): any code whose last 14 characters are digits holds that many yen. */
const ANY_BRAND = /(\d{14})$/;

function printed(brand: string, code: string): Fixed | { kind: 'invalid' } {
  const known = Object.hasOwn(SANDBOX_CODES, brand) ? (brand as BrandId) : null;
  const fixed = known ? SANDBOX_CODES[known][code] : undefined;
  if (fixed) return fixed;
  const match = (known ? LATIN_PREFIX[known] : ANY_BRAND)?.exec(code);
  return match ? { kind: 'valid', balance: Number(match[1]), rating: 'EX' } : { kind: 'invalid' };
}

export type IssuerCall = 'balance' | 'reserve' | 'commit' | 'release' | 'refund' | 'startRedirect';

export interface SandboxHooks {
  /** Runs inside every call, after the latency: throw `ProviderUnavailable` or never resolve to simulate the bad days. */
  before?(call: IssuerCall, id: string): void | Promise<void>;
}

export interface SandboxIssuerOptions {
  now: () => number;
  publicOrigin: string;
  latencyMs?: number;
}

export class SandboxPrepaidIssuer implements PrepaidIssuer {
  hooks: SandboxHooks = {};

  constructor(
    private readonly sql: Sql,
    private readonly options: SandboxIssuerOptions,
  ) {}

  async #enter(call: IssuerCall, id: string): Promise<void> {
    if (this.options.latencyMs) await sleep(this.options.latencyMs);
    await this.hooks.before?.(call, id);
  }

  async balance(brand: string, code: string): Promise<BalanceAnswer> {
    await this.#enter('balance', '');
    const found = printed(brand, code);
    if (found.kind === 'unavailable') throw new ProviderUnavailable('The sandbox issuer is not answering.');
    if (found.kind !== 'valid') return { kind: found.kind };
    const [row] = await this.sql.query<{ spent: number; held: number }>('SELECT spent, held FROM sandbox_codes WHERE code_hash = $1', [
      await hashCode(brand, code),
    ]);
    const balance = found.balance - (row?.spent ?? 0) - (row?.held ?? 0);
    return balance > 0 ? { kind: 'valid', balance, rating: found.rating } : { kind: 'used' };
  }

  async reserve({ id, brand, code, amount }: { id: string; brand: string; code: string; amount: number }): Promise<Reservation> {
    await this.#enter('reserve', id);
    const found = printed(brand, code);
    if (found.kind === 'unavailable') throw new ProviderUnavailable('The sandbox issuer is not answering.');
    if (found.kind !== 'valid') return { kind: found.kind };
    const codeHash = await hashCode(brand, code);
    return this.sql.transaction(async (tx) => {
      const [existing] = await tx.query<{ amount: number }>('SELECT amount FROM sandbox_reservations WHERE id = $1', [id]);
      if (existing) return { kind: 'reserved', amount: existing.amount, balance: existing.amount, rating: found.rating };
      await tx.query('INSERT INTO sandbox_codes (code_hash) VALUES ($1) ON CONFLICT DO NOTHING', [codeHash]);
      const [row] = await tx.query<{ spent: number; held: number }>(
        'SELECT spent, held FROM sandbox_codes WHERE code_hash = $1 FOR UPDATE',
        [codeHash],
      );
      const balance = found.balance - row!.spent - row!.held;
      if (balance <= 0) return { kind: 'used' };
      const take = Math.min(balance, Math.max(0, amount));
      await tx.query('UPDATE sandbox_codes SET held = held + $2 WHERE code_hash = $1', [codeHash, take]);
      await tx.query(`INSERT INTO sandbox_reservations (id, code_hash, amount, state, created_at) VALUES ($1, $2, $3, 'held', $4)`, [
        id,
        codeHash,
        take,
        this.options.now(),
      ]);
      return { kind: 'reserved', amount: take, balance, rating: found.rating };
    });
  }

  async commit(id: string): Promise<void> {
    await this.#enter('commit', id);
    await this.#settle(id, 'committed');
  }

  async release(id: string): Promise<void> {
    await this.#enter('release', id);
    await this.#settle(id, 'released');
  }

  async #settle(id: string, to: 'committed' | 'released'): Promise<void> {
    await this.sql.transaction(async (tx) => {
      const [row] = await tx.query<{ code_hash: string; amount: number; state: string }>(
        'SELECT code_hash, amount, state FROM sandbox_reservations WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!row || row.state === to) return;
      if (row.state !== 'held') throw new Error(`sandbox reservation ${id} is ${row.state}, cannot be ${to}`);
      await tx.query(
        to === 'committed'
          ? 'UPDATE sandbox_codes SET held = held - $2, spent = spent + $2 WHERE code_hash = $1'
          : 'UPDATE sandbox_codes SET held = held - $2 WHERE code_hash = $1',
        [row.code_hash, row.amount],
      );
      await tx.query('UPDATE sandbox_reservations SET state = $2 WHERE id = $1', [id, to]);
    });
  }

  /**
   * Puts the value back: on the code of the committed reservation (its `spent` goes down by the amount), or,
   * without a reservation, to the wallet of a redirect payment (recorded only: the sandbox keeps no wallet
   * balances). The same id again is a no-op; more back than the reservation took is refused (a bug).
   */
  async refund({ id, orderId, amount, reservationId }: RefundRequest): Promise<void> {
    await this.#enter('refund', id);
    await this.sql.transaction(async (tx) => {
      // The id first: a repeat (or a racing twin) finds it taken and does nothing.
      const [first] = await tx.query(
        'INSERT INTO sandbox_refunds (id, order_id, reservation_id, amount, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id',
        [id, orderId, reservationId ?? null, amount, this.options.now()],
      );
      if (!first || !reservationId) return;
      const [reservation] = await tx.query<{ code_hash: string; amount: number; state: string }>(
        'SELECT code_hash, amount, state FROM sandbox_reservations WHERE id = $1 FOR UPDATE',
        [reservationId],
      );
      if (reservation?.state !== 'committed') throw new Error(`sandbox reservation ${reservationId} is not committed`);
      const [back] = await tx.query<{ total: number }>(
        'SELECT COALESCE(SUM(amount), 0)::int AS total FROM sandbox_refunds WHERE reservation_id = $1',
        [reservationId],
      );
      if (back!.total > reservation.amount) throw new Error(`sandbox reservation ${reservationId}: refund over its amount`);
      await tx.query('UPDATE sandbox_codes SET spent = spent - $2 WHERE code_hash = $1', [reservation.code_hash, amount]);
    });
  }

  /** Yen the sandbox gave back under refund ids starting with `prefix` (tests: what the issuer says it did). */
  async refunded(prefix: string): Promise<number> {
    const [row] = await this.sql.query<{ total: number }>(
      `SELECT COALESCE(SUM(amount), 0)::int AS total FROM sandbox_refunds WHERE starts_with(id, $1)`,
      [prefix],
    );
    return row!.total;
  }

  async startRedirect(request: {
    id: string;
    orderId: string;
    brand: string;
    amount: number;
    merchantName: string;
    returnUrl: string;
  }): Promise<string> {
    await this.#enter('startRedirect', request.id);
    await this.sql.query(
      `INSERT INTO sandbox_redirects (id, order_id, brand, amount, merchant_name, return_url, state, created_at) VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7)
       ON CONFLICT (id) DO NOTHING`,
      [request.id, request.orderId, request.brand, request.amount, request.merchantName, request.returnUrl, this.options.now()],
    );
    return `${this.options.publicOrigin}/sandbox/issuer/${request.id}`;
  }

  /** The sandbox issuer page's session, if still pending. */
  async redirectSession(id: string) {
    const [row] = await this.sql.query<{
      order_id: string;
      brand: string;
      amount: number;
      merchant_name: string;
      return_url: string;
      state: string;
    }>('SELECT order_id, brand, amount, merchant_name, return_url, state FROM sandbox_redirects WHERE id = $1', [id]);
    return row;
  }

  /** Ends a redirect session as paid or canceled; true if this call ended it. */
  async endRedirect(id: string, state: 'paid' | 'canceled'): Promise<boolean> {
    const rows = await this.sql.query(`UPDATE sandbox_redirects SET state = $2 WHERE id = $1 AND state = 'pending' RETURNING id`, [
      id,
      state,
    ]);
    return rows.length > 0;
  }
}

function hashCode(brand: string, code: string): Promise<string> {
  return sha256Hex(`${brand}:${code}`);
}
