/**
 * The orders table as the contract's `Order`, and the payment attempts that hold an order while money
 * moves.
 */
import type { Order, OrderBrand, Payment } from '../contract/checkout.js';
import type { Queryable } from './sql.js';

export interface OrderRow {
  id: string;
  amount: number;
  description: string | null;
  merchant_name: string;
  brands: OrderBrand[];
  bitcash_ex_only: boolean;
  status: Order['status'];
  payments: Payment[] | null;
  paid_at: number | null;
  refunded_at: number | null;
  /** Yen refunded so far (refunds.ts). */
  refunded_amount: number;
  attempt_id: string | null;
}

export interface NewOrder {
  id: string;
  amount: number;
  description?: string;
  merchantName: string;
  brands: OrderBrand[];
  /** BitCash cards rated ST are refused (an EX-only merchant). */
  bitcashExOnly?: boolean;
  status?: Order['status'];
  payments?: Payment[];
  paidAt?: number;
  /** A seeded refunded order: when, and how much (its payments say how much each, in `refunded`). */
  refundedAt?: number;
  refundedAmount?: number;
}

const COLUMNS =
  'id, amount, description, merchant_name, brands, bitcash_ex_only, status, payments, paid_at, refunded_at, refunded_amount, attempt_id';

export async function readOrder(q: Queryable, id: string, lock = false): Promise<OrderRow | undefined> {
  const [row] = await q.query<OrderRow>(`SELECT ${COLUMNS} FROM orders WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row;
}

/** Inserts an order; false if the id is taken. */
export async function insertOrder(q: Queryable, order: NewOrder, now: number): Promise<boolean> {
  const rows = await q.query(
    `INSERT INTO orders (id, amount, description, merchant_name, brands, bitcash_ex_only, status, payments, paid_at, created_at, refunded_at, refunded_amount)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      order.id,
      order.amount,
      order.description ?? null,
      order.merchantName,
      JSON.stringify(order.brands),
      order.bitcashExOnly ?? false,
      order.status ?? 'open',
      order.payments ? JSON.stringify(order.payments) : null,
      order.paidAt ?? null,
      now,
      order.refundedAt ?? null,
      order.refundedAmount ?? 0,
    ],
  );
  return rows.length > 0;
}

export function toOrder(row: OrderRow): Order {
  return {
    order: row.id,
    amount: row.amount,
    currency: 'JPY',
    ...(row.description !== null ? { description: row.description } : {}),
    merchant: { name: row.merchant_name },
    status: row.status,
    brands: row.brands,
    ...(row.payments ? { payments: row.payments } : {}),
    ...(row.paid_at !== null ? { paidAt: new Date(row.paid_at).toISOString() } : {}),
    ...(row.refunded_at !== null ? { refundedAt: new Date(row.refunded_at).toISOString() } : {}),
    ...(row.refunded_amount > 0 ? { refundedAmount: row.refunded_amount } : {}),
  } as Order;
}

export type AttemptState = 'reserving' | 'committing' | 'releasing' | 'paid' | 'released';

export interface AttemptRow {
  id: string;
  order_id: string;
  idem_scope: string | null;
  idem_key: string | null;
  brand: string;
  code_count: number;
  state: AttemptState;
  reservations: HeldCode[];
  lease_until: number;
}

/** A reservation made at the issuer for one code of an attempt. */
export interface HeldCode {
  id: string;
  amount: number;
  masked: string;
}

/** The reservation id of code `index` of an attempt: derived, so that a reconciler can find every one. */
export const reservationId = (attemptId: string, index: number) => `${attemptId}.${index}`;
