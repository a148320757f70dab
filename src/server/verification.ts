/**
 * The recipient's one-time code before money moves (CONTRACT.md: `POST .../verification`, `POST .../verify`).
 *
 * - A code is 6 random digits, sent through a `CodeSender` (providers.ts), valid 10 minutes; the table keeps
 *   only its HMAC-SHA256 under the server secret (`VERIFICATION_SECRET`, or one the backend made and keeps in
 *   `server_secrets`), compared in constant time. A new code replaces the old one.
 * - Sends: one per `RESEND_AFTER_S` (an early one is `429 too_many_attempts` with `retryAfter`), at most
 *   `SENDS_PER_HOUR` an hour.
 * - Tries: each code takes at most 5, counted before the comparison in one conditional update (racing guesses
 *   cannot pass it); every wrong code also counts in the lockouts (per claim: 5 in 10 minutes, across codes;
 *   per client address as for other codes), so that once locked every try, the right code too, is `429`.
 * - The verified state is a column of the claim; until it is set, a claim POST answers `403 verification_required`.
 */
import { verificationRequest, verifyRequest } from '../contract/claim-requests.js';
import type { VerificationSent } from '../contract/claim.js';
import { isValidId } from '../contract/common.js';
import { readClaim, type ClaimRow, type ClaimStore } from './claims.js';
import type { BackendContext, Call } from './context.js';
import { apiError, checkBody, hex, json } from './http.js';
import type { LockoutTerms } from './lockout.js';
import { ProviderUnavailable, type CodeSender } from './providers.js';
import type { Queryable, Sql } from './sql.js';

export const CODE_VALID_MS = 10 * 60_000;
export const RESEND_AFTER_S = 60;
export const SENDS_PER_HOUR = 5;
export const TRIES_PER_CODE = 5;
/**
 * Codes compared, and codes sent, over a claim's whole life. The lockout (5 wrong in 10 minutes) alone would let
 * a patient guesser try 720 codes a day; with this cap a 14-day claim gives at most 20 guesses of a million.
 */
export const COMPARED_PER_CLAIM = 20;
export const SENDS_PER_CLAIM = 20;
/** Wrong codes per claim, across codes, before a lockout (and its length). */
export const VERIFY_LOCKOUT: LockoutTerms = { limit: TRIES_PER_CODE, seconds: 600 };
const HOUR_MS = 3_600_000;

export type VerifyChannel = 'sms' | 'email';

/** `09012345678` → `090-****-5678`; `taro@example.com` → `t***@example.com`. */
export function maskDestination(channel: VerifyChannel, to: string): string {
  if (channel === 'email') {
    const at = to.lastIndexOf('@');
    const local = at > 0 ? to.slice(0, at) : to;
    return `${local.slice(0, 1)}***${at > 0 ? to.slice(at) : ''}`;
  }
  const digits = to.replace(/\D/g, '');
  const head = digits.slice(0, 3);
  const tail = digits.slice(-4);
  return digits.length >= 10 ? `${head}-****-${tail}` : `****-${tail}`;
}

/** A destination the backend accepts for a channel (bounded, so that the masked form fits the contract). */
export function validDestination(channel: VerifyChannel, to: string): boolean {
  return channel === 'sms' ? /^0\d{9,10}$/.test(to.replace(/-/g, '')) : /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/.test(to);
}

/** 6 uniformly random digits. */
export function newCode(): string {
  const limit = 4_294_000_000; // the largest multiple of 10^6 below 2^32: no modulo bias
  const word = new Uint32Array(1);
  do crypto.getRandomValues(word);
  while (word[0]! >= limit);
  return String(word[0]! % 1_000_000).padStart(6, '0');
}

/** Equal strings, in time that depends only on their length. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i % Math.max(1, b.length));
  return diff === 0;
}

/** The configured secret, or the one this database keeps (made at the first start, shared by every process on it). */
export async function verificationSecret(sql: Sql, configured: string | undefined, now: number): Promise<string> {
  if (configured) return configured;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const made = hex(bytes);
  await sql.query(`INSERT INTO server_secrets (name, value, created_at) VALUES ('verification', $1, $2) ON CONFLICT (name) DO NOTHING`, [
    made,
    now,
  ]);
  const [row] = await sql.query<{ value: string }>(`SELECT value FROM server_secrets WHERE name = 'verification'`);
  return row!.value;
}

interface VerificationRow {
  code_hash: string | null;
  sent_at: number | null;
  expires_at: number | null;
  tries: number;
  compared_total: number;
  sends_total: number;
  hour_start: number;
  hour_sends: number;
}

export interface VerificationOptions {
  secret: string;
  sender?: CodeSender;
  /** A code that always works (the sandbox's `000000`), still counted by the lockout. */
  sandboxCode?: string;
  /** Seconds between sends (default RESEND_AFTER_S; tests shorten it). */
  resendAfterS?: number;
}

export function createVerificationApi(ctx: BackendContext, store: ClaimStore, options: VerificationOptions) {
  const { sql } = ctx;
  const resendAfterS = options.resendAfterS ?? RESEND_AFTER_S;
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

  /** The code's keyed hash, bound to the claim and to this send (`sentAt`), so that a hash is good for one code only. */
  async function hashOf(token: string, sentAt: number, code: string): Promise<string> {
    const mac = await crypto.subtle.sign('HMAC', await key, new TextEncoder().encode(`${token}\n${sentAt}\n${code}`));
    return hex(mac);
  }

  const subjectOf = (token: string) => `verify:${token}`;
  function subjects(token: string, call: Call) {
    return [
      { subject: subjectOf(token), terms: VERIFY_LOCKOUT },
      // Its own per-client count: wrong codes do not lock a shopper's checkout at the same address, nor the reverse.
      ...(call.client ? [{ subject: `verify-client:${call.client}`, terms: ctx.lockoutTerms.client }] : []),
    ];
  }
  async function lockedFor(token: string, call: Call): Promise<number> {
    return ctx.lockouts.retryAfter(subjects(token, call).map((s) => s.subject));
  }
  /** Seconds until the claim expires (what a claim-long refusal waits for), within the contract's 7 days. */
  const untilExpiry = (row: ClaimRow) => Math.min(7 * 86_400, Math.ceil((row.expires_at - ctx.now()) / 1000));
  const tooMany = (retryAfter: number, what = 'Too many wrong codes. Try again later.') =>
    apiError(429, 'too_many_attempts', what, { retryAfter: Math.max(1, retryAfter) });

  /** The claim, or the answer that stops here (unknown, expired, taken, no verification). */
  async function open(token: string): Promise<{ row: ClaimRow } | { response: Response }> {
    const row = isValidId(token) ? await store.current(token) : undefined;
    if (!row) return { response: apiError(404, 'claim_not_found', 'No such claim.') };
    if (row.status === 'expired') return { response: apiError(410, 'claim_expired', 'This claim has expired.') };
    if (!row.verify_channel || !row.verify_to) return { response: apiError(400, 'invalid_request', 'This claim needs no verification.') };
    return { row };
  }

  async function send(token: string, raw: unknown, call: Call): Promise<Response> {
    const found = await open(token);
    if ('response' in found) return found.response;
    const { row } = found;
    if (row.verified_at !== null) return apiError(409, 'claim_not_open', 'This claim is already verified.');
    if (row.status !== 'open' && row.status !== 'failed') return apiError(409, 'claim_not_open', `The claim is ${row.status}.`);
    const body = checkBody(raw, verificationRequest);
    if (!body.ok) return body.response;
    const locked = await lockedFor(token, call);
    if (locked > 0) return tooMany(locked);

    const now = ctx.now();
    const code = newCode();
    const codeHash = await hashOf(token, now, code);
    const refused = await sql.transaction(async (tx): Promise<Response | null> => {
      await tx.query('INSERT INTO claim_verifications (token, hour_start) VALUES ($1, $2) ON CONFLICT (token) DO NOTHING', [token, now]);
      const [v] = await tx.query<VerificationRow>('SELECT * FROM claim_verifications WHERE token = $1 FOR UPDATE', [token]);
      const fresh = v!.hour_start + HOUR_MS <= now;
      const hourStart = fresh ? now : v!.hour_start;
      const hourSends = fresh ? 0 : v!.hour_sends;
      if (v!.sent_at !== null && v!.sent_at + resendAfterS * 1000 > now)
        return tooMany(Math.ceil((v!.sent_at + resendAfterS * 1000 - now) / 1000), 'A code was sent just now. Wait before asking again.');
      if (v!.sends_total >= SENDS_PER_CLAIM) return tooMany(untilExpiry(row), 'No more codes can be sent for this claim.');
      if (hourSends >= SENDS_PER_HOUR)
        return tooMany(Math.ceil((hourStart + HOUR_MS - now) / 1000), 'Too many codes sent this hour. Try again later.');
      await tx.query(
        `UPDATE claim_verifications SET code_hash = $2, sent_at = $3, expires_at = $4, tries = 0, hour_start = $5, hour_sends = $6,
         sends_total = sends_total + 1 WHERE token = $1`,
        [token, codeHash, now, now + CODE_VALID_MS, hourStart, hourSends + 1],
      );
      return null;
    });
    if (refused) return refused;
    const text = `【${row.payer_name}】お受け取りの確認コード ${code}（10分間有効）。このコードは他人に教えないでください。`;
    try {
      if (!options.sender) throw new ProviderUnavailable('No code sender is configured.');
      await options.sender.send({ channel: row.verify_channel!, to: row.verify_to!, text, code });
    } catch (error) {
      if (!(error instanceof ProviderUnavailable)) throw error;
      // Not sent: the code is void, and asking again need not wait.
      await sql.query(
        'UPDATE claim_verifications SET code_hash = NULL, sent_at = NULL, expires_at = NULL WHERE token = $1 AND code_hash = $2',
        [token, codeHash],
      );
      return apiError(503, 'provider_unavailable', 'The code could not be sent.');
    }
    const sent: VerificationSent = { sentTo: maskDestination(row.verify_channel!, row.verify_to!), resendAfter: resendAfterS };
    return json(200, sent);
  }

  async function verify(token: string, raw: unknown, call: Call): Promise<Response> {
    const found = await open(token);
    if ('response' in found) return found.response;
    const { row } = found;
    const body = checkBody(raw, verifyRequest);
    if (!body.ok) return body.response;
    if (row.verified_at !== null) return json(200, await store.view(row));
    const locked = await lockedFor(token, call);
    if (locked > 0) return tooMany(locked);

    const now = ctx.now();
    // Take a try first: at most TRIES_PER_CODE comparisons per code, however many requests race.
    const [taken] = await sql.query<VerificationRow>(
      `UPDATE claim_verifications SET tries = tries + 1, compared_total = compared_total + 1
       WHERE token = $1 AND code_hash IS NOT NULL AND expires_at > $2 AND tries < $3 AND compared_total < $4 RETURNING *`,
      [token, now, TRIES_PER_CODE, COMPARED_PER_CLAIM],
    );
    if (!taken) {
      // A racing request with the right code may have just verified the claim.
      const current = await readClaim(sql, token);
      if (current && current.verified_at !== null) return json(200, await store.view(current));
      const [v] = await sql.query<VerificationRow>('SELECT * FROM claim_verifications WHERE token = $1', [token]);
      if (v && v.compared_total >= COMPARED_PER_CLAIM) return tooMany(untilExpiry(row), 'Too many wrong codes for this claim.');
      if (v?.code_hash && v.expires_at !== null && v.expires_at > now && v.tries >= TRIES_PER_CODE)
        return tooMany(Math.max(await lockedFor(token, call), Math.ceil((v.expires_at - now) / 1000)));
      // CONTRACT.md has one code for a code that will not do: `verification_failed` (the message says why).
      return apiError(422, 'verification_failed', 'No valid code: it has expired, or none was sent. Ask for a new one.', {
        field: 'code',
      });
    }
    const expected = taken.code_hash!;
    const given = await hashOf(token, taken.sent_at!, body.value.code);
    const right =
      constantTimeEqual(given, expected) || (options.sandboxCode !== undefined && constantTimeEqual(body.value.code, options.sandboxCode));
    if (!right) {
      await ctx.lockouts.fail(subjects(token, call));
      return apiError(422, 'verification_failed', 'That code is not right.', { field: 'code' });
    }
    await sql.transaction((tx) => markVerified(tx, token, now));
    await ctx.lockouts.succeed(subjectOf(token));
    return json(200, await store.view((await readClaim(sql, token))!));
  }

  return { send, verify };
}

/** Verified once: the first success sets the time, racing ones leave it; the code cannot be used again. */
async function markVerified(q: Queryable, token: string, now: number): Promise<void> {
  await q.query('UPDATE claims SET verified_at = $2, version = version + 1 WHERE token = $1 AND verified_at IS NULL', [token, now]);
  await q.query('UPDATE claim_verifications SET code_hash = NULL, expires_at = NULL WHERE token = $1', [token]);
}
