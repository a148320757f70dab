/**
 * Request bodies of the checkout API. Only the backend parses these (strictly: unknown fields are
 * refused); the widget builds them, so they stay out of the browser bundle.
 */
import * as z from 'zod/mini';
import { checkCode } from '../japanese/prepaid-code.js';
import { brands } from './brands.js';
import { MAX_CODES, wireBrandId } from './checkout.js';
import { pageUrl, text } from './common.js';

/** Long enough for any brand's code, short enough to check in no time. */
const MAX_CODE_LENGTH = 64;

/** A code as it goes on the wire: already normalized by the widget (src/japanese/prepaid-code.ts). */
export const prepaidCode = text(MAX_CODE_LENGTH);

const knownBrand = wireBrandId.check(z.refine((id) => brands.has(id), { message: 'Unknown brand.' }));

/** Whether a code fits its brand's format exactly (the brand must be known). */
export function codeFits(brand: string, code: string): boolean {
  const format = brands.get(brand)?.code;
  return !!format && checkCode(format, code) === null;
}

export const balanceRequest = z.strictObject({ brand: knownBrand, code: prepaidCode }).check(
  z.refine((body) => codeFits(body.brand, body.code), { path: ['code'], message: 'Not a code of this brand.' }),
);
export type BalanceRequest = z.infer<typeof balanceRequest>;

export const collectPaymentRequest = z
  .strictObject({ brand: knownBrand, codes: z.array(prepaidCode).check(z.minLength(1), z.maxLength(MAX_CODES, { abort: true })) })
  .check(
    z.superRefine((body, ctx) => {
      body.codes.forEach((code, index) => {
        if (!codeFits(body.brand, code)) ctx.addIssue({ code: 'custom', path: ['codes', index], message: 'Not a code of this brand.', input: code });
      });
    }),
  );
export const redirectPaymentRequest = z.strictObject({
  brand: knownBrand,
  returnUrl: pageUrl,
});
export const paymentRequest = z.union([collectPaymentRequest, redirectPaymentRequest]);
export type CollectPaymentRequest = z.infer<typeof collectPaymentRequest>;
export type RedirectPaymentRequest = z.infer<typeof redirectPaymentRequest>;
export type PaymentRequest = z.infer<typeof paymentRequest>;
