/**
 * The prepaid brands as data (DOMAIN.md), one record each. The wire schema, the code boxes, the hint and
 * the masking follow from a brand's code format, so a new brand is one record here plus its translations
 * (`brands` in src/i18n/ja.ts and en.ts; the compiler names them).
 *
 * A page or a test can also register a brand at run time (`registerBrand`), for a brand an issuer added
 * before this package knew it; it brings its own translations.
 */
import { createRegistry, type Registered } from './registry.js';

/** How a brand's code is printed and typed. */
export interface CodeFormat {
  /** Characters in a code. */
  readonly length: number;
  /** Characters per box (the printed grouping); the boxes are `length / groupSize`. */
  readonly groupSize: number;
  /** Latin letters and digits, or hiragana (BitCash's ひらがなID). */
  readonly script: 'latin' | 'hiragana';
  /** How letter case goes on the wire: folded to lowercase, or kept as printed. */
  readonly letterCase: 'lower' | 'keep';
  /** Characters the issuer never prints. */
  readonly neverUsed: string;
  /** Pairs that look alike on the card, shown as a hint (`Z/2`). */
  readonly lookAlikes: readonly string[];
}

export interface BrandDefinition {
  readonly code: CodeFormat;
}

const latin16 = { length: 16, groupSize: 4, script: 'latin', neverUsed: '', lookAlikes: [] } as const;

export const BRANDS = {
  webmoney: { code: { ...latin16, letterCase: 'lower' } },
  bitcash: { code: { ...latin16, script: 'hiragana', letterCase: 'keep' } },
  // NET CASH never prints the letter O (DOMAIN.md). Whether lowercase o is also absent is uncertain;
  // we treat both as mistakes for the digit 0, since the card's font makes them look alike.
  netcash: { code: { ...latin16, letterCase: 'keep', neverUsed: 'Oo', lookAlikes: ['Z/2', 'S/5', 'K/k', 'J/j'] } },
  nanaco: { code: { ...latin16, letterCase: 'lower' } },
} as const satisfies Record<string, BrandDefinition>;

/** The brands this package knows at compile time. */
export type BrandId = keyof typeof BRANDS;
export const BRAND_IDS = Object.keys(BRANDS) as BrandId[];

/** Built-in and registered brands: `brands.get(id)?.code`. */
export const brands = createRegistry<BrandDefinition>(BRANDS, 'brand');

/** Teaches the widgets and the reference backend a brand this package does not know yet. */
export function registerBrand<Words>(id: string, definition: BrandDefinition, messages: Registered<BrandDefinition, Words>['messages']): void {
  brands.register(id, { definition, messages });
}
