/**
 * Refunds (`backend.refundOrder`, src/server/refunds.ts): all or part of an order, through the issuer, the
 * last payment first; idempotent by the merchant's key; never more back than was paid, whatever races; an
 * issuer failing half-way or a process dying between the issuer and the write is finished later, never
 * repeated. The demo route on top of it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProviderUnavailable } from '../../src/server/providers.js';
import type { RefundOutcome } from '../../src/server/refunds.js';
import { splitRefund } from '../../src/server/refunds.js';
import type { SandboxBackend } from '../../src/server/sandbox/index.js';
import { backendOn, call, getOrder, newOrder, openDatabase, pay, TestClock, useBackend } from './helpers.js';

const code = (yen: number) => `wm${String(yen).padStart(14, '0')}`;
const forever = () => new Promise<never>(() => undefined);

async function spent(backend: SandboxBackend, c: string): Promise<number> {
  const b = await backend.issuer.balance('webmoney', c);
  return Number(c.slice(2)) - (b.kind === 'valid' ? b.balance : 0);
}

/** A ¥1,200 order paid with two codes: ¥500 from the first, ¥700 from the second. */
async function paidOrder(backend: SandboxBackend): Promise<string> {
  const order = await newOrder(backend, 1200);
  const paid = await pay(backend, order, { brand: 'webmoney', codes: [code(500), code(1000)] });
  assert.equal(paid.status, 200);
  return order;
}

function ok(outcome: RefundOutcome) {
  assert.ok(outcome.ok, `expected a refund, got ${JSON.stringify(outcome)}`);
  return outcome;
}

function failed(outcome: RefundOutcome, code: string) {
  assert.ok(!outcome.ok, `expected ${code}, got a refund`);
  assert.equal(outcome.code, code);
  return outcome;
}

describe('refunds', () => {
  const t = useBackend({ latencyMs: 2 });

  it('splits a part from the last payment first', () => {
    assert.deepEqual(splitRefund([500, 700], 300), [{ payment: 1, amount: 300 }]);
    assert.deepEqual(splitRefund([500, 700], 900), [
      { payment: 1, amount: 700 },
      { payment: 0, amount: 200 },
    ]);
    assert.deepEqual(splitRefund([500, 0], 100), [{ payment: 0, amount: 100 }]);
  });

  it('a full refund puts the value back on every code, and the order reads refunded', async () => {
    const order = await paidOrder(t.backend);
    t.clock.advance(60_000);
    const outcome = ok(await t.backend.refundOrder(order, { key: 'refund-1' }));
    assert.equal(outcome.refund.amount, 1200);
    assert.deepEqual(
      outcome.refund.parts.map((p) => [p.payment, p.amount]),
      [
        [1, 700],
        [0, 500],
      ],
    );
    assert.equal(await spent(t.backend, code(500)), 0);
    assert.equal(await spent(t.backend, code(1000)), 0);
    const read = await getOrder(t.backend, order);
    assert.equal(read.body.status, 'refunded');
    assert.equal(read.body.refundedAmount, 1200);
    assert.equal(read.body.refundedAt, new Date(t.clock.ms).toISOString());
    assert.deepEqual(
      read.body.payments.map((p: { amount: number; refunded: number }) => [p.amount, p.refunded]),
      [
        [500, 500],
        [700, 700],
      ],
    );
    assert.deepEqual(outcome.order, read.body);
    // A refunded order takes no payment.
    const again = await pay(t.backend, order, { brand: 'webmoney', codes: [code(2000)] });
    assert.equal(again.body.error.code, 'order_not_open');
  });

  it('a partial refund, then the rest; then nothing is left', async () => {
    const order = await paidOrder(t.backend);
    const part = ok(await t.backend.refundOrder(order, { amount: 300, key: 'part' }));
    assert.deepEqual(
      part.order.payments?.map((p) => p.refunded),
      [0, 300],
    );
    assert.equal(part.order.status, 'refunded');
    assert.equal(part.order.refundedAmount, 300);
    assert.equal(await spent(t.backend, code(1000)), 400);
    assert.equal(await spent(t.backend, code(500)), 500);

    const rest = ok(await t.backend.refundOrder(order, { key: 'rest' }));
    assert.equal(rest.refund.amount, 900);
    assert.deepEqual(
      rest.refund.parts.map((p) => [p.payment, p.amount]),
      [
        [1, 400],
        [0, 500],
      ],
    );
    assert.equal(rest.order.refundedAmount, 1200);
    assert.equal((await spent(t.backend, code(500))) + (await spent(t.backend, code(1000))), 0);
    const none = failed(await t.backend.refundOrder(order, { key: 'more' }), 'refund_exceeds_paid');
    assert.equal(none.refundable, 0);
  });

  it('the same key and amount answer the same refund; another amount under that key is refused', async () => {
    const order = await paidOrder(t.backend);
    const first = ok(await t.backend.refundOrder(order, { amount: 200, key: 'k' }));
    assert.equal(first.replayed, false);
    const again = ok(await t.backend.refundOrder(order, { amount: 200, key: 'k' }));
    assert.equal(again.replayed, true);
    assert.deepEqual(again.refund, first.refund);
    assert.equal(again.order.refundedAmount, 200);
    assert.equal(await backendRefunded(t.backend, first.refund.id), 200);
    failed(await t.backend.refundOrder(order, { amount: 300, key: 'k' }), 'idempotency_key_reused');
    failed(await t.backend.refundOrder(order, { key: 'k' }), 'idempotency_key_reused');
    assert.equal((await getOrder(t.backend, order)).body.refundedAmount, 200);
  });

  it('more than is left is refused, and nothing moves', async () => {
    const order = await paidOrder(t.backend);
    const over = failed(await t.backend.refundOrder(order, { amount: 1201, key: 'over' }), 'refund_exceeds_paid');
    assert.equal(over.refundable, 1200);
    ok(await t.backend.refundOrder(order, { amount: 1000, key: 'most' }));
    const past = failed(await t.backend.refundOrder(order, { amount: 201, key: 'past' }), 'refund_exceeds_paid');
    assert.equal(past.refundable, 200);
    assert.equal((await spent(t.backend, code(500))) + (await spent(t.backend, code(1000))), 200);
  });

  it('an unpaid, unknown or badly asked order is refused', async () => {
    const open = await newOrder(t.backend, 500);
    failed(await t.backend.refundOrder(open, { key: 'a' }), 'order_not_paid');
    failed(await t.backend.refundOrder('no-such-order', { key: 'a' }), 'order_not_found');
    failed(await t.backend.refundOrder('../x', { key: 'a' }), 'order_not_found');
    const order = await paidOrder(t.backend);
    assert.equal(failed(await t.backend.refundOrder(order, { amount: 0, key: 'a' }), 'invalid_request').field, 'amount');
    assert.equal(failed(await t.backend.refundOrder(order, { amount: 1.5, key: 'a' }), 'invalid_request').field, 'amount');
    assert.equal(failed(await t.backend.refundOrder(order, { key: '' }), 'invalid_request').field, 'key');
    assert.equal(failed(await t.backend.refundOrder(order, { key: 'x'.repeat(256) }), 'invalid_request').field, 'key');
    assert.equal((await getOrder(t.backend, order)).body.status, 'paid');
  });

  it('racing refunds under different keys never give back more than was paid', async () => {
    const order = await paidOrder(t.backend);
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.backend.refundOrder(order, { amount: 500, key: `race-${i}` })),
    );
    const done = outcomes.filter((o) => o.ok);
    assert.equal(done.length, 2);
    for (const o of outcomes) if (!o.ok) assert.equal(o.code, 'refund_exceeds_paid');
    const read = await getOrder(t.backend, order);
    assert.equal(read.body.refundedAmount, 1000);
    assert.equal((await spent(t.backend, code(500))) + (await spent(t.backend, code(1000))), 200);
  });

  it('racing refunds under one key refund once', async () => {
    const order = await paidOrder(t.backend);
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => t.backend.refundOrder(order, { amount: 400, key: 'same' })));
    for (const o of outcomes) assert.ok(o.ok || o.code === 'idempotency_in_progress', JSON.stringify(o));
    assert.equal((await getOrder(t.backend, order)).body.refundedAmount, 400);
    assert.equal(await spent(t.backend, code(1000)), 300);
  });

  it('the issuer failing half-way: the refund holds its amount, and the retry with the same key finishes it once', async () => {
    const order = await paidOrder(t.backend);
    t.backend.issuer.hooks.before = (op, id) => {
      if (op === 'refund' && id.endsWith('.0')) throw new ProviderUnavailable();
    };
    failed(await t.backend.refundOrder(order, { key: 'half' }), 'provider_unavailable');
    // The second code got its ¥700 back; the order is not yet written as refunded.
    assert.equal(await spent(t.backend, code(1000)), 0);
    assert.equal(await spent(t.backend, code(500)), 500);
    assert.equal((await getOrder(t.backend, order)).body.status, 'paid');
    // Meanwhile another refund cannot take what the unfinished one holds.
    failed(await t.backend.refundOrder(order, { amount: 1, key: 'other' }), 'refund_exceeds_paid');

    t.backend.issuer.hooks = {};
    const retry = ok(await t.backend.refundOrder(order, { key: 'half' }));
    assert.equal(retry.refund.amount, 1200);
    assert.equal(retry.order.refundedAmount, 1200);
    assert.equal((await spent(t.backend, code(500))) + (await spent(t.backend, code(1000))), 0);
    assert.equal(await backendRefunded(t.backend, retry.refund.id), 1200);
  });

  it('the demo route refunds all or part, and says why not', async () => {
    const order = await paidOrder(t.backend);
    const part = await call(t.backend, 'POST', `/api/demo/orders/${order}/refund`, { amount: 300 });
    assert.equal(part.status, 404, 'no demo routes without DEMO');
    const demo = await backendOn(t.sql, t.clock, { demo: true, latencyMs: 2 });
    const key = crypto.randomUUID();
    const first = await call(demo, 'POST', `/api/demo/orders/${order}/refund`, { amount: 300 }, key);
    assert.equal(first.status, 200);
    assert.equal(first.body.order.refundedAmount, 300);
    const replay = await call(demo, 'POST', `/api/demo/orders/${order}/refund`, { amount: 300 }, key);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.refund.id, first.body.refund.id);
    const over = await call(demo, 'POST', `/api/demo/orders/${order}/refund`, { amount: 5000 });
    assert.equal(over.status, 422);
    assert.equal(over.body.error.code, 'refund_exceeds_paid');
    assert.equal(over.body.error.refundable, 900);
    const bad = await call(demo, 'POST', `/api/demo/orders/${order}/refund`, { amount: 'all' });
    assert.equal(bad.status, 400);
    const unpaid = await call(demo, 'POST', '/api/demo/orders/demo-500/refund', {});
    assert.equal(unpaid.status, 409);
    assert.equal(unpaid.body.error.code, 'order_not_paid');
    const seeded = await getOrder(demo, 'demo-refunded');
    assert.equal(seeded.body.status, 'refunded');
    assert.equal(seeded.body.refundedAmount, 1200);
    assert.equal(seeded.body.payments.length, 2);
    const rest = await call(demo, 'POST', `/api/demo/orders/${order}/refund`, {});
    assert.equal(rest.body.order.refundedAmount, 1200);
    // The reset puts the fixed orders back as seeded, refunds of them gone.
    const paidDemo = await call(demo, 'POST', '/api/demo/orders/demo-paid/refund', {});
    assert.equal(paidDemo.body.order.status, 'refunded');
    assert.equal((await call(demo, 'POST', '/api/demo/reset', {})).status, 200);
    assert.equal((await getOrder(demo, 'demo-paid')).body.status, 'paid');
  });
});

describe('refunds across a crash', () => {
  it('a process killed between the issuer’s refund and the write: finished at the restart, never refunded twice', async () => {
    const db = await openDatabase({ onDisk: true });
    const clock = new TestClock();
    let backend = await backendOn(db.sql, clock, { latencyMs: 2 });
    const order = await paidOrder(backend);
    let reach!: () => void;
    const reached = new Promise<void>((r) => (reach = r));
    const refund = backend.issuer.refund.bind(backend.issuer);
    let calls = 0;
    backend.issuer.refund = async (request) => {
      await refund(request);
      if (++calls === 2) {
        reach();
        await forever(); // the process dies here, the issuer having refunded both parts
      }
    };
    void backend.refundOrder(order, { amount: 1000, key: 'crash' });
    await reached;
    const early = await backend.refundOrder(order, { amount: 1000, key: 'crash' });
    failed(early, 'idempotency_in_progress');

    await backend.close();
    clock.advance(31_000);
    backend = await backendOn(await db.reopen(), clock, { latencyMs: 2 });
    const read = await getOrder(backend, order);
    assert.equal(read.body.status, 'refunded');
    assert.equal(read.body.refundedAmount, 1000);
    assert.deepEqual(
      read.body.payments.map((p: { refunded: number }) => p.refunded),
      [300, 700],
    );
    const retry = ok(await backend.refundOrder(order, { amount: 1000, key: 'crash' }));
    assert.equal(retry.replayed, true);
    assert.equal(await backendRefunded(backend, retry.refund.id), 1000);
    assert.equal((await spent(backend, code(500))) + (await spent(backend, code(1000))), 200);
    await backend.close();
  });
});

/** What the sandbox issuer says it gave back for this refund (every part). */
function backendRefunded(backend: SandboxBackend, refundId: string): Promise<number> {
  return backend.issuer.refunded(`${refundId}.`);
}
