/**
 * Runs the claim flow's effects: loads the claim, posts the recipient's choice, follows wallet redirects,
 * polls while processing (2 s doubling to 30 s, paused while the page is hidden), and forgets the stored
 * token once the claim is final. The state changes only through `transition`, and which events fire only
 * through `eventsFor` (claim-flow.ts); the shared runner (src/flow/runner.ts) does the sending, aborting
 * and lockout timing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getJson, joinUrl, newIdempotencyKey, postJson } from '../api/client.js';
import { navigation, redirectMark } from '../api/navigation.js';
import { claim as claimSchema, verificationSent } from '../contract/claim.js';
import { FlowRunner } from '../flow/runner.js';
import {
  eventsFor,
  initialState,
  isFinal,
  isValidId,
  lockedUntilOf,
  pollDelay,
  transition,
  type ClaimEvent,
  type ClaimOutput,
  type ClaimState,
} from './claim-flow.js';
import { PayoutClaimCompleteEvent, PayoutClaimErrorEvent } from './events.js';

/** Set when the recipient leaves for a wallet's login page; holds the method. */
const REDIRECT_MARK = 'ppw-claim-redirect';

export interface ClaimConfig {
  endpoint: string;
  token: string;
  /** Called once the claim is final (the element forgets the token it kept). */
  onFinal?: () => void;
}

function toPageEvent(output: ClaimOutput): Event {
  if (output.type === 'error') return new PayoutClaimErrorEvent({ code: output.code });
  const { method, amount, fee, status } = output;
  return new PayoutClaimCompleteEvent({ method, amount, fee, status });
}

export class ClaimController implements ReactiveController {
  readonly #runner: FlowRunner<ClaimState, ClaimEvent, ClaimOutput>;
  #config: ClaimConfig | null = null;
  #pollTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    this.#runner = new FlowRunner(
      host,
      { transition, eventsFor, toPageEvent, lockedUntil: lockedUntilOf, lockExpired: (now) => ({ type: 'lock-expired', now }) },
      initialState,
      (state, previous, signal) => this.#enter(state, previous, signal),
    );
  }

  get state(): ClaimState {
    return this.#runner.state;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#runner.stop();
    clearTimeout(this.#pollTimer);
  }

  start(config: ClaimConfig): void {
    clearTimeout(this.#pollTimer);
    this.#config = config;
    this.#runner.restart({ status: 'loading', notice: null, returnedFromRedirect: redirectMark.take(REDIRECT_MARK) });
  }

  send(event: ClaimEvent): void {
    this.#runner.send(event);
  }

  confirm(): void {
    this.send({ type: 'confirm', key: newIdempotencyKey(), returnUrl: navigation.returnUrl(), now: Date.now() });
  }

  /** Asks for a one-time code (a new attempt, unless the last one's outcome is unknown). */
  sendCode(): void {
    this.send({ type: 'send-code', key: newIdempotencyKey(), now: Date.now() });
  }

  verifyCode(code: string): void {
    this.send({ type: 'verify-code', code, key: newIdempotencyKey(), now: Date.now() });
  }

  #enter(state: ClaimState, previous: ClaimState | null, signal: AbortSignal): void {
    const config = this.#config;
    if (!config) return;
    if (isFinal(state)) config.onFinal?.();
    switch (state.status) {
      case 'loading':
        if (!isValidId(config.token)) this.send({ type: 'token-invalid' });
        else void this.#load(config, signal);
        break;
      case 'submitting':
        if (previous?.status !== 'submitting') void this.#submit(config, state, signal);
        break;
      case 'verifying': {
        const { pending } = state.verification;
        const before = previous?.status === 'verifying' ? previous.verification.pending : null;
        if (pending && pending !== before) void this.#verification(config, state.verification, signal);
        break;
      }
      case 'redirecting':
        redirectMark.set(REDIRECT_MARK, state.method);
        navigation.assign(state.redirectUrl);
        break;
      case 'processing':
        this.#schedulePoll(state.polls);
        break;
      default:
        break;
    }
  }

  async #load(config: ClaimConfig, signal: AbortSignal): Promise<void> {
    const result = await getJson(joinUrl(config.endpoint, config.token), claimSchema, signal);
    if (signal.aborted) return;
    this.send(result.ok ? { type: 'loaded', claim: result.value } : { type: 'load-failed', error: result.error });
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

  /** POST .../verification (send a code) or POST .../verify (check it), with the attempt's key and body. */
  async #verification(config: ClaimConfig, v: Extract<ClaimState, { status: 'verifying' }>['verification'], signal: AbortSignal) {
    const attempt = v.attempt!;
    if (v.pending === 'send') {
      const url = joinUrl(config.endpoint, config.token, 'verification');
      const result = await postJson(url, JSON.parse(attempt.body), attempt.key, verificationSent, signal);
      if (signal.aborted) return;
      this.send(
        result.ok
          ? { type: 'code-sent', sent: result.value, now: Date.now() }
          : { type: 'send-failed', error: result.error, now: Date.now() },
      );
      return;
    }
    const url = joinUrl(config.endpoint, config.token, 'verify');
    const result = await postJson(url, JSON.parse(attempt.body), attempt.key, claimSchema, signal);
    if (signal.aborted) return;
    this.send(result.ok ? { type: 'verified', claim: result.value } : { type: 'verify-failed', error: result.error, now: Date.now() });
  }

  #schedulePoll(polls: number): void {
    clearTimeout(this.#pollTimer);
    if (document.hidden) return; // resumes on visibilitychange
    this.#pollTimer = setTimeout(() => void this.#poll(), pollDelay(polls));
  }

  async #poll(): Promise<void> {
    const config = this.#config;
    if (!config || this.state.status !== 'processing') return;
    const signal = this.#runner.signal;
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
