import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { atmResult, claim as claimSchema, linkResult } from '../../src/contract/claim.js';
import { apiErrorBody } from '../../src/contract/common.js';
import type { SandboxBackend } from '../../src/server/sandbox/index.js';
import type { Sql } from '../../src/server/sql.js';
import { seedDemo } from '../../src/server/demo.js';
import { call, ORIGIN, type TestClock, useBackend } from './helpers.js';

const shared = useBackend({ bankDelayMs: 10_000, atmValidMs: 60_000 }, (b) => seedDemo(b.context));
let sql: Sql;
let clock: TestClock;
let backend: SandboxBackend;
beforeEach(() => {
  ({ sql, clock, backend } = shared);
});

const post = (token: string, body: unknown, key = crypto.randomUUID()) => call(backend, 'POST', `/api/claims/${token}/claim`, body, key);
const get = (token: string) => call(backend, 'GET', `/api/claims/${token}`);
const account = { bankCode: '0005', branchCode: '001', type: 'ordinary', number: '1234567', holder: 'ﾔﾏﾀﾞ ﾀﾛｳ' };

describe('claim API', () => {
  it('answers claims that match the contract', async () => {
    for (const token of ['demo-refund', 'demo-payout', 'demo-expired', 'demo-canceled', 'demo-completed']) {
      assert.equal(claimSchema.safeParse((await get(token)).body).success, true, token);
    }
  });

  it('takes a bank transfer to processing, then completed after the sandbox delay; keeps only the masked number', async () => {
    const first = claimSchema.parse((await post('demo-refund', { method: 'bank', account })).body);
    assert.equal(first.status, 'processing');
    assert.deepEqual(first.result, {
      method: 'bank',
      bankName: '三菱ＵＦＪ',
      branchName: '本店',
      type: 'ordinary',
      masked: '***4567',
      holder: 'ﾔﾏﾀﾞ ﾀﾛｳ',
    });
    clock.advance(10_000);
    assert.equal(claimSchema.parse((await get('demo-refund')).body).status, 'completed');
    const dump =
      JSON.stringify(await sql.query('SELECT * FROM claims')) +
      JSON.stringify(await sql.query('SELECT * FROM sandbox_payouts')) +
      JSON.stringify(await sql.query('SELECT * FROM idempotency_keys'));
    assert.equal(dump.includes('1234567'), false);
  });

  it('returns a transfer for the holder_mismatch test account as a retryable failure, then takes another method', async () => {
    await post('demo-refund', { method: 'bank', account: { ...account, number: '1111111' } });
    clock.advance(10_000);
    const failed = claimSchema.parse((await get('demo-refund')).body);
    assert.equal(failed.status, 'failed');
    assert.deepEqual(failed.failure, { code: 'holder_mismatch', retryable: true });
    assert.equal((await post('demo-refund', { method: 'atm' })).status, 200);
  });

  it('lets ATM codes lapse unused (retryable), and completes when the cash is taken at the sandbox ATM', async () => {
    const atm = atmResult.parse(claimSchema.parse((await post('demo-refund', { method: 'atm' })).body).result);
    assert.equal(atm.method, 'atm');
    const form = new URLSearchParams({ receiptNumber: atm.receiptNumber, confirmationCode: atm.confirmationCode });
    const taken = await backend.handle(new Request(`${ORIGIN}/sandbox/atm?lang=en`, { method: 'POST', body: form }));
    assert.match(await taken.text(), /Cash dispensed: <strong>¥2,780/);
    assert.equal((await get('demo-refund')).body.status, 'completed');

    const token = 'demo-payout';
    await post(token, { method: 'atm' });
    clock.advance(61_000);
    const lapsed = claimSchema.parse((await get(token)).body);
    assert.deepEqual([lapsed.status, lapsed.failure], ['failed', { code: 'atm_codes_expired', retryable: true }]);
    assert.equal(lapsed.result, undefined);
  });

  it('gives a QUO Card Pay link on the public origin', async () => {
    const quo = claimSchema.parse((await post('demo-cashback', { method: 'quo' })).body);
    assert.equal(quo.status, 'completed');
    assert.match(linkResult.parse(quo.result).giftUrl, /^https:\/\/shop\.test\/sandbox\/quo\//);
  });

  it('runs a wallet round trip: next.redirectUrl, the sandbox login, back to the returnUrl, completed', async () => {
    const started = claimSchema.parse((await post('demo-cashback', { method: 'amazon', returnUrl: `${ORIGIN}/claim.html` })).body);
    assert.equal(started.status, 'processing');
    const url = started.next!.redirectUrl;
    assert.match(url, /^https:\/\/shop\.test\/sandbox\/wallet\//);
    const back = await backend.handle(new Request(`${url}/receive`, { method: 'POST' }));
    assert.equal(back.headers.get('location'), `${ORIGIN}/claim.html`);
    const done = claimSchema.parse((await get('demo-cashback')).body);
    assert.deepEqual([done.status, done.result, done.next], ['completed', { method: 'amazon' }, undefined]);
  });

  it('accepts a new POST while next is present (drops the wallet session), and ends an unfinished one after 30 minutes', async () => {
    const first = claimSchema.parse((await post('demo-cashback', { method: 'aupay', returnUrl: `${ORIGIN}/claim.html` })).body);
    const switched = claimSchema.parse((await post('demo-cashback', { method: 'quo' })).body);
    assert.equal(switched.status, 'completed');
    const stale = await backend.handle(new Request(`${first.next!.redirectUrl}/receive`, { method: 'POST' }));
    assert.equal(stale.status, 404);

    await post('demo-refund', { method: 'amazon', returnUrl: `${ORIGIN}/claim.html` });
    clock.advance(29 * 60_000);
    assert.ok((await get('demo-refund')).body.next);
    clock.advance(60_000);
    const reopened = claimSchema.parse((await get('demo-refund')).body);
    assert.deepEqual([reopened.status, reopened.next], ['open', undefined]);
  });

  const refusals: [string, string, unknown, number, string, string?][] = [
    [
      'a holder name in kanji',
      'demo-refund',
      { method: 'bank', account: { ...account, holder: '山田' } },
      400,
      'invalid_request',
      'account.holder',
    ],
    [
      'an account number not padded',
      'demo-refund',
      { method: 'bank', account: { ...account, number: '12345' } },
      400,
      'invalid_request',
      'account.number',
    ],
    [
      'an unknown branch',
      'demo-refund',
      { method: 'bank', account: { ...account, branchCode: '999' } },
      422,
      'invalid_account',
      'account.branchCode',
    ],
    [
      'an account the sandbox bank does not know',
      'demo-refund',
      { method: 'bank', account: { ...account, number: '0000000' } },
      422,
      'invalid_account',
      'account.number',
    ],
    ['the sandbox bank down', 'demo-refund', { method: 'bank', account: { ...account, number: '5555555' } }, 503, 'provider_unavailable'],
    ['a method not offered', 'demo-cashback', { method: 'atm' }, 422, 'method_not_available', 'method'],
    ['an amount over the method limit', 'demo-payout', { method: 'quo' }, 422, 'over_method_limit', 'method'],
    ['an expired claim', 'demo-expired', { method: 'atm' }, 410, 'claim_expired'],
    ['a claim already completed', 'demo-completed', { method: 'atm' }, 409, 'claim_not_open'],
    ['an unknown token', 'nope', { method: 'atm' }, 404, 'claim_not_found'],
    ['a wallet without returnUrl', 'demo-refund', { method: 'amazon' }, 400, 'invalid_request'],
    [
      'a saved account this backend never offered',
      'demo-refund',
      { method: 'bank', accountId: 'acct-1' },
      422,
      'invalid_account',
      'accountId',
    ],
    ['a method nobody registered', 'demo-refund', { method: 'paypay' }, 400, 'invalid_request'],
    [
      'a returnUrl on another origin',
      'demo-refund',
      { method: 'amazon', returnUrl: 'https://evil.example/' },
      400,
      'invalid_request',
      'returnUrl',
    ],
  ];
  for (const [name, token, body, status, code, field] of refusals) {
    it(`refuses ${name}`, async () => {
      const response = await post(token, body);
      const error = apiErrorBody.parse(response.body).error;
      assert.deepEqual({ status: response.status, code: error.code }, { status, code });
      if (field) assert.equal(error.field, field);
      if (status !== 410 && status !== 409 && status !== 404) assert.equal((await get(token)).body.status, 'open');
    });
  }

  it('locks a claim out after repeated wrong accounts', async () => {
    for (let i = 0; i < 5; i++) await post('demo-refund', { method: 'bank', account: { ...account, branchCode: '999' } });
    const locked = await post('demo-refund', { method: 'atm' });
    assert.equal(locked.status, 429);
  });

  it('replays the same key and body, and refuses the key with another body', async () => {
    const key = crypto.randomUUID();
    const a = await post('demo-refund', { method: 'atm' }, key);
    const b = await post('demo-refund', { method: 'atm' }, key);
    assert.deepEqual(b.body, a.body);
    assert.equal(b.headers.get('idempotent-replayed'), 'true');
    const c = await post('demo-refund', { method: 'quo' }, key);
    assert.deepEqual([c.status, c.body.error.code], [422, 'idempotency_key_reused']);
  });
});
