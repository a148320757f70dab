/**
 * The payout methods as data (DOMAIN.md), one record each. What a method needs from the recipient
 * decides the request body, the confirm step and the result; a new method is one record here plus its
 * translations (`methods` in src/i18n/ja.ts and en.ts; the compiler names them).
 *
 * A page or a test can also register a method at run time (`registerPayoutMethod`), for a method a
 * provider added before this package knew it; it brings its own translations.
 */
import { createRegistry, type Registered } from './registry.js';

/**
 * - `account`: a bank account the recipient enters (or a saved one): `{method, account}` or `{method, accountId}`;
 *   the result names the bank, branch and masked number.
 * - `codes`: nothing to enter; the result is codes to use somewhere (Seven Bank ATM receipt and confirmation).
 * - `wallet`: a login on the wallet's site: `{method, returnUrl}`, answered with `next.redirectUrl`.
 * - `link`: nothing to enter; the result is a gift link with an expiry (QUO Card Pay).
 */
export const METHOD_KINDS = ['account', 'codes', 'wallet', 'link'] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

export interface MethodDefinition {
  readonly kind: MethodKind;
}

export const METHODS = {
  bank: { kind: 'account' },
  atm: { kind: 'codes' },
  amazon: { kind: 'wallet' },
  aupay: { kind: 'wallet' },
  quo: { kind: 'link' },
} as const satisfies Record<string, MethodDefinition>;

/** The methods this package knows at compile time. */
export type MethodId = keyof typeof METHODS;
export const METHOD_IDS = Object.keys(METHODS) as MethodId[];

/** Built-in and registered methods: `methods.get(id)?.kind`. */
export const methods = createRegistry<MethodDefinition>(METHODS, 'payout method');

/** Teaches the widgets and the reference backend a payout method this package does not know yet. */
export function registerPayoutMethod<Words>(id: string, definition: MethodDefinition, messages: Registered<MethodDefinition, Words>['messages']): void {
  methods.register(id, { definition, messages });
}

export function kindOf(id: string): MethodKind | undefined {
  return methods.get(id)?.kind;
}
