import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { order as orderSchema } from '../../src/contract/checkout.js';
import { apiErrorBody } from '../../src/contract/common.js';
import type { Sql } from '../../src/server/sql.js';
import type { SandboxBackend } from '../../src/server/sandbox/index.js';
import { backendOn, call, getOrder, newOrder, ORIGIN, pay, type TestClock, useBackend } from './helpers.js';

const shared = useBackend({ lockout: { limit: 3, seconds: 60 } });
let sql: Sql;
let clock: TestClock;
let backend: SandboxBackend;
beforeEach(() => {
  ({ sql, clock, backend } = shared);
});

const balanceOf = async (code: string) => backend.issuer.balance('webmoney', code);

describe('checkout API', () => {
  it('answers an order that matches the contract, and 404 for an unknown or ill-formed id', async () => {
    const id = await newOrder(backend);
    const ok = await getOrder(backend, id);
    assert.equal(ok.status, 200);
    assert.equal(orderSchema.safeParse(ok.body).success, true);
    assert.equal((await getOrder(backend, 'nope')).body.error.code, 'order_not_found');
    assert.equal((await getOrder(backend, '..')).status, 404);
  });

  it('pays with one code that holds enough, spends it, and refuses a second payment', async () => {
    const id = await newOrder(backend);
    const paid = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000002000'] });
    assert.equal(paid.status, 200);
    const order = orderSchema.parse(paid.body);
    assert.equal(order.status, 'paid');
    assert.deepEqual(order.payments, [{ brand: 'webmoney', amount: 1200, masked: '••••••••••••2000' }]);
    assert.deepEqual(await balanceOf('wm00000000002000'), { kind: 'valid', balance: 800, rating: 'EX' });
    const again = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000002000'] });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'order_not_open');
  });

  it('is all or nothing: a short total charges nothing and says the shortfall; two codes together pay', async () => {
    const id = await newOrder(backend);
    const short = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000000500'] });
    assert.equal(short.status, 402);
    assert.deepEqual(
      { code: short.body.error.code, shortfall: short.body.error.shortfall },
      { code: 'insufficient_balance', shortfall: 700 },
    );
    assert.deepEqual(await balanceOf('wm00000000000500'), { kind: 'valid', balance: 500, rating: 'EX' });
    const both = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000000500', 'wm00000000001000'] });
    assert.deepEqual(
      orderSchema.parse(both.body).payments?.map((p) => p.amount),
      [500, 700],
    );
    assert.deepEqual(await balanceOf('wm00000000001000'), { kind: 'valid', balance: 300, rating: 'EX' });
  });

  it('releases the first code when the issuer fails on the second', async () => {
    const id = await newOrder(backend);
    const { ProviderUnavailable } = await import('../../src/server/providers.js');
    backend.issuer.hooks.before = (op, reservation) => {
      if (op === 'reserve' && reservation.endsWith('.1')) throw new ProviderUnavailable();
    };
    const failed = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000000500', 'wm00000000001000'] });
    assert.equal(failed.status, 503);
    assert.equal(failed.body.error.code, 'provider_unavailable');
    assert.deepEqual(await balanceOf('wm00000000000500'), { kind: 'valid', balance: 500, rating: 'EX' });
    assert.equal((await getOrder(backend, id)).body.status, 'open');
    backend.issuer.hooks = {};
    const retried = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000000500', 'wm00000000001000'] });
    assert.equal(retried.status, 200);
  });

  it('replays the first answer to the same key and body (any key order), with Idempotent-Replayed, and charges once', async () => {
    const id = await newOrder(backend, 500);
    const key = crypto.randomUUID();
    const first = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000005000'] }, key);
    const second = await pay(backend, id, { codes: ['wm00000000005000'], brand: 'webmoney' }, key);
    assert.equal(second.status, 200);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.deepEqual(second.body, first.body);
    assert.deepEqual(await balanceOf('wm00000000005000'), { kind: 'valid', balance: 4500, rating: 'EX' });
  });

  it('answers 422 idempotency_key_reused to the same key with another body', async () => {
    const id = await newOrder(backend, 500);
    const key = crypto.randomUUID();
    await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000000100'] }, key);
    const other = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000009000'] }, key);
    assert.equal(other.status, 422);
    assert.equal(other.body.error.code, 'idempotency_key_reused');
  });

  it('answers 409 idempotency_in_progress with retryAfter while the same key runs', async () => {
    const id = await newOrder(backend, 500);
    const key = crypto.randomUUID();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    backend.issuer.hooks.before = (op) => (op === 'reserve' ? gate : undefined);
    const first = pay(backend, id, { brand: 'webmoney', codes: ['wm00000000005000'] }, key);
    await new Promise((r) => setTimeout(r, 50));
    const second = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000005000'] }, key);
    assert.equal(second.status, 409);
    assert.equal(second.body.error.code, 'idempotency_in_progress');
    assert.ok(second.body.error.retryAfter >= 1);
    release();
    assert.equal((await first).status, 200);
  });

  it('scopes keys to their path', async () => {
    const id = await newOrder(backend, 500);
    const key = crypto.randomUUID();
    assert.equal(
      (await call(backend, 'POST', `/api/checkout/orders/${id}/balance`, { brand: 'webmoney', code: 'wm00000000005000' }, key)).status,
      200,
    );
    assert.equal((await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000005000'] }, key)).status, 200);
  });

  it('does not keep 5xx answers: a retry with the same key can still succeed', async () => {
    const id = await newOrder(backend, 500);
    const key = crypto.randomUUID();
    const { ProviderUnavailable } = await import('../../src/server/providers.js');
    backend.issuer.hooks.before = () => {
      throw new ProviderUnavailable();
    };
    assert.equal((await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000005000'] }, key)).status, 503);
    backend.issuer.hooks = {};
    const retried = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000005000'] }, key);
    assert.equal(retried.status, 200);
    assert.equal(retried.headers.get('idempotent-replayed'), null);
  });

  const refusals: [string, unknown, string, number, string?][] = [
    ['a code that does not exist', { brand: 'webmoney', codes: ['zzzzzzzzzzzzzzzz'] }, 'invalid_code', 422, 'codes.0'],
    ['a used code', { brand: 'webmoney', codes: ['wm00000000005000', 'wmused0000000000'] }, 'code_used', 422, 'codes.1'],
    ['an expired code', { brand: 'nanaco', codes: ['nnexpired0000000'] }, 'code_expired', 422, 'codes.0'],
    ['NET CASH in the wrong case', { brand: 'netcash', codes: ['nc00000000005000'] }, 'invalid_code', 422, 'codes.0'],
    [
      'a BitCash ST card at an EX-only merchant',
      { brand: 'bitcash', codes: ['かきくけこさしすせそたちつてとな'] },
      'rating_not_allowed',
      422,
      'codes.0',
    ],
    ['the provider down', { brand: 'webmoney', codes: ['wmunavailable000'] }, 'provider_unavailable', 503],
    ['a body that fails the schema', { brand: 'webmoney', codes: ['short'] }, 'invalid_request', 400, 'codes.0'],
    ['an unknown field', { brand: 'webmoney', codes: ['wm00000000005000'], pin: '1234' }, 'invalid_request', 400, 'pin'],
    [
      'more codes than allowed',
      { brand: 'nanaco', codes: ['nn00000000000100', 'nn00000000000200', 'nn00000000000300'] },
      'invalid_request',
      400,
      'codes',
    ],
    ['the same code twice', { brand: 'webmoney', codes: ['wm00000000000100', 'wm00000000000100'] }, 'invalid_request', 400, 'codes.1'],
  ];
  for (const [name, body, code, status, field] of refusals) {
    it(`refuses ${name}, and charges nothing`, async () => {
      const { ORDER_TEMPLATES } = await import('../../src/server/demo.js');
      const { insertOrder } = await import('../../src/server/orders.js');
      const t = ORDER_TEMPLATES[2]!;
      await insertOrder(sql, { id: 'ex-only', amount: 3000, merchantName: 'M', brands: t.brands, bitcashExOnly: true }, clock.now());
      const response = await pay(backend, 'ex-only', body);
      const error = apiErrorBody.parse(response.body).error;
      assert.deepEqual({ status: response.status, code: error.code }, { status, code });
      if (field) assert.equal(error.field, field);
      assert.deepEqual(await balanceOf('wm00000000005000'), { kind: 'valid', balance: 5000, rating: 'EX' });
      assert.equal((await getOrder(backend, 'ex-only')).body.status, 'open');
    });
  }

  it('requires an Idempotency-Key', async () => {
    const id = await newOrder(backend, 500);
    const response = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000005000'] }, null as unknown as string);
    assert.equal(response.status, 400);
  });

  it('locks an order out after repeated wrong codes, with retryAfter, then lets it try again', async () => {
    const id = await newOrder(backend, 500);
    for (let i = 0; i < 3; i++) assert.equal((await pay(backend, id, { brand: 'webmoney', codes: [`zzzzzzzzzzzzzzz${i}`] })).status, 422);
    const locked = await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000005000'] });
    assert.deepEqual([locked.status, locked.body.error.code, locked.body.error.retryAfter], [429, 'too_many_attempts', 60]);
    clock.advance(61_000);
    assert.equal((await pay(backend, id, { brand: 'webmoney', codes: ['wm00000000005000'] })).status, 200);
  });

  it('locks a client out across orders', async () => {
    const client = { clientAddress: '192.0.2.7' };
    const guess = async (order: string, i: number) =>
      call(
        strict,
        'POST',
        `/api/checkout/orders/${order}/payments`,
        { brand: 'webmoney', codes: [`zzzzzzzzzzzzzz${String(i).padStart(2, '0')}`] },
        crypto.randomUUID(),
        client,
      );
    const strict = await backendOn(sql, clock, { lockout: { limit: 100, seconds: 60 }, clientLockout: { limit: 4, seconds: 600 } });
    for (let i = 0; i < 4; i++) assert.equal((await guess(await newOrder(strict), i)).status, 422);
    const fresh = await newOrder(strict);
    const locked = await call(
      strict,
      'POST',
      `/api/checkout/orders/${fresh}/payments`,
      { brand: 'webmoney', codes: ['wm00000000005000'] },
      crypto.randomUUID(),
      client,
    );
    assert.equal(locked.status, 429);
    const other = await call(
      strict,
      'POST',
      `/api/checkout/orders/${fresh}/payments`,
      { brand: 'webmoney', codes: ['wm00000000005000'] },
      crypto.randomUUID(),
      { clientAddress: '192.0.2.8' },
    );
    assert.equal(other.status, 200);
  });

  it('starts a redirect payment to an allowed origin and completes it on the sandbox issuer page', async () => {
    const id = await newOrder(backend, 500);
    const start = await pay(backend, id, { brand: 'netcash', returnUrl: `${ORIGIN}/checkout.html?order=${id}` });
    assert.equal(start.status, 200);
    const { redirectUrl } = start.body as { redirectUrl: string };
    assert.match(redirectUrl, /^https:\/\/shop\.test\/sandbox\/issuer\//);
    const page = await backend.handle(new Request(redirectUrl));
    assert.match(await page.text(), /500円/);
    const back = await backend.handle(new Request(`${redirectUrl}/pay`, { method: 'POST' }));
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('location'), `${ORIGIN}/checkout.html?order=${id}`);
    const order = orderSchema.parse((await getOrder(backend, id)).body);
    assert.equal(order.status, 'paid');
    assert.equal(order.payments?.[0]?.brand, 'netcash');
  });

  it('refuses a returnUrl outside the allowed origins (no open redirect), and ignores the Host header', async () => {
    const id = await newOrder(backend, 500);
    const evil = await pay(backend, id, { brand: 'netcash', returnUrl: 'https://evil.example/phish' });
    assert.deepEqual([evil.status, evil.body.error.code, evil.body.error.field], [400, 'invalid_request', 'returnUrl']);
    const response = await backend.handle(
      new Request(`http://evil.example/api/checkout/orders/${id}/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), host: 'evil.example' },
        body: JSON.stringify({ brand: 'netcash', returnUrl: `${ORIGIN}/back` }),
      }),
    );
    assert.match(((await response.json()) as { redirectUrl: string }).redirectUrl, /^https:\/\/shop\.test\//);
  });
});
