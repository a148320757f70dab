/**
 * `prepaid-payout-widgets/server`: the merchant backend of CONTRACT.md as a module. Node (or any runtime
 * with fetch's Request/Response and Web Crypto); never part of the browser bundles.
 *
 * ```ts
 * import { createSandboxBackend, openPglite } from 'prepaid-payout-widgets/server';
 * const backend = await createSandboxBackend({ sql: await openPglite('.data/pglite'), publicOrigin: 'https://shop.example' });
 * const response = await backend.handle(request);
 * ```
 * A real provider: implement `PrepaidIssuer` / `PayoutProvider` and call `createMerchantBackend`.
 */
export { createMerchantBackend, loggedPath, CHECKOUT_BASE, CLAIMS_BASE } from './backend.js';
export type { MerchantBackend, MerchantBackendOptions, RequestInfo, Route } from './backend.js';
export type { BackendContext } from './context.js';
export { ProviderUnavailable } from './providers.js';
export type * from './providers.js';
export type { Sql, Queryable } from './sql.js';
export { openPglite, pgliteSql } from './sql.js';
export { openPostgres, pgSql, type PgOptions } from './sql-pg.js';
export { migrate, MIGRATIONS, truncateAll } from './migrations.js';
export { insertOrder, type NewOrder } from './orders.js';
export { splitRefund, REFUND_ERROR_STATUS, MAX_REFUNDS_PER_ORDER } from './refunds.js';
export type { Refund, RefundErrorCode, RefundOptions, RefundOutcome, RefundPart } from './refunds.js';
export { insertClaim, type NewClaim } from './claims.js';
export { MAX_BODY_BYTES } from './http.js';
export { toNodeMiddleware, toRequest, sendResponse } from './node.js';
export { configFromEnv, openStore, type ServerConfig } from './config.js';
export { createSandboxBackend, type SandboxBackend, type SandboxBackendOptions } from './sandbox/index.js';
export {
  SandboxPrepaidIssuer,
  SandboxPayoutProvider,
  SANDBOX_CODES,
  SANDBOX_ACCOUNTS,
  smallBankDirectory,
  type BankDirectory,
} from './sandbox/index.js';
export { ORDER_TEMPLATES, DEFAULT_METHODS } from './demo.js';
export {
  bankArrivalBy,
  isBankBusinessDay,
  transferStartDay,
  DEFAULT_ARRIVAL_TERMS,
  HOLIDAYS_KNOWN_UNTIL,
  type ArrivalTerms,
} from './business-days.js';
