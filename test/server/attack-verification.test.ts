/**
 * Attacks on the one-time code from the security review, kept as regression tests of their fixes: the sandbox's
 * always-good code only in the sandbox's demo, never beside a real code sender; a claim-long cap on codes compared.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { CodeMessage, CodeSender } from '../../src/server/providers.js';
import type { SandboxBackend } from '../../src/server/sandbox/index.js';
import { COMPARED_PER_CLAIM } from '../../src/server/verification.js';
import { backendOn, call, newClaim, openDatabase, TestClock, useBackend } from './helpers.js';

const PHONE = '09024685678';
const shared = useBackend();
let backend: SandboxBackend;
let clock: TestClock;
beforeEach(() => {
  ({ backend, clock } = shared);
});

const verifyingClaim = (b: SandboxBackend, days = 14) =>
  newClaim(b, 3000, { verification: { channel: 'sms', to: PHONE }, validDays: days });
const send = (b: SandboxBackend, token: string, info = {}) =>
  call(b, 'POST', `/api/claims/${token}/verification`, {}, crypto.randomUUID(), info);
const verify = (b: SandboxBackend, token: string, code: string, info = {}) =>
  call(b, 'POST', `/api/claims/${token}/verify`, { code }, crypto.randomUUID(), info);

/** A "real" SMS gateway a merchant plugs in: it keeps the code to itself. */
class RealSender implements CodeSender {
  sent: CodeMessage[] = [];
  async send(m: CodeMessage) {
    this.sent.push(m);
  }
}

describe('attack: verification', () => {
  it('A1: with a real code sender, the sandbox code 000000 must not verify a claim', async () => {
    const { sql } = await openDatabase();
    const c = new TestClock();
    const real = new RealSender();
    // What a merchant does to go live on the reference backend: its own sender, nothing else changed.
    const b = await backendOn(sql, c, { codes: real });
    const token = await verifyingClaim(b);
    assert.equal((await send(b, token)).status, 200);
    const answer = await verify(b, token, '000000');
    await sql.close();
    assert.equal(answer.status, 422, 'the sandbox code 000000 verified a claim whose code went to a real phone');
  });

  it('A2: a sandbox backend without DEMO has no always-good code', async () => {
    const { configFromEnv } = await import('../../src/server/config.js');
    const config = configFromEnv({ DEMO: '0', DATA_DIR: 'memory' });
    assert.equal(config.demo, false);
    const token = await verifyingClaim(backend); // the shared backend is built exactly as serve() builds it
    assert.equal((await send(backend, token)).status, 200);
    const answer = await verify(backend, token, '000000');
    assert.equal(answer.status, 422, 'DEMO=0 still verifies any claim with 000000');
  });

  it('A3: wrong codes over a claim lifetime are capped (COMPARED_PER_CLAIM), whatever the lockout windows', async () => {
    const token = await verifyingClaim(backend);
    const code = () => backend.codes.latestCode(PHONE)!;
    let guesses = 0;
    let n = 1;
    const end = clock.ms + 86_400_000;
    while (clock.ms < end) {
      const sent = await send(backend, token);
      if (sent.status !== 200) {
        clock.advance(Math.max(1, sent.body.retryAfter ?? 60) * 1000);
        continue;
      }
      for (;;) {
        let g = String(n++ % 1_000_000).padStart(6, '0');
        if (g === code() || g === '000000') g = String(n++ % 1_000_000).padStart(6, '0');
        const a = await verify(backend, token, g);
        if (a.status === 422) guesses++;
        else break;
      }
      clock.advance(1000);
    }
    assert.ok(guesses <= COMPARED_PER_CLAIM, `an attacker with the link made ${guesses} wrong guesses in 24 h (claims live 14 days)`);
  });
});
