/**
 * Saved bank accounts: a claim for a recipient lists the accounts they saved (the provider keeps the account,
 * the merchant its id), pays one by `accountId` only for its own recipient, saves a new one once (`saveAccount`)
 * when the payout starts, and never keeps the full number in a merchant table; across a restart and a crash.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { claim as claimSchema } from '../../src/contract/claim.js';
import { keepSavedAccount } from '../../src/server/claims.js';
import { DEMO_RECIPIENT, seedDemo } from '../../src/server/demo.js';
import type { SandboxBackend } from '../../src/server/sandbox/index.js';
import type { Sql } from '../../src/server/sql.js';
import { backendOn, call, newClaim, openDatabase, type TestClock, TestClock as Clock, uniqueId, useBackend } from './helpers.js';

const shared = useBackend({ demo: true, bankDelayMs: 10_000, lockout: { limit: 3, seconds: 60 } }, (b) =>
  seedDemo(b.context, b.context.sql, b.payouts),
);
let sql: Sql;
let clock: TestClock;
let backend: SandboxBackend;
beforeEach(() => {
  ({ sql, clock, backend } = shared);
});

const post = (token: string, body: unknown, key = crypto.randomUUID()) => call(backend, 'POST', `/api/claims/${token}/claim`, body, key);
const get = async (token: string) => claimSchema.parse((await get0(token)).body);
const get0 = (token: string) => call(backend, 'GET', `/api/claims/${token}`);
const account = { bankCode: '0005', branchCode: '135', type: 'ordinary', number: '7654321', holder: 'ｽｽﾞｷ ｲﾁﾛｳ' };

/** Every merchant table as text (the sandbox's own accounts table excepted: the provider keeps the account). */
async function merchantTables(db: Sql = sql): Promise<string> {
  const tables = ['claims', 'saved_accounts', 'idempotency_keys', 'lockouts', 'orders', 'payment_attempts', 'sandbox_payouts'];
  let dump = '';
  for (const table of tables) dump += JSON.stringify(await db.query(`SELECT * FROM ${table}`));
  return dump;
}

describe('saved accounts', () => {
  it("lists a recipient's saved accounts only once the code is entered, where the claim asks for one", async () => {
    const phone = '09011112222';
    const token = await newClaim(backend, 1000, { recipient: DEMO_RECIPIENT, verification: { channel: 'sms', to: phone } });
    assert.equal((await get(token)).savedAccounts, undefined, 'no holder name or masked number for whoever holds the link');
    assert.equal((await call(backend, 'POST', `/api/claims/${token}/verification`, {})).status, 200);
    const verified = await call(backend, 'POST', `/api/claims/${token}/verify`, { code: backend.codes.latestCode(phone)! });
    assert.equal(verified.status, 200);
    assert.equal(claimSchema.parse(verified.body).savedAccounts?.length, 2, 'the verify answer lists them');
    assert.equal((await get(token)).savedAccounts?.length, 2);
  });

  it('lists the seeded recipient accounts newest first, masked; a claim without a recipient has no savedAccounts', async () => {
    const saved = await get('demo-saved');
    assert.deepEqual(
      saved.savedAccounts?.map(({ bankName, branchName, type, masked, holder }) => [bankName, branchName, type, masked, holder]),
      [
        ['みずほ', '渋谷', 'ordinary', '***4567', 'ﾔﾏﾀﾞ ﾊﾅｺ'],
        ['ゆうちょ', '四〇八', 'ordinary', '***5678', 'ﾔﾏﾀﾞ ﾊﾅｺ'],
      ],
    );
    assert.equal('savedAccounts' in (await get('demo-refund')), false);
    const fresh = await newClaim(backend, 1000, { recipient: uniqueId('nobody') });
    assert.deepEqual((await get(fresh)).savedAccounts, []);
  });

  it('lists at most 20, the newest first', async () => {
    const recipient = uniqueId('many');
    for (let i = 0; i < 25; i++) {
      const registered = await backend.payouts.registerAccount({
        recipient,
        account: { ...account, type: 'ordinary', number: String(1_000_000 + i), bankName: '三菱ＵＦＪ', branchName: '渋谷' },
      });
      await keepSavedAccount(sql, recipient, registered, clock.now() + i * 1000);
    }
    const listed = (await get(await newClaim(backend, 1000, { recipient }))).savedAccounts!;
    assert.equal(listed.length, 20);
    assert.deepEqual([listed[0]!.masked, listed[19]!.masked], ['***0024', '***0005']);
  });

  it('pays a saved account by its id: the result names it, and the transfer arrives', async () => {
    const [mizuho] = (await get('demo-saved')).savedAccounts!;
    const answer = await post('demo-saved', { method: 'bank', accountId: mizuho!.id });
    assert.equal(answer.status, 200);
    const paid = claimSchema.parse(answer.body);
    assert.equal(paid.status, 'processing');
    assert.deepEqual(paid.result, {
      method: 'bank',
      bankName: 'みずほ',
      branchName: '渋谷',
      type: 'ordinary',
      masked: '***4567',
      holder: 'ﾔﾏﾀﾞ ﾊﾅｺ',
    });
    clock.advance(10_000);
    assert.equal((await get('demo-saved')).status, 'completed');
  });

  it("refuses another recipient's account id (422 invalid_account at accountId), counted by the lockout", async () => {
    const [mizuho] = (await get('demo-saved')).savedAccounts!;
    const stranger = await newClaim(backend, 1000, { recipient: uniqueId('stranger') });
    const noRecipient = await newClaim(backend, 1000);
    for (const token of [stranger, noRecipient]) {
      const refused = await post(token, { method: 'bank', accountId: mizuho!.id });
      assert.equal(refused.status, 422);
      assert.deepEqual([refused.body.error.code, refused.body.error.field], ['invalid_account', 'accountId']);
    }
    assert.equal((await post(stranger, { method: 'bank', accountId: 'acct_made_up' })).status, 422);
    assert.equal((await post(stranger, { method: 'bank', accountId: mizuho!.id })).status, 422);
    // Three wrong accounts on this claim (limit 3) lock it, even for a good one.
    assert.equal((await post(stranger, { method: 'bank', account })).body.error.code, 'too_many_attempts');
    assert.equal((await get(stranger)).status, 'open');
    assert.equal((await get('demo-saved')).status, 'open');
  });

  it('saves a new account when the payout starts; the next claim for the recipient lists it first; never the full number', async () => {
    const recipient = uniqueId('repeat');
    const first = await newClaim(backend, 2000, { recipient });
    const answered = await post(first, { method: 'bank', account, saveAccount: true });
    assert.equal(answered.status, 200);
    assert.equal(answered.body.status, 'processing');
    assert.equal(answered.body.savedAccounts.length, 1);
    const second = await newClaim(backend, 1500, { recipient });
    const [savedOne, ...rest] = (await get(second)).savedAccounts!;
    assert.deepEqual(rest, []);
    assert.deepEqual(
      { ...savedOne, id: undefined },
      { id: undefined, bankName: '三菱ＵＦＪ', branchName: '渋谷', type: 'ordinary', masked: '***4321', holder: 'ｽｽﾞｷ ｲﾁﾛｳ' },
    );
    assert.equal((await post(second, { method: 'bank', accountId: savedOne!.id })).body.result.masked, '***4321');
    // A new account without saveAccount is not saved.
    const third = await newClaim(backend, 1500, { recipient });
    await post(third, { method: 'bank', account: { ...account, number: '1231231' } });
    assert.equal((await get(third)).savedAccounts!.length, 1);
    assert.equal((await merchantTables()).includes('7654321'), false);
    assert.equal((await merchantTables()).includes('1231231'), false);
    const [{ number } = { number: '' }] = await sql.query<{ number: string }>('SELECT number FROM sandbox_accounts WHERE id = $1', [
      savedOne!.id,
    ]);
    assert.equal(number, '7654321');
  });

  it('saves no account when the payout does not start (a refused number, the provider down)', async () => {
    const recipient = uniqueId('refused');
    const token = await newClaim(backend, 2000, { recipient });
    const refused = await post(token, { method: 'bank', account: { ...account, number: '0000000' }, saveAccount: true });
    assert.equal(refused.body.error.code, 'invalid_account');
    const down = await post(token, { method: 'bank', account: { ...account, number: '5555555' }, saveAccount: true });
    assert.equal(down.body.error.code, 'provider_unavailable');
    assert.deepEqual((await get(token)).savedAccounts, []);
    assert.equal((await get(token)).status, 'open');
  });

  it('no duplicate: the same account saved on a retry, by two claims racing, or again later keeps one row', async () => {
    const recipient = uniqueId('twice');
    const key = crypto.randomUUID();
    const first = await newClaim(backend, 2000, { recipient });
    const body = { method: 'bank', account, saveAccount: true };
    // The same attempt twice at once: one runs; the other is told it is in progress, or replays the answer.
    const both = await Promise.all([post(first, body, key), post(first, body, key)]);
    assert.equal(
      both.some((r) => r.status === 200),
      true,
    );
    assert.equal(
      both.every((r) => r.status === 200 || r.body.error.code === 'idempotency_in_progress'),
      true,
    );
    assert.equal((await post(first, body, key)).status, 200);
    const racers = await Promise.all([1, 2, 3].map(() => newClaim(backend, 1000, { recipient })));
    const answers = await Promise.all(racers.map((token) => post(token, body)));
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 200],
    );
    const later = await newClaim(backend, 1000, { recipient });
    assert.equal((await get(later)).savedAccounts!.length, 1);
    const [{ count } = { count: -1 }] = await sql.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM sandbox_accounts WHERE recipient = $1',
      [recipient],
    );
    assert.equal(count, 1);
  });

  it('a failed transfer to a saved account is retryable with another saved account', async () => {
    const recipient = uniqueId('bounce');
    const first = await newClaim(backend, 2000, { recipient });
    await post(first, { method: 'bank', account: { ...account, number: '2222222' }, saveAccount: true });
    const second = await newClaim(backend, 2000, { recipient });
    const [bad] = (await get(second)).savedAccounts!;
    await post(second, { method: 'bank', accountId: bad!.id });
    clock.advance(10_000);
    const failed = await get(second);
    assert.deepEqual([failed.status, failed.failure], ['failed', { code: 'account_not_found', retryable: true }]);
    const again = await post(second, { method: 'bank', account, saveAccount: true });
    assert.equal(again.status, 200);
    assert.equal(again.body.savedAccounts.length, 2);
  });

  it('the demo recipient: a claim issued for them sees the seeded accounts and those saved by earlier claims', async () => {
    const issue = () => call(backend, 'POST', '/api/demo/claims', { amount: 1000, purpose: 'refund', recipient: DEMO_RECIPIENT });
    const first = await issue();
    assert.equal(first.status, 201);
    assert.equal(first.body.claim.savedAccounts.length, 2);
    await post(first.body.token, { method: 'bank', account, saveAccount: true });
    const second = await issue();
    assert.deepEqual(
      second.body.claim.savedAccounts.map((a: { masked: string }) => a.masked),
      ['***4321', '***4567', '***5678'],
    );
    const plain = await call(backend, 'POST', '/api/demo/claims', { amount: 1000, purpose: 'refund' });
    assert.equal('savedAccounts' in plain.body.claim, false);
    const bad = await call(backend, 'POST', '/api/demo/claims', { amount: 1000, purpose: 'refund', recipient: 'x'.repeat(65) });
    assert.equal(bad.status, 400);
  });
});

describe('saved accounts across a restart and a crash', () => {
  it('a restart keeps saved accounts; a crash after the payout started still saves the account, once', async () => {
    const db = await openDatabase({ onDisk: true });
    const clock = new Clock();
    let backend = await backendOn(db.sql, clock, { latencyMs: 2, bankDelayMs: 600_000 });
    const recipient = uniqueId('crash');
    const token = await newClaim(backend, 3000, { recipient });
    const key = crypto.randomUUID();
    let reach!: () => void;
    const started = new Promise<void>((r) => (reach = r));
    const start = backend.payouts.start.bind(backend.payouts);
    backend.payouts.start = async (request) => {
      await start(request);
      reach();
      return new Promise<never>(() => undefined);
    };
    void call(backend, 'POST', `/api/claims/${token}/claim`, { method: 'bank', account, saveAccount: true }, key);
    await started;
    await backend.close();
    clock.advance(31_000);
    backend = await backendOn(await db.reopen(), clock, { latencyMs: 2, bankDelayMs: 600_000 });
    await backend.reconcile();
    const after = claimSchema.parse((await call(backend, 'GET', `/api/claims/${token}`)).body);
    assert.equal(after.status, 'processing');
    assert.deepEqual(
      after.savedAccounts?.map((a) => a.masked),
      ['***4321'],
    );
    const retry = await call(backend, 'POST', `/api/claims/${token}/claim`, { method: 'bank', account, saveAccount: true }, key);
    assert.equal(retry.status, 200);
    const next = await newClaim(backend, 1000, { recipient });
    assert.equal(claimSchema.parse((await call(backend, 'GET', `/api/claims/${next}`)).body).savedAccounts?.length, 1);
    assert.equal((await merchantTables(backend.context.sql)).includes('7654321'), false);
    await backend.close();
  });

  it('a crash before the payout started saves nothing; the retry saves the account once', async () => {
    const db = await openDatabase({ onDisk: true });
    const clock = new Clock();
    let backend = await backendOn(db.sql, clock, { latencyMs: 2, bankDelayMs: 600_000 });
    const recipient = uniqueId('early');
    const token = await newClaim(backend, 3000, { recipient });
    const key = crypto.randomUUID();
    let reach!: () => void;
    const registered = new Promise<void>((r) => (reach = r));
    backend.payouts.hooks.before = async (op) => {
      if (op === 'start') {
        reach();
        await new Promise<never>(() => undefined);
      }
    };
    const body = { method: 'bank', account, saveAccount: true };
    void call(backend, 'POST', `/api/claims/${token}/claim`, body, key);
    await registered;
    await backend.close();
    clock.advance(31_000);
    backend = await backendOn(await db.reopen(), clock, { latencyMs: 2, bankDelayMs: 600_000 });
    const after = claimSchema.parse((await call(backend, 'GET', `/api/claims/${token}`)).body);
    assert.deepEqual([after.status, after.savedAccounts], ['open', []]);
    const retry = await call(backend, 'POST', `/api/claims/${token}/claim`, body, key);
    assert.equal(retry.status, 200);
    assert.equal(retry.body.savedAccounts.length, 1);
    await backend.close();
  });
});
