/**
 * Request bodies of the claim API. The backend parses these strictly; the widget builds them.
 */
import * as z from 'zod/mini';
import { accountType, wireMethodId } from './claim.js';
import { pageUrl, text } from './common.js';
import { kindOf, type MethodKind } from './methods.js';

/** Zengin half-width holder names: ｱ-ﾝ (no ｦ, no small kana), ﾞ ﾟ, A-Z, 0-9, space ( ) - . ; at most 30. */
export const zenginHolder = z.string().check(z.minLength(1), z.maxLength(30, { abort: true }), z.regex(/^[ｱ-ﾝﾞﾟA-Z0-9 ().\-]+$/));

const digits = (n: number) => z.string().check(z.maxLength(n, { abort: true }), z.regex(new RegExp(`^\\d{${n}}$`)));

export const bankAccount = z.strictObject({
  bankCode: digits(4),
  branchCode: digits(3),
  type: accountType,
  number: digits(7),
  holder: zenginHolder,
});
export type BankAccount = z.infer<typeof bankAccount>;

/**
 * A method id of one of these kinds (known to the registry). The check aborts, so that of the union below
 * only the body for the method's kind reports what is wrong (with its path, e.g. `account.holder`).
 */
const methodOf = (...kinds: MethodKind[]) =>
  wireMethodId.check(z.refine((id) => kinds.includes(kindOf(id)!), { message: 'Unknown method, or one that takes another body.', abort: true }));

/** A new account (`account`, optionally `saveAccount`) or a saved one (`accountId`): exactly one of the two. */
const accountRequest = z
  .strictObject({ method: methodOf('account'), account: z.optional(bankAccount), saveAccount: z.optional(z.literal(true)), accountId: z.optional(text(64)) })
  .check(
    z.refine((body) => (body.account === undefined) !== (body.accountId === undefined) && !(body.accountId && body.saveAccount), {
      path: ['account'],
      message: 'Give either an account or an accountId.',
    }),
  );

export const claimRequest = z.union([
  accountRequest,
  z.strictObject({ method: methodOf('codes', 'link') }),
  z.strictObject({ method: methodOf('wallet'), returnUrl: pageUrl }),
]);
export type ClaimRequest = z.infer<typeof claimRequest>;

export const verificationRequest = z.strictObject({});
export const verifyRequest = z.strictObject({ code: digits(6) });
export type VerifyRequest = z.infer<typeof verifyRequest>;
