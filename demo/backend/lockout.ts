/**
 * Wrong codes count towards a lockout: codes are cash, so guessing them must not pay.
 * Scoped to a key (the order here; a real backend would add the client).
 */
export class Lockout {
  readonly #failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly limit: number,
    private readonly lockMs: number,
    private readonly now: () => number,
  ) {}

  /** Seconds until the key may try again, or 0. */
  retryAfter(key: string): number {
    const entry = this.#failures.get(key);
    if (!entry || entry.lockedUntil <= this.now()) return 0;
    return Math.ceil((entry.lockedUntil - this.now()) / 1000);
  }

  fail(key: string): void {
    const entry = this.#failures.get(key) ?? { count: 0, lockedUntil: 0 };
    if (entry.lockedUntil && entry.lockedUntil <= this.now()) entry.count = 0;
    entry.count += 1;
    entry.lockedUntil = entry.count >= this.limit ? this.now() + this.lockMs : 0;
    this.#failures.set(key, entry);
  }

  succeed(key: string): void {
    this.#failures.delete(key);
  }
}
