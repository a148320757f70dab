/**
 * The demo merchant's claims and the sandbox payout provider behind them: bank transfers that complete
 * after a delay (or fail for documented test accounts), ATM codes that expire, wallet round trips, QUO links.
 * Time moves only when a claim is read, so the clock can be a test's.
 */
import type { Claim, ClaimMethod, MethodId, Purpose } from '../../src/contract/claim.js';

export interface ClaimRecord {
  token: string;
  claim: Claim;
  /** When the current method started processing (epoch ms). */
  processingSince?: number;
  /** What the sandbox bank will do with the transfer. */
  bankOutcome?: 'complete' | 'holder_mismatch' | 'account_not_found';
  /** Epoch ms after which unused ATM codes lapse. */
  atmExpires?: number;
}

/** The method terms a new claim offers: fees and limits (yen). */
export const DEFAULT_METHODS: ClaimMethod[] = [
  { method: 'bank', fee: 0, arrival: 'business_days' },
  { method: 'atm', fee: 220, arrival: 'instant', max: 100_000 },
  { method: 'amazon', fee: 0, arrival: 'instant', max: 50_000 },
  { method: 'aupay', fee: 0, arrival: 'instant', max: 100_000 },
  { method: 'quo', fee: 0, arrival: 'instant', max: 10_000 },
];

export interface NewClaim {
  amount: number;
  purpose: Purpose;
  message?: string;
  /** Method ids (with the default terms below), or full terms (for a method registered at run time). */
  methods?: (MethodId | ClaimMethod)[];
  payer?: string;
  /** Hours until the link expires. */
  validHours?: number;
}

export interface ClaimBookOptions {
  now: () => number;
  /** How long a sandbox bank transfer takes. */
  bankDelayMs: number;
  /** How long ATM codes stay valid. */
  atmValidMs: number;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export class ClaimBook {
  readonly #claims = new Map<string, ClaimRecord>();

  constructor(readonly options: ClaimBookOptions) {
    const now = options.now();
    const open = (token: string, spec: NewClaim) => this.issue(spec, token);
    open('demo-refund', { amount: 3000, purpose: 'refund', message: 'Refund for order #1234 (the concert was canceled).' });
    open('demo-payout', { amount: 48_600, purpose: 'payout', payer: 'Sandbox Flea Market', message: 'Your sales for October.' });
    open('demo-cashback', { amount: 500, purpose: 'cashback', message: 'Autumn campaign cashback.', methods: ['amazon', 'aupay', 'quo'] });
    const expired = this.issue({ amount: 1200, purpose: 'refund' }, 'demo-expired');
    expired.claim = { ...expired.claim, status: 'expired', expiresAt: iso(now - 86_400_000) };
    const canceled = this.issue({ amount: 1200, purpose: 'refund' }, 'demo-canceled');
    canceled.claim = { ...canceled.claim, status: 'canceled' };
    const done = this.issue({ amount: 800, purpose: 'reward' }, 'demo-completed');
    done.claim = {
      ...done.claim,
      status: 'completed',
      result: { method: 'quo', giftUrl: 'http://localhost/sandbox/quo/demo', expiresAt: iso(now + 3 * 365 * 86_400_000) },
    };
  }

  issue(spec: NewClaim, token: string = crypto.randomUUID()): ClaimRecord {
    const wanted: (string | ClaimMethod)[] = spec.methods ?? DEFAULT_METHODS.map((m) => m.method);
    // Ids take the default terms, in the default order; full terms (a registered method) follow as given.
    const methods = [...DEFAULT_METHODS.filter((m) => wanted.includes(m.method)), ...wanted.filter((m) => typeof m !== 'string')];
    const record: ClaimRecord = {
      token,
      claim: {
        amount: spec.amount,
        currency: 'JPY',
        payer: { name: spec.payer ?? 'Sandbox Game Store' },
        purpose: spec.purpose,
        ...(spec.message ? { message: spec.message } : {}),
        expiresAt: iso(this.options.now() + (spec.validHours ?? 14 * 24) * 3_600_000),
        status: 'open',
        methods,
      },
    };
    this.#claims.set(token, record);
    return record;
  }

  /** The record with time applied: links expire, transfers arrive or bounce, unused ATM codes lapse. */
  get(token: string): ClaimRecord | undefined {
    const record = this.#claims.get(token);
    if (!record) return undefined;
    const now = this.options.now();
    const { claim } = record;
    if ((claim.status === 'open' || claim.status === 'failed') && now > Date.parse(claim.expiresAt)) {
      record.claim = { ...claim, status: 'expired' };
    } else if (claim.status === 'processing' && claim.result?.method === 'bank' && record.processingSince !== undefined) {
      if (now >= record.processingSince + this.options.bankDelayMs) {
        const outcome = record.bankOutcome ?? 'complete';
        record.claim =
          outcome === 'complete'
            ? { ...claim, status: 'completed' }
            : { ...claim, status: 'failed', failure: { code: outcome, retryable: true } };
      }
    } else if (
      claim.status === 'processing' &&
      claim.result?.method === 'atm' &&
      record.atmExpires !== undefined &&
      now > record.atmExpires
    ) {
      const { result: _unused, ...rest } = claim;
      record.claim = { ...rest, status: 'failed', failure: { code: 'atm_codes_expired', retryable: true } };
    }
    return record;
  }

  /** Finds the ATM claim these codes belong to (the sandbox ATM). */
  byAtmCodes(receiptNumber: string, confirmationCode: string): ClaimRecord | undefined {
    for (const token of this.#claims.keys()) {
      const record = this.get(token)!;
      const result = record.claim.result;
      if (
        record.claim.status === 'processing' &&
        result?.method === 'atm' &&
        result.receiptNumber === receiptNumber &&
        result.confirmationCode === confirmationCode
      ) {
        return record;
      }
    }
    return undefined;
  }
}
