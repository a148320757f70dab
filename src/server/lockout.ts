/**
 * Wrong codes (or accounts) count towards a lockout, in the database so that a restart does not forget it:
 * codes are cash, and guessing them must not pay. Counted per subject: `order:<id>`, `claim:<token>` and
 * `client:<address>`, each with its own terms. A window starts at the first failure; after `seconds` without
 * a lockout the count starts again.
 */
import type { Sql } from './sql.js';

export interface LockoutTerms {
  /** Failures within the window that lock the subject. */
  limit: number;
  /** Window and lockout length. */
  seconds: number;
}

interface Row {
  failures: number;
  window_start: number;
  locked_until: number;
}

export class Lockouts {
  constructor(
    private readonly sql: Sql,
    private readonly now: () => number,
  ) {}

  /** Seconds until every subject may try again (the longest), or 0. */
  async retryAfter(subjects: readonly string[]): Promise<number> {
    if (!subjects.length) return 0;
    const rows = await this.sql.query<{ locked_until: number }>('SELECT locked_until FROM lockouts WHERE subject = ANY($1::text[])', [
      subjects,
    ]);
    const until = Math.max(0, ...rows.map((r) => r.locked_until));
    const now = this.now();
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  async fail(subjects: readonly { subject: string; terms: LockoutTerms }[]): Promise<void> {
    const now = this.now();
    for (const { subject, terms } of subjects) {
      const ms = terms.seconds * 1000;
      await this.sql.transaction(async (tx) => {
        // The row first (racing first failures must not both start at 1), then its lock.
        await tx.query(
          'INSERT INTO lockouts (subject, failures, window_start, locked_until) VALUES ($1, 0, $2, 0) ON CONFLICT (subject) DO NOTHING',
          [subject, now],
        );
        const [row] = await tx.query<Row>('SELECT failures, window_start, locked_until FROM lockouts WHERE subject = $1 FOR UPDATE', [
          subject,
        ]);
        const fresh = !row || row.failures === 0 || (row.locked_until !== 0 ? row.locked_until <= now : row.window_start + ms <= now);
        const failures = fresh ? 1 : row.failures + 1;
        const windowStart = fresh ? now : row.window_start;
        const lockedUntil = failures >= terms.limit ? now + ms : 0;
        await tx.query('UPDATE lockouts SET failures = $2, window_start = $3, locked_until = $4 WHERE subject = $1', [
          subject,
          failures,
          windowStart,
          lockedUntil,
        ]);
      });
    }
  }

  /** Forgets subjects whose lockout and window passed a day ago. */
  async purge(): Promise<void> {
    const dayAgo = this.now() - 86_400_000;
    await this.sql.query('DELETE FROM lockouts WHERE locked_until < $1 AND window_start < $1', [dayAgo]);
  }

  /** A success clears the subject's count (the order's or claim's; a client's count stays). */
  async succeed(subject: string): Promise<void> {
    await this.sql.query('DELETE FROM lockouts WHERE subject = $1', [subject]);
  }
}
