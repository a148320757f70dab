/**
 * The guarantees of CONTRACT.md ("What a backend guarantees") under races and crashes, with a sandbox that
 * takes time (latency inside every provider call, so that the awaits interleave for real).
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { SandboxBackend } from '../../src/server/sandbox/index.js';
import type { Sql } from '../../src/server/sql.js';
import { backendOn, call, getOrder, newClaim, newOrder, pay, type TestClock, useBackend } from './helpers.js';

const LATENCY_MS = 5;
const shared = useBackend({ latencyMs: LATENCY_MS });
let sql: Sql;
let clock: TestClock;
let backend: SandboxBackend;
beforeEach(() => {
  ({ sql, clock, backend } = shared);
});

const code = (yen: number) => `wm${String(yen).padStart(14, '0')}`;
async function spentOn(codes: string[]): Promise<number> {
  let spent = 0;
  for (const c of codes) {
    const b = await backend.issuer.balance('webmoney', c);
    spent += Number(c.slice(2)) - (b.kind === 'valid' ? b.balance : 0);
  }
  return spent;
}

describe('races', () => {
  it('50 payments racing on one order, each with its own key and code, charge once', async () => {
    const order = await newOrder(backend, 1200);
    const codes = Array.from({ length: 50 }, (_, i) => code(5000 + i));
    const answers = await Promise.all(codes.map((c) => pay(backend, order, { brand: 'webmoney', codes: [c] })));
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 200).length, 1, `statuses: ${statuses.join(',')}`);
    for (const a of answers.filter((a) => a.status !== 200)) {
      assert.equal(a.status, 409);
      assert.ok(['order_not_open', 'idempotency_in_progress'].includes(a.body.error.code));
    }
    assert.equal(await spentOn(codes), 1200);
    assert.equal((await getOrder(backend, order)).body.status, 'paid');
  });

  it('a payment that found the order held is not replayed as "in progress": its retry gets what happened', async () => {
    const order = await newOrder(backend, 500);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    backend.issuer.hooks.before = (op) => (op === 'reserve' ? gate : undefined);
    const first = pay(backend, order, { brand: 'webmoney', codes: [code(5000)] });
    await new Promise((r) => setTimeout(r, 30));
    const key = crypto.randomUUID();
    const body = { brand: 'webmoney', codes: [code(6000)] };
    const held = await pay(backend, order, body, key);
    assert.deepEqual([held.status, held.body.error.code, held.body.error.retryAfter], [409, 'idempotency_in_progress', 1]);
    release();
    assert.equal((await first).status, 200);
    const retry = await pay(backend, order, body, key);
    assert.deepEqual([retry.status, retry.body.error.code], [409, 'order_not_open']);
    assert.equal(await spentOn([code(5000), code(6000)]), 500);
  });

  it('one code racing over ten orders pays one', async () => {
    const orders = await Promise.all(Array.from({ length: 10 }, () => newOrder(backend, 1000)));
    const answers = await Promise.all(orders.map((o) => pay(backend, o, { brand: 'webmoney', codes: [code(1000)] })));
    assert.equal(answers.filter((a) => a.status === 200).length, 1);
    for (const a of answers.filter((a) => a.status !== 200))
      assert.ok(['code_used', 'insufficient_balance'].includes(a.body.error.code), a.body.error.code);
    assert.equal(await spentOn([code(1000)]), 1000);
    const states = await Promise.all(orders.map(async (o) => (await getOrder(backend, o)).body.status));
    assert.equal(states.filter((s) => s === 'paid').length, 1);
  });

  it('racing claim POSTs start one payout', async () => {
    const token = await newClaim(backend, 3000);
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(backend, 'POST', `/api/claims/${token}/claim`, i % 2 ? { method: 'atm' } : { method: 'quo' }),
      ),
    );
    assert.equal(answers.filter((a) => a.status === 200).length, 1, answers.map((a) => a.status).join(','));
    for (const a of answers.filter((a) => a.status !== 200))
      assert.ok(['claim_not_open', 'idempotency_in_progress'].includes(a.body.error.code));
    const [{ count } = { count: -1 }] = await sql.query<{ count: number }>('SELECT count(*)::int AS count FROM sandbox_payouts');
    assert.equal(count, 1);
  });

  it('racing wrong codes all count towards the lockout', async () => {
    const strict = await backendOn(sql, clock, { latencyMs: LATENCY_MS, lockout: { limit: 5, seconds: 60 } });
    const order = await newOrder(strict, 500);
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        call(strict, 'POST', `/api/checkout/orders/${order}/balance`, { brand: 'webmoney', code: `zzzzzzzzzzzzzzz${i}` }),
      ),
    );
    const locked = await call(strict, 'POST', `/api/checkout/orders/${order}/balance`, { brand: 'webmoney', code: code(5000) });
    assert.equal(locked.status, 429);
  });
});

describe('the issuer failing half-way', () => {
  it('a failure on the second of two codes releases the first, and the order stays open', async () => {
    const { ProviderUnavailable } = await import('../../src/server/providers.js');
    const order = await newOrder(backend, 1200);
    backend.issuer.hooks.before = (op, id) => {
      if (op === 'reserve' && id.endsWith('.1')) throw new ProviderUnavailable();
    };
    try {
      const failed = await pay(backend, order, { brand: 'webmoney', codes: [code(500), code(1000)] });
      assert.equal(failed.status, 503);
    } finally {
      backend.issuer.hooks = {};
    }
    assert.equal(await spentOn([code(500), code(1000)]), 0);
    assert.deepEqual(await backend.issuer.balance('webmoney', code(500)), { kind: 'valid', balance: 500, rating: 'EX' });
    assert.equal((await getOrder(backend, order)).body.status, 'open');
  });

  it('a failure while committing is finished by the next request, charging once', async () => {
    const { ProviderUnavailable } = await import('../../src/server/providers.js');
    const order = await newOrder(backend, 1200);
    let commits = 0;
    backend.issuer.hooks.before = (op) => {
      if (op === 'commit' && ++commits === 2) throw new ProviderUnavailable();
    };
    try {
      assert.equal((await pay(backend, order, { brand: 'webmoney', codes: [code(500), code(1000)] })).status, 503);
    } finally {
      backend.issuer.hooks = {};
    }
    const now = await getOrder(backend, order);
    assert.equal(now.body.status, 'paid');
    assert.equal(await spentOn([code(500), code(1000)]), 1200);
  });
});
