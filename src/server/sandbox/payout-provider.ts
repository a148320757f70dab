/**
 * The sandbox payout provider: bank transfers that arrive after `bankDelayMs` (or bounce for the documented
 * test accounts), Seven Bank ATM codes that lapse after `atmValidMs`, Amazon / au PAY logins on the sandbox's
 * own pages, QUO Card Pay links. Its payouts live in its own table of the same database, so a restart keeps
 * them. An account number is kept only masked.
 */
import type { ClaimResult } from '../../contract/claim.js';
import { sleep } from '../http.js';
import { ProviderUnavailable, type PayoutProvider, type PayoutRequest, type PayoutStart, type PayoutState } from '../providers.js';
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

const THREE_YEARS_MS = 3 * 365 * 86_400_000;

function digits(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return [...bytes].map((b) => String(b % 10)).join('');
}

export type PayoutCall = 'start' | 'status' | 'cancel';

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
        const account = request.account!;
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
