/**
 * The claim flow as data: a discriminated union of states and a pure `transition(state, event)`.
 * No lit, no fetch, no clock: the controller runs the effects and passes in keys and times.
 */
import type { ApiError } from '../api/client.js';
import type { Claim, ClaimMethod, MethodId } from '../contract/claim.js';
import type { BankAccount } from '../contract/claim-requests.js';

export interface Attempt {
  key: string;
  body: string;
}

/** Something to tell the recipient on top of the step itself. */
export type Notice = 'already_claimed' | 'redirect_canceled' | null;

export interface Choice {
  claim: Claim;
  method: MethodId | null;
  /** The bank account as the recipient entered it (bank transfer), kept when they go back. */
  account: BankAccount | null;
  error: ApiError | null;
  /** The last attempt whose outcome is unknown: confirming again sends it again, same key. */
  attempt: Attempt | null;
  lockedUntil: number | null;
  notice: Notice;
}

export type ClaimState =
  | { status: 'loading'; notice: Notice }
  | { status: 'unavailable'; error: ApiError }
  | { status: 'choosing'; choice: Choice }
  | { status: 'confirming'; choice: Choice }
  | { status: 'submitting'; choice: Choice; attempt: Attempt }
  | { status: 'redirecting'; claim: Claim; redirectUrl: string; method: MethodId }
  | { status: 'processing'; claim: Claim; polls: number; notice: Notice; choice: Choice | null }
  | { status: 'completed'; claim: Claim; notice: Notice }
  | { status: 'closed'; claim: Claim };

export type ClaimStatusName = ClaimState['status'];

export type ClaimEvent =
  | { type: 'loaded'; claim: Claim; returnedFromRedirect: boolean }
  | { type: 'load-failed'; error: ApiError }
  | { type: 'reload' }
  | { type: 'method-chosen'; method: MethodId }
  | { type: 'account-entered'; account: BankAccount }
  | { type: 'continue' }
  | { type: 'back' }
  | { type: 'confirm'; key: string; returnUrl: string; now: number }
  | { type: 'claimed'; claim: Claim }
  | { type: 'claim-failed'; error: ApiError; now: number }
  | { type: 'polled'; claim: Claim }
  | { type: 'refreshed'; claim: Claim }
  | { type: 'poll-failed' }
  | { type: 'lock-expired'; now: number };

export const initialState: ClaimState = { status: 'loading', notice: null };

/** Whether a method can take this claim: offered, and the amount within its limit. */
export function methodAvailable(claim: Claim, terms: ClaimMethod): boolean {
  return terms.max === undefined || claim.amount <= terms.max;
}

export function termsOf(claim: Claim, method: MethodId | null): ClaimMethod | undefined {
  return claim.methods.find((m) => m.method === method);
}

/** What the recipient receives by a method: the amount less its fee. */
export function netAmount(claim: Claim, method: MethodId): number {
  return Math.max(0, claim.amount - (termsOf(claim, method)?.fee ?? 0));
}

/** Whether the choice is complete enough to confirm: an available method, and an account for bank. */
export function readyToConfirm(choice: Choice): boolean {
  const terms = termsOf(choice.claim, choice.method);
  return !!terms && methodAvailable(choice.claim, terms) && (choice.method !== 'bank' || choice.account !== null);
}

/** The POST body for the recipient's choice, or null when something is missing. */
export function claimBody(choice: Choice, returnUrl: string): Record<string, unknown> | null {
  const { method } = choice;
  if (!method || !readyToConfirm(choice)) return null;
  if (method === 'bank') return { method, account: choice.account };
  if (method === 'amazon' || method === 'aupay') return { method, returnUrl };
  return { method };
}

function freshChoice(claim: Claim, notice: Notice): Choice {
  const available = claim.methods.filter((m) => methodAvailable(claim, m));
  // A retry after a failed transfer starts from the method that failed.
  const failedMethod = claim.status === 'failed' ? (claim.result?.method ?? null) : null;
  const method = failedMethod ?? (available.length === 1 ? available[0]!.method : null);
  return { claim, method, account: null, error: null, attempt: null, lockedUntil: null, notice };
}

/** Where a claim as the server sees it puts the flow. */
function fromClaim(claim: Claim, notice: Notice, previous?: Choice): ClaimState {
  switch (claim.status) {
    case 'open':
      return { status: 'choosing', choice: previous ? { ...previous, claim, notice } : freshChoice(claim, notice) };
    case 'processing':
      return { status: 'processing', claim, polls: 0, notice, choice: previous ?? null };
    case 'completed':
      return { status: 'completed', claim, notice };
    case 'failed':
      if (claim.failure?.retryable) {
        // The recipient corrects what they entered: same method, same account, the failure shown.
        const choice = previous ? { ...previous, claim, notice, error: null, attempt: null } : freshChoice(claim, notice);
        return { status: 'choosing', choice };
      }
      return { status: 'closed', claim };
    case 'expired':
    case 'canceled':
      return { status: 'closed', claim };
  }
}

function choiceOf(state: ClaimState): Choice | null {
  return state.status === 'choosing' || state.status === 'confirming' || state.status === 'submitting' ? state.choice : null;
}

export function transition(state: ClaimState, event: ClaimEvent): ClaimState {
  switch (event.type) {
    case 'loaded': {
      if (state.status !== 'loading') return state;
      const notice = event.returnedFromRedirect && event.claim.status === 'open' ? 'redirect_canceled' : state.notice;
      return fromClaim(event.claim, notice);
    }
    case 'load-failed':
      return state.status === 'loading' ? { status: 'unavailable', error: event.error } : state;
    case 'reload':
      return state.status === 'unavailable' ? { status: 'loading', notice: null } : state;
    case 'method-chosen': {
      if (state.status !== 'choosing') return state;
      const terms = termsOf(state.choice.claim, event.method);
      if (!terms || !methodAvailable(state.choice.claim, terms) || state.choice.method === event.method) return state;
      return { status: 'choosing', choice: { ...state.choice, method: event.method, error: null, attempt: null } };
    }
    case 'account-entered': {
      if (state.status !== 'choosing' || state.choice.method !== 'bank') return state;
      return { status: 'choosing', choice: { ...state.choice, account: event.account, error: null, attempt: null } };
    }
    case 'continue': {
      if (state.status !== 'choosing') return state;
      const { choice } = state;
      if (!readyToConfirm(choice)) return state;
      return { status: 'confirming', choice: { ...choice, error: choice.error?.code === 'too_many_attempts' ? choice.error : null } };
    }
    case 'back':
      return state.status === 'confirming' ? { status: 'choosing', choice: { ...state.choice, error: null } } : state;
    case 'confirm': {
      if (state.status !== 'confirming') return state;
      const { choice } = state;
      if (choice.lockedUntil !== null && choice.lockedUntil > event.now) return state;
      const body = claimBody(choice, event.returnUrl);
      if (!body) return state;
      const serialized = JSON.stringify(body);
      const attempt = choice.attempt?.body === serialized ? choice.attempt : { key: event.key, body: serialized };
      return { status: 'submitting', attempt, choice: { ...choice, attempt, error: null, lockedUntil: null } };
    }
    case 'claimed': {
      if (state.status !== 'submitting') return state;
      const { claim } = event;
      if (claim.next?.redirectUrl) {
        return { status: 'redirecting', claim, redirectUrl: claim.next.redirectUrl, method: state.choice.method ?? 'amazon' };
      }
      return fromClaim(claim, null, state.choice);
    }
    case 'claim-failed': {
      if (state.status !== 'submitting') return state;
      const { error } = event;
      const choice = state.choice;
      if (error.code === 'claim_not_open') return { status: 'loading', notice: 'already_claimed' };
      if (error.code === 'claim_expired') return { status: 'closed', claim: { ...choice.claim, status: 'expired' } };
      const attempt = error.uncertain ? state.attempt : null;
      const lockedUntil = error.code === 'too_many_attempts' ? event.now + (error.retryAfter ?? 60) * 1000 : null;
      const next: Choice = { ...choice, error, attempt, lockedUntil };
      // A refused account or method goes back to the choice, where it can be corrected.
      const backToChoice = error.code === 'invalid_account' || error.code === 'method_not_available' || error.code === 'over_method_limit';
      return { status: backToChoice ? 'choosing' : 'confirming', choice: next };
    }
    case 'polled': {
      if (state.status !== 'processing') return state;
      if (event.claim.status === 'processing') return { ...state, claim: event.claim, polls: state.polls + 1 };
      return fromClaim(event.claim, null, state.choice ?? undefined);
    }
    case 'refreshed': {
      // After an unknown outcome: if the claim did go through, show where it is; otherwise nothing changes.
      if (state.status !== 'confirming' && state.status !== 'choosing') return state;
      const { claim } = event;
      if (claim.status === 'open' || claim.status === 'failed') return state;
      return fromClaim(claim, null, state.choice);
    }
    case 'poll-failed':
      return state.status === 'processing' ? { ...state, polls: state.polls + 1 } : state;
    case 'lock-expired': {
      const choice = choiceOf(state);
      if (!choice || state.status === 'submitting' || choice.lockedUntil === null || choice.lockedUntil > event.now) return state;
      const error = choice.error?.code === 'too_many_attempts' ? null : choice.error;
      return { ...state, choice: { ...choice, lockedUntil: null, error } } as ClaimState;
    }
  }
}

export interface PollTiming {
  firstMs: number;
  maxMs: number;
}

/** CONTRACT.md: first after 2 s, doubling to at most 30 s. Tests shorten it. */
export const pollTiming: PollTiming = { firstMs: 2_000, maxMs: 30_000 };

/** The wait before the next status check while processing. */
export function pollDelay(polls: number, timing: PollTiming = pollTiming): number {
  return Math.min(timing.maxMs, timing.firstMs * 2 ** polls);
}
