/**
 * The claim calls of CONTRACT.md as one fetch-style handler, over the sandbox payout provider.
 * Every request body is checked with the contract's schemas.
 */
import type { Claim } from '../../src/contract/claim.js';
import { claimRequest, type BankAccount } from '../../src/contract/claim-requests.js';
import type { BankDirectory } from './bank-directory.js';
import type { ClaimBook, ClaimRecord } from './claims.js';
import { apiError, json, matchPath, parseBody } from './http.js';
import type { IdempotencyStore } from './idempotency.js';
import type { Lockout } from './lockout.js';

export interface ClaimApiDeps {
  claims: ClaimBook;
  banks: BankDirectory;
  idempotency: IdempotencyStore;
  lockout: Lockout;
  now: () => number;
  /** Starts a wallet login on the sandbox's page; returns the URL to send the recipient to. */
  startWallet: (record: ClaimRecord, method: string, returnUrl: string, origin: string) => string;
  /** The sandbox QUO Card Pay gift page for a claim. */
  quoUrl: (record: ClaimRecord, origin: string) => string;
}

/** Sandbox test accounts (README): what the bank does with a transfer to this account number. */
export const SANDBOX_ACCOUNTS: Record<string, 'holder_mismatch' | 'account_not_found' | 'invalid' | 'unavailable'> = {
  '1111111': 'holder_mismatch',
  '2222222': 'account_not_found',
  '0000000': 'invalid',
  '5555555': 'unavailable',
};

function digits(n: number, length: number): string {
  let out = '';
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  for (let i = 0; i < length; i++) out += String(bytes[i]! % 10);
  return out.padStart(length, String(n));
}

export function createClaimApi(base: string, deps: ClaimApiDeps) {
  const { claims, banks, idempotency, lockout } = deps;

  function canClaim(claim: Claim): boolean {
    return claim.status === 'open' || (claim.status === 'failed' && claim.failure?.retryable === true);
  }

  function checkAccount(account: BankAccount): Response | null {
    const bankName = banks.bankName(account.bankCode);
    if (!bankName) return apiError(422, 'invalid_account', 'No bank has this code.', { field: 'account.bankCode' });
    if (!banks.branchName(account.bankCode, account.branchCode)) {
      return apiError(422, 'invalid_account', 'This bank has no branch with this code.', { field: 'account.branchCode' });
    }
    const outcome = SANDBOX_ACCOUNTS[account.number];
    if (outcome === 'invalid') return apiError(422, 'invalid_account', 'This account number does not exist.', { field: 'account.number' });
    if (outcome === 'unavailable') return apiError(503, 'provider_unavailable', 'The sandbox bank is not answering.');
    return null;
  }

  async function post(token: string, text: string, origin: string): Promise<Response> {
    const record = claims.get(token);
    if (!record) return apiError(404, 'claim_not_found', 'No such claim.');
    const { claim } = record;
    if (claim.status === 'expired') return apiError(410, 'claim_expired', 'This claim has expired.');
    if (!canClaim(claim)) return apiError(409, 'claim_not_open', `The claim is ${claim.status}.`);
    const body = parseBody(text, claimRequest);
    if (!body.ok) return body.response;
    const request = body.value;
    const method = request.method;
    const terms = claim.methods.find((m) => m.method === method);
    if (!terms) return apiError(422, 'method_not_available', 'This claim cannot be received this way.', { field: 'method' });
    if (terms.max !== undefined && claim.amount > terms.max) {
      return apiError(422, 'over_method_limit', `At most ${terms.max} yen this way.`, { field: 'method' });
    }
    const retryAfter = lockout.retryAfter(token);
    if (retryAfter > 0) return apiError(429, 'too_many_attempts', 'Too many wrong accounts. Try again later.', { retryAfter });

    const now = deps.now();
    const base: Claim = { ...claim, status: 'processing' };
    delete base.failure;
    delete base.next;
    delete base.result;
    let next: Claim;
    if ('account' in request && request.account) {
      const refused = checkAccount(request.account);
      if (refused) {
        if (refused.status === 422) lockout.fail(token);
        return refused;
      }
      const account = request.account;
      const outcome = SANDBOX_ACCOUNTS[account.number];
      record.bankOutcome = outcome === 'holder_mismatch' || outcome === 'account_not_found' ? outcome : 'complete';
      next = {
        ...base,
        result: {
          method: 'bank',
          bankName: banks.bankName(account.bankCode)!,
          branchName: banks.branchName(account.bankCode, account.branchCode)!,
          type: account.type,
          masked: `***${account.number.slice(-4)}`,
          holder: account.holder,
        },
      };
    } else if (request.method === 'atm') {
      record.atmExpires = now + claims.options.atmValidMs;
      next = {
        ...base,
        result: {
          method: 'atm',
          receiptNumber: digits(0, 12),
          confirmationCode: digits(0, 6),
          expiresAt: new Date(record.atmExpires).toISOString(),
        },
      };
    } else if (request.method === 'quo') {
      next = {
        ...base,
        status: 'completed',
        result: { method: 'quo', giftUrl: deps.quoUrl(record, origin), expiresAt: new Date(now + 3 * 365 * 86_400_000).toISOString() },
      };
    } else if ('returnUrl' in request) {
      next = { ...base, next: { redirectUrl: deps.startWallet(record, request.method, request.returnUrl, origin) } };
    } else {
      return apiError(400, 'invalid_request', 'A wallet needs a returnUrl.', { field: 'returnUrl' });
    }
    lockout.succeed(token);
    record.claim = next;
    record.processingSince = now;
    return json(200, next);
  }

  return async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${base}/`)) return null;
    const path = url.pathname.slice(base.length);
    const read = matchPath('/:token', path);
    if (read) {
      if (request.method !== 'GET') return apiError(405, 'invalid_request', 'Use GET.');
      const record = claims.get(read.token!);
      return record ? json(200, record.claim) : apiError(404, 'claim_not_found', 'No such claim.');
    }
    const write = matchPath('/:token/claim', path);
    if (write) {
      if (request.method !== 'POST') return apiError(405, 'invalid_request', 'Use POST.');
      const text = await request.text();
      return idempotency.run(url.pathname, request.headers.get('idempotency-key'), text, () => post(write.token!, text, url.origin));
    }
    return apiError(404, 'invalid_request', 'No such API path.');
  };
}
