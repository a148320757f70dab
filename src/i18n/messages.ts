/**
 * Every string the widgets show, declared once. `ja.ts` and `en.ts` must satisfy this interface,
 * so a missing translation does not compile. Messages may be functions of values.
 */
import type { BrandId } from '../contract/checkout.js';
import type { AccountType, MethodId, Purpose } from '../contract/claim.js';

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
  claim: {
    title: string;
    from: string;
    purpose: string;
    purposes: Record<Purpose, string>;
    amount: string;
    validUntil: string;
    chooseMethod: string;
    methodNames: Record<MethodId, string>;
    /** What the recipient needs for a method. */
    needs: Record<MethodId, string>;
    fee: (fee: string) => string;
    noFee: string;
    arrival: { instant: string; business_days: string };
    limit: (max: string) => string;
    overLimit: (max: string) => string;
    youReceive: (net: string) => string;
    next: string;
    back: string;
    confirmTitle: string;
    /** Exactly what will happen, per method. */
    confirmWhat: Record<MethodId, (net: string) => string>;
    confirmButton: (net: string) => string;
    submitting: string;
    redirecting: (method: string) => string;
    noMethods: string;
    notices: { already_claimed: string; redirect_canceled: string };
    failures: Record<string, string> & { unknown: string };
    errors: {
      claim_not_found: string;
      claim_expired: string;
      claim_not_open: string;
      method_not_available: string;
      invalid_account: string;
      over_method_limit: string;
      too_many_attempts: string;
    };
    processingTitle: Record<MethodId, string>;
    completedTitle: Record<MethodId, string>;
    bankWhen: string;
    bankDetails: string;
    accountTypes: Record<AccountType, string>;
    walletWaiting: string;
    checking: string;
    receiptNumber: string;
    confirmationCode: string;
    copy: (what: string) => string;
    copied: (what: string) => string;
    atmExpires: (when: string) => string;
    atmSteps: string[];
    atmKeep: string;
    quoLink: string;
    quoWhat: string;
    quoExpires: (when: string) => string;
    completedLead: (net: string, method: string) => string;
    expiredTitle: string;
    expiredLead: string;
    canceledTitle: string;
    canceledLead: string;
    failedTitle: string;
    failedLead: string;
    missingToken: string;
    bankForm: {
      legend: string;
      bank: string;
      bankHint: string;
      popular: string;
      branch: string;
      branchHint: string;
      count: (n: number) => string;
      noMatches: string;
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
