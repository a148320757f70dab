/**
 * Runs the claim flow's effects: loads the claim, posts the recipient's choice, follows wallet redirects,
 * polls while processing (2 s doubling to 30 s, paused while the page is hidden), and tells the page
 * (events) what happened. The state changes only through `transition` (claim-flow.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getJson, joinUrl, newIdempotencyKey, postJson, type ApiError } from '../api/client.js';
import { navigation, redirectMark } from '../api/navigation.js';
import { claim as claimSchema, type Claim } from '../contract/claim.js';
import { initialState, pollDelay, termsOf, transition, type ClaimEvent, type ClaimState } from './claim-flow.js';
import { PayoutClaimCompleteEvent, PayoutClaimErrorEvent } from './events.js';

/** Set when the recipient leaves for a wallet's login page. */
const REDIRECT_MARK = 'ppw-claim-redirect';

export interface ClaimConfig {
  endpoint: string;
  token: string;
}

/** The error codes a state shows, each reported once. */
function shownErrors(state: ClaimState): (ApiError | Claim)[] {
  switch (state.status) {
    case 'unavailable':
      return [state.error];
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

export class ClaimController implements ReactiveController {
  state: ClaimState = initialState;
  #abort = new AbortController();
  #config: ClaimConfig | null = null;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;
  #lockTimer: ReturnType<typeof setTimeout> | undefined;
  #returnedFromRedirect = false;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#abort.abort();
    clearTimeout(this.#pollTimer);
    clearTimeout(this.#lockTimer);
  }

  start(config: ClaimConfig): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    clearTimeout(this.#pollTimer);
    this.#config = config;
    this.#returnedFromRedirect = redirectMark.take(REDIRECT_MARK);
    this.state = initialState;
    this.#enter(this.state, null);
  }

  send(event: ClaimEvent): void {
    const previous = this.state;
    const next = transition(previous, event);
    if (next === previous) return;
    this.state = next;
    this.#report(previous, next);
    this.host.requestUpdate();
    this.#enter(next, previous);
  }

  confirm(): void {
    this.send({ type: 'confirm', key: newIdempotencyKey(), returnUrl: navigation.returnUrl(), now: Date.now() });
  }

  #report(previous: ClaimState, next: ClaimState): void {
    const before = shownErrors(previous).map(codeOf);
    for (const code of shownErrors(next).map(codeOf)) {
      if (!before.includes(code)) {
        this.host.dispatchEvent(new PayoutClaimErrorEvent({ code }));
      }
    }
    const claim = next.status === 'processing' || next.status === 'completed' || next.status === 'redirecting' ? next.claim : null;
    const choice = previous.status === 'submitting' || previous.status === 'confirming' ? previous.choice : null;
    const fromThisTab = choice !== null || (previous.status === 'loading' && this.#returnedFromRedirect && previous.notice === null);
    if (claim && fromThisTab) {
      const method = claim.result?.method ?? (next.status === 'redirecting' ? next.method : null) ?? choice?.method ?? null;
      if (method) {
        const fee = termsOf(claim, method)?.fee ?? 0;
        this.host.dispatchEvent(new PayoutClaimCompleteEvent({ method, amount: claim.amount, fee, status: claim.status }));
      }
    }
  }

  #enter(state: ClaimState, previous: ClaimState | null): void {
    const config = this.#config;
    if (!config) return;
    const signal = this.#abort.signal;
    switch (state.status) {
      case 'loading':
        void this.#load(config, signal);
        break;
      case 'submitting':
        if (previous?.status !== 'submitting') void this.#submit(config, state, signal);
        break;
      case 'redirecting':
        redirectMark.set(REDIRECT_MARK);
        navigation.assign(state.redirectUrl);
        break;
      case 'processing':
        this.#schedulePoll(state.polls);
        break;
      case 'choosing':
      case 'confirming': {
        clearTimeout(this.#lockTimer);
        const { lockedUntil } = state.choice;
        if (lockedUntil !== null) {
          this.#lockTimer = setTimeout(() => this.send({ type: 'lock-expired', now: Date.now() }), Math.max(0, lockedUntil - Date.now()) + 50);
        }
        break;
      }
      default:
        break;
    }
  }

  async #load(config: ClaimConfig, signal: AbortSignal): Promise<void> {
    const result = await getJson(joinUrl(config.endpoint, config.token), claimSchema, signal);
    if (signal.aborted) return;
    const returnedFromRedirect = this.#returnedFromRedirect;
    this.send(result.ok ? { type: 'loaded', claim: result.value, returnedFromRedirect } : { type: 'load-failed', error: result.error });
    this.#returnedFromRedirect = false;
  }

  async #submit(config: ClaimConfig, state: Extract<ClaimState, { status: 'submitting' }>, signal: AbortSignal): Promise<void> {
    const url = joinUrl(config.endpoint, config.token, 'claim');
    const result = await postJson(url, JSON.parse(state.attempt.body), state.attempt.key, claimSchema, signal);
    if (signal.aborted) return;
    if (result.ok) {
      this.send({ type: 'claimed', claim: result.value });
      return;
    }
    this.send({ type: 'claim-failed', error: result.error, now: Date.now() });
    // No readable answer: the claim may have gone through. Look before the recipient tries again.
    if (result.error.uncertain) {
      const refreshed = await getJson(joinUrl(config.endpoint, config.token), claimSchema, signal);
      if (refreshed.ok && !signal.aborted) this.send({ type: 'refreshed', claim: refreshed.value });
    }
  }

  #schedulePoll(polls: number): void {
    clearTimeout(this.#pollTimer);
    if (document.hidden) return; // resumes on visibilitychange
    this.#pollTimer = setTimeout(() => void this.#poll(), pollDelay(polls));
  }

  async #poll(): Promise<void> {
    const config = this.#config;
    if (!config || this.state.status !== 'processing') return;
    const signal = this.#abort.signal;
    const result = await getJson(joinUrl(config.endpoint, config.token), claimSchema, signal);
    if (signal.aborted || this.state.status !== 'processing') return;
    if (result.ok) this.send({ type: 'polled', claim: result.value });
    else this.send({ type: 'poll-failed' });
  }

  #onVisibility = (): void => {
    if (this.state.status !== 'processing') return;
    if (document.hidden) clearTimeout(this.#pollTimer);
    else void this.#poll();
  };
}
