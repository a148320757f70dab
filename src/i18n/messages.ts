/**
 * Every string the widgets show, declared once. `ja.ts` and `en.ts` must satisfy this interface,
 * so a missing translation does not compile. Messages may be functions of values.
 * Brands and methods are keyed by the registries' ids (src/contract/brands.ts, methods.ts), and errors by
 * the contract's error-code unions, so a new brand, method or code is named here by the compiler.
 */
import type { BrandId, CheckoutErrorCode } from '../contract/checkout.js';
import type { AccountType, ClaimErrorCode, MethodId, Purpose } from '../contract/claim.js';

/** How the widget words one brand. */
export interface BrandWords {
  /** The brand as its issuer writes it. */
  name: string;
  /** The issuer's own name for the code on the card (WebMoney プリペイド番号, BitCash ひらがなID). */
  codeName: string;
}

/** How the widget words one payout method. */
export interface MethodWords {
  name: string;
  /** What the recipient needs for it. */
  needs: string;
  /** Exactly what will happen, on the confirm step. */
  confirm: (net: string) => string;
  /** The result step's title while it is under way, and once done. */
  processing: string;
  completed: string;
  /** One sentence once done. */
  done: (net: string) => string;
  /** What the result is for, where that needs saying (QUO Card Pay: member stores, not online). */
  about?: string;
}

/** Every error either widget words itself: the contract's codes and the client's own. */
export type ErrorMessages = {
  [Code in Exclude<CheckoutErrorCode | ClaimErrorCode, 'insufficient_balance'>]: string;
} & {
  insufficient_balance: (shortfall: string) => string;
  /** `invalid_account` at `accountId`: the saved account chosen is not one this claim can pay. */
  invalid_saved_account: string;
  /** A code this widget does not know: the server's message. */
  unknown: (serverMessage: string) => string;
};

export interface Messages {
  common: {
    loading: string;
    retry: string;
    /** A time to try again after too many attempts. */
    lockedUntil: (time: string) => string;
    errors: ErrorMessages;
  };
  checkout: {
    title: string;
    merchant: string;
    item: string;
    orderId: string;
    amount: string;
    amountPaid: string;
    chooseBrand: string;
    brands: Record<BrandId, BrandWords>;
    redirectNote: (brand: string) => string;
    /** A brand's code as the shopper knows it (WebMoneyのプリペイド番号; NET CASH ID). */
    brandCode: (brand: string, codeName: string) => string;
    codeLabel: (codeName: string, index: number, count: number) => string;
    segmentLabel: (codeName: string, index: number, count: number, from: number, to: number) => string;
    codeHint: (codeName: string, length: number, script: 'latin' | 'hiragana') => string;
    lookAlikeHint: (pairs: string) => string;
    neverUsedHint: (characters: string) => string;
    caseSensitive: string;
    addCode: string;
    removeCode: (index: number) => string;
    checkBalance: (index: number) => string;
    balanceIs: (balance: string, masked: string) => string;
    /** A balance the widget worked out from a shortfall (no masked code: only the server makes those). */
    balanceIsInferred: (balance: string) => string;
    /** The running total of known balances: `parts` joined with `plus`. */
    plus: string;
    totalCovered: (parts: string) => string;
    totalShort: (parts: string, needed: string) => string;
    /** Added to `totalShort` while some codes have no known balance. */
    totalUnchecked: string;
    /** `402 insufficient_balance`, shown with the running total in place of the bare shortfall. */
    notEnough: string;
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
    insufficientAddCode: string;
    insufficientNoMoreCodes: string;
    redirectNotCompleted: string;
    paidTitle: string;
    paidLead: (amount: string, merchant: string) => string;
    paidAt: string;
    paidWith: string;
    /** A payment made on the issuer's page (redirect mode): no code was typed here. */
    paidOnSite: (brand: string) => string;
    /** A refunded order's receipt: the title, whole or in part. */
    refundedTitle: string;
    partlyRefundedTitle: string;
    /** `date` as formatDateTime gives it, in JST. */
    refundedOn: (date: string) => string;
    refundedLead: (amount: string) => string;
    refundedAmount: string;
    /** What the shopper still paid after a partial refund. */
    stillPaid: string;
    /** The heading of the list of payments the money went back to. */
    refundedTo: string;
    /** A code's payment: the value went back onto the code. */
    refundedToCode: string;
    /** A payment made on the issuer's page: back to the shopper's account there. */
    refundedOnSite: (brand: string) => string;
    canceledTitle: string;
    canceledLead: string;
    expiredTitle: string;
    expiredLead: string;
  };
  claim: {
    title: string;
    from: string;
    purpose: string;
    /** `other`: a purpose this widget does not know. */
    purposes: Record<Purpose | 'other', string>;
    amount: string;
    validUntil: string;
    chooseMethod: string;
    methods: Record<MethodId, MethodWords>;
    fee: (fee: string) => string;
    noFee: string;
    /**
     * When a method's money arrives: `instant` says maintenance can delay it; `business_days` without a date;
     * `by` with the backend's `arrivalBy`, given as `formatArrivalDate` words it ("Thu 26 Nov").
     */
    arrival: { instant: string; business_days: string; by: (date: string) => string };
    limit: (max: string) => string;
    overLimit: (max: string) => string;
    youReceive: (net: string) => string;
    next: string;
    back: string;
    confirmTitle: string;
    confirmButton: (net: string) => string;
    submitting: string;
    redirecting: (method: string) => string;
    noMethods: string;
    notices: { already_claimed: string; redirect_canceled: string };
    failures: Record<string, string> & { unknown: string };
    walletUnfinished: {
      title: string;
      lead: (method: string) => string;
      resume: (method: string) => string;
      chooseAnother: string;
      /** When this tab does not know which wallet it was (reopened later, or in another tab). */
      leadAny: string;
      resumeAny: string;
    };
    bankWhen: string;
    /** `bankWhen` with the backend's `arrivalBy`. */
    bankWhenBy: (date: string) => string;
    /** Said only when nothing more is coming that the recipient needs this page for. */
    canClose: string;
    bankDetails: string;
    /** Saved accounts (`savedAccounts`): offered first in the bank method. */
    savedAccounts: {
      legend: string;
      /** The option that opens the bank form. */
      another: string;
      /** The new account form's checkbox (`saveAccount: true`). */
      save: string;
      /** The saved account chosen, in a sentence (the confirm step). */
      describe: (masked: string, bank: string, branch: string) => string;
    };
    accountTypes: Record<AccountType, string>;
    walletWaiting: string;
    checking: string;
    receiptNumber: string;
    confirmationCode: string;
    copy: (what: string) => string;
    /** Announced after a copy. */
    copied: (what: string) => string;
    /** The copy button's own label for a few seconds after it was pressed. */
    copiedButton: string;
    /** The gift link, shown as text with its copy button. */
    giftLink: string;
    atmExpires: (when: string) => string;
    atmSteps: string[];
    atmKeep: string;
    linkOpen: (method: string) => string;
    linkExpires: (when: string) => string;
    expiredTitle: string;
    expiredLead: string;
    canceledTitle: string;
    canceledLead: string;
    failedTitle: string;
    failedLead: string;
    missingToken: string;
    /** The one-time code before the methods (claims with `verification`). */
    verify: {
      title: string;
      /** Where the code goes, before it is sent. */
      lead: (channel: 'sms' | 'email', to: string) => string;
      send: string;
      sending: string;
      /** Announced once the code is on its way. */
      sent: (channel: 'sms' | 'email', to: string) => string;
      codeLabel: string;
      codeHint: string;
      submit: string;
      checking: string;
      resend: string;
      /** The visible countdown beside "Send again". */
      resendIn: (seconds: number) => string;
      /** Announced once, when sending again is possible. */
      resendReady: string;
      problems: { empty: string; incomplete: string; not_digits: string };
    };
    bankForm: {
      legend: string;
      bank: string;
      bankHint: string;
      popular: string;
      branch: string;
      branchHint: string;
      count: (n: number) => string;
      /** Under the box when nothing matches what was typed. */
      noMatches: (query: string) => string;
      loadingBanks: string;
      loadFailed: string;
      branchLoadFailed: string;
      retryLoad: string;
      retryBranches: string;
      type: string;
      number: string;
      numberHint: string;
      /** Japan Post Bank: 記号・番号 instead of branch and number. */
      japanPost: {
        legend: string;
        intro: string;
        symbol: string;
        symbolHint: string;
        /** The middle box's label: `visible` is shown, `before` and `after` complete its name for screen readers. */
        middleDigit: { before: string; visible: string; after: string };
        middleDigitHint: string;
        number: string;
        numberHint: { general: string; transfer: string; unknown: string };
        generalType: string;
        generalTypes: { ordinary: string; savings: string };
        maps: (branchName: string, branchCode: string, type: string, number: string) => string;
      };
      holder: string;
      holderHint: string;
      holderPreview: string;
      holderCount: (length: number, max: number) => string;
      /** Read out after each run of characters the preview marks as not sendable. */
      holderUnsendable: string;
      holderPreviewBlocked: string;
      corporateTitle: string;
      corporateHelp: string;
      corporateForm: string;
      corporateAbbreviation: string;
      /** One per problem kind of `src/fields/account-draft.ts`. */
      problems: {
        bank_not_chosen: string;
        branch_not_chosen: string;
        number_missing: string;
        number_not_digits: string;
        number_too_long: string;
        symbol_missing: string;
        symbol_digits: string;
        symbol_kind: string;
        middle_digit_missing: string;
        middle_digit_invalid: string;
        post_number_missing: string;
        post_number_not_digits: string;
        general_number_length: string;
        transfer_number_length: string;
        general_number_must_end_in_1: string;
        holder_missing: string;
        holder_unsendable: (chars: readonly string[]) => string;
        holder_too_long: (length: number, max: number) => string;
      };
    };
  };
}

export type Lang = 'ja' | 'en';
