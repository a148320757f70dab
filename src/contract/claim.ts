/**
 * The claim API of CONTRACT.md (`<payout-claim>` and the merchant backend): the shapes the widget reads.
 */
import * as z from 'zod/mini';
import { currency, httpUrl, isoDateTime, yen } from './common.js';

export const METHOD_IDS = ['bank', 'atm', 'amazon', 'aupay', 'quo'] as const;
export type MethodId = (typeof METHOD_IDS)[number];
export const methodId = z.enum(METHOD_IDS);

export const PURPOSES = ['refund', 'payout', 'cashback', 'reward'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const CLAIM_STATUSES = ['open', 'processing', 'completed', 'failed', 'expired', 'canceled'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const ACCOUNT_TYPES = ['ordinary', 'checking', 'savings'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];
export const accountType = z.enum(ACCOUNT_TYPES);

export const ARRIVALS = ['instant', 'business_days'] as const;

export const claimMethod = z.object({
  method: methodId,
  fee: yen,
  arrival: z.enum(ARRIVALS),
  max: z.optional(yen),
});
export type ClaimMethod = z.infer<typeof claimMethod>;

export const bankResult = z.object({
  method: z.literal('bank'),
  bankName: z.string(),
  branchName: z.string(),
  type: accountType,
  masked: z.string(),
  holder: z.string(),
});
export const atmResult = z.object({
  method: z.literal('atm'),
  receiptNumber: z.string(),
  confirmationCode: z.string(),
  expiresAt: isoDateTime,
});
export const walletResult = z.object({ method: z.enum(['amazon', 'aupay']) });
export const quoResult = z.object({
  method: z.literal('quo'),
  giftUrl: httpUrl,
  expiresAt: isoDateTime,
});
export const claimResult = z.union([bankResult, atmResult, walletResult, quoResult]);
export type ClaimResult = z.infer<typeof claimResult>;
export type AtmResult = z.infer<typeof atmResult>;
export type QuoResult = z.infer<typeof quoResult>;
export type BankResult = z.infer<typeof bankResult>;

export const claim = z.object({
  amount: yen,
  currency,
  payer: z.object({ name: z.string() }),
  purpose: z.enum(PURPOSES),
  message: z.optional(z.string()),
  expiresAt: isoDateTime,
  status: z.enum(CLAIM_STATUSES),
  methods: z.array(claimMethod),
  result: z.optional(claimResult),
  failure: z.optional(z.object({ code: z.string(), retryable: z.boolean() })),
  next: z.optional(z.object({ redirectUrl: httpUrl })),
});
export type Claim = z.infer<typeof claim>;

export const CLAIM_ERROR_CODES = [
  'invalid_request',
  'claim_not_found',
  'claim_expired',
  'claim_not_open',
  'idempotency_conflict',
  'method_not_available',
  'invalid_account',
  'over_method_limit',
  'too_many_attempts',
  'provider_unavailable',
] as const;
export type ClaimErrorCode = (typeof CLAIM_ERROR_CODES)[number];
