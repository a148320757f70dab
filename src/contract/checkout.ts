/**
 * The checkout API of CONTRACT.md (`<prepaid-checkout>` and the merchant backend): the shapes the widget reads.
 * Brand ids in answers are any short string: a widget skips the brands it does not know (brands.ts).
 */
import * as z from 'zod/mini';
import { brands } from './brands.js';
import { currency, followUrl, isoDateTime, label, resourceId, text, yen, type ClientErrorCode, type CommonErrorCode } from './common.js';

export { BRAND_IDS, brands, registerBrand, type BrandDefinition, type BrandId, type CodeFormat } from './brands.js';

/** A brand id on the wire: known or not. */
export const wireBrandId = text(32);

export const ORDER_STATUSES = ['open', 'paid', 'canceled', 'expired', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const BRAND_MODES = ['collect', 'redirect'] as const;
export type BrandMode = (typeof BRAND_MODES)[number];

export const MAX_CODES = 20;

export const orderBrand = z.object({
  id: wireBrandId,
  mode: z.enum(BRAND_MODES),
  maxCodes: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_CODES))),
  balance: z.optional(z.boolean()),
});
export type OrderBrand = z.infer<typeof orderBrand>;

/**
 * The order's brands. An entry whose id this widget does not know passes whatever else it holds (a future
 * brand may bring a mode this version has never heard of) and is skipped by the flow (`offeredBrands`);
 * one it knows must fit `orderBrand`.
 */
const orderBrands = z.array(z.looseObject({ id: wireBrandId })).check(
  z.maxLength(50),
  z.refine((entries) => entries.every((entry) => !brands.has(entry.id) || orderBrand.safeParse(entry).success)),
) as unknown as z.ZodMiniType<OrderBrand[]>;

/**
 * `refunded` (an extension of CONTRACT.md 0.2, optional): yen of this payment given back so far. On an order
 * without `refundedAmount` (an answer of a backend that does not send the extension), a `refunded` order was
 * refunded whole.
 */
export const payment = z.object({
  brand: wireBrandId,
  amount: yen,
  masked: label(64),
  refunded: z.optional(yen),
});
export type Payment = z.infer<typeof payment>;

export const order = z.object({
  order: resourceId,
  amount: yen,
  currency,
  description: z.optional(label(500)),
  merchant: z.object({ name: label() }),
  status: z.enum(ORDER_STATUSES),
  brands: orderBrands,
  payments: z.optional(z.array(payment).check(z.maxLength(MAX_CODES))),
  paidAt: z.optional(isoDateTime),
  refundedAt: z.optional(isoDateTime),
  /** Extension of CONTRACT.md 0.2 (optional): yen refunded so far, at most `amount`; less than it is a partial refund. */
  refundedAmount: z.optional(yen),
});
export type Order = z.infer<typeof order>;

export const balanceResponse = z.object({
  brand: wireBrandId,
  balance: yen,
  masked: label(64),
});
export type BalanceResponse = z.infer<typeof balanceResponse>;

export const redirectResponse = z.object({
  redirectUrl: followUrl,
});
export type RedirectResponse = z.infer<typeof redirectResponse>;

export const CHECKOUT_ERROR_CODES = [
  'order_not_found',
  'order_not_open',
  'insufficient_balance',
  'invalid_code',
  'code_used',
  'code_expired',
  'rating_not_allowed',
] as const;
/** Every code a checkout error may carry that the widget words itself. */
export type CheckoutErrorCode = (typeof CHECKOUT_ERROR_CODES)[number] | CommonErrorCode | ClientErrorCode;
