/**
 * The one-time code step of the claim flow (claim-flow.ts) and the code's normalization, as tables. No DOM.
 */
import { expect } from '@open-wc/testing';
import type { Claim } from '../../src/contract/claim.js';
import {
  codeProblem,
  eventsFor,
  initialState,
  lockedUntilOf,
  normalizeCode,
  transition,
  type Choice,
  type ClaimEvent,
  type ClaimOutput,
  type ClaimState,
  type Verification,
} from '../../src/payout-claim/claim-flow.js';

import { choiceFor, noAnswer, openClaim, refusal } from '../helpers/fixtures.js';

const base = openClaim([
  { method: 'bank', fee: 0, arrival: 'business_days' },
  { method: 'atm', fee: 220, arrival: 'instant' },
]);
const claim: Claim = { ...base, verification: { channel: 'sms', to: '090-****-5678', verified: false } };
const verifiedClaim: Claim = { ...claim, verification: { channel: 'sms', to: '090-****-5678', verified: true } };

function verification(over: Partial<Verification> = {}): Verification {
  return {
    claim,
    sent: null,
    pending: null,
    attempt: null,
    code: '',
    problem: null,
    error: null,
    errorAt: null,
    lockedUntil: null,
    notice: null,
    resume: null,
    ...over,
  };
}
const verifying = (over: Partial<Verification> = {}): ClaimState => ({ status: 'verifying', verification: verification(over) });
const v = (s: ClaimState): Verification => {
  if (s.status !== 'verifying') throw new Error(`expected verifying, got ${s.status}`);
  return s.verification;
};
const sent = { sentTo: '090-****-5678', resendAt: 61_000 };
const sendAttempt = { key: 's1', body: '{}' };
const verifyAttempt = { key: 'v1', body: JSON.stringify({ code: '123456' }) };
const choice = (over: Partial<Choice> = {}): Choice => choiceFor(verifiedClaim, over);

type Row = [string, ClaimState, ClaimEvent, (s: ClaimState) => void];

const rows: Row[] = [
  ['a claim to verify opens on the code step', initialState, { type: 'loaded', claim }, (s) => expect(v(s).sent).to.equal(null)],
  [
    'a verified claim goes straight to the methods',
    initialState,
    { type: 'loaded', claim: verifiedClaim },
    (s) => expect(s.status).to.equal('choosing'),
  ],
  [
    'a claim without verification goes straight to the methods',
    initialState,
    { type: 'loaded', claim: base },
    (s) => expect(s.status).to.equal('choosing'),
  ],
  [
    'a processing claim is not asked for a code',
    initialState,
    { type: 'loaded', claim: { ...claim, status: 'processing' } },
    (s) => expect(s.status).to.equal('processing'),
  ],
  [
    'Send code posts with a new key',
    verifying(),
    { type: 'send-code', key: 's1', now: 0 },
    (s) => expect(v(s)).to.include({ pending: 'send' }).and.to.deep.include({ attempt: sendAttempt }),
  ],
  [
    'the code sent: the field, and sending again waits resendAfter',
    verifying({ pending: 'send', attempt: sendAttempt }),
    { type: 'code-sent', sent: { sentTo: '090-****-5678', resendAfter: 60 }, now: 1000 },
    (s) => expect(v(s)).to.deep.include({ pending: null, attempt: null, sent }),
  ],
  [
    'Send again before resendAt does nothing',
    verifying({ sent }),
    { type: 'send-code', key: 's2', now: 60_999 },
    (s) => expect(v(s).pending).to.equal(null),
  ],
  [
    'Send again once resendAt has passed posts',
    verifying({ sent }),
    { type: 'send-code', key: 's2', now: 61_000 },
    (s) => expect(v(s).pending).to.equal('send'),
  ],
  [
    'a send answered 429 (too early, or after a reload): the field shows and sending waits retryAfter',
    verifying({ pending: 'send', attempt: sendAttempt }),
    { type: 'send-failed', error: refusal('too_many_attempts', { status: 429, retryAfter: 42 }), now: 1000 },
    (s) => {
      expect(v(s).sent).to.deep.equal({ sentTo: '090-****-5678', resendAt: 43_000 });
      expect(v(s)).to.include({ errorAt: 'send', lockedUntil: null });
    },
  ],
  [
    'a send with no answer keeps its key for the retry',
    verifying({ pending: 'send', attempt: sendAttempt }),
    { type: 'send-failed', error: noAnswer('timeout'), now: 1000 },
    (s) => expect(v(transition(s, { type: 'send-code', key: 's9', now: 2000 })).attempt).to.deep.equal(sendAttempt),
  ],
  [
    'full-width digits with a hyphen are sent as 6 half-width digits',
    verifying({ sent }),
    { type: 'verify-code', code: '１２３－４５６', key: 'v1', now: 2000 },
    (s) => {
      expect(v(s)).to.include({ pending: 'verify', code: '１２３－４５６' });
      expect(v(s).attempt).to.deep.equal(verifyAttempt);
    },
  ],
  [
    'an incomplete code is pointed out and nothing is sent',
    verifying({ sent }),
    { type: 'verify-code', code: '12 34', key: 'v1', now: 2000 },
    (s) => expect(v(s)).to.include({ pending: null, problem: 'incomplete', code: '12 34' }),
  ],
  [
    'a wrong code: the error at the field, what was typed kept',
    verifying({ sent, pending: 'verify', attempt: verifyAttempt, code: '123456' }),
    { type: 'verify-failed', error: refusal('verification_failed'), now: 3000 },
    (s) => expect(v(s)).to.include({ pending: null, errorAt: 'code', code: '123456', attempt: null }),
  ],
  [
    'too many tries: locked until retryAfter',
    verifying({ sent, pending: 'verify', attempt: verifyAttempt }),
    { type: 'verify-failed', error: refusal('too_many_attempts', { status: 429, retryAfter: 600 }), now: 3000 },
    (s) => expect(v(s).lockedUntil).to.equal(603_000),
  ],
  [
    'while locked, Verify does nothing',
    verifying({ sent, lockedUntil: 603_000 }),
    { type: 'verify-code', code: '123456', key: 'v2', now: 602_999 },
    (s) => expect(v(s).pending).to.equal(null),
  ],
  [
    'the lockout ends: its error goes, and Verify works again',
    verifying({ sent, lockedUntil: 603_000, error: refusal('too_many_attempts'), errorAt: 'code' }),
    { type: 'lock-expired', now: 603_000 },
    (s) => expect(v(s)).to.include({ lockedUntil: null, error: null, errorAt: null }),
  ],
  [
    'the right code: the methods',
    verifying({ sent, pending: 'verify', attempt: verifyAttempt }),
    { type: 'verified', claim: verifiedClaim },
    (s) => expect(s.status).to.equal('choosing'),
  ],
  [
    'the right code after a 403: the interrupted choice again',
    verifying({ sent, pending: 'verify', attempt: verifyAttempt, resume: choice({ claim }) }),
    { type: 'verified', claim: verifiedClaim },
    (s) => {
      if (s.status !== 'choosing') throw new Error(s.status);
      expect(s.choice.method).to.equal('atm');
      expect(s.choice.claim.verification?.verified).to.equal(true);
    },
  ],
  [
    'a 403 verification_required on the claim POST brings the code step back, keeping the choice',
    { status: 'submitting', attempt: { key: 'c1', body: '{"method":"atm"}' }, choice: choice() },
    { type: 'claim-failed', error: refusal('verification_required', { status: 403 }), now: 0 },
    (s) => {
      expect(v(s).claim.verification?.verified).to.equal(false);
      expect(v(s).resume?.method).to.equal('atm');
      expect(v(s).error?.code).to.equal('verification_required');
    },
  ],
  [
    'an expired claim while verifying is closed',
    verifying({ sent, pending: 'verify', attempt: verifyAttempt }),
    { type: 'verify-failed', error: refusal('claim_expired', { status: 410 }), now: 0 },
    (s) => expect(s.status).to.equal('closed'),
  ],
  [
    'a claim taken or already verified meanwhile: loaded again',
    verifying({ pending: 'send', attempt: sendAttempt }),
    { type: 'send-failed', error: refusal('claim_not_open', { status: 409 }), now: 0 },
    (s) => expect(s.status).to.equal('loading'),
  ],
  [
    'a stray answer outside the code step changes nothing',
    { status: 'choosing', choice: choice() },
    { type: 'verified', claim: verifiedClaim },
    (s) => expect(s).to.deep.equal({ status: 'choosing', choice: choice() }),
  ],
];

describe('claim flow: the one-time code', () => {
  for (const [name, state, event, check] of rows) it(name, () => check(transition(state, event)));

  it('handles every event in every code-step state without throwing', () => {
    const states = rows.map(([, s]) => s);
    for (const state of states) for (const [, , event] of rows) expect(() => transition(state, event)).not.to.throw();
  });

  it('times the lockout from the code step', () => {
    expect(lockedUntilOf(verifying({ lockedUntil: 5 }))).to.equal(5);
  });

  const events: [string, ClaimState, ClaimState, ClaimOutput[]][] = [
    [
      'a wrong code fires verification_failed',
      verifying({ pending: 'verify' }),
      verifying({ error: refusal('verification_failed'), errorAt: 'code' }),
      [{ type: 'error', code: 'verification_failed' }],
    ],
    [
      'the same wrong code again fires it again (the error was cleared while checking)',
      verifying({ pending: 'verify' }),
      verifying({ error: refusal('verification_failed'), errorAt: 'code' }),
      [{ type: 'error', code: 'verification_failed' }],
    ],
    [
      'the lockout fires too_many_attempts',
      verifying({ pending: 'verify' }),
      verifying({ error: refusal('too_many_attempts', { status: 429 }), errorAt: 'code', lockedUntil: 9 }),
      [{ type: 'error', code: 'too_many_attempts' }],
    ],
    [
      'the 403 on a claim POST fires verification_required',
      { status: 'submitting', attempt: { key: 'c1', body: '{}' }, choice: choice() },
      verifying({ error: refusal('verification_required', { status: 403 }), errorAt: 'send' }),
      [{ type: 'error', code: 'verification_required' }],
    ],
    ['a local problem (incomplete code) fires nothing', verifying(), verifying({ problem: 'incomplete' }), []],
    ['verified: nothing', verifying({ pending: 'verify' }), { status: 'choosing', choice: choice() }, []],
  ];
  for (const [name, previous, next, expected] of events)
    it(`eventsFor: ${name}`, () => expect(eventsFor(previous, next)).to.deep.equal(expected));
});

describe('one-time code normalization', () => {
  const table: [string, string, ReturnType<typeof codeProblem>][] = [
    ['123456', '123456', null],
    ['１２３４５６', '123456', null],
    ['123 456', '123456', null],
    ['123-456', '123456', null],
    ['１２３ー４５６', '123456', null],
    ['１２３　４５６', '123456', null],
    [' 12-34-56 ', '123456', null],
    ['12345', '12345', 'incomplete'],
    ['1234567', '1234567', 'incomplete'],
    ['12a456', '12a456', 'not_digits'],
    ['', '', 'empty'],
    ['  - ', '', 'empty'],
  ];
  for (const [raw, normalized, problem] of table)
    it(`${JSON.stringify(raw)} → ${JSON.stringify(normalized)} (${problem ?? 'ok'})`, () => {
      expect(normalizeCode(raw)).to.equal(normalized);
      expect(codeProblem(normalizeCode(raw))).to.equal(problem);
    });
});
