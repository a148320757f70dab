/**
 * The claim flow as data: a discriminated union of states and a pure `transition(state, event)`.
 * No lit, no fetch, no clock: the controller runs the effects and passes in keys and times.
 */
import type { ApiError } from '../api/client.js';
import type { Claim, ClaimMethod, ClaimStatus, SavedAccount, VerificationSent } from '../contract/claim.js';
import type { BankAccount } from '../contract/claim-requests.js';
import { isValidId } from '../contract/common.js';
import { kindOf, methods } from '../contract/methods.js';

/** A method id the registry knows (built in or registered at run time). */
export type KnownMethodId = string;

export interface Attempt {
  key: string;
  body: string;
}

/** Something to tell the recipient on top of the step itself. */
export type Notice = 'already_claimed' | 'redirect_canceled' | null;

export interface Choice {
  claim: Claim;
  method: KnownMethodId | null;
  /** The bank account as the recipient entered it (bank transfer), kept when they go back. */
  account: BankAccount | null;
  /** Bank transfer to a saved account (`claim.savedAccounts`): its id; null for a new account (the form). */
  savedAccountId: string | null;
  /** A new account is saved for next time (`saveAccount: true`; offered when the claim has `savedAccounts`). */
  saveAccount: boolean;
  error: ApiError | null;
  /** The last attempt whose outcome is unknown: confirming again sends it again, same key. */
  attempt: Attempt | null;
  lockedUntil: number | null;
  notice: Notice;
}

/*
 * The one-time code as the recipient types or pastes it: full-width digits (０-９) become half-width, and
 * spaces and hyphens (of any width, and the ー a Japanese keyboard gives for -) are dropped. Here rather than
 * in a module of its own (or japanese/width.ts), so that the first view's chunks stay as they were.
 */
export const CODE_LENGTH = 6;
/** The input takes more than 6 characters, so that `123 456` or `１２３－４５６` can be pasted whole. */
export const CODE_INPUT_MAX = 16;

export type CodeProblem = 'empty' | 'incomplete' | 'not_digits';

export function normalizeCode(raw: string): string {
  return raw
    .replace(/[\uff10-\uff19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-\u2010-\u2015\u2212\u30fc\uff0d\uff70]/g, '');
}

/** What is wrong with a normalized code, or null when it is 6 digits. */
export function codeProblem(code: string): CodeProblem | null {
  if (code === '') return 'empty';
  if (!/^\d+$/.test(code)) return 'not_digits';
  return code.length === CODE_LENGTH ? null : 'incomplete';
}

/** The one-time code before the methods (a claim whose `verification` is not verified yet). */
export interface Verification {
  claim: Claim;
  /** The code is on its way (or one was sent before): where to, and when another may be asked for (epoch ms). */
  sent: { sentTo: string; resendAt: number } | null;
  /** The call in flight, if any. */
  pending: 'send' | 'verify' | null;
  attempt: Attempt | null;
  /** What the recipient typed, as typed: kept on an error. */
  code: string;
  /** What is wrong with the code before anything is sent. */
  problem: CodeProblem | null;
  error: ApiError | null;
  /** Which call the error came from: shown by the send button, or by the code field. */
  errorAt: 'send' | 'code' | null;
  /** Too many wrong codes: verifying waits until then. */
  lockedUntil: number | null;
  notice: Notice;
  /** The choice a `403 verification_required` interrupted: taken up again once verified. */
  resume: Choice | null;
}

export type ClaimState =
  /** `returnedFromRedirect`: the method this tab left for a wallet's page with, when it did. */
  | { status: 'loading'; notice: Notice; returnedFromRedirect: KnownMethodId | null }
  | { status: 'unavailable'; error: ApiError }
  | { status: 'verifying'; verification: Verification }
  | { status: 'choosing'; choice: Choice }
  | { status: 'confirming'; choice: Choice }
  | { status: 'submitting'; choice: Choice; attempt: Attempt }
  | { status: 'redirecting'; claim: Claim; redirectUrl: string; method: KnownMethodId }
  | { status: 'processing'; claim: Claim; polls: number; notice: Notice; choice: Choice | null }
  /** A wallet step the recipient left unfinished (`processing` with `next`): continue it or choose again. */
  | { status: 'unfinished'; claim: Claim; redirectUrl: string; method: KnownMethodId | null }
  | { status: 'completed'; claim: Claim; notice: Notice }
  | { status: 'closed'; claim: Claim };

export type ClaimEvent =
  | { type: 'loaded'; claim: Claim }
  /** The token is not one the contract allows: nothing is requested. */
  | { type: 'token-invalid' }
  | { type: 'load-failed'; error: ApiError }
  | { type: 'reload' }
  | { type: 'method-chosen'; method: KnownMethodId }
  | { type: 'account-entered'; account: BankAccount }
  /** A saved account chosen, or null: "another account" (the form). */
  | { type: 'saved-account-chosen'; accountId: string | null }
  | { type: 'save-account-changed'; save: boolean }
  | { type: 'continue' }
  | { type: 'back' }
  | { type: 'confirm'; key: string; returnUrl: string; now: number }
  | { type: 'claimed'; claim: Claim }
  | { type: 'claim-failed'; error: ApiError; now: number }
  | { type: 'polled'; claim: Claim }
  | { type: 'refreshed'; claim: Claim }
  | { type: 'poll-failed' }
  | { type: 'lock-expired'; now: number }
  | { type: 'resume-wallet' }
  | { type: 'choose-another' }
  | { type: 'send-code'; key: string; now: number }
  | { type: 'code-sent'; sent: VerificationSent; now: number }
  | { type: 'send-failed'; error: ApiError; now: number }
  | { type: 'verify-code'; code: string; key: string; now: number }
  | { type: 'verified'; claim: Claim }
  | { type: 'verify-failed'; error: ApiError; now: number };

export const initialState: ClaimState = { status: 'loading', notice: null, returnedFromRedirect: null };

export const INVALID_TOKEN: ApiError = { code: 'invalid_id', status: 0, target: null, uncertain: false };

export { isValidId };

/** The claim's methods this widget knows; the others are skipped (CONTRACT.md). */
export function knownMethods(claim: Claim): ClaimMethod[] {
  return claim.methods.filter((m) => methods.has(m.method));
}

/** Whether a method can take this claim: offered, and the amount within its limit. */
export function methodAvailable(claim: Claim, terms: ClaimMethod): boolean {
  return terms.max === undefined || claim.amount <= terms.max;
}

export function termsOf(claim: Claim, method: KnownMethodId | null): ClaimMethod | undefined {
  return knownMethods(claim).find((m) => m.method === method);
}

/** What the recipient receives by a method: the amount less its fee. */
export function netAmount(claim: Claim, method: KnownMethodId): number {
  return Math.max(0, claim.amount - (termsOf(claim, method)?.fee ?? 0));
}

/** The saved account chosen, if it is one of the claim's. */
export function savedAccountOf(choice: Choice): SavedAccount | null {
  return choice.claim.savedAccounts?.find((a) => a.id === choice.savedAccountId) ?? null;
}

/** Whether the choice is complete enough to confirm: an available method, and an account (saved or new) for bank. */
export function readyToConfirm(choice: Choice): boolean {
  const terms = termsOf(choice.claim, choice.method);
  return (
    !!terms &&
    methodAvailable(choice.claim, terms) &&
    (kindOf(terms.method) !== 'account' || savedAccountOf(choice) !== null || choice.account !== null)
  );
}

/** The POST body for the recipient's choice, or null when something is missing. */
export function claimBody(choice: Choice, returnUrl: string): Record<string, unknown> | null {
  const { method } = choice;
  if (!method || !readyToConfirm(choice)) return null;
  const kind = kindOf(method)!;
  switch (kind) {
    case 'account': {
      const saved = savedAccountOf(choice);
      if (saved) return { method, accountId: saved.id };
      // Offered only by a backend that keeps accounts (`savedAccounts` present, even empty).
      return choice.saveAccount && choice.claim.savedAccounts
        ? { method, account: choice.account, saveAccount: true }
        : { method, account: choice.account };
    }
    case 'wallet':
      return { method, returnUrl };
    case 'codes':
    case 'link':
      return { method };
  }
}

function freshChoice(claim: Claim, notice: Notice): Choice {
  const available = knownMethods(claim).filter((m) => methodAvailable(claim, m));
  // A retry after a failed transfer starts from the method that failed.
  const failedMethod = claim.status === 'failed' && claim.result && methods.has(claim.result.method) ? claim.result.method : null;
  const method = failedMethod ?? (available.length === 1 ? available[0]!.method : null);
  // The newest saved account is chosen first: a repeat recipient confirms with one press.
  const savedAccountId = claim.savedAccounts?.[0]?.id ?? null;
  return { claim, method, account: null, savedAccountId, saveAccount: false, error: null, attempt: null, lockedUntil: null, notice };
}

/** Whether the recipient must confirm it is them before any method (CONTRACT.md `verification`). */
export function needsCode(claim: Claim): boolean {
  return !!claim.verification && !claim.verification.verified;
}

function freshVerification(claim: Claim, notice: Notice, resume: Choice | null = null): Verification {
  return {
    claim,
    sent: null,
    pending: null,
    attempt: null,
    code: '',
    problem: null,
    error: null,
    errorAt: null,
    lockedUntil: null,
    notice,
    resume,
  };
}

/** Where a claim as the server sees it puts the flow. */
function fromClaim(claim: Claim, notice: Notice, previous?: Choice): ClaimState {
  if ((claim.status === 'open' || (claim.status === 'failed' && claim.failure?.retryable)) && needsCode(claim))
    return { status: 'verifying', verification: freshVerification(claim, notice, previous ?? null) };
  switch (claim.status) {
    case 'open':
      return { status: 'choosing', choice: previous ? { ...previous, claim, notice } : freshChoice(claim, notice) };
    case 'processing':
      if (claim.next)
        return { status: 'unfinished', claim, redirectUrl: claim.next.redirectUrl, method: walletOf(claim, previous?.method ?? null) };
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

/** Which wallet an unfinished step is with: what this tab chose, the result's, or the claim's only wallet. */
function walletOf(claim: Claim, chosen: KnownMethodId | null): KnownMethodId | null {
  if (chosen && kindOf(chosen) === 'wallet') return chosen;
  if (claim.result && kindOf(claim.result.method) === 'wallet') return claim.result.method;
  const wallets = knownMethods(claim).filter((m) => kindOf(m.method) === 'wallet');
  return wallets.length === 1 ? wallets[0]!.method : null;
}

function choiceOf(state: ClaimState): Choice | null {
  return state.status === 'choosing' || state.status === 'confirming' || state.status === 'submitting' ? state.choice : null;
}

export function transition(state: ClaimState, event: ClaimEvent): ClaimState {
  switch (event.type) {
    case 'loaded': {
      if (state.status !== 'loading') return state;
      const { claim } = event;
      const back = state.returnedFromRedirect;
      const notice = back && claim.status === 'open' ? 'redirect_canceled' : state.notice;
      const next = fromClaim(claim, notice);
      return next.status === 'unfinished' && back ? { ...next, method: walletOf(claim, back) } : next;
    }
    case 'load-failed':
      return state.status === 'loading' ? { status: 'unavailable', error: event.error } : state;
    case 'token-invalid':
      return state.status === 'loading' ? { status: 'unavailable', error: INVALID_TOKEN } : state;
    case 'reload':
      return state.status === 'unavailable' ? { status: 'loading', notice: null, returnedFromRedirect: null } : state;
    case 'resume-wallet':
      return state.status === 'unfinished'
        ? { status: 'redirecting', claim: state.claim, redirectUrl: state.redirectUrl, method: state.method ?? '' }
        : state;
    case 'choose-another':
      // The backend accepts a new POST while `next` is there, and drops the unfinished wallet session.
      return state.status === 'unfinished' ? { status: 'choosing', choice: freshChoice(state.claim, null) } : state;
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
    case 'saved-account-chosen': {
      if (state.status !== 'choosing') return state;
      const known = event.accountId === null || state.choice.claim.savedAccounts?.some((a) => a.id === event.accountId);
      if (!known || state.choice.savedAccountId === event.accountId) return state;
      return { status: 'choosing', choice: { ...state.choice, savedAccountId: event.accountId, error: null, attempt: null } };
    }
    case 'save-account-changed': {
      if (state.status !== 'choosing' || !state.choice.claim.savedAccounts || state.choice.saveAccount === event.save) return state;
      return { status: 'choosing', choice: { ...state.choice, saveAccount: event.save, attempt: null } };
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
        return { status: 'redirecting', claim, redirectUrl: claim.next.redirectUrl, method: state.choice.method ?? '' };
      }
      return fromClaim(claim, null, state.choice);
    }
    case 'claim-failed': {
      if (state.status !== 'submitting') return state;
      const { error } = event;
      const choice = state.choice;
      if (error.code === 'claim_not_open') return { status: 'loading', notice: 'already_claimed', returnedFromRedirect: null };
      if (error.code === 'claim_expired') return { status: 'closed', claim: { ...choice.claim, status: 'expired' } };
      if (error.code === 'verification_required') {
        // The verified state was lost (or never known): the code step again, then this choice.
        const { verification } = choice.claim;
        if (!verification) return { status: 'loading', notice: null, returnedFromRedirect: null };
        const claim = { ...choice.claim, verification: { ...verification, verified: false } };
        const resume = { ...choice, claim, error: null, attempt: null };
        return { status: 'verifying', verification: { ...freshVerification(claim, null, resume), error, errorAt: 'send' } };
      }
      const attempt = error.uncertain ? state.attempt : null;
      const lockedUntil = error.code === 'too_many_attempts' ? event.now + (error.retryAfter ?? 60) * 1000 : null;
      const next: Choice = { ...choice, error, attempt, lockedUntil };
      // A refused account or method goes back to the choice, where it can be corrected.
      const backToChoice = error.code === 'invalid_account' || error.code === 'method_not_available' || error.code === 'over_method_limit';
      return { status: backToChoice ? 'choosing' : 'confirming', choice: next };
    }
    case 'polled': {
      if (state.status !== 'processing') return state;
      if (event.claim.status === 'processing' && !event.claim.next) return { ...state, claim: event.claim, polls: state.polls + 1 };
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
    case 'send-code': {
      if (state.status !== 'verifying') return state;
      const v = state.verification;
      if (v.pending || locked(v, event.now) || (v.sent && v.sent.resendAt > event.now)) return state;
      const attempt = v.attempt?.body === '{}' && v.error?.uncertain && v.errorAt === 'send' ? v.attempt : { key: event.key, body: '{}' };
      return { status: 'verifying', verification: { ...v, pending: 'send', attempt, error: null, errorAt: null, problem: null } };
    }
    case 'code-sent': {
      if (state.status !== 'verifying' || state.verification.pending !== 'send') return state;
      const sent = { sentTo: event.sent.sentTo, resendAt: event.now + event.sent.resendAfter * 1000 };
      return {
        status: 'verifying',
        verification: { ...state.verification, pending: null, attempt: null, sent, error: null, errorAt: null },
      };
    }
    case 'send-failed': {
      if (state.status !== 'verifying' || state.verification.pending !== 'send') return state;
      const v = state.verification;
      const { error } = event;
      const left = leaveVerification(v, error);
      if (left) return left;
      // Asked too early (or too often): a code was sent before, so the field shows, and sending waits.
      const sent =
        error.code === 'too_many_attempts'
          ? { sentTo: v.sent?.sentTo ?? v.claim.verification?.to ?? '', resendAt: event.now + (error.retryAfter ?? 60) * 1000 }
          : v.sent;
      const attempt = error.uncertain ? v.attempt : null;
      return { status: 'verifying', verification: { ...v, pending: null, attempt, sent, error, errorAt: 'send' } };
    }
    case 'verify-code': {
      if (state.status !== 'verifying') return state;
      const v = state.verification;
      if (v.pending || locked(v, event.now)) return state;
      const code = normalizeCode(event.code);
      const problem = codeProblem(code);
      if (problem) return { status: 'verifying', verification: { ...v, code: event.code, problem, error: null, errorAt: null } };
      const body = JSON.stringify({ code });
      const attempt = v.attempt?.body === body && v.error?.uncertain && v.errorAt === 'code' ? v.attempt : { key: event.key, body };
      return {
        status: 'verifying',
        verification: { ...v, code: event.code, problem: null, pending: 'verify', attempt, error: null, errorAt: null },
      };
    }
    case 'verified': {
      if (state.status !== 'verifying' || state.verification.pending !== 'verify') return state;
      const v = state.verification;
      if (needsCode(event.claim)) return { status: 'verifying', verification: { ...v, claim: event.claim, pending: null, attempt: null } };
      return fromClaim(event.claim, v.notice, v.resume ? { ...v.resume, claim: event.claim } : undefined);
    }
    case 'verify-failed': {
      if (state.status !== 'verifying' || state.verification.pending !== 'verify') return state;
      const v = state.verification;
      const { error } = event;
      const left = leaveVerification(v, error);
      if (left) return left;
      const lockedUntil = error.code === 'too_many_attempts' ? event.now + (error.retryAfter ?? 60) * 1000 : v.lockedUntil;
      const attempt = error.uncertain ? v.attempt : null;
      return { status: 'verifying', verification: { ...v, pending: null, attempt, error, errorAt: 'code', lockedUntil } };
    }
    case 'lock-expired': {
      if (state.status === 'verifying') {
        const v = state.verification;
        if (v.pending || v.lockedUntil === null || v.lockedUntil > event.now) return state;
        const error = v.error?.code === 'too_many_attempts' ? null : v.error;
        return { status: 'verifying', verification: { ...v, lockedUntil: null, error, errorAt: error ? v.errorAt : null } };
      }
      const choice = choiceOf(state);
      if (!choice || state.status === 'submitting' || choice.lockedUntil === null || choice.lockedUntil > event.now) return state;
      const error = choice.error?.code === 'too_many_attempts' ? null : choice.error;
      return { ...state, choice: { ...choice, lockedUntil: null, error } } as ClaimState;
    }
  }
}

function locked(v: Verification, now: number): boolean {
  return v.lockedUntil !== null && v.lockedUntil > now;
}

/** Answers after which the code step has nothing more to do: the claim was taken, expired, or is verified already. */
function leaveVerification(v: Verification, error: ApiError): ClaimState | null {
  if (error.code === 'claim_not_open') return { status: 'loading', notice: null, returnedFromRedirect: null };
  if (error.code === 'claim_expired') return { status: 'closed', claim: { ...v.claim, status: 'expired' } };
  return null;
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

/** What the page is told, as data: the controller turns these into the element's events. */
export type ClaimOutput =
  | { type: 'error'; code: string }
  | { type: 'complete'; method: KnownMethodId; amount: number; fee: number; status: ClaimStatus };

/** What a state shows that is an error: an API error, or the claim itself (failed, expired). */
function shownErrors(state: ClaimState): (ApiError | Claim)[] {
  switch (state.status) {
    case 'unavailable':
      return [state.error];
    case 'verifying':
      return state.verification.error ? [state.verification.error] : [];
    case 'choosing':
    case 'confirming':
    case 'submitting': {
      const shown: (ApiError | Claim)[] = state.choice.error ? [state.choice.error] : [];
      if (state.choice.claim.status === 'failed') shown.push(state.choice.claim);
      return shown;
    }
    case 'closed':
      return state.claim.status === 'expired' || state.claim.status === 'failed' ? [state.claim] : [];
    default:
      return [];
  }
}

function codeOf(shown: ApiError | Claim): string {
  if ('uncertain' in shown) return shown.code;
  if (shown.status === 'expired') return 'claim_expired';
  return shown.failure?.code ?? 'claim_failed';
}

/**
 * The events that moving from `previous` to `next` fires: each error code once when first shown; completion
 * when the recipient's choice in this tab (or their return from a wallet) takes the claim to processing or
 * completed.
 */
export function eventsFor(previous: ClaimState, next: ClaimState): ClaimOutput[] {
  const before = shownErrors(previous).map(codeOf);
  const outputs: ClaimOutput[] = shownErrors(next)
    .map(codeOf)
    .filter((code) => !before.includes(code))
    .map((code) => ({ type: 'error', code }));
  const claim = next.status === 'processing' || next.status === 'completed' || next.status === 'redirecting' ? next.claim : null;
  const choice = previous.status === 'submitting' || previous.status === 'confirming' ? previous.choice : null;
  const fromThisTab =
    choice !== null || (previous.status === 'loading' && previous.returnedFromRedirect !== null && previous.notice === null);
  if (claim && fromThisTab) {
    const result = claim.result && methods.has(claim.result.method) ? claim.result.method : null;
    const method =
      result ??
      (next.status === 'redirecting' ? next.method : null) ??
      choice?.method ??
      (previous.status === 'loading' ? previous.returnedFromRedirect : null);
    if (method)
      outputs.push({ type: 'complete', method, amount: claim.amount, fee: termsOf(claim, method)?.fee ?? 0, status: claim.status });
  }
  return outputs;
}

export function lockedUntilOf(state: ClaimState): number | null {
  if (state.status === 'verifying') return state.verification.lockedUntil;
  return state.status === 'choosing' || state.status === 'confirming' ? state.choice.lockedUntil : null;
}

/** Whether nothing more will happen to the claim: the stored token can go. */
export function isFinal(state: ClaimState): boolean {
  return state.status === 'completed' || state.status === 'closed';
}
