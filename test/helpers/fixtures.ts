/**
 * The answers the flow tests start from: an open order and an open claim as a backend sends them, and API
 * errors as the client makes them. Each test passes what it varies (brands, methods).
 */
import type { ApiError } from '../../src/api/client.js';
import type { Order, OrderBrand } from '../../src/contract/checkout.js';
import type { Claim, ClaimMethod } from '../../src/contract/claim.js';
import type { Choice } from '../../src/payout-claim/claim-flow.js';

/** An open ¥1,200 order offering these brands. */
export function openOrder(brands: OrderBrand[]): Order {
  return { order: 'o1', amount: 1200, currency: 'JPY', merchant: { name: 'Shop' }, status: 'open', brands };
}

/** An open ¥3,000 refund offering these methods. */
export function openClaim(methods: ClaimMethod[]): Claim {
  return {
    amount: 3000,
    currency: 'JPY',
    payer: { name: 'Shop' },
    purpose: 'refund',
    expiresAt: '2026-12-01T00:00:00Z',
    status: 'open',
    methods,
  };
}

/** The claim flow's choice on `claim`: ATM chosen, nothing typed, no error (each test passes what it varies). */
export function choiceFor(claim: Claim, over: Partial<Choice> = {}): Choice {
  return {
    claim,
    method: 'atm',
    account: null,
    savedAccountId: null,
    saveAccount: false,
    error: null,
    attempt: null,
    lockedUntil: null,
    notice: null,
    ...over,
  };
}

/** A definite refusal (422 unless `extra` says otherwise). */
export const refusal = (code: string, extra: Partial<ApiError> = {}): ApiError => ({
  code,
  status: 422,
  target: null,
  uncertain: false,
  ...extra,
});

/** No usable answer: the outcome is unknown. */
export const noAnswer = (code: 'network_error' | 'timeout'): ApiError => ({ code, status: 0, target: null, uncertain: true });
