/**
 * The claim API of CONTRACT.md (`<payout-claim>` and the merchant backend): the shapes the widget reads.
 * Method ids and purposes in answers are any short string: a widget skips the methods it does not know
 * (methods.ts) and words an unknown purpose neutrally.
 */
import * as z from 'zod/mini';
import { currency, followUrl, isoDate, isoDateTime, label, text, yen, type ClientErrorCode, type CommonErrorCode } from './common.js';
import { kindOf, methods, type MethodKind } from './methods.js';

export { METHOD_IDS, methods, registerPayoutMethod, type MethodDefinition, type MethodId, type MethodKind } from './methods.js';

/** A method id on the wire: known or not. */
export const wireMethodId = text(32);

export const PURPOSES = ['refund', 'payout', 'cashback', 'reward'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const CLAIM_STATUSES = ['open', 'processing', 'completed', 'failed', 'expired', 'canceled'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const ACCOUNT_TYPES = ['ordinary', 'checking', 'savings'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const accountType = z.enum(ACCOUNT_TYPES);

export const ARRIVALS = ['instant', 'business_days'] as const;

export const claimMethod = z.object({
  method: wireMethodId,
  fee: yen,
  arrival: z.enum(ARRIVALS),
  arrivalBy: z.optional(isoDate),
  max: z.optional(yen),
});
export type ClaimMethod = z.infer<typeof claimMethod>;

/**
 * The claim's methods. An entry whose method this widget does not know passes whatever else it holds (a
 * future method may bring an arrival this version has never heard of) and is skipped by the flow
 * (`knownMethods`); one it knows must fit `claimMethod`.
 */
const claimMethods = z.array(z.looseObject({ method: wireMethodId })).check(
  z.maxLength(50),
  z.refine((entries) => entries.every((entry) => !methods.has(entry.method) || claimMethod.safeParse(entry).success)),
) as unknown as z.ZodMiniType<ClaimMethod[]>;

export const bankResult = z.object({
  method: wireMethodId,
  bankName: label(),
  branchName: label(),
  type: accountType,
  masked: label(32),
  holder: label(60),
});
export const atmResult = z.object({
  method: wireMethodId,
  receiptNumber: label(32),
  confirmationCode: label(32),
  expiresAt: isoDateTime,
});
export const walletResult = z.object({ method: wireMethodId });
export const linkResult = z.object({
  method: wireMethodId,
  giftUrl: followUrl,
  expiresAt: isoDateTime,
});
export type BankResult = z.infer<typeof bankResult>;
export type AtmResult = z.infer<typeof atmResult>;
export type WalletResult = z.infer<typeof walletResult>;
export type LinkResult = z.infer<typeof linkResult>;

/** The shape of a result follows from its method's kind. */
const RESULT_SCHEMAS = { account: bankResult, codes: atmResult, wallet: walletResult, link: linkResult } as const satisfies Record<
  MethodKind,
  z.ZodMiniType
>;

/** A result, typed by its method's kind. */
export type TypedResult =
  | { kind: 'account'; result: BankResult }
  | { kind: 'codes'; result: AtmResult }
  | { kind: 'wallet'; result: WalletResult }
  | { kind: 'link'; result: LinkResult };

/** A result whose method is unknown is kept as it is (and shown neutrally); a known one must fit its kind. */
export const claimResult = z.looseObject({ method: wireMethodId }).check(
  z.refine((result) => {
    const kind = kindOf(result.method);
    return !kind || RESULT_SCHEMAS[kind].safeParse(result).success;
  }),
);
export type ClaimResult = z.infer<typeof claimResult>;

export function typedResult(result: ClaimResult | undefined): TypedResult | null {
  const kind = result && kindOf(result.method);
  return kind ? ({ kind, result } as TypedResult) : null;
}

export const savedAccount = z.object({
  id: text(64),
  bankName: label(),
  branchName: label(),
  type: accountType,
  masked: label(32),
  holder: label(60),
});
export type SavedAccount = z.infer<typeof savedAccount>;

export const claim = z.object({
  amount: yen,
  currency,
  payer: z.object({ name: label() }),
  purpose: text(32),
  message: z.optional(label(1000)),
  expiresAt: isoDateTime,
  status: z.enum(CLAIM_STATUSES),
  methods: claimMethods,
  result: z.optional(claimResult),
  failure: z.optional(z.object({ code: text(64), retryable: z.boolean() })),
  next: z.optional(z.object({ redirectUrl: followUrl })),
  verification: z.optional(z.object({ channel: z.enum(['sms', 'email']), to: label(100), verified: z.boolean() })),
  savedAccounts: z.optional(z.array(savedAccount).check(z.maxLength(20))),
});
export type Claim = z.infer<typeof claim>;

export const verificationSent = z.object({ sentTo: label(100), resendAfter: z.number().check(z.minimum(0), z.maximum(3600)) });
export type VerificationSent = z.infer<typeof verificationSent>;

export const CLAIM_ERROR_CODES = [
  'claim_not_found',
  'claim_expired',
  'claim_not_open',
  'verification_required',
  'verification_failed',
  /** Not in CONTRACT.md 0.2: the reference backend's answer to a code that lapsed (or none sent), field `code`. */
  'method_not_available',
  'invalid_account',
  'over_method_limit',
] as const;
/** Every code a claim error may carry that the widget words itself. */
export type ClaimErrorCode = (typeof CLAIM_ERROR_CODES)[number] | CommonErrorCode | ClientErrorCode;
