/**
 * Idempotency as CONTRACT.md says, in the database: a key is scoped to its path; the record keeps a SHA-256
 * fingerprint of the canonical body (never the body) and, once answered, the answer (2xx or 4xx, 429
 * excepted; a 5xx is not kept, so that a retry can still succeed). A repeat with the same body gets the
 * answer again with `Idempotent-Replayed: true`; another body is `422 idempotency_key_reused`; a repeat
 * while the first still runs is `409 idempotency_in_progress`. The running request holds a lease: if its
 * process dies, a retry after the lease takes the key over. Records are kept 24 hours.
 */
import { apiError, canonicalJson, sha256Hex } from './http.js';
import type { Sql } from './sql.js';

export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;
const KEY = /^[\x21-\x7e]{1,255}$/;

export interface IdempotencyScope {
  scope: string;
  key: string;
}

export type Begun = { kind: 'run'; owner: string; scope: IdempotencyScope } | { kind: 'answer'; response: Response };

interface Row {
  fingerprint: string;
  state: 'running' | 'done';
  lease_until: number | null;
  status: number | null;
  headers: [string, string][] | null;
  body: string | null;
  created_at: number;
}

export class Idempotency {
  #lastPurge = 0;

  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
    private readonly leaseMs: number,
    /** More housekeeping to run with the purge (every 10 minutes at most). */
    private readonly onPurge?: () => Promise<void>,
  ) {}

  async begin(scope: string, key: string | null, body: unknown): Promise<Begun> {
    if (!key || !KEY.test(key)) {
      return {
        kind: 'answer',
        response: apiError(400, 'invalid_request', 'An Idempotency-Key header is required.', { field: 'Idempotency-Key' }),
      };
    }
    const now = this.now();
    await this.#purge(now);
    const fingerprint = await sha256Hex(canonicalJson(body));
    const owner = crypto.randomUUID();
    for (let tries = 0; tries < 3; tries++) {
      const inserted = await this.sql.query(
        `INSERT INTO idempotency_keys (scope, key, fingerprint, state, owner, lease_until, created_at)
         VALUES ($1, $2, $3, 'running', $4, $5, $6) ON CONFLICT (scope, key) DO NOTHING RETURNING owner`,
        [scope, key, fingerprint, owner, now + this.leaseMs, now],
      );
      if (inserted.length) return { kind: 'run', owner, scope: { scope, key } };
      const [row] = await this.sql.query<Row>(
        'SELECT fingerprint, state, lease_until, status, headers, body, created_at FROM idempotency_keys WHERE scope = $1 AND key = $2',
        [scope, key],
      );
      if (!row) continue; // deleted meanwhile (a 5xx): try again
      if (row.created_at + IDEMPOTENCY_RETENTION_MS <= now) {
        await this.sql.query('DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at = $3', [
          scope,
          key,
          row.created_at,
        ]);
        continue;
      }
      if (row.fingerprint !== fingerprint) {
        return { kind: 'answer', response: apiError(422, 'idempotency_key_reused', 'This Idempotency-Key was used with another body.') };
      }
      if (row.state === 'done') {
        const headers = new Headers(row.headers ?? []);
        headers.set('idempotent-replayed', 'true');
        return { kind: 'answer', response: new Response(row.body, { status: row.status!, headers }) };
      }
      if ((row.lease_until ?? 0) > now) return { kind: 'answer', response: inProgress() };
      // The first request's process died: take its lease over.
      const taken = await this.sql.query(
        `UPDATE idempotency_keys SET owner = $3, lease_until = $4 WHERE scope = $1 AND key = $2 AND state = 'running' AND lease_until <= $5 RETURNING owner`,
        [scope, key, owner, now + this.leaseMs, now],
      );
      return taken.length ? { kind: 'run', owner, scope: { scope, key } } : { kind: 'answer', response: inProgress() };
    }
    return { kind: 'answer', response: inProgress() };
  }

  /** Keeps the answer (2xx, 4xx but 429 and "in progress") or lets the key go (5xx, 429); returns the answer to send. */
  async finish(begun: Extract<Begun, { kind: 'run' }>, response: Response): Promise<Response> {
    const { scope, key } = begun.scope;
    if (response.status >= 500 || response.status === 429 || transient.has(response)) {
      await this.sql.query(`DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND owner = $3 AND state = 'running'`, [
        scope,
        key,
        begun.owner,
      ]);
      return response;
    }
    const body = await response.text();
    const headers = [...response.headers];
    await this.sql.query(
      `UPDATE idempotency_keys SET state = 'done', status = $4, headers = $5::jsonb, body = $6, lease_until = NULL
       WHERE scope = $1 AND key = $2 AND owner = $3 AND state = 'running'`,
      [scope, key, begun.owner, response.status, JSON.stringify(headers), body],
    );
    return new Response(body, { status: response.status, headers });
  }

  async #purge(now: number): Promise<void> {
    if (now - this.#lastPurge < 600_000) return;
    this.#lastPurge = now;
    await this.sql.query('DELETE FROM idempotency_keys WHERE created_at <= $1', [now - IDEMPOTENCY_RETENTION_MS]);
    await this.onPurge?.();
  }
}

/** Answers that say "not yet" rather than what happened: never kept, so that the retry gets the real answer. */
const transient = new WeakSet<Response>();

/** The answer while the same key (or another payment on the same order) is still being worked on. */
export function inProgress(message = 'A request with this Idempotency-Key is still in progress.'): Response {
  const response = apiError(409, 'idempotency_in_progress', message, { retryAfter: 1 });
  transient.add(response);
  return response;
}
