/**
 * One schema, versioned migrations, run at start (in one transaction each, under an advisory lock so that
 * two processes starting at once do not race). Times are epoch milliseconds (int8). SQL kept to what
 * PostgreSQL 15 has (PGlite is PostgreSQL 18).
 *
 * Secrets at rest: no merchant table keeps a prepaid code, an account number or a request body (saved accounts
 * keep the provider's id and the masked number; the sandbox provider, in its own table, keeps the account). Payments and
 * results keep masked values; idempotency records keep a SHA-256 fingerprint of the body. The sandbox
 * issuer (a provider, in its own tables) keys its codes by SHA-256 as well.
 */
import type { Sql } from './sql.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'orders, claims, idempotency, lockouts, sandbox providers',
    sql: `
CREATE TABLE orders (
  id text PRIMARY KEY,
  amount integer NOT NULL CHECK (amount > 0),
  description text,
  merchant_name text NOT NULL,
  brands jsonb NOT NULL,
  bitcash_ex_only boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('open', 'paid', 'canceled', 'expired', 'refunded')),
  payments jsonb,
  paid_at bigint,
  refunded_at bigint,
  -- the payment attempt that holds the order (one at a time: the row lock of a money path)
  attempt_id text,
  created_at bigint NOT NULL
);

-- One row per try to pay an order. A row left in reserving/committing/releasing by a process that died is
-- found by its expired lease and finished by asking the provider (never by charging again).
CREATE TABLE payment_attempts (
  id text PRIMARY KEY,
  order_id text NOT NULL REFERENCES orders(id),
  idem_scope text,
  idem_key text,
  brand text NOT NULL,
  code_count integer NOT NULL,
  state text NOT NULL CHECK (state IN ('reserving', 'committing', 'releasing', 'paid', 'released')),
  -- [{id, amount, masked}]: the reservations made at the issuer
  reservations jsonb NOT NULL DEFAULT '[]',
  lease_until bigint NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX payment_attempts_unfinished ON payment_attempts (lease_until) WHERE state IN ('reserving', 'committing', 'releasing');
CREATE INDEX payment_attempts_order ON payment_attempts (order_id);

CREATE TABLE claims (
  token text PRIMARY KEY,
  amount integer NOT NULL CHECK (amount > 0),
  payer_name text NOT NULL,
  purpose text NOT NULL,
  message text,
  methods jsonb NOT NULL,
  expires_at bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'processing', 'completed', 'failed', 'expired', 'canceled')),
  result jsonb,
  failure jsonb,
  next jsonb,
  -- the payout at the provider: 'starting' (asked, no answer yet; lease_until) or 'active'
  payout_id text,
  payout_state text CHECK (payout_state IN ('starting', 'active')),
  payout_method text,
  idem_scope text,
  idem_key text,
  lease_until bigint,
  processing_since bigint,
  -- bumped on every change: a claim POST wins only against the version it read
  version integer NOT NULL DEFAULT 0,
  created_at bigint NOT NULL
);
CREATE INDEX claims_starting ON claims (lease_until) WHERE payout_state = 'starting';

CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  state text NOT NULL CHECK (state IN ('running', 'done')),
  owner text,
  lease_until bigint,
  status integer,
  headers jsonb,
  body text,
  created_at bigint NOT NULL,
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE lockouts (
  subject text PRIMARY KEY,
  failures integer NOT NULL,
  window_start bigint NOT NULL,
  locked_until bigint NOT NULL
);

CREATE TABLE sandbox_codes (
  code_hash text PRIMARY KEY,
  spent integer NOT NULL DEFAULT 0,
  held integer NOT NULL DEFAULT 0
);
CREATE TABLE sandbox_reservations (
  id text PRIMARY KEY,
  code_hash text NOT NULL REFERENCES sandbox_codes(code_hash),
  amount integer NOT NULL,
  state text NOT NULL CHECK (state IN ('held', 'committed', 'released')),
  created_at bigint NOT NULL
);
CREATE TABLE sandbox_redirects (
  id text PRIMARY KEY,
  order_id text NOT NULL,
  brand text NOT NULL,
  amount integer NOT NULL,
  merchant_name text NOT NULL,
  return_url text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'paid', 'canceled')),
  created_at bigint NOT NULL
);
CREATE TABLE sandbox_payouts (
  id text PRIMARY KEY,
  method text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('account', 'codes', 'wallet', 'link')),
  amount integer NOT NULL,
  payer_name text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'completed', 'failed', 'canceled')),
  outcome text,
  result jsonb,
  redirect_url text,
  return_url text,
  atm_receipt text,
  atm_code text,
  atm_expires bigint,
  created_at bigint NOT NULL
);
CREATE INDEX sandbox_payouts_atm ON sandbox_payouts (atm_receipt) WHERE atm_receipt IS NOT NULL;
`,
  },
  {
    version: 2,
    name: 'claim verification: one-time codes (keyed hashes), verified state, the server secret',
    sql: `
-- Where the recipient's one-time code goes (the real destination: needed to send; answers carry it masked),
-- and when they proved it is them. A claim without verify_channel needs no code.
ALTER TABLE claims ADD COLUMN verify_channel text CHECK (verify_channel IN ('sms', 'email'));
ALTER TABLE claims ADD COLUMN verify_to text;
ALTER TABLE claims ADD COLUMN verified_at bigint;

-- The claim's current code: only its HMAC-SHA256 under the server secret, never the code. A new code
-- replaces the old one (and its tries); tries are taken before a code is compared, so that racing guesses
-- get at most 5 comparisons per code. Sends are counted per hour.
CREATE TABLE claim_verifications (
  token text PRIMARY KEY REFERENCES claims(token) ON DELETE CASCADE,
  code_hash text,
  sent_at bigint,
  expires_at bigint,
  tries integer NOT NULL DEFAULT 0,
  -- codes compared and codes sent over the claim's whole life (a cap that no lockout window resets)
  compared_total integer NOT NULL DEFAULT 0,
  sends_total integer NOT NULL DEFAULT 0,
  hour_start bigint NOT NULL,
  hour_sends integer NOT NULL DEFAULT 0
);

-- Secrets the backend made itself when none was configured (VERIFICATION_SECRET), kept where its data is.
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at bigint NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'claim recipients, saved bank accounts (the provider keeps the account; the merchant its id)',
    sql: `
-- The merchant's own id for the person a claim pays (null: this claim offers no saved accounts).
ALTER TABLE claims ADD COLUMN recipient text;
-- A save asked with this payout: the provider's account id and what is shown (never the number). Written
-- before the payout starts; turned into a saved_accounts row once the provider has the payout.
ALTER TABLE claims ADD COLUMN save_account jsonb;

CREATE TABLE saved_accounts (
  recipient text NOT NULL,
  -- the payout provider's id for the account it keeps
  account_id text NOT NULL,
  bank_code text NOT NULL,
  branch_code text NOT NULL,
  bank_name text NOT NULL,
  branch_name text NOT NULL,
  type text NOT NULL CHECK (type IN ('ordinary', 'checking', 'savings')),
  masked text NOT NULL,
  holder text NOT NULL,
  created_at bigint NOT NULL,
  PRIMARY KEY (recipient, account_id)
);
CREATE INDEX saved_accounts_newest ON saved_accounts (recipient, created_at DESC);

-- The sandbox payout provider's registered accounts (a provider keeps the whole account; one per recipient and account).
CREATE TABLE sandbox_accounts (
  id text PRIMARY KEY,
  recipient text NOT NULL,
  bank_code text NOT NULL,
  branch_code text NOT NULL,
  type text NOT NULL,
  number text NOT NULL,
  holder text NOT NULL,
  bank_name text NOT NULL,
  branch_name text NOT NULL,
  created_at bigint NOT NULL,
  UNIQUE (recipient, bank_code, branch_code, type, number)
);
`,
  },
  {
    version: 4,
    name: 'refunds',
    sql: `
-- Yen refunded so far (the wire's refundedAmount); refunded_at is the latest refund's time.
ALTER TABLE orders ADD COLUMN refunded_amount integer NOT NULL DEFAULT 0 CHECK (refunded_amount >= 0 AND refunded_amount <= amount);

-- One row per refund the merchant asked for. The id is chosen and kept before the issuer is called; each part
-- goes to the issuer as {id}.{payment index}, so that a retry or a reconciler repeats the same calls, which the
-- issuer answers without refunding twice. 'refunding' rows hold their amount: racing refunds see it as taken.
CREATE TABLE refunds (
  id text PRIMARY KEY,
  order_id text NOT NULL REFERENCES orders(id),
  -- the merchant's idempotency key, and the SHA-256 of the request it came with (never the request)
  idem_key text NOT NULL,
  fingerprint text NOT NULL,
  amount integer NOT NULL CHECK (amount > 0),
  -- [{payment, amount}]: yen back to each payment (its index in orders.payments)
  split jsonb NOT NULL,
  state text NOT NULL CHECK (state IN ('refunding', 'refunded')),
  lease_until bigint NOT NULL,
  created_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  UNIQUE (order_id, idem_key)
);
CREATE INDEX refunds_unfinished ON refunds (lease_until) WHERE state = 'refunding';

-- The sandbox issuer's side: value put back on a code (a committed reservation) or a redirect wallet.
CREATE TABLE sandbox_refunds (
  id text PRIMARY KEY,
  order_id text NOT NULL,
  reservation_id text,
  amount integer NOT NULL CHECK (amount > 0),
  created_at bigint NOT NULL
);
CREATE INDEX sandbox_refunds_reservation ON sandbox_refunds (reservation_id) WHERE reservation_id IS NOT NULL;
`,
  },
];

/** Applies the migrations not yet applied; returns their versions. */
export async function migrate(sql: Sql, now = Date.now()): Promise<number[]> {
  return sql.transaction(async (tx) => {
    // Serialises concurrent starts on one database (a no-op wait on PGlite).
    await tx.query('SELECT pg_advisory_xact_lock(872301)');
    await tx.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)`,
    );
    const done = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (done.has(migration.version)) continue;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        now,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}

/** Our migrations hold no `;` inside literals or bodies, so splitting on `;` at line ends is enough. */
function splitStatements(text: string): string[] {
  return text
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

/** Empties every table (tests that reuse one database between cases). */
export async function truncateAll(sql: Sql): Promise<void> {
  await sql.query(
    'TRUNCATE orders, payment_attempts, refunds, sandbox_refunds, claims, idempotency_keys, lockouts, sandbox_codes, sandbox_reservations, sandbox_redirects, sandbox_payouts, claim_verifications, saved_accounts, sandbox_accounts',
  );
}
