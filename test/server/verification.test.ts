/**
 * The one-time code before money moves: send, verify, wrong and expired codes, resend timing, the 403 before
 * verification, the lockout (surviving a restart), brute force stopped at it, racing verifies, and the code at rest.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { claim as claimSchema, verificationSent } from '../../src/contract/claim.js';
import { apiErrorBody } from '../../src/contract/common.js';
import { insertClaim } from '../../src/server/claims.js';
import { DEFAULT_METHODS } from '../../src/server/demo.js';
import type { SandboxBackend } from '../../src/server/sandbox/index.js';
import { CODE_VALID_MS, maskDestination, RESEND_AFTER_S, SENDS_PER_HOUR } from '../../src/server/verification.js';
import { backendOn, call, newClaim, openDatabase, TestClock, uniqueId, useBackend } from './helpers.js';

const PHONE = '09024685678';
const EMAIL = 'taro@example.com';

const shared = useBackend();
let backend: SandboxBackend;
let clock: TestClock;
beforeEach(() => {
  ({ backend, clock } = shared);
});

const verifyingClaim = (b: SandboxBackend, channel: 'sms' | 'email' = 'sms', to = channel === 'sms' ? PHONE : EMAIL) =>
  newClaim(b, 3000, { verification: { channel, to } });

const send = (b: SandboxBackend, token: string, info = {}) =>
  call(b, 'POST', `/api/claims/${token}/verification`, {}, crypto.randomUUID(), info);
const verify = (b: SandboxBackend, token: string, code: string, info = {}) =>
  call(b, 'POST', `/api/claims/${token}/verify`, { code }, crypto.randomUUID(), info);
const claimAtm = (b: SandboxBackend, token: string) => call(b, 'POST', `/api/claims/${token}/claim`, { method: 'atm' });
const latest = (b: SandboxBackend, to = PHONE) => b.codes.latestCode(to)!;
/** A 6-digit code that is not `code` (nor the sandbox's always-good one). */
const wrongFor = (code: string, n = 1) => {
  for (let i = n; ; i++) {
    const candidate = String(i).padStart(6, '0');
    if (candidate !== code && candidate !== '000000') return candidate;
  }
};

describe('verification', () => {
  it('masks the destination in the claim, sends a code, and verifies it; then the claim can be received', async () => {
    const token = await verifyingClaim(backend);
    const before = claimSchema.parse((await call(backend, 'GET', `/api/claims/${token}`)).body);
    assert.deepEqual(before.verification, { channel: 'sms', to: '090-****-5678', verified: false });

    const sent = await send(backend, token);
    assert.equal(sent.status, 200);
    assert.deepEqual(verificationSent.parse(sent.body), { sentTo: '090-****-5678', resendAfter: RESEND_AFTER_S });
    const code = latest(backend);
    assert.match(code, /^\d{6}$/);

    const verified = await verify(backend, token, code);
    assert.equal(verified.status, 200);
    assert.equal(claimSchema.parse(verified.body).verification?.verified, true);
    assert.equal((await claimAtm(backend, token)).status, 200);
  });

  it('masks email addresses and phone numbers from the real ones', () => {
    assert.equal(maskDestination('sms', '090-1234-5678'), '090-****-5678');
    assert.equal(maskDestination('sms', '08098761234'), '080-****-1234');
    assert.equal(maskDestination('email', 'taro@example.com'), 't***@example.com');
    assert.equal(maskDestination('email', 'hanako.yamada@mail.example.jp'), 'h***@mail.example.jp');
  });

  it('answers 403 verification_required to a claim POST before the right code, and leaves the claim open', async () => {
    const token = await verifyingClaim(backend, 'email');
    const refused = await claimAtm(backend, token);
    assert.equal(refused.status, 403);
    assert.equal(apiErrorBody.parse(refused.body).error.code, 'verification_required');
    await send(backend, token);
    assert.equal((await verify(backend, token, wrongFor(latest(backend, EMAIL)))).status, 422);
    assert.equal((await claimAtm(backend, token)).status, 403);
    assert.equal(claimSchema.parse((await call(backend, 'GET', `/api/claims/${token}`)).body).status, 'open');
  });

  it('refuses a wrong code with 422 verification_failed on the field code, and a malformed one with 400', async () => {
    const token = await verifyingClaim(backend);
    await send(backend, token);
    const wrong = await verify(backend, token, wrongFor(latest(backend)));
    assert.equal(wrong.status, 422);
    assert.deepEqual({ code: wrong.body.error.code, field: wrong.body.error.field }, { code: 'verification_failed', field: 'code' });
    assert.equal((await verify(backend, token, '12345')).status, 400);
    assert.equal((await verify(backend, token, '１２３４５６')).status, 400);
  });

  it('lets a code lapse after 10 minutes (verification_failed, as CONTRACT.md has no other code), and a new code works', async () => {
    const token = await verifyingClaim(backend);
    await send(backend, token);
    const code = latest(backend);
    clock.advance(CODE_VALID_MS + 1);
    const late = await verify(backend, token, code);
    assert.equal(late.status, 422);
    assert.equal(late.body.error.code, 'verification_failed');
    assert.match(late.body.error.message, /expired/);
    assert.equal(late.body.error.field, 'code');
    await send(backend, token);
    assert.equal((await verify(backend, token, latest(backend))).status, 200);
  });

  it('a code sent before another no longer works', async () => {
    const token = await verifyingClaim(backend);
    await send(backend, token);
    const first = latest(backend);
    clock.advance(RESEND_AFTER_S * 1000);
    await send(backend, token);
    const second = latest(backend);
    if (first !== second) assert.equal((await verify(backend, token, first)).status, 422);
    assert.equal((await verify(backend, token, second)).status, 200);
  });

  it('resends only after resendAfter (429 with retryAfter), and at most 5 an hour', async () => {
    const token = await verifyingClaim(backend);
    assert.equal((await send(backend, token)).status, 200);
    clock.advance(20_000);
    const early = await send(backend, token);
    assert.equal(early.status, 429);
    assert.equal(early.body.error.code, 'too_many_attempts');
    assert.equal(early.body.error.retryAfter, RESEND_AFTER_S - 20);
    clock.advance(40_000);
    assert.equal((await send(backend, token)).status, 200);
    for (let i = 2; i < SENDS_PER_HOUR; i++) {
      clock.advance(RESEND_AFTER_S * 1000);
      assert.equal((await send(backend, token)).status, 200, `send ${i + 1}`);
    }
    clock.advance(RESEND_AFTER_S * 1000);
    const capped = await send(backend, token);
    assert.equal(capped.status, 429);
    assert.ok(capped.body.error.retryAfter > RESEND_AFTER_S, `retryAfter ${capped.body.error.retryAfter}`);
    clock.advance(capped.body.error.retryAfter * 1000);
    assert.equal((await send(backend, token)).status, 200);
  });

  it('refuses to keep a claim whose destination the masked form cannot hide', async () => {
    for (const [channel, to] of [
      ['sms', '123'],
      ['sms', '0'.repeat(300)],
      ['email', 'no-at-sign'],
      ['email', `a@${'b'.repeat(300)}.jp`],
    ] as const)
      await assert.rejects(verifyingClaim(backend, channel, to), RangeError, `${channel} ${to.slice(0, 12)}`);
  });

  it('accepts the sandbox code 000000 in place of the code sent in the demo, and only there', async () => {
    const token = await verifyingClaim(backend);
    await send(backend, token);
    assert.equal((await verify(backend, token, '000000')).status, 422, 'a sandbox backend without DEMO');
    const demo = await backendOn((await openDatabase()).sql, new TestClock(), { demo: true });
    const demoToken = await verifyingClaim(demo);
    await send(demo, demoToken);
    assert.equal((await verify(demo, demoToken, '000000')).status, 200);
  });

  it('BRUTE FORCE stops at the lockout: after 5 wrong codes every try is 429, the right code and 000000 too', async () => {
    const token = await verifyingClaim(backend);
    await send(backend, token);
    const code = latest(backend);
    const statuses: number[] = [];
    for (let n = 1; statuses.length < 40; n++) {
      const guess = String(n).padStart(6, '0');
      if (guess === code) continue;
      statuses.push((await verify(backend, token, guess)).status);
    }
    assert.deepEqual(statuses.slice(0, 5), [422, 422, 422, 422, 422]);
    assert.deepEqual(new Set(statuses.slice(5)), new Set([429]));
    const right = await verify(backend, token, code);
    assert.equal(right.status, 429);
    assert.ok(right.body.error.retryAfter > 0);
    assert.equal((await verify(backend, token, '000000')).status, 429);
    // A new code does not buy new tries while the lockout lasts.
    clock.advance(RESEND_AFTER_S * 1000);
    assert.equal((await send(backend, token)).status, 429);
    assert.equal((await claimAtm(backend, token)).status, 403);
  });

  it('racing wrong guesses get at most 5 comparisons per code', async () => {
    const token = await verifyingClaim(backend);
    await send(backend, token);
    const code = latest(backend);
    const guesses = Array.from({ length: 20 }, (_, i) => wrongFor(code, i * 7 + 1));
    const answers = await Promise.all(guesses.map((g) => verify(backend, token, g)));
    assert.equal(answers.filter((a) => a.status === 422).length, 5);
    assert.equal(answers.filter((a) => a.status === 429).length, 15);
    assert.equal((await verify(backend, token, code)).status, 429);
  });

  it('racing right codes (say, a double tap and a second tab) all verify, once; the claim then pays out once', async () => {
    const token = await verifyingClaim(backend);
    await send(backend, token);
    const code = latest(backend);
    const answers = await Promise.all(Array.from({ length: 5 }, () => verify(backend, token, code)));
    assert.deepEqual(
      answers.map((a) => a.status),
      [200, 200, 200, 200, 200],
    );
    assert.equal((await verify(backend, token, code)).status, 200, 'verified stays verified');
    const [row] = await backend.context.sql.query<{ verified_at: number }>('SELECT verified_at FROM claims WHERE token = $1', [token]);
    assert.equal(row!.verified_at, clock.ms);
    const posts = await Promise.all([claimAtm(backend, token), claimAtm(backend, token)]);
    assert.equal(posts.filter((p) => p.status === 200).length, 1);
  });

  it('keeps only a keyed hash of the code: the plain code is in no table', async () => {
    const token = await verifyingClaim(backend);
    await send(backend, token);
    const code = latest(backend);
    const { sql } = backend.context;
    const [row] = await sql.query<{ code_hash: string }>('SELECT * FROM claim_verifications WHERE token = $1', [token]);
    assert.match(row!.code_hash, /^[0-9a-f]{64}$/);
    const dump = JSON.stringify([
      await sql.query('SELECT * FROM claim_verifications'),
      await sql.query('SELECT * FROM claims'),
      await sql.query('SELECT * FROM idempotency_keys'),
      await sql.query('SELECT * FROM lockouts'),
    ]);
    assert.equal(dump.includes(code), false);
    const { createHash } = await import('node:crypto');
    assert.equal(dump.includes(createHash('sha256').update(code).digest('hex')), false, 'not an unkeyed hash either');
  });

  it('asks for no code on a claim without verification', async () => {
    const token = uniqueId('claim');
    await insertClaim(
      backend.context.sql,
      { token, amount: 100, purpose: 'refund', payerName: 'x', methods: DEFAULT_METHODS, expiresAt: clock.ms + 86_400_000 },
      clock.ms,
    );
    const claim = claimSchema.parse((await call(backend, 'GET', `/api/claims/${token}`)).body);
    assert.equal(claim.verification, undefined);
    assert.equal((await send(backend, token)).status, 400);
    assert.equal((await claimAtm(backend, token)).status, 200);
  });

  it('a failing SMS service answers 503 and the next ask need not wait', async () => {
    const token = await verifyingClaim(backend);
    const { ProviderUnavailable } = await import('../../src/server/providers.js');
    const original = backend.codes.send.bind(backend.codes);
    backend.codes.send = () => Promise.reject(new ProviderUnavailable());
    try {
      assert.equal((await send(backend, token)).status, 503);
    } finally {
      backend.codes.send = original;
    }
    assert.equal((await send(backend, token)).status, 200);
  });
});

describe('verification across a restart', () => {
  const opened: { close(): Promise<void> }[] = [];
  after(async () => {
    for (const sql of opened) await sql.close().catch(() => undefined);
  });

  it('keeps the lockout, the verified state and the secret', async () => {
    const db = await openDatabase({ onDisk: true });
    const clock = new TestClock();
    let b = await backendOn(db.sql, clock);
    const locked = await verifyingClaim(b);
    const verified = await verifyingClaim(b, 'sms', '08011112222');
    const pending = await verifyingClaim(b, 'sms', '07033334444');
    await send(b, locked);
    const code = latest(b);
    for (let n = 1; n <= 5; n++) assert.equal((await verify(b, locked, wrongFor(code, n))).status, 422);
    await send(b, verified);
    assert.equal((await verify(b, verified, latest(b, '08011112222'))).status, 200);
    await send(b, pending);
    const pendingCode = latest(b, '07033334444');

    await b.close();
    clock.advance(1000);
    const sql = await db.reopen();
    opened.push(sql);
    b = await backendOn(sql, clock);

    const after = await verify(b, locked, code);
    assert.equal(after.status, 429, 'the lockout survived');
    assert.equal((await claimAtm(b, locked)).status, 403);
    assert.equal(claimSchema.parse((await call(b, 'GET', `/api/claims/${verified}`)).body).verification?.verified, true);
    assert.equal((await claimAtm(b, verified)).status, 200);
    // The secret made at the first start is the one the restarted process uses: a code sent before still works.
    assert.equal((await verify(b, pending, pendingCode)).status, 200);
  });
});
