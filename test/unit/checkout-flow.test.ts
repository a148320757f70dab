import { expect } from '@open-wc/testing';
import { errorTarget } from '../../src/api/client.js';
import type { Order } from '../../src/contract/checkout.js';
import { initialState, transition, type CheckoutEvent, type CheckoutState, type Entry } from '../../src/prepaid-checkout/checkout-flow.js';
import { noAnswer, openOrder, refusal } from '../helpers/fixtures.js';

const order: Order = openOrder([
  { id: 'webmoney', mode: 'collect', maxCodes: 2, balance: true },
  { id: 'netcash', mode: 'redirect' },
]);
const CODE = 'abcdefgh12345678';
const CODE2 = 'zzzzzzzz12345678';
const err = refusal;
const dropped = noAnswer('network_error');

function entry(over: Partial<Entry> = {}): Entry {
  return {
    order,
    brands: order.brands,
    brand: 'webmoney',
    codes: { webmoney: [CODE] },
    balances: {},
    checked: {},
    error: null,
    attempt: null,
    lockedUntil: null,
    redirectIncomplete: false,
    ...over,
  };
}
const entering = (over: Partial<Entry> = {}): CheckoutState => ({ status: 'entering', entry: entry(over) });
const attempt = { key: 'k1', body: JSON.stringify({ brand: 'webmoney', codes: [CODE] }) };
const paying = (over: Partial<Entry> = {}): CheckoutState => ({ status: 'paying', attempt, entry: entry({ ...over, attempt }) });
const pay = (key = 'k2', now = 1000): CheckoutEvent => ({ type: 'pay', key, returnUrl: 'https://shop.example/pay', now });

type Row = [name: string, state: CheckoutState, event: CheckoutEvent, expected: CheckoutState | ((s: CheckoutState) => void)];

const rows: Row[] = [
  [
    'a loaded open order starts entry, no brand chosen among two',
    initialState,
    { type: 'order-loaded', order, offered: null, returnedFromRedirect: false },
    (s) => {
      expect(s.status).to.equal('entering');
      if (s.status === 'entering') expect(s.entry.brand).to.equal(null);
    },
  ],
  [
    'a single offered brand is chosen for the shopper',
    initialState,
    { type: 'order-loaded', order, offered: ['netcash'], returnedFromRedirect: false },
    (s) => {
      if (s.status !== 'entering') throw new Error(s.status);
      expect(s.entry.brand).to.equal('netcash');
      expect(s.entry.brands.map((b) => b.id)).to.deep.equal(['netcash']);
    },
  ],
  [
    'the brands attribute orders the brands',
    initialState,
    { type: 'order-loaded', order, offered: ['netcash', 'webmoney'], returnedFromRedirect: false },
    (s) => {
      if (s.status !== 'entering') throw new Error(s.status);
      expect(s.entry.brands.map((b) => b.id)).to.deep.equal(['netcash', 'webmoney']);
    },
  ],
  [
    'a paid order shows the receipt, not as just paid',
    initialState,
    { type: 'order-loaded', order: { ...order, status: 'paid' }, offered: null, returnedFromRedirect: false },
    { status: 'paid', order: { ...order, status: 'paid' }, justPaid: false },
  ],
  [
    'a paid order after a redirect is just paid',
    initialState,
    { type: 'order-loaded', order: { ...order, status: 'paid' }, offered: null, returnedFromRedirect: true },
    { status: 'paid', order: { ...order, status: 'paid' }, justPaid: true },
  ],
  [
    'an expired order is closed',
    initialState,
    { type: 'order-loaded', order: { ...order, status: 'expired' }, offered: null, returnedFromRedirect: false },
    { status: 'closed', order: { ...order, status: 'expired' } },
  ],
  ['a failed load is unavailable', initialState, { type: 'order-failed', error: dropped }, { status: 'unavailable', error: dropped }],
  ['reload from unavailable', { status: 'unavailable', error: dropped }, { type: 'reload' }, initialState],
  ['reload ignored while entering', entering(), { type: 'reload' }, entering()],
  ['choosing an offered brand', entering({ brand: null }), { type: 'brand-chosen', brand: 'netcash' }, entering({ brand: 'netcash' })],
  ['choosing a brand not offered is ignored', entering(), { type: 'brand-chosen', brand: 'bitcash' }, entering()],
  [
    'typing normalizes the code',
    entering({ codes: {} }),
    { type: 'code-changed', index: 0, code: 'ABCD-EFGH' },
    (s) => {
      if (s.status !== 'entering') throw new Error();
      expect(s.entry.codes.webmoney).to.deep.equal(['abcdefgh']);
    },
  ],
  [
    'codes typed for another brand are kept',
    entering({ brand: 'netcash', codes: { webmoney: [CODE] } }),
    { type: 'brand-chosen', brand: 'webmoney' },
    (s) => {
      if (s.status !== 'entering') throw new Error();
      expect(s.entry.codes.webmoney).to.deep.equal([CODE]);
    },
  ],
  [
    'paying with an incomplete code only points at it',
    entering({ codes: { webmoney: ['abcd'] } }),
    pay(),
    entering({ codes: { webmoney: ['abcd'] }, checked: { webmoney: [true] } }),
  ],
  [
    'paying starts an attempt with the new key',
    entering(),
    pay('k2'),
    (s) => {
      if (s.status !== 'paying') throw new Error(s.status);
      expect(s.attempt.key).to.equal('k2');
      expect(JSON.parse(s.attempt.body)).to.deep.equal({ brand: 'webmoney', codes: [CODE] });
    },
  ],
  [
    'paying again after an unknown outcome reuses the key',
    entering({ attempt }),
    pay('k2'),
    (s) => {
      if (s.status !== 'paying') throw new Error(s.status);
      expect(s.attempt.key).to.equal('k1');
    },
  ],
  [
    'redirect brands send the return URL',
    entering({ brand: 'netcash' }),
    pay('k3'),
    (s) => {
      if (s.status !== 'paying') throw new Error(s.status);
      expect(JSON.parse(s.attempt.body)).to.deep.equal({ brand: 'netcash', returnUrl: 'https://shop.example/pay' });
    },
  ],
  ['a second press while paying is ignored', paying(), pay('k9'), paying()],
  ['editing while paying is ignored', paying(), { type: 'code-changed', index: 0, code: 'x' }, paying()],
  [
    'an unknown outcome keeps the attempt',
    paying(),
    { type: 'payment-failed', error: dropped, now: 1 },
    (s) => {
      if (s.status !== 'entering') throw new Error();
      expect(s.entry.attempt).to.deep.equal(attempt);
      expect(s.entry.error).to.equal(dropped);
    },
  ],
  [
    'a definite refusal ends the attempt',
    paying(),
    { type: 'payment-failed', error: err('code_used', { target: errorTarget('codes.0') }), now: 1 },
    (s) => {
      if (s.status !== 'entering') throw new Error();
      expect(s.entry.attempt).to.equal(null);
    },
  ],
  [
    'too many attempts locks paying',
    paying(),
    { type: 'payment-failed', error: err('too_many_attempts', { status: 429, retryAfter: 30 }), now: 1000 },
    (s) => {
      if (s.status !== 'entering') throw new Error();
      expect(s.entry.lockedUntil).to.equal(31_000);
    },
  ],
  ['paying while locked is ignored', entering({ lockedUntil: 5000 }), pay('k2', 4000), entering({ lockedUntil: 5000 })],
  ['the lock expires', entering({ lockedUntil: 5000, error: err('too_many_attempts') }), { type: 'lock-expired', now: 5000 }, entering()],
  [
    'an early lock-expired is ignored',
    entering({ lockedUntil: 5000 }),
    { type: 'lock-expired', now: 4999 },
    entering({ lockedUntil: 5000 }),
  ],
  [
    'a changed code drops the old attempt and error',
    entering({ attempt, error: dropped }),
    { type: 'code-changed', index: 0, code: CODE2 },
    (s) => {
      if (s.status !== 'entering') throw new Error();
      expect(s.entry.attempt).to.equal(null);
      expect(s.entry.error).to.equal(null);
    },
  ],
  [
    'a shortfall stays shown while a code is added',
    entering({ error: err('insufficient_balance', { status: 402, shortfall: 700 }) }),
    { type: 'code-added' },
    (s) => {
      if (s.status !== 'entering') throw new Error();
      expect(s.entry.codes.webmoney).to.deep.equal([CODE, '']);
      expect(s.entry.error?.code).to.equal('insufficient_balance');
    },
  ],
  [
    'no more codes than maxCodes',
    entering({ codes: { webmoney: [CODE, CODE2] } }),
    { type: 'code-added' },
    entering({ codes: { webmoney: [CODE, CODE2] } }),
  ],
  [
    'removing a code',
    entering({ codes: { webmoney: [CODE, CODE2] } }),
    { type: 'code-removed', index: 0 },
    (s) => {
      if (s.status !== 'entering') throw new Error();
      expect(s.entry.codes.webmoney).to.deep.equal([CODE2]);
    },
  ],
  ['the last code cannot be removed', entering(), { type: 'code-removed', index: 0 }, entering()],
  [
    'success shows the receipt as just paid',
    paying(),
    { type: 'payment-succeeded', order: { ...order, status: 'paid' } },
    { status: 'paid', order: { ...order, status: 'paid' }, justPaid: true },
  ],
  [
    'a redirect answer leaves for the issuer',
    paying({ brand: 'netcash' }),
    { type: 'redirect-received', redirectUrl: 'https://issuer.example/x' },
    (s) => expect(s.status).to.equal('redirecting'),
  ],
  [
    'a refresh showing the order paid after an unknown outcome',
    entering({ attempt, error: dropped }),
    { type: 'order-loaded', order: { ...order, status: 'paid' }, offered: null, returnedFromRedirect: false },
    { status: 'paid', order: { ...order, status: 'paid' }, justPaid: true },
  ],
  [
    'a balance check of a complete code',
    entering(),
    { type: 'balance-requested', index: 0 },
    (s) => {
      if (s.status !== 'entering') throw new Error();
      expect(s.entry.balances.webmoney?.[0]).to.deep.equal({ status: 'checking', code: CODE });
    },
  ],
  [
    'no balance check of an incomplete code',
    entering({ codes: { webmoney: ['abc'] } }),
    { type: 'balance-requested', index: 0 },
    entering({ codes: { webmoney: ['abc'] } }),
  ],
  [
    'a balance answer for an edited code is dropped',
    entering({ balances: { webmoney: [{ status: 'checking', code: CODE2 }] } }),
    {
      type: 'balance-answered',
      brand: 'webmoney',
      index: 0,
      code: CODE,
      now: 0,
      result: { ok: true, value: { brand: 'webmoney', balance: 5, masked: 'x' } },
    },
    entering({ balances: { webmoney: [{ status: 'checking', code: CODE2 }] } }),
  ],
  [
    'a balance answer is kept',
    entering({ balances: { webmoney: [{ status: 'checking', code: CODE }] } }),
    {
      type: 'balance-answered',
      brand: 'webmoney',
      index: 0,
      code: CODE,
      now: 0,
      result: { ok: true, value: { brand: 'webmoney', balance: 500, masked: '…5678' } },
    },
    entering({ balances: { webmoney: [{ status: 'known', code: CODE, balance: 500, masked: '…5678' }] } }),
  ],
  ['events of a finished flow change nothing', { status: 'paid', order, justPaid: true }, pay(), { status: 'paid', order, justPaid: true }],
];

describe('checkout flow transitions', () => {
  for (const [name, state, event, expected] of rows) {
    it(name, () => {
      const next = transition(state, event);
      if (typeof expected === 'function') expected(next);
      else expect(next).to.deep.equal(expected);
    });
  }

  it('handles every event in every state without throwing', () => {
    const states: CheckoutState[] = [
      initialState,
      { status: 'unavailable', error: dropped },
      entering(),
      paying(),
      { status: 'redirecting', entry: entry(), redirectUrl: 'x' },
      { status: 'paid', order, justPaid: true },
      { status: 'closed', order },
    ];
    const events: CheckoutEvent[] = rows.map((r) => r[2]);
    for (const state of states) for (const event of events) expect(() => transition(state, event)).not.to.throw();
  });
});

describe('idempotency keys', () => {
  it('are v4 UUIDs, also where crypto.randomUUID is missing (plain http on a LAN address)', async () => {
    const { newIdempotencyKey } = await import('../../src/api/client.js');
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(newIdempotencyKey()).to.match(uuid);
    const saved = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()));
      expect(keys.size).to.equal(50);
      for (const key of keys) expect(key).to.match(uuid);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: saved, configurable: true });
    }
  });
});
