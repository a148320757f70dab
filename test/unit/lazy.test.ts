/**
 * src/flow/lazy.ts: a lazy module loads once, on first use; its statuses; the host updates when it arrives;
 * a retry after a failed fetch; prefetch when idle skips the modules marked `prefetch: false`. No DOM.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { LazyLoads } from '../../src/flow/lazy.js';

function fakeHost(): ReactiveControllerHost & { updates: number } {
  const host = {
    updates: 0,
    addController() {},
    removeController() {},
    requestUpdate() {
      host.updates++;
    },
    updateComplete: Promise.resolve(true),
  };
  return host;
}

/** A load that the test resolves or rejects by hand, counting its calls. */
function deferredLoad<T>() {
  const calls: { resolve: (value: T) => void; reject: (error: Error) => void }[] = [];
  const load = () => new Promise<T>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

describe('LazyLoads', () => {
  it('loads on first use, once, and updates the host when the module is there', async () => {
    const host = fakeHost();
    const loads = new LazyLoads(host);
    const { load, calls } = deferredLoad<{ view: string }>();
    const lazy = loads.module(load);
    expect(lazy.status).to.equal('initial');
    expect(lazy.value).to.equal(undefined);
    expect(lazy.value).to.equal(undefined);
    expect(calls).to.have.length(1);
    expect(lazy.status).to.equal('pending');
    expect(loads.pending.size).to.equal(1);
    calls[0]!.resolve({ view: 'receipt' });
    await loads.settled();
    expect(lazy.status).to.equal('complete');
    expect(lazy.value).to.deep.equal({ view: 'receipt' });
    expect(host.updates).to.equal(1);
    expect(loads.pending.size).to.equal(0);
    expect(calls).to.have.length(1);
  });

  it('renders loading, then the view; a failed fetch renders the failure, and its retry loads again', async () => {
    const host = fakeHost();
    const loads = new LazyLoads(host);
    const { load, calls } = deferredLoad<string>();
    const lazy = loads.module(load);
    const render = () =>
      lazy.render<string | { failed: () => void }>(
        (step) => `view ${step}`,
        () => 'loading',
        (retry) => ({ failed: retry }),
      );
    expect(render()).to.equal('loading');
    calls[0]!.reject(new Error('offline'));
    await loads.settled();
    expect(lazy.status).to.equal('error');
    const failed = render() as { failed: () => void };
    expect(failed).to.have.property('failed');
    expect(calls, 'no new fetch without the retry').to.have.length(1);
    failed.failed();
    expect(calls).to.have.length(2);
    expect(render()).to.equal('loading');
    calls[1]!.resolve('confirm');
    await loads.settled();
    expect(render()).to.equal('view confirm');
    expect(host.updates).to.equal(2);
  });

  it('prefetches, when the page is idle, every module but those marked prefetch: false, and only once', async () => {
    const loads = new LazyLoads(fakeHost());
    const step = deferredLoad<string>();
    const language = deferredLoad<string>();
    loads.module(step.load);
    loads.module(language.load, { prefetch: false });
    loads.prefetch();
    expect(step.calls, 'not before the page is idle').to.have.length(0);
    await waitUntil(() => step.calls.length === 1, 'prefetched when idle');
    loads.prefetch();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(step.calls).to.have.length(1);
    expect(language.calls).to.have.length(0);
  });
});
