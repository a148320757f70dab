/**
 * The sandbox prepaid issuer: documented test codes in place of the real payment company.
 * Every code below is listed in the README. Balances are spent for real within one server run.
 */
import type { BrandId } from '../../src/contract/checkout.js';

export type Rating = 'ST' | 'EX';

export type CodeLookup =
  | { kind: 'valid'; balance: number; rating: Rating }
  | { kind: 'invalid' }
  | { kind: 'used' }
  | { kind: 'expired' }
  | { kind: 'unavailable' };

/** The Latin brands: a prefix and 14 digits is a valid code holding that many yen. */
const LATIN_PREFIX: Partial<Record<BrandId, string>> = { webmoney: 'wm', nanaco: 'nn', netcash: 'NC' };

/** Fixed outcomes per brand (codes as normalized on the wire). */
export const SANDBOX_CODES: Record<
  BrandId,
  Record<string, Exclude<CodeLookup, { kind: 'valid' }> | { kind: 'valid'; balance: number; rating: Rating }>
> = {
  webmoney: {
    wmused0000000000: { kind: 'used' },
    wmexpired0000000: { kind: 'expired' },
    wmunavailable000: { kind: 'unavailable' },
  },
  nanaco: {
    nnused0000000000: { kind: 'used' },
    nnexpired0000000: { kind: 'expired' },
    nnunavailable000: { kind: 'unavailable' },
  },
  netcash: {
    NCUSED0000000000: { kind: 'used' },
    NCEXPIRED0000000: { kind: 'expired' },
    NCUNAVAILABLE000: { kind: 'unavailable' },
  },
  bitcash: {
    あいうえおかきくけこさしすせそた: { kind: 'valid', balance: 10_000, rating: 'EX' },
    さしすせそたちつてとなにぬねのは: { kind: 'valid', balance: 300, rating: 'EX' },
    かきくけこさしすせそたちつてとな: { kind: 'valid', balance: 10_000, rating: 'ST' },
    たちつてとなにぬねのはひふへほま: { kind: 'used' },
    なにぬねのはひふへほまみむめもや: { kind: 'expired' },
    はひふへほまみむめもやゆよらりる: { kind: 'unavailable' },
  },
};

export class SandboxPrepaidIssuer {
  /** Yen spent per brand and code in this run. */
  readonly #spent = new Map<string, number>();

  lookup(brand: string, code: string): CodeLookup {
    const fixed = Object.hasOwn(SANDBOX_CODES, brand) ? SANDBOX_CODES[brand as BrandId][code] : undefined;
    let found: CodeLookup | undefined = fixed;
    // Brands registered at run time: any code whose last 14 characters are digits holds that many yen.
    const prefix = Object.hasOwn(SANDBOX_CODES, brand) ? LATIN_PREFIX[brand as BrandId] : '.*?';
    if (!found && prefix) {
      const match = new RegExp(`^${prefix}(\\d{14})$`).exec(code);
      if (match) found = { kind: 'valid', balance: Number(match[1]), rating: 'EX' };
    }
    if (!found) return { kind: 'invalid' };
    if (found.kind !== 'valid') return found;
    const balance = found.balance - (this.#spent.get(`${brand}:${code}`) ?? 0);
    return balance > 0 ? { ...found, balance } : { kind: 'used' };
  }

  spend(brand: string, code: string, amount: number): void {
    const id = `${brand}:${code}`;
    this.#spent.set(id, (this.#spent.get(id) ?? 0) + amount);
  }
}
