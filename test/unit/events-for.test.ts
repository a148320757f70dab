/**
 * Which page events a step of each flow fires: `eventsFor(previous, next)` of checkout-flow.ts and
 * claim-flow.ts, as tables of [previous, next, expected outputs]. No DOM.
 */
import { expect } from '@open-wc/testing';
import type { Order } from '../../src/contract/checkout.js';
import type { Claim } from '../../src/contract/claim.js';
import {
  eventsFor as checkoutEvents,
  type CheckoutOutput,
  type CheckoutState,
  type Entry,
} from '../../src/prepaid-checkout/checkout-flow.js';
import { eventsFor as claimEvents, type Choice, type ClaimOutput, type ClaimState } from '../../src/payout-claim/claim-flow.js';
import { choiceFor, openClaim, openOrder, refusal } from '../helpers/fixtures.js';

const err = refusal;

describe('checkout eventsFor', () => {
  const order: Order = openOrder([{ id: 'webmoney', mode: 'collect', maxCodes: 2, balance: true }]);
  const payments = [{ brand: 'webmoney', amount: 1200, masked: '••••••••••••0000' }];
  const paidOrder: Order = { ...order, status: 'paid', payments, paidAt: '2026-11-23T10:00:00+09:00' };
  const entry = (over: Partial<Entry> = {}): Entry => ({
    order,
    brands: order.brands,
    brand: 'webmoney',
    codes: { webmoney: ['wm00000000005000'] },
    balances: {},
    checked: { webmoney: [true] },
    error: null,
    attempt: null,
    lockedUntil: null,
    redirectIncomplete: false,
    ...over,
  });
  const attempt = { key: 'k1', body: '{}' };
  const entering = (over: Partial<Entry> = {}): CheckoutState => ({ status: 'entering', entry: entry(over) });
  const paying = (over: Partial<Entry> = {}): CheckoutState => ({ status: 'paying', attempt, entry: entry({ ...over, attempt }) });
  const loading: CheckoutState = { status: 'loading' };
  const complete: CheckoutOutput = { type: 'complete', order: 'o1', amount: 1200, payments };

  const used = err('code_used', { target: { kind: 'code', index: 0 } });
  const timeout = err('timeout', { status: 0, uncertain: true });
  const timeoutAgain = err('timeout', { status: 0, uncertain: true });
  const locked = err('too_many_attempts', { status: 429, retryAfter: 60 });
  const balanceFailed = err('invalid_code', { target: { kind: 'field', name: 'code' } });

  const rows: [string, CheckoutState, CheckoutState, CheckoutOutput[]][] = [
    [
      'an order that cannot be loaded: its error, once',
      loading,
      { status: 'unavailable', error: err('order_not_found', { status: 404 }) },
      [{ type: 'error', code: 'order_not_found' }],
    ],
    [
      'an id refused before any request: invalid_id',
      loading,
      { status: 'unavailable', error: err('invalid_id', { status: 0 }) },
      [{ type: 'error', code: 'invalid_id' }],
    ],
    ['an open order loaded: nothing', loading, entering({ checked: {} }), []],
    ['a refused payment: its error, when first shown', paying(), entering({ error: used }), [{ type: 'error', code: 'code_used' }]],
    [
      'the same error still shown while the shopper types elsewhere: not again',
      entering({ error: locked }),
      entering({ error: locked, codes: { webmoney: ['wm0000'] } }),
      [],
    ],
    [
      'the same error still shown after another brand is looked at: not again',
      entering({ error: locked }),
      entering({ error: locked, brand: null }),
      [],
    ],
    ['the error cleared by an edit: nothing', entering({ error: used }), entering({ error: null }), []],
    [
      'a second timeout after a new attempt: reported again',
      paying({ error: null }),
      entering({ error: timeoutAgain }),
      [{ type: 'error', code: 'timeout' }],
    ],
    [
      'a new error object with the same code replacing the shown one: reported again',
      entering({ error: timeout }),
      entering({ error: timeoutAgain }),
      [{ type: 'error', code: 'timeout' }],
    ],
    [
      'a failed balance check: its error',
      entering({ balances: { webmoney: [{ status: 'checking', code: 'wm00000000005000' }] } }),
      entering({ balances: { webmoney: [{ status: 'failed', code: 'wm00000000005000', error: balanceFailed }] } }),
      [{ type: 'error', code: 'invalid_code' }],
    ],
    [
      'a failed balance check still shown when the payment fails: only the new error',
      paying({ balances: { webmoney: [{ status: 'failed', code: 'x', error: balanceFailed }] } }),
      entering({ error: used, balances: { webmoney: [{ status: 'failed', code: 'x', error: balanceFailed }] } }),
      [{ type: 'error', code: 'code_used' }],
    ],
    ['paid in this tab: complete', paying(), { status: 'paid', order: paidOrder, justPaid: true }, [complete]],
    [
      'paid, found on the reload after order_not_open: complete',
      { status: 'refreshing', entry: entry() },
      { status: 'paid', order: paidOrder, justPaid: true },
      [complete],
    ],
    [
      'paid, found on the look after an unknown outcome: complete, and nothing else',
      entering({ error: timeout }),
      { status: 'paid', order: paidOrder, justPaid: true },
      [complete],
    ],
    ['paid at the issuer, back from its page: complete', loading, { status: 'paid', order: paidOrder, justPaid: true }, [complete]],
    ['a receipt loaded cold: no complete', loading, { status: 'paid', order: paidOrder, justPaid: false }, []],
    [
      'a refunded order loaded cold: no complete',
      loading,
      { status: 'paid', order: { ...paidOrder, status: 'refunded' }, justPaid: false },
      [],
    ],
    [
      'the receipt again (paid to paid): no second complete',
      { status: 'paid', order: paidOrder, justPaid: true },
      { status: 'paid', order: paidOrder, justPaid: true },
      [],
    ],
    ['a closed order: nothing', loading, { status: 'closed', order: { ...order, status: 'expired' } }, []],
  ];

  for (const [name, previous, next, expected] of rows) {
    it(name, () => {
      expect(checkoutEvents(previous, next)).to.deep.equal(expected);
    });
  }
});

describe('claim eventsFor', () => {
  const claim: Claim = openClaim([
    { method: 'bank', fee: 0, arrival: 'business_days' },
    { method: 'atm', fee: 220, arrival: 'instant' },
    { method: 'amazon', fee: 0, arrival: 'instant' },
    { method: 'quo', fee: 0, arrival: 'instant' },
  ]);
  const atmResult = { method: 'atm', receiptNumber: '123456789012', confirmationCode: '123456', expiresAt: '2026-12-01T00:00:00Z' };
  const atmProcessing: Claim = { ...claim, status: 'processing', result: atmResult };
  const quoCompleted: Claim = {
    ...claim,
    status: 'completed',
    result: { method: 'quo', giftUrl: 'https://quo.example/g', expiresAt: '2029-12-01T00:00:00Z' },
  };
  const amazonNext: Claim = { ...claim, status: 'processing', next: { redirectUrl: 'https://amazon.example/login' } };
  const amazonCompleted: Claim = { ...claim, status: 'completed', result: { method: 'amazon' } };
  const holderMismatch: Claim = { ...claim, status: 'failed', failure: { code: 'holder_mismatch', retryable: true } };
  const choice = (over: Partial<Choice> = {}): Choice => choiceFor(claim, over);
  const attempt = { key: 'k1', body: '{}' };
  const submitting = (over: Partial<Choice> = {}): ClaimState => ({ status: 'submitting', attempt, choice: choice({ ...over, attempt }) });
  const confirming = (over: Partial<Choice> = {}): ClaimState => ({ status: 'confirming', choice: choice(over) });
  const choosing = (over: Partial<Choice> = {}): ClaimState => ({ status: 'choosing', choice: choice(over) });
  const loading = (
    returnedFromRedirect: string | null = null,
    notice: 'already_claimed' | 'redirect_canceled' | null = null,
  ): ClaimState => ({
    status: 'loading',
    notice,
    returnedFromRedirect,
  });
  const processing = (c: Claim, from: Choice | null = null): ClaimState => ({
    status: 'processing',
    claim: c,
    polls: 0,
    notice: null,
    choice: from,
  });

  const locked = err('too_many_attempts', { status: 429, retryAfter: 60 });

  const rows: [string, ClaimState, ClaimState, ClaimOutput[]][] = [
    [
      'a link that is not valid: its error',
      loading(),
      { status: 'unavailable', error: err('claim_not_found', { status: 404 }) },
      [{ type: 'error', code: 'claim_not_found' }],
    ],
    [
      'an expired claim on load: claim_expired',
      loading(),
      { status: 'closed', claim: { ...claim, status: 'expired' } },
      [{ type: 'error', code: 'claim_expired' }],
    ],
    ['a canceled claim on load: nothing', loading(), { status: 'closed', claim: { ...claim, status: 'canceled' } }, []],
    ['a refused confirm: its error, once', submitting(), confirming({ error: locked }), [{ type: 'error', code: 'too_many_attempts' }]],
    [
      'the same error while the recipient goes back to the choice: not again',
      confirming({ error: locked }),
      choosing({ error: locked }),
      [],
    ],
    [
      'a failed transfer shown: its failure code',
      processing(atmProcessing),
      choosing({ claim: holderMismatch, method: 'bank' }),
      [{ type: 'error', code: 'holder_mismatch' }],
    ],
    [
      'the failed transfer still shown while another method is picked: not again',
      choosing({ claim: holderMismatch, method: 'bank' }),
      choosing({ claim: holderMismatch, method: 'atm' }),
      [],
    ],
    [
      'an error on top of a shown failure: only the new one',
      submitting({ claim: holderMismatch }),
      confirming({ claim: holderMismatch, error: err('provider_unavailable', { status: 503, uncertain: true }) }),
      [{ type: 'error', code: 'provider_unavailable' }],
    ],
    [
      'expired on confirm: claim_expired',
      submitting(),
      { status: 'closed', claim: { ...claim, status: 'expired' } },
      [{ type: 'error', code: 'claim_expired' }],
    ],

    [
      'ATM confirmed in this tab: complete, processing',
      submitting(),
      processing(atmProcessing, choice()),
      [{ type: 'complete', method: 'atm', amount: 3000, fee: 220, status: 'processing' }],
    ],
    [
      'QUO confirmed in this tab: complete, completed',
      submitting({ method: 'quo' }),
      { status: 'completed', claim: quoCompleted, notice: null },
      [{ type: 'complete', method: 'quo', amount: 3000, fee: 0, status: 'completed' }],
    ],
    [
      'Amazon confirmed in this tab, off to its login: complete, processing',
      submitting({ method: 'amazon' }),
      { status: 'redirecting', claim: amazonNext, redirectUrl: 'https://amazon.example/login', method: 'amazon' },
      [{ type: 'complete', method: 'amazon', amount: 3000, fee: 0, status: 'processing' }],
    ],
    [
      'an unknown outcome, then the claim found processing: complete',
      confirming({ error: err('timeout', { status: 0, uncertain: true }) }),
      processing(atmProcessing, choice()),
      [{ type: 'complete', method: 'atm', amount: 3000, fee: 220, status: 'processing' }],
    ],
    [
      'back from the wallet, received: complete, completed',
      loading('amazon'),
      { status: 'completed', claim: amazonCompleted, notice: null },
      [{ type: 'complete', method: 'amazon', amount: 3000, fee: 0, status: 'completed' }],
    ],
    ['back from the wallet, canceled there: no complete', loading('amazon'), choosing({ method: null, notice: 'redirect_canceled' }), []],
    [
      'back from the wallet, still unfinished: no complete',
      loading('amazon'),
      { status: 'unfinished', claim: amazonNext, redirectUrl: 'https://amazon.example/login', method: 'amazon' },
      [],
    ],
    [
      'taken in another tab (already_claimed): no complete',
      loading(null, 'already_claimed'),
      { status: 'completed', claim: quoCompleted, notice: 'already_claimed' },
      [],
    ],
    [
      'taken in another tab, processing there: no complete',
      loading(null, 'already_claimed'),
      { ...processing(atmProcessing), notice: 'already_claimed' } as ClaimState,
      [],
    ],
    ['a claim already done, loaded cold: no complete', loading(), { status: 'completed', claim: quoCompleted, notice: null }, []],
    ['a claim processing, loaded cold (a reload): no complete', loading(), processing(atmProcessing), []],
    [
      'polling sees it done: no second complete',
      processing(atmProcessing, choice()),
      { status: 'completed', claim: { ...atmProcessing, status: 'completed' }, notice: null },
      [],
    ],
  ];

  for (const [name, previous, next, expected] of rows) {
    it(name, () => {
      expect(claimEvents(previous, next)).to.deep.equal(expected);
    });
  }
});
