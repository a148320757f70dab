/**
 * Lazy chunks for an element: a module that the first view does not need (a later step, the bank form, the
 * other language) is loaded with a dynamic `import()` when a render first asks for it, or earlier, when the
 * page is idle after the first view. Its statuses are @lit/task's: initial, pending, complete, error.
 * The built files keep the `import()` relative, so the chunks load from beside the module, wherever it is served.
 *
 *   readonly #lazy = new LazyLoads(this);
 *   readonly #receipt = this.#lazy.module(() => import('./steps/receipt.js'));
 *   ...
 *   case 'paid': return this.#receipt.render((step) => step.renderReceipt(order, ctx), loading, failed);
 */
import type { ReactiveControllerHost } from 'lit';

export type LazyStatus = 'initial' | 'pending' | 'complete' | 'error';

/** Runs `work` once the page is idle: `requestIdleCallback`, or a short timeout where there is none. */
export function whenIdle(work: () => void, timeout = 2000): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout });
  else setTimeout(work, 1);
}

export class Lazy<T> {
  status: LazyStatus = 'initial';
  #value: T | undefined;
  #promise: Promise<T> | undefined;

  constructor(
    private readonly loads: LazyLoads,
    private readonly load: () => Promise<T>,
  ) {}

  /** The module when it is there; otherwise starts loading it (once, or again after an error) and returns undefined. */
  get value(): T | undefined {
    if (this.status === 'initial') void this.start().catch(() => {});
    return this.#value;
  }

  /** Loads the module (once); the host updates when it is there or has failed. */
  start(): Promise<T> {
    if (this.#promise && this.status !== 'error') return this.#promise;
    this.status = 'pending';
    const promise = this.load().then(
      (value) => {
        this.#value = value;
        this.status = 'complete';
        this.loads.arrived(promise);
        return value;
      },
      (error: unknown) => {
        this.status = 'error';
        this.loads.arrived(promise);
        throw error;
      },
    );
    this.#promise = promise;
    this.loads.pending.add(promise);
    return promise;
  }

  /** After an error: try again (from a retry button). */
  retry = (): void => {
    if (this.status === 'error') void this.start().catch(() => {});
  };

  /** `view(module)` when it is there; `loading()` until then; `failed(retry)` when the chunk could not be fetched. */
  render<R>(view: (module: T) => R, loading: () => R, failed: (retry: () => void) => R): R {
    const value = this.value;
    if (value !== undefined) return view(value);
    return this.status === 'error' ? failed(this.retry) : loading();
  }
}

/** The lazy modules of one element: it updates when one arrives, and its `updateComplete` can wait for them. */
export class LazyLoads {
  readonly pending = new Set<Promise<unknown>>();
  readonly #modules: Lazy<unknown>[] = [];
  #prefetched = false;

  constructor(private readonly host: ReactiveControllerHost) {}

  /** A module of this element; `prefetch: false` for one that only some pages need (the other language). */
  module<T>(load: () => Promise<T>, { prefetch = true } = {}): Lazy<T> {
    const lazy = new Lazy(this, load);
    if (prefetch) this.#modules.push(lazy as Lazy<unknown>);
    return lazy;
  }

  /** Once the first view is shown: fetch every module of the flow when the page is idle, so that the next step is there. */
  prefetch(): void {
    if (this.#prefetched) return;
    this.#prefetched = true;
    whenIdle(() => {
      for (const lazy of this.#modules) if (lazy.status === 'initial') void lazy.start().catch(() => {});
    });
  }

  /** @internal Called by a Lazy when its load has settled. */
  arrived(promise: Promise<unknown>): void {
    this.pending.delete(promise);
    this.host.requestUpdate();
  }

  /** Resolves once no module is loading (for the host's `getUpdateComplete`, so that tests and callers see the real step). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /**
   * The host's update, and again after every chunk being loaded has settled: what `getUpdateComplete` returns,
   * so that `updateComplete` means the step is rendered.
   */
  async updateComplete(update: () => Promise<boolean>): Promise<boolean> {
    let result = await update();
    while (this.pending.size > 0) {
      await this.settled();
      result = await update();
    }
    return result;
  }
}
