/**
 * Request bodies of the checkout API. Only the backend parses these (strictly: unknown fields are
 * refused); the widget builds them, so they stay out of the browser bundle.
 */
import * as z from 'zod/mini';
import { brandId } from './checkout.js';
import { httpUrl } from './common.js';

/**
 * A code as it goes on the wire: already normalized by the widget (see src/japanese/prepaid-code.ts).
 * Half-width letters and digits, or hiragana for BitCash; 16 characters.
 */
export const prepaidCode = z.string().check(z.regex(/^(?:[0-9A-Za-z]{16}|[\u3041-\u3096]{16})$/));

export const balanceRequest = z.strictObject({
  brand: brandId,
  code: prepaidCode,
});
export type BalanceRequest = z.infer<typeof balanceRequest>;

export const collectPaymentRequest = z.strictObject({
  brand: brandId,
  codes: z.array(prepaidCode).check(z.minLength(1), z.maxLength(20)),
});
export const redirectPaymentRequest = z.strictObject({
  brand: brandId,
  returnUrl: httpUrl,
});
export const paymentRequest = z.union([collectPaymentRequest, redirectPaymentRequest]);
export type CollectPaymentRequest = z.infer<typeof collectPaymentRequest>;
export type RedirectPaymentRequest = z.infer<typeof redirectPaymentRequest>;
export type PaymentRequest = z.infer<typeof paymentRequest>;

