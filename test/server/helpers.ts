/**
 * Node tests of the server module: one database per test file, PGlite in memory, or a fresh schema on the
 * PostgreSQL server of DATABASE_URL (CI runs both). A test clock, and helpers to call the backend.
 */
import * as testHooks from 'node:test';
import { truncateAll } from '../../src/server/migrations.js';
import { openPglite, type Sql } from '../../src/server/sql.js';
import { createSandboxBackend, type SandboxBackend, type SandboxBackendOptions } from '../../src/server/sandbox/index.js';
import { insertOrder } from '../../src/server/orders.js';
import { insertClaim } from '../../src/server/claims.js';
import { DEFAULT_METHODS, ORDER_TEMPLATES } from '../../src/server/demo.js';

export const ORIGIN = 'https://shop.test';
export const onPostgres = Boolean(process.env.DATABASE_URL);

export interface TestDatabase {
  sql: Sql;
  /** Opens the same database again, as a restarted process would (close the old one first on PGlite). */
  reopen(): Promise<Sql>;
}

/**
 * Opens a database: a fresh schema on PostgreSQL, or PGlite (in memory; on disk in a temp folder with
 * `onDisk`, so that `reopen` is a real restart).
 */
export async function openDatabase({ onDisk = false } = {}): Promise<TestDatabase> {
  if (onPostgres) {
    const { openPostgres } = await import('../../src/server/sql-pg.js');
    const schema = `t${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const open = () => openPostgres({ connectionString: process.env.DATABASE_URL!, schema, max: 20 });
    return { sql: await open(), reopen: open };
  }
  if (!onDisk) {
    const sql = await openPglite();
    return { sql, reopen: () => Promise.reject(new Error('in memory: no reopen')) };
  }
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'ppw-pglite-'));
  return { sql: await openPglite(dir), reopen: () => openPglite(dir) };
}

/**
 * One database and backend for a test file (hooks registered here), emptied before each test; `seed`
 * runs after emptying. Read `.sql`, `.clock`, `.backend` inside tests.
 */
export function useBackend(options: Partial<SandboxBackendOptions> = {}, seed?: (backend: SandboxBackend) => Promise<void>) {
  const { before, after, beforeEach } = testHooks;
  const state = {} as { sql: Sql; clock: TestClock; backend: SandboxBackend };
  before(async () => {
    state.sql = (await openDatabase()).sql;
    state.clock = new TestClock();
    state.backend = await backendOn(state.sql, state.clock, options);
  });
  after(() => state.sql.close());
  beforeEach(async () => {
    await truncateAll(state.sql);
    state.backend.issuer.hooks = {};
    if (seed) await seed(state.backend);
  });
  return state;
}

export class TestClock {
  constructor(public ms = Date.parse('2026-11-23T10:00:00Z')) {}
  now = () => this.ms;
  advance(ms: number) {
    this.ms += ms;
  }
}

export function backendOn(sql: Sql, clock: TestClock, options: Partial<SandboxBackendOptions> = {}): Promise<SandboxBackend> {
  return createSandboxBackend({ sql, publicOrigin: ORIGIN, now: clock.now, log: () => undefined, ...options });
}

let serial = 0;
export const uniqueId = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${(serial++).toString(36)}`;

/** A fresh open order (the gems-1200 template unless told). */
export async function newOrder(backend: SandboxBackend, amount = 1200, extra: { bitcashExOnly?: boolean } = {}): Promise<string> {
  const id = uniqueId('order');
  const template = ORDER_TEMPLATES[1]!;
  await insertOrder(
    backend.context.sql,
    { id, amount, merchantName: 'Test Store', brands: template.brands, description: 'test', ...extra },
    backend.context.now(),
  );
  return id;
}

export async function newClaim(
  backend: SandboxBackend,
  amount = 3000,
  { validDays = 14, ...extra }: { recipient?: string; verification?: { channel: 'sms' | 'email'; to: string }; validDays?: number } = {},
): Promise<string> {
  const token = uniqueId('claim');
  await insertClaim(
    backend.context.sql,
    {
      token,
      amount,
      purpose: 'refund',
      payerName: 'Test Store',
      methods: DEFAULT_METHODS,
      expiresAt: backend.context.now() + validDays * 86_400_000,
      ...extra,
    },
    backend.context.now(),
  );
  return token;
}

export interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers of many shapes
  body: any;
  headers: Headers;
}

export async function call(
  backend: SandboxBackend,
  method: string,
  path: string,
  body?: unknown,
  key: string | null = crypto.randomUUID(),
  info: { clientAddress?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers['idempotency-key'] = key;
  const response = await backend.handle(
    new Request(ORIGIN + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
    info,
  );
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export const pay = (backend: SandboxBackend, order: string, body: unknown, key?: string) =>
  call(backend, 'POST', `/api/checkout/orders/${order}/payments`, body, key);
export const getOrder = (backend: SandboxBackend, order: string) => call(backend, 'GET', `/api/checkout/orders/${order}`);
