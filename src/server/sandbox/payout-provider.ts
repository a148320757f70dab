/**
 * The sandbox payout provider: bank transfers that arrive after `bankDelayMs` (or bounce for the documented
 * test accounts), Seven Bank ATM codes that lapse after `atmValidMs`, Amazon / au PAY logins on the sandbox's
 * own pages, QUO Card Pay links. Its payouts live in its own table of the same database, so a restart keeps
 * them. A payout keeps an account number only masked; a registered account (`registerAccount`, for saved
 * accounts) is kept whole in `sandbox_accounts`, as a remittance service keeps the accounts it pays.
 */
import type { ClaimResult } from '../../contract/claim.js';
import { sleep } from '../http.js';
import {
  ProviderUnavailable,
  type PayoutAccount,
  type PayoutProvider,
  type PayoutRequest,
  type PayoutStart,
  type PayoutState,
  type RegisteredAccount,
} from '../providers.js';
import type { Sql } from '../sql.js';

/** Sandbox test accounts (README): what the bank does with a transfer to this account number. */
export const SANDBOX_ACCOUNTS: Record<string, 'holder_mismatch' | 'account_not_found' | 'invalid' | 'unavailable'> = {
  '1111111': 'holder_mismatch',
  '2222222': 'account_not_found',
  '0000000': 'invalid',
  '5555555': 'unavailable',
};

export interface SandboxPayoutOptions {
  now: () => number;
  publicOrigin: string;
  /** How long a sandbox bank transfer takes (default 20 s). */
  bankDelayMs?: number;
  /** How long ATM codes stay valid (default 72 h). */
  atmValidMs?: number;
  latencyMs?: number;
}

interface Row {
  id: string;
  method: string;
  kind: 'account' | 'codes' | 'wallet' | 'link';
  amount: number;
  payer_name: string;
  state: 'pending' | 'completed' | 'failed' | 'canceled';
  outcome: string | null;
  result: ClaimResult | null;
  redirect_url: string | null;
  return_url: string | null;
  atm_expires: number | null;
  created_at: number;
}

interface AccountRow {
  id: string;
  recipient: string;
  bank_code: string;
  branch_code: string;
  type: string;
  number: string;
  holder: string;
  bank_name: string;
  branch_name: string;
}

const THREE_YEARS_MS = 3 * 365 * 86_400_000;

function digits(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => String(b % 10)).join('');
}

export type PayoutCall = 'start' | 'status' | 'cancel' | 'register';

export class SandboxPayoutProvider implements PayoutProvider {
  hooks: { before?(call: PayoutCall, id: string): void | Promise<void> } = {};

  constructor(
    private readonly sql: Sql,
    private readonly options: SandboxPayoutOptions,
  ) {}

  get #bankDelayMs() {
    return this.options.bankDelayMs ?? 20_000;
  }

  async #enter(call: PayoutCall, id: string): Promise<void> {
    if (this.options.latencyMs) await sleep(this.options.latencyMs);
    await this.hooks.before?.(call, id);
  }

  async start(request: PayoutRequest): Promise<PayoutStart> {
    await this.#enter('start', request.id);
    const known = await this.#read(request.id);
    if (known) return { kind: 'started', payout: this.#state(known) };
    const now = this.options.now();
    const origin = this.options.publicOrigin;
    let outcome: string | null = null;
    let state: Row['state'] = 'pending';
    let result: ClaimResult | null = null;
    let redirectUrl: string | null = null;
    let atm: { receipt: string; code: string; expires: number } | null = null;
    switch (request.kind) {
      case 'account': {
        const account = request.accountId !== undefined ? await this.#account(request.accountId, request.recipient) : request.account;
        if (!account) return { kind: 'invalid_account', field: 'accountId', message: 'No account of this recipient has this id.' };
        const fate = SANDBOX_ACCOUNTS[account.number];
        if (fate === 'invalid') return { kind: 'invalid_account', field: 'account.number', message: 'This account number does not exist.' };
        if (fate === 'unavailable') throw new ProviderUnavailable('The sandbox bank is not answering.');
        outcome = fate ?? 'complete';
        result = {
          method: request.method,
          bankName: account.bankName,
          branchName: account.branchName,
          type: account.type,
          masked: `***${account.number.slice(-4)}`,
          holder: account.holder,
        };
        break;
      }
      case 'codes':
        atm = { receipt: digits(12), code: digits(6), expires: now + (this.options.atmValidMs ?? 72 * 3_600_000) };
        result = {
          method: request.method,
          receiptNumber: atm.receipt,
          confirmationCode: atm.code,
          expiresAt: new Date(atm.expires).toISOString(),
        };
        break;
      case 'link':
        state = 'completed';
        result = {
          method: request.method,
          giftUrl: `${origin}/sandbox/quo/${request.id}`,
          expiresAt: new Date(now + THREE_YEARS_MS).toISOString(),
        };
        break;
      case 'wallet':
        redirectUrl = `${origin}/sandbox/wallet/${request.id}`;
        break;
    }
    await this.sql.query(
      `INSERT INTO sandbox_payouts (id, method, kind, amount, payer_name, state, outcome, result, redirect_url, return_url, atm_receipt, atm_code, atm_expires, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING`,
      [
        request.id,
        request.method,
        request.kind,
        request.amount,
        request.payerName,
        state,
        outcome,
        result ? JSON.stringify(result) : null,
        redirectUrl,
        request.returnUrl ?? null,
        atm?.receipt ?? null,
        atm?.code ?? null,
        atm?.expires ?? null,
        now,
      ],
    );
    return { kind: 'started', payout: this.#state((await this.#read(request.id))!) };
  }

  async registerAccount({ recipient, account }: { recipient: string; account: PayoutAccount }): Promise<RegisteredAccount> {
    await this.#enter('register', recipient);
    // One row per recipient and account: a repeat (a retry, a race) finds the row the first one made.
    await this.sql.query(
      `INSERT INTO sandbox_accounts (id, recipient, bank_code, branch_code, type, number, holder, bank_name, branch_name, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (recipient, bank_code, branch_code, type, number) DO NOTHING`,
      [
        `acct_${crypto.randomUUID()}`,
        recipient,
        account.bankCode,
        account.branchCode,
        account.type,
        account.number,
        account.holder,
        account.bankName,
        account.branchName,
        this.options.now(),
      ],
    );
    const [row] = await this.sql.query<AccountRow>(
      'SELECT * FROM sandbox_accounts WHERE recipient = $1 AND bank_code = $2 AND branch_code = $3 AND type = $4 AND number = $5',
      [recipient, account.bankCode, account.branchCode, account.type, account.number],
    );
    const kept = row!;
    return {
      accountId: kept.id,
      bankCode: kept.bank_code,
      branchCode: kept.branch_code,
      bankName: kept.bank_name,
      branchName: kept.branch_name,
      type: kept.type as PayoutAccount['type'],
      masked: `***${kept.number.slice(-4)}`,
      holder: kept.holder,
    };
  }

  /** A registered account, only for its own recipient. */
  async #account(id: string, recipient: string | undefined): Promise<PayoutAccount | undefined> {
    if (recipient === undefined) return undefined;
    const [row] = await this.sql.query<AccountRow>('SELECT * FROM sandbox_accounts WHERE id = $1 AND recipient = $2', [id, recipient]);
    return row
      ? {
          bankCode: row.bank_code,
          branchCode: row.branch_code,
          type: row.type as PayoutAccount['type'],
          number: row.number,
          holder: row.holder,
          bankName: row.bank_name,
          branchName: row.branch_name,
        }
      : undefined;
  }

  async status(id: string): Promise<PayoutState | undefined> {
    await this.#enter('status', id);
    const row = await this.#read(id);
    return row ? this.#state(row) : undefined;
  }

  async cancel(id: string): Promise<PayoutState | undefined> {
    await this.#enter('cancel', id);
    await this.sql.query(`UPDATE sandbox_payouts SET state = 'canceled' WHERE id = $1 AND state = 'pending' AND kind = 'wallet'`, [id]);
    return this.status(id);
  }

  /** Time applied: transfers arrive or bounce, ATM codes lapse. */
  async #read(id: string): Promise<Row | undefined> {
    const [row] = await this.sql.query<Row>('SELECT * FROM sandbox_payouts WHERE id = $1', [id]);
    if (row?.state !== 'pending') return row;
    const now = this.options.now();
    let state: Row['state'] | null = null;
    if (row.kind === 'account' && now >= row.created_at + this.#bankDelayMs) state = row.outcome === 'complete' ? 'completed' : 'failed';
    if (row.kind === 'codes' && row.atm_expires !== null && now > row.atm_expires) state = 'failed';
    if (!state) return row;
    const [updated] = await this.sql.query<Row>(`UPDATE sandbox_payouts SET state = $2 WHERE id = $1 AND state = 'pending' RETURNING *`, [
      id,
      state,
    ]);
    return updated ?? (await this.sql.query<Row>('SELECT * FROM sandbox_payouts WHERE id = $1', [id]))[0];
  }

  #state(row: Row): PayoutState {
    switch (row.state) {
      case 'pending':
        return {
          state: 'pending',
          ...(row.result ? { result: row.result } : {}),
          ...(row.redirect_url ? { redirectUrl: row.redirect_url } : {}),
        };
      case 'completed':
        return { state: 'completed', ...(row.result ? { result: row.result } : {}) };
      case 'canceled':
        return { state: 'canceled' };
      case 'failed':
        return row.kind === 'codes'
          ? { state: 'failed', code: 'atm_codes_expired', retryable: true }
          : { state: 'failed', code: row.outcome ?? 'failed', retryable: true, ...(row.result ? { result: row.result } : {}) };
    }
  }

  /** The sandbox pages' view of a payout. */
  async payout(id: string): Promise<Row | undefined> {
    return this.#read(id);
  }

  /** The wallet login page: receive or cancel; the return URL, or undefined if the session has ended. */
  async endWallet(id: string, action: 'receive' | 'cancel'): Promise<string | undefined> {
    const [row] = await this.sql.query<{ return_url: string }>(
      `UPDATE sandbox_payouts SET state = $2 WHERE id = $1 AND state = 'pending' AND kind = 'wallet' RETURNING return_url`,
      [id, action === 'receive' ? 'completed' : 'canceled'],
    );
    return row?.return_url;
  }

  /** The sandbox ATM: the yen dispensed, or undefined if the numbers match no payout waiting there. */
  async withdraw(receiptNumber: string, confirmationCode: string): Promise<number | undefined> {
    const [row] = await this.sql.query<{ amount: number }>(
      `UPDATE sandbox_payouts SET state = 'completed' WHERE atm_receipt = $1 AND atm_code = $2 AND state = 'pending' AND atm_expires >= $3 RETURNING amount`,
      [receiptNumber, confirmationCode, this.options.now()],
    );
    return row?.amount;
  }
}
