/**
 * What the backend needs from the companies that move the money. The sandbox (sandbox/) implements both;
 * a real provider plugs in beside it by implementing the same interfaces.
 *
 * Every call that moves money carries an id that the backend chose and persisted before the call, so that
 * a call repeated after a crash (the same id) does not move the money twice, and the backend can ask what
 * became of it.
 */
import type { AccountType, ClaimResult, MethodKind } from '../contract/claim.js';

/** The provider did not answer (or answered that it cannot now): `503 provider_unavailable`, nothing kept. */
export class ProviderUnavailable extends Error {
  constructor(message = 'The provider is not answering.') {
    super(message);
    this.name = 'ProviderUnavailable';
  }
}

export type CodeRefusal = 'invalid' | 'used' | 'expired';

export type Reservation =
  | {
      kind: 'reserved';
      /** Yen held on the code for this reservation (at most the amount asked; 0 if only checked). */
      amount: number;
      /** What the code held before this reservation. */
      balance: number;
      /** BitCash card rating (other brands: EX). */
      rating: 'ST' | 'EX';
    }
  | { kind: CodeRefusal };

export type BalanceAnswer = { kind: 'valid'; balance: number; rating: 'ST' | 'EX' } | { kind: CodeRefusal };

/** One part of a refund: yen back to one payment of an order. */
export interface RefundRequest {
  /** `{refund id}.{payment index}`: the same id never refunds twice. */
  id: string;
  orderId: string;
  brand: string;
  amount: number;
  /** Collect mode: the reservation the payment committed. Absent for redirect payments (and orders paid elsewhere). */
  reservationId?: string;
  /** The payment's masked code, as on the receipt. */
  masked: string;
}

/** A prepaid issuer (WebMoney, BitCash, ...): hold value on codes, then take it or let it go. */
export interface PrepaidIssuer {
  balance(brand: string, code: string): Promise<BalanceAnswer>;
  /** Holds up to `amount` yen on the code under `id`. The same id again answers the same reservation. */
  reserve(request: { id: string; brand: string; code: string; amount: number }): Promise<Reservation>;
  /** Takes the held value. Idempotent; committing a committed reservation is a no-op. */
  commit(id: string): Promise<void>;
  /** Lets the held value go. Idempotent; releasing an unknown or released reservation is a no-op. */
  release(id: string): Promise<void>;
  /**
   * Gives `amount` yen of one payment back: onto the code's balance (collect mode: `reservationId` is the
   * committed reservation the payment took), or to the shopper's account at the issuer (redirect mode: no
   * reservation; the issuer knows the payment by `orderId` and `brand`, as `startRedirect` told it). `id` is
   * chosen and persisted by the backend before the call: the same id again is answered without refunding
   * twice, which is how a retry or a restarted process finishes a refund. Throws `ProviderUnavailable` when it
   * cannot answer now (the backend retries the same id later); any other throw is a bug.
   */
  refund(request: RefundRequest): Promise<void>;
  /** Brands paid on the issuer's page: where to send the shopper (an absolute URL). */
  startRedirect?(request: {
    id: string;
    orderId: string;
    brand: string;
    amount: number;
    merchantName: string;
    returnUrl: string;
  }): Promise<string>;
}

export interface PayoutAccount {
  bankCode: string;
  branchCode: string;
  type: AccountType;
  number: string;
  holder: string;
  bankName: string;
  branchName: string;
}

export interface PayoutRequest {
  /** Chosen and persisted by the backend before the call: the same id never pays twice. */
  id: string;
  /** The method's id (a known one, or one registered at run time) and its kind (src/contract/methods.ts). */
  method: string;
  kind: MethodKind;
  /** Yen the recipient receives (the claim's amount less the method's fee). */
  amount: number;
  payerName: string;
  /** Bank: a new account as entered, or `accountId`, one registered before (`registerAccount`) for `recipient`. */
  account?: PayoutAccount;
  accountId?: string;
  /** The merchant's id for the person paid (with `accountId`: the provider pays only that person's account). */
  recipient?: string;
  /** Wallets: where the provider's login page sends the recipient back. */
  returnUrl?: string;
}

export type PayoutState =
  | { state: 'pending'; result?: ClaimResult; redirectUrl?: string }
  | { state: 'completed'; result?: ClaimResult }
  | { state: 'failed'; code: string; retryable: boolean; result?: ClaimResult }
  | { state: 'canceled' };

/** A bank account kept by the provider for one recipient, as the merchant may show it (no number). */
export interface RegisteredAccount {
  accountId: string;
  bankCode: string;
  branchCode: string;
  bankName: string;
  branchName: string;
  type: AccountType;
  /** `***4567`: the last four digits. */
  masked: string;
  holder: string;
}

export type PayoutStart = { kind: 'started'; payout: PayoutState } | { kind: 'invalid_account'; field: string; message: string };

/** A funds transfer provider: bank transfers, ATM cash pickup, wallets, gift values. */
export interface PayoutProvider {
  start(request: PayoutRequest): Promise<PayoutStart>;
  /** What became of a payout; `undefined` if the provider never got it. */
  status(id: string): Promise<PayoutState | undefined>;
  /** Ends a payout still pending (an unfinished wallet session); answers what it is now. */
  cancel(id: string): Promise<PayoutState | undefined>;
  /**
   * Keeps a bank account for a recipient, so that a later payout names only its id. Idempotent: the same
   * account (bank, branch, type, number) for the same recipient answers the same id. Moves no money.
   * Optional: a provider without it offers no saved accounts.
   */
  registerAccount?(request: { recipient: string; account: PayoutAccount }): Promise<RegisteredAccount>;
}

/** A one-time code on its way to the recipient (`text` already holds the code; `code` for a sender that formats its own). */
export interface CodeMessage {
  channel: 'sms' | 'email';
  /** The real destination: a phone number (digits) or an email address. */
  to: string;
  text: string;
  code: string;
}

/** An SMS or email service: sends the recipient their one-time code. Throw `ProviderUnavailable` when it cannot. */
export interface CodeSender {
  send(message: CodeMessage): Promise<void>;
}
