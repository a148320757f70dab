/**
 * The small runner both widgets' controllers share: it holds a flow's state, applies the pure
 * `transition`, dispatches the page events the pure `eventsFor` decides, asks the host to render, runs
 * the controller's effects on entering a state, aborts what is in flight on a restart, and times the
 * end of a lockout. The flows themselves stay free of lit, fetch and clocks.
 */
import type { ReactiveControllerHost } from 'lit';

export interface Flow<State, Event, Output> {
  transition(state: State, event: Event): State;
  /** What moving from `previous` to `next` tells the page (as data; `toPageEvent` builds the DOM event). */
  eventsFor(previous: State, next: State): Output[];
  toPageEvent(output: Output): globalThis.Event;
  /** Epoch ms until which the state is locked out, or null. */
  lockedUntil(state: State): number | null;
  /** The event that ends a lockout. */
  lockExpired(now: number): Event;
}

export type Enter<State> = (state: State, previous: State | null, signal: AbortSignal) => void;

export class FlowRunner<State, Event, Output> {
  state: State;
  #abort = new AbortController();
  #lockTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly flow: Flow<State, Event, Output>,
    initial: State,
    private readonly enter: Enter<State>,
  ) {
    this.state = initial;
  }

  /** The signal of the current run: aborted by `restart` and `stop`. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Drops whatever is in flight and starts again from `initial`. */
  restart(initial: State): void {
    this.stop();
    this.#abort = new AbortController();
    this.state = initial;
    this.host.requestUpdate();
    this.enter(initial, null, this.#abort.signal);
  }

  stop(): void {
    this.#abort.abort();
    clearTimeout(this.#lockTimer);
  }

  send(event: Event): void {
    const previous = this.state;
    const next = this.flow.transition(previous, event);
    if (next === previous) return;
    this.state = next;
    for (const output of this.flow.eventsFor(previous, next)) this.host.dispatchEvent(this.flow.toPageEvent(output));
    this.host.requestUpdate();
    this.#scheduleLockEnd(previous, next);
    this.enter(next, previous, this.#abort.signal);
  }

  #scheduleLockEnd(previous: State, next: State): void {
    const until = this.flow.lockedUntil(next);
    if (until === this.flow.lockedUntil(previous) && this.#lockTimer !== undefined) return;
    clearTimeout(this.#lockTimer);
    this.#lockTimer = undefined;
    if (until === null) return;
    this.#lockTimer = setTimeout(() => {
      this.#lockTimer = undefined;
      this.send(this.flow.lockExpired(Date.now()));
    }, Math.max(0, until - Date.now()) + 50);
  }
}
