/**
 * Every string the widgets show, declared once. `ja.ts` and `en.ts` must satisfy this interface,
 * so a missing translation does not compile. Messages may be functions of values.
 */
import type { BrandId } from '../contract/checkout.js';

export interface Messages {
  common: {
    loading: string;
    retry: string;
    /** A time to try again after too many attempts. */
    lockedUntil: (time: string) => string;
    /** Errors the widget made itself, and the fallback for codes it does not know. */
    errors: {
      network_error: string;
      timeout: string;
      server_error: string;
      invalid_response: string;
      idempotency_conflict: string;
      invalid_request: string;
      provider_unavailable: string;
      unknown: (serverMessage: string) => string;
    };
  };
  checkout: {
    title: string;
    merchant: string;
    item: string;
    orderId: string;
    amount: string;
    chooseBrand: string;
    brandNames: Record<BrandId, string>;
    redirectNote: (brand: string) => string;
    codeLabel: (brand: string, index: number, count: number) => string;
    segmentLabel: (brand: string, index: number, count: number, from: number, to: number) => string;
    codeHint: (brand: BrandId) => string;
    lookAlikeHint: string;
    addCode: string;
    removeCode: (index: number) => string;
    checkBalance: (index: number) => string;
    balanceIs: (balance: string, masked: string) => string;
    codeProblem: {
      empty: string;
      invalid_characters: (characters: string) => string;
      too_short: (length: number, expected: number) => string;
      too_long: (length: number, expected: number) => string;
    };
    pay: (amount: string) => string;
    payWith: (amount: string, brand: string) => string;
    paying: string;
    redirecting: (brand: string) => string;
    noBrands: string;
    errors: {
      order_not_found: string;
      order_not_open: string;
      insufficient_balance: (shortfall: string) => string;
      insufficientAddCode: string;
      insufficientNoMoreCodes: string;
      invalid_code: string;
      code_used: string;
      code_expired: string;
      rating_not_allowed: string;
      too_many_attempts: string;
    };
    redirectNotCompleted: string;
    paidTitle: string;
    paidLead: (amount: string, merchant: string) => string;
    paidAt: string;
    paidWith: string;
    canceledTitle: string;
    canceledLead: string;
    expiredTitle: string;
    expiredLead: string;
  };
}

export type Lang = 'ja' | 'en';
