/**
 * Idempotency as CONTRACT.md says: a key is scoped to its path; a repeat with the same body gets the
 * first answer (2xx or 4xx) again; another body, or a repeat while the first is still in flight,
 * gets `409 idempotency_conflict`. 5xx answers are not kept, so that a retry can still succeed.
 */
import { apiError } from './http.js';

interface Stored {
  body: string;
  answer: { status: number; headers: [string, string][]; text: string } | 'in-flight';
}

export class IdempotencyStore {
  readonly #entries = new Map<string, Stored>();

  /** Runs `work` once per (path, key, body); replays its answer to repeats. */
  async run(path: string, key: string | null, body: string, work: () => Promise<Response>): Promise<Response> {
    if (!key || !/^[\x21-\x7e]{1,255}$/.test(key)) {
      return apiError(400, 'invalid_request', 'An Idempotency-Key header is required.', { field: 'Idempotency-Key' });
    }
    const id = `${path}\n${key}`;
    const stored = this.#entries.get(id);
    if (stored) {
      if (stored.body !== body) {
        return apiError(409, 'idempotency_conflict', 'This Idempotency-Key was used with another body.');
      }
      if (stored.answer === 'in-flight') {
        return apiError(409, 'idempotency_conflict', 'A request with this Idempotency-Key is still in progress.');
      }
      const { status, headers, text } = stored.answer;
      return new Response(text, { status, headers: [...headers, ['idempotent-replayed', 'true']] });
    }
    const entry: Stored = { body, answer: 'in-flight' };
    this.#entries.set(id, entry);
    let response: Response;
    try {
      response = await work();
    } catch (error) {
      this.#entries.delete(id);
      throw error;
    }
    if (response.status >= 500) {
      this.#entries.delete(id);
      return response;
    }
    const text = await response.text();
    entry.answer = { status: response.status, headers: [...response.headers], text };
    return new Response(text, { status: response.status, headers: response.headers });
  }
}
