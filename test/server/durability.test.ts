/**
 * Restarts and crashes: every answer given survives a restart, and a process killed between the provider
 * and the answer is recovered on the next start (or the next request), never repeated. A killed process is
 * simulated by a provider call that does its work and then never returns; the database is then closed and
 * opened again by a new backend, as a restarted process would, after the lease has passed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SandboxBackend } from '../../src/server/sandbox/index.js';
import { backendOn, call, getOrder, newClaim, newOrder, openDatabase, pay, TestClock, type TestDatabase } from './helpers.js';

const code = (yen: number) => `wm${String(yen).padStart(14, '0')}`;
const forever = () => new Promise<never>(() => undefined);

async function restart(db: TestDatabase, old: SandboxBackend, clock: TestClock, advanceMs = 31_000): Promise<SandboxBackend> {
  await old.close();
  clock.advance(advanceMs);
  return backendOn(await db.reopen(), clock, { latencyMs: 2 });
}

/** A promise and the function that resolves it: "the provider got this far". */
function signal(): { reached: Promise<void>; reach: () => void } {
  let reach!: () => void;
  const reached = new Promise<void>((r) => (reach = r));
  return { reached, reach };
}

/** A process on a database on disk, and an order of ¥1,200 to pay with two codes. */
async function twoCodePayment() {
  const db = await openDatabase({ onDisk: true });
  const clock = new TestClock();
  const backend = await backendOn(db.sql, clock, { latencyMs: 2 });
  const order = await newOrder(backend, 1200);
  return { db, clock, backend, order, key: crypto.randomUUID(), body: { brand: 'webmoney', codes: [code(500), code(1000)] } };
}

async function spent(backend: SandboxBackend, c: string): Promise<number> {
  const b = await backend.issuer.balance('webmoney', c);
  return Number(c.slice(2)) - (b.kind === 'valid' ? b.balance : 0);
}

describe('durability', () => {
  it('a restart keeps orders, claims, replays and lockouts', async () => {
    const db = await openDatabase({ onDisk: true });
    const clock = new TestClock();
    let backend = await backendOn(db.sql, clock, { lockout: { limit: 2, seconds: 600 } });
    const paidOrder = await newOrder(backend, 500);
    const lockedOrder = await newOrder(backend, 500);
    const token = await newClaim(backend, 3000);
    const key = crypto.randomUUID();
    const body = { brand: 'webmoney', codes: [code(5000)] };
    const first = await pay(backend, paidOrder, body, key);
    assert.equal(first.status, 200);
    for (const i of [1, 2]) await pay(backend, lockedOrder, { brand: 'webmoney', codes: [`zzzzzzzzzzzzzzz${i}`] });
    const claimed = await call(backend, 'POST', `/api/claims/${token}/claim`, { method: 'quo' });
    assert.equal(claimed.status, 200);

    backend = await restart(db, backend, clock, 1000);
    const replay = await pay(backend, paidOrder, body, key);
    assert.equal(replay.status, 200);
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(replay.body, first.body);
    assert.equal(await spent(backend, code(5000)), 500);
    const locked = await pay(backend, lockedOrder, body);
    assert.equal(locked.status, 429);
    const claim = await call(backend, 'GET', `/api/claims/${token}`);
    assert.deepEqual(claim.body, claimed.body);
    const again = await call(backend, 'POST', `/api/claims/${token}/claim`, { method: 'atm' });
    assert.equal(again.body.error.code, 'claim_not_open');
    await backend.close();
  });

  it('a process killed between the issuer’s charge and the answer: recovered at start, never charged twice', async () => {
    const { db, clock, backend: first, order, key, body } = await twoCodePayment();
    let backend = first;
    const { reached: wasCharged, reach: charged } = signal();
    const commit = backend.issuer.commit.bind(backend.issuer);
    let commits = 0;
    backend.issuer.commit = async (id) => {
      await commit(id);
      if (++commits === 2) {
        charged();
        await forever(); // the process dies here
      }
    };
    void pay(backend, order, body, key);
    await wasCharged;

    backend = await restart(db, backend, clock);
    const now = await getOrder(backend, order);
    assert.equal(now.body.status, 'paid');
    assert.deepEqual(
      now.body.payments.map((p: { amount: number }) => p.amount),
      [500, 700],
    );
    // The shopper's retry (same key and body) gets the paid order; another attempt is not charged.
    const retry = await pay(backend, order, body, key);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.status, 'paid');
    const other = await pay(backend, order, { brand: 'webmoney', codes: [code(2000)] });
    assert.equal(other.body.error.code, 'order_not_open');
    assert.equal((await spent(backend, code(500))) + (await spent(backend, code(1000))) + (await spent(backend, code(2000))), 1200);
    await backend.close();
  });

  it('a process killed while reserving: the reservations are released at the restart, and the retry pays once', async () => {
    const { db, clock, backend: first, order, key, body } = await twoCodePayment();
    let backend = first;
    const { reached: wasReserved, reach: reservedFirst } = signal();
    backend.issuer.hooks.before = async (op, id) => {
      if (op === 'reserve' && id.endsWith('.1')) {
        reservedFirst();
        await forever();
      }
    };
    void pay(backend, order, body, key);
    await wasReserved;
    // Before the lease passes, the same key is still in progress.
    const early = await pay(backend, order, body, key);
    assert.equal(early.body.error.code, 'idempotency_in_progress');

    backend = await restart(db, backend, clock);
    assert.deepEqual(await backend.issuer.balance('webmoney', code(500)), { kind: 'valid', balance: 500, rating: 'EX' });
    assert.equal((await getOrder(backend, order)).body.status, 'open');
    const retry = await pay(backend, order, body, key);
    assert.equal(retry.status, 200);
    assert.equal((await spent(backend, code(500))) + (await spent(backend, code(1000))), 1200);
    await backend.close();
  });

  it('a process killed after the payout provider started a payout: the claim shows it after the restart, never a second payout', async () => {
    const db = await openDatabase({ onDisk: true });
    const clock = new TestClock();
    let backend = await backendOn(db.sql, clock, { latencyMs: 2 });
    const token = await newClaim(backend, 3000);
    const key = crypto.randomUUID();
    const { reached: wasStarted, reach: started } = signal();
    const start = backend.payouts.start.bind(backend.payouts);
    backend.payouts.start = async (request) => {
      await start(request);
      started();
      return forever();
    };
    void call(backend, 'POST', `/api/claims/${token}/claim`, { method: 'atm' }, key);
    await wasStarted;
    const early = await call(backend, 'POST', `/api/claims/${token}/claim`, { method: 'atm' });
    assert.equal(early.body.error.code, 'idempotency_in_progress');

    backend = await restart(db, backend, clock);
    const claim = await call(backend, 'GET', `/api/claims/${token}`);
    assert.equal(claim.body.status, 'processing');
    assert.equal(claim.body.result.method, 'atm');
    const retry = await call(backend, 'POST', `/api/claims/${token}/claim`, { method: 'atm' }, key);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.result.receiptNumber, claim.body.result.receiptNumber);
    const [{ count } = { count: -1 }] = await backend.context.sql.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM sandbox_payouts',
    );
    assert.equal(count, 1);
    await backend.close();
  });

  it('a request whose process died holds its key only for the lease: then a retry takes the key over', async () => {
    const db = await openDatabase();
    const clock = new TestClock();
    const backend = await backendOn(db.sql, clock);
    const order = await newOrder(backend, 500);
    const key = crypto.randomUUID();
    const body = { brand: 'webmoney', codes: [code(5000)] };
    const { reached: inside, reach: entered } = signal();
    backend.issuer.hooks.before = async (op) => {
      if (op === 'reserve') {
        entered();
        await forever();
      }
    };
    void pay(backend, order, body, key);
    await inside;
    backend.issuer.hooks = {};
    assert.equal((await pay(backend, order, body, key)).body.error.code, 'idempotency_in_progress');
    clock.advance(31_000);
    const taken = await pay(backend, order, body, key);
    assert.equal(taken.status, 200);
    assert.equal(await spent(backend, code(5000)), 500);
    await backend.close();
  });
});
