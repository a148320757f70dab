/**
 * Attacks that the backend withstood (security review, branch `attack`): these pass.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_RECIPIENT, seedDemo } from '../../src/server/demo.js';
import { ProviderUnavailable } from '../../src/server/providers.js';
import type { SandboxBackend } from '../../src/server/sandbox/index.js';
import { call, newClaim, newOrder, pay, uniqueId, useBackend } from './helpers.js';

const PHONE = '09024685678';
const t = useBackend({ latencyMs: 1 }, (b) => seedDemo(b.context, b.context.sql, b.payouts));

const verifyingClaim = (b: SandboxBackend, recipient?: string) =>
  newClaim(b, 3000, { verification: { channel: 'sms', to: PHONE }, ...(recipient ? { recipient } : {}) });
const send = (token: string, key = crypto.randomUUID()) => call(t.backend, 'POST', `/api/claims/${token}/verification`, {}, key);
const verify = (token: string, code: string, key = crypto.randomUUID()) =>
  call(t.backend, 'POST', `/api/claims/${token}/verify`, { code }, key);
const claimPost = (token: string, body: unknown, key = crypto.randomUUID()) =>
  call(t.backend, 'POST', `/api/claims/${token}/claim`, body, key);
const latest = () => t.backend.codes.latestCode(PHONE)!;
const wrong = (c: string, i: number) => {
  const g = String(100000 + i).padStart(6, '0');
  return g === c ? String(200000 + i) : g;
};

describe('attacks that held', () => {
  it('H1: 30 racing wrong guesses on one code: at most 5 compared; the right code then is 429, a resend too', async () => {
    const token = await verifyingClaim(t.backend);
    await send(token);
    const code = latest();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => verify(token, wrong(code, i))));
    assert.ok(answers.filter((a) => a.status === 422).length <= 5);
    assert.equal((await verify(token, code)).status, 429);
    t.clock.advance(61_000);
    assert.equal((await send(token)).status, 429, 'a resend does not reset the tries while the claim is locked');
  });

  it('H2: no claim POST before the code: same key replayed, wallet, bank, atm, accountId all 403', async () => {
    const token = await verifyingClaim(t.backend, DEMO_RECIPIENT);
    const key = crypto.randomUUID();
    assert.equal((await claimPost(token, { method: 'atm' }, key)).status, 403);
    assert.equal((await claimPost(token, { method: 'atm' }, key)).status, 403);
    assert.equal((await claimPost(token, { method: 'amazon', returnUrl: 'https://shop.test/back' })).status, 403);
    assert.equal((await claimPost(token, { method: 'bank', accountId: 'x' })).status, 403);
    const got = await call(t.backend, 'GET', `/api/claims/${token}`);
    assert.equal(got.body.savedAccounts, undefined);
    assert.ok(!JSON.stringify(got.body).includes('ﾔﾏﾀﾞ'), 'no holder name before the code');
    assert.ok(!JSON.stringify(got.body).includes(PHONE));
  });

  it('H3: a verify replayed by idempotency key after a wrong code stays 422; no code sent: 422 without a try counted', async () => {
    const token = await verifyingClaim(t.backend);
    assert.equal((await verify(token, '123456')).status, 422);
    await send(token);
    const key = crypto.randomUUID();
    assert.equal((await verify(token, wrong(latest(), 1), key)).status, 422);
    assert.equal((await verify(token, wrong(latest(), 1), key)).status, 422);
    assert.equal((await verify(token, latest(), key)).status, 422, 'another body under the key: idempotency_key_reused');
    assert.equal((await verify(token, latest())).status, 200);
  });

  it('H4: malformed codes are 400 (7 digits, letters, 16 KiB)', async () => {
    const token = await verifyingClaim(t.backend);
    await send(token);
    for (const code of ['1234567', 'abcdef', '12345', '1'.repeat(16000)])
      assert.ok([400, 413].includes((await verify(token, code)).status));
  });

  it("H5: after the code, another recipient's saved account id is refused (API and provider)", async () => {
    const token = await verifyingClaim(t.backend, uniqueId('mallory'));
    await send(token);
    assert.equal((await verify(token, latest())).status, 200);
    const victim = await call(t.backend, 'GET', '/api/claims/demo-saved');
    const id = victim.body.savedAccounts[0].id;
    const a = await claimPost(token, { method: 'bank', accountId: id });
    assert.equal(a.status, 422);
    assert.equal(a.body.error.code, 'invalid_account');
    const direct = await t.backend.payouts.start({
      id: crypto.randomUUID(),
      method: 'bank',
      kind: 'account',
      amount: 1,
      payerName: 'x',
      accountId: id,
      recipient: 'mallory',
    } as never);
    assert.equal(direct.kind, 'invalid_account');
  });

  it('H6: refunds of unpaid orders, bad amounts and keys are refused', async () => {
    const order = await newOrder(t.backend, 1200);
    assert.equal((await t.backend.refundOrder(order, { key: 'k' })).ok, false);
    for (const amount of [0, -1, 1.5, Number.NaN, 1e15])
      assert.equal((await t.backend.refundOrder(order, { amount, key: 'k2' })).ok, false);
    assert.equal((await t.backend.refundOrder(order, { key: 'x'.repeat(256) })).ok, false);
  });

  it('H7: 20 racing refunds, mixed keys and amounts, an issuer failing half-way: never more back than was paid', async () => {
    const order = await newOrder(t.backend, 1200);
    assert.equal((await pay(t.backend, order, { brand: 'webmoney', codes: ['wm00000000000500', 'wm00000000001000'] })).status, 200);
    let n = 0;
    t.backend.issuer.hooks = {
      before(callName) {
        if (callName === 'refund' && n++ % 3 === 1) throw new ProviderUnavailable('down');
      },
    };
    const asks = Array.from({ length: 20 }, (_, i) =>
      t.backend.refundOrder(order, { key: `k${i % 7}`, ...(i % 2 ? { amount: 400 } : {}) }),
    );
    const outs = await Promise.all(asks);
    t.backend.issuer.hooks = {};
    for (let i = 0; i < 7; i++) await t.backend.refundOrder(order, { key: `k${i}`, ...(i % 2 ? { amount: 400 } : {}) });
    await t.backend.reconcile();
    const [row] = await t.backend.context.sql.query<{ refunded_amount: number }>('SELECT refunded_amount FROM orders WHERE id = $1', [
      order,
    ]);
    assert.ok(row!.refunded_amount <= 1200, `refunded ${row!.refunded_amount}`);
    assert.ok((await t.backend.issuer.refunded('')) <= 1200);
    assert.ok(outs.length === 20);
  });
});
