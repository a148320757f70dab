/**
 * Request bodies of the claim API. The backend parses these strictly; the widget builds them.
 */
import * as z from 'zod/mini';
import { accountType } from './claim.js';
import { httpUrl } from './common.js';

/** Zengin half-width holder names: ｱ-ﾝ (no ｦ, no small kana), ﾞ ﾟ, A-Z, 0-9, space ( ) - . ; at most 30. */
export const zenginHolder = z.string().check(z.minLength(1), z.maxLength(30), z.regex(/^[ｱ-ﾝﾞﾟA-Z0-9 ().\-]+$/));

export const bankAccount = z.strictObject({
  bankCode: z.string().check(z.regex(/^\d{4}$/)),
  branchCode: z.string().check(z.regex(/^\d{3}$/)),
  type: accountType,
  number: z.string().check(z.regex(/^\d{7}$/)),
  holder: zenginHolder,
});
export type BankAccount = z.infer<typeof bankAccount>;

export const claimRequest = z.union([
  z.strictObject({ method: z.literal('bank'), account: bankAccount }),
  z.strictObject({ method: z.enum(['atm', 'quo']) }),
  z.strictObject({ method: z.enum(['amazon', 'aupay']), returnUrl: httpUrl }),
]);
export type ClaimRequest = z.infer<typeof claimRequest>;
