/**
 * The checkout API of CONTRACT.md (`<prepaid-checkout>` and the merchant backend).
 */
import * as z from 'zod/mini';
import { currency, httpUrl, isoDateTime, yen } from './common.js';

export const BRAND_IDS = ['webmoney', 'bitcash', 'netcash', 'nanaco'] as const;
export type BrandId = (typeof BRAND_IDS)[number];
export const brandId = z.enum(BRAND_IDS);

export const ORDER_STATUSES = ['open', 'paid', 'canceled', 'expired'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const BRAND_MODES = ['collect', 'redirect'] as const;
export type BrandMode = (typeof BRAND_MODES)[number];

export const orderBrand = z.object({
  id: brandId,
  mode: z.enum(BRAND_MODES),
  maxCodes: z.optional(z.int().check(z.minimum(1), z.maximum(20))),
  balance: z.optional(z.boolean()),
});
export type OrderBrand = z.infer<typeof orderBrand>;

export const payment = z.object({
  brand: brandId,
  amount: yen,
  masked: z.string(),
});
export type Payment = z.infer<typeof payment>;

export const order = z.object({
  order: z.string(),
  amount: yen,
  currency,
  description: z.optional(z.string()),
  merchant: z.object({ name: z.string() }),
  status: z.enum(ORDER_STATUSES),
  brands: z.array(orderBrand),
  payments: z.optional(z.array(payment)),
  paidAt: z.optional(isoDateTime),
});
export type Order = z.infer<typeof order>;

export const balanceResponse = z.object({
  brand: brandId,
  balance: yen,
  masked: z.string(),
});
export type BalanceResponse = z.infer<typeof balanceResponse>;

export const redirectResponse = z.object({
  redirectUrl: httpUrl,
});
export type RedirectResponse = z.infer<typeof redirectResponse>;

export const CHECKOUT_ERROR_CODES = [
  'invalid_request',
  'order_not_found',
  'order_not_open',
  'idempotency_conflict',
  'insufficient_balance',
  'invalid_code',
  'code_used',
  'code_expired',
  'rating_not_allowed',
  'too_many_attempts',
  'provider_unavailable',
] as const;
export type CheckoutErrorCode = (typeof CHECKOUT_ERROR_CODES)[number];
