import { expect } from '@open-wc/testing';
import { errorTarget } from '../../src/api/client.js';
import type { Claim } from '../../src/contract/claim.js';
import {
  claimBody,
  initialState,
  pollDelay,
  transition,
  type Choice,
  type ClaimEvent,
  type ClaimState,
} from '../../src/payout-claim/claim-flow.js';
import { choiceFor, noAnswer, openClaim, refusal } from '../helpers/fixtures.js';

const claim: Claim = openClaim([
  { method: 'bank', fee: 0, arrival: 'business_days' },
  { method: 'atm', fee: 220, arrival: 'instant', max: 100000 },
  { method: 'quo', fee: 0, arrival: 'instant', max: 2000 },
  { method: 'amazon', fee: 0, arrival: 'instant' },
]);
const account = { bankCode: '0005', branchCode: '001', type: 'ordinary' as const, number: '1234567', holder: 'ﾔﾏﾀﾞ' };
const err = refusal;
const lost = noAnswer('timeout');

const choice = (over: Partial<Choice> = {}): Choice => choiceFor(claim, over);
const choosing = (over: Partial<Choice> = {}): ClaimState => ({ status: 'choosing', choice: choice(over) });
const confirming = (over: Partial<Choice> = {}): ClaimState => ({ status: 'confirming', choice: choice(over) });
const attempt = { key: 'k1', body: JSON.stringify({ method: 'atm' }) };
const submitting = (over: Partial<Choice> = {}): ClaimState => ({ status: 'submitting', attempt, choice: choice({ ...over, attempt }) });
const confirm = (key = 'k2', now = 1000): ClaimEvent => ({ type: 'confirm', key, returnUrl: 'https://shop.example/claim', now });
const processing: Claim = {
  ...claim,
  status: 'processing',
  result: { method: 'atm', receiptNumber: '1', confirmationCode: '2', expiresAt: '2026-12-01T00:00:00Z' },
};

type Row = [string, ClaimState, ClaimEvent, (s: ClaimState) => void];

const rows: Row[] = [
  [
    'an open claim offers the choice, none chosen among several',
    initialState,
    { type: 'loaded', claim },
    (s) => {
      if (s.status !== 'choosing') throw new Error(s.status);
      expect(s.choice.method).to.equal(null);
    },
  ],
  [
    'a processing claim shows its status',
    initialState,
    { type: 'loaded', claim: processing },
    (s) => expect(s.status).to.equal('processing'),
  ],
  [
    'an expired claim is closed',
    initialState,
    { type: 'loaded', claim: { ...claim, status: 'expired' } },
    (s) => expect(s.status).to.equal('closed'),
  ],
  [
    'a retryable failure offers the choice again, same method',
    initialState,
    {
      type: 'loaded',
      claim: {
        ...claim,
        status: 'failed',
        failure: { code: 'holder_mismatch', retryable: true },
        result: { method: 'bank', bankName: 'b', branchName: 'c', type: 'ordinary', masked: '***1', holder: 'x' },
      },
    },
    (s) => {
      if (s.status !== 'choosing') throw new Error(s.status);
      expect(s.choice.method).to.equal('bank');
    },
  ],
  [
    'a final failure is closed',
    initialState,
    { type: 'loaded', claim: { ...claim, status: 'failed', failure: { code: 'x', retryable: false } } },
    (s) => expect(s.status).to.equal('closed'),
  ],
  [
    'back from a wallet with the claim still open says it did not finish',
    { status: 'loading', notice: null, returnedFromRedirect: 'amazon' },
    { type: 'loaded', claim },
    (s) => {
      if (s.status !== 'choosing') throw new Error();
      expect(s.choice.notice).to.equal('redirect_canceled');
    },
  ],
  [
    'a method over its limit cannot be chosen',
    choosing({ method: null }),
    { type: 'method-chosen', method: 'quo' },
    (s) => expect(s).to.deep.equal(choosing({ method: null })),
  ],
  [
    'a method not offered cannot be chosen',
    choosing({ method: null }),
    { type: 'method-chosen', method: 'aupay' },
    (s) => expect(s).to.deep.equal(choosing({ method: null })),
  ],
  ['continue without a method stays', choosing({ method: null }), { type: 'continue' }, (s) => expect(s.status).to.equal('choosing')],
  [
    'bank needs an account before continuing',
    choosing({ method: 'bank' }),
    { type: 'continue' },
    (s) => expect(s.status).to.equal('choosing'),
  ],
  [
    'an entered account lets bank continue',
    choosing({ method: 'bank', account }),
    { type: 'continue' },
    (s) => expect(s.status).to.equal('confirming'),
  ],
  [
    'back keeps the account',
    confirming({ method: 'bank', account }),
    { type: 'back' },
    (s) => {
      if (s.status !== 'choosing') throw new Error();
      expect(s.choice.account).to.deep.equal(account);
    },
  ],
  [
    'confirming posts with the new key',
    confirming(),
    confirm('k2'),
    (s) => {
      if (s.status !== 'submitting') throw new Error();
      expect(s.attempt).to.deep.equal({ key: 'k2', body: '{"method":"atm"}' });
    },
  ],
  [
    'a wallet sends the return URL',
    confirming({ method: 'amazon' }),
    confirm('k2'),
    (s) => {
      if (s.status !== 'submitting') throw new Error();
      expect(JSON.parse(s.attempt.body)).to.deep.equal({ method: 'amazon', returnUrl: 'https://shop.example/claim' });
    },
  ],
  [
    'confirming again after an unknown outcome reuses the key',
    confirming({ attempt }),
    confirm('k9'),
    (s) => {
      if (s.status !== 'submitting') throw new Error();
      expect(s.attempt.key).to.equal('k1');
    },
  ],
  ['a second confirm while submitting is ignored', submitting(), confirm('k9'), (s) => expect(s).to.deep.equal(submitting())],
  [
    'an answer with a redirect leaves for the wallet',
    submitting({ method: 'amazon' }),
    { type: 'claimed', claim: { ...claim, status: 'processing', next: { redirectUrl: 'https://w.example/x' } } },
    (s) => {
      if (s.status !== 'redirecting') throw new Error(s.status);
      expect(s.method).to.equal('amazon');
    },
  ],
  [
    'an answer processing keeps the choice for a later failure',
    submitting({ method: 'bank', account }),
    { type: 'claimed', claim: processing },
    (s) => {
      if (s.status !== 'processing') throw new Error();
      expect(s.choice?.account).to.deep.equal(account);
    },
  ],
  [
    'an unknown outcome keeps the attempt',
    submitting(),
    { type: 'claim-failed', error: lost, now: 1 },
    (s) => {
      if (s.status !== 'confirming') throw new Error(s.status);
      expect(s.choice.attempt).to.deep.equal(attempt);
    },
  ],
  [
    'another tab claimed it: reload and say so',
    submitting(),
    { type: 'claim-failed', error: err('claim_not_open', { status: 409 }), now: 1 },
    (s) => expect(s).to.deep.equal({ status: 'loading', notice: 'already_claimed', returnedFromRedirect: null }),
  ],
  [
    'expired meanwhile: closed',
    submitting(),
    { type: 'claim-failed', error: err('claim_expired', { status: 410 }), now: 1 },
    (s) => {
      if (s.status !== 'closed') throw new Error();
      expect(s.claim.status).to.equal('expired');
    },
  ],
  [
    'a refused account goes back to the form',
    submitting({ method: 'bank', account }),
    { type: 'claim-failed', error: err('invalid_account', { target: errorTarget('account.branchCode') }), now: 1 },
    (s) => expect(s.status).to.equal('choosing'),
  ],
  [
    '429 locks confirming',
    submitting(),
    { type: 'claim-failed', error: err('too_many_attempts', { status: 429, retryAfter: 10 }), now: 1000 },
    (s) => {
      if (s.status !== 'confirming') throw new Error();
      expect(s.choice.lockedUntil).to.equal(11_000);
    },
  ],
  [
    'confirming while locked is ignored',
    confirming({ lockedUntil: 5000 }),
    confirm('k', 4000),
    (s) => expect(s.status).to.equal('confirming'),
  ],
  [
    'the lock expires',
    confirming({ lockedUntil: 5000, error: err('too_many_attempts') }),
    { type: 'lock-expired', now: 6000 },
    (s) => {
      if (s.status !== 'confirming') throw new Error();
      expect(s.choice.lockedUntil).to.equal(null);
      expect(s.choice.error).to.equal(null);
    },
  ],
  [
    'a poll still processing counts',
    { status: 'processing', claim: processing, polls: 2, notice: null, choice: null },
    { type: 'polled', claim: processing },
    (s) => {
      if (s.status !== 'processing') throw new Error();
      expect(s.polls).to.equal(3);
    },
  ],
  [
    'a poll that finds it completed',
    { status: 'processing', claim: processing, polls: 0, notice: null, choice: null },
    { type: 'polled', claim: { ...processing, status: 'completed' } },
    (s) => expect(s.status).to.equal('completed'),
  ],
  [
    'a failed poll backs off',
    { status: 'processing', claim: processing, polls: 0, notice: null, choice: null },
    { type: 'poll-failed' },
    (s) => {
      if (s.status !== 'processing') throw new Error();
      expect(s.polls).to.equal(1);
    },
  ],
  [
    'a refresh that finds the claim went through shows it',
    confirming({ attempt, error: lost }),
    { type: 'refreshed', claim: processing },
    (s) => expect(s.status).to.equal('processing'),
  ],
  [
    'a refresh that finds it still open changes nothing',
    confirming({ attempt, error: lost }),
    { type: 'refreshed', claim },
    (s) => expect(s).to.deep.equal(confirming({ attempt, error: lost })),
  ],
];

describe('saved accounts in the claim flow', () => {
  const mizuho = { id: 'acct_1', bankName: 'みずほ', branchName: '渋谷', type: 'ordinary' as const, masked: '***4567', holder: 'ﾔﾏﾀﾞ' };
  const yucho = { ...mizuho, id: 'acct_2', bankName: 'ゆうちょ', masked: '***5678' };
  const withSaved: Claim = { ...claim, savedAccounts: [mizuho, yucho] };
  const url = 'https://shop.example/claim';

  it('chooses the newest saved account first, and pays it by id', () => {
    const s = transition(initialState, { type: 'loaded', claim: withSaved });
    if (s.status !== 'choosing') throw new Error(s.status);
    expect(s.choice.savedAccountId).to.equal('acct_1');
    const bank = transition(s, { type: 'method-chosen', method: 'bank' });
    if (bank.status !== 'choosing') throw new Error(bank.status);
    expect(claimBody(bank.choice, url)).to.deep.equal({ method: 'bank', accountId: 'acct_1' });
    expect(transition(bank, { type: 'continue' }).status).to.equal('confirming');
  });

  const table: [string, Partial<Choice>, Record<string, unknown> | null][] = [
    ['another saved account', { savedAccountId: 'acct_2' }, { method: 'bank', accountId: 'acct_2' }],
    ['a new account, not saved', { savedAccountId: null, account }, { method: 'bank', account }],
    ['a new account, saved', { savedAccountId: null, account, saveAccount: true }, { method: 'bank', account, saveAccount: true }],
    ['an id the claim does not list is no choice', { savedAccountId: 'acct_9' }, null],
    ['a new account not entered yet', { savedAccountId: null }, null],
  ];
  for (const [name, over, body] of table) {
    it(`body: ${name}`, () => expect(claimBody(choice({ claim: withSaved, method: 'bank', ...over }), url)).to.deep.equal(body));
  }

  it('no saveAccount when the claim has no savedAccounts (a backend without them)', () => {
    expect(claimBody(choice({ method: 'bank', account, saveAccount: true }), url)).to.deep.equal({ method: 'bank', account });
    const s = transition(choosing({ method: 'bank' }), { type: 'save-account-changed', save: true });
    expect(s.status === 'choosing' && s.choice.saveAccount).to.equal(false);
  });

  it('"another account", then a saved one again; an unknown id changes nothing', () => {
    const start = choosing({ claim: withSaved, method: 'bank', savedAccountId: 'acct_1' });
    const another = transition(start, { type: 'saved-account-chosen', accountId: null });
    expect(another.status === 'choosing' && another.choice.savedAccountId).to.equal(null);
    const back = transition(another, { type: 'saved-account-chosen', accountId: 'acct_2' });
    expect(back.status === 'choosing' && back.choice.savedAccountId).to.equal('acct_2');
    expect(transition(back, { type: 'saved-account-chosen', accountId: 'acct_9' })).to.equal(back);
  });

  it('422 invalid_account at accountId goes back to the choice, the saved account kept', () => {
    const error = err('invalid_account', { target: errorTarget('accountId') });
    const s = transition(submitting({ claim: withSaved, method: 'bank', savedAccountId: 'acct_2' }), {
      type: 'claim-failed',
      error,
      now: 1,
    });
    if (s.status !== 'choosing') throw new Error(s.status);
    expect([s.choice.savedAccountId, s.choice.error?.code]).to.deep.equal(['acct_2', 'invalid_account']);
  });
});

describe('claim flow transitions', () => {
  for (const [name, state, event, check] of rows) it(name, () => check(transition(state, event)));

  it('handles every event in every state without throwing', () => {
    const states: ClaimState[] = [
      initialState,
      { status: 'unavailable', error: lost },
      choosing(),
      confirming(),
      submitting(),
      { status: 'redirecting', claim, redirectUrl: 'x', method: 'amazon' },
      { status: 'processing', claim: processing, polls: 0, notice: null, choice: null },
      { status: 'completed', claim, notice: null },
      { status: 'closed', claim },
    ];
    for (const state of states) for (const [, , event] of rows) expect(() => transition(state, event)).not.to.throw();
  });

  it('polls after 2 s, doubling, at most 30 s', () => {
    const timing = { firstMs: 2000, maxMs: 30000 };
    expect([0, 1, 2, 3, 4, 5].map((n) => pollDelay(n, timing))).to.deep.equal([2000, 4000, 8000, 16000, 30000, 30000]);
  });
});
