/**
 * The first view loads only what it shows: the element's language (the other one on a `lang` change), and no
 * later step until it is needed or the page is idle. Runs in its own page, so that no other test has loaded a
 * chunk before it (the module URLs are the source files the chunks are built from).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/prepaid-checkout/prepaid-checkout.define.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { allByRole, visibleText } from '../helpers/dom.js';
import { useHarness } from '../helpers/harness.js';

const loaded = (file: string) => performance.getEntriesByType('resource').some((entry) => new URL(entry.name).pathname.endsWith(file));

describe('<prepaid-checkout> first view', () => {
  useHarness('prepaid-checkout');

  it('shows its skeleton, then the entry in its own language; the other language only once lang changes to it', async () => {
    expect(loaded('/src/i18n/checkout-ja.ts'), 'no language before an element asks').to.equal(false);
    expect(loaded('/src/prepaid-checkout/steps/receipt.ts'), 'no receipt before the first view').to.equal(false);
    const el = await fixture<PrepaidCheckout>(
      html`<prepaid-checkout endpoint="/api/checkout" order="demo-1200" lang="ja"></prepaid-checkout>`,
    );
    await waitUntil(() => allByRole(el, 'radio').length > 0, 'the entry step');
    expect(visibleText(el)).to.contain('1,200円');
    await expect(el).to.be.accessible();
    expect(loaded('/src/i18n/checkout-ja.ts')).to.equal(true);
    expect(loaded('/src/i18n/checkout-en.ts'), 'English not loaded for a Japanese page').to.equal(false);
    // The later step is prefetched once the page is idle after the first view.
    // On a busy machine the browser may wait a while before it calls an idle callback.
    await waitUntil(() => loaded('/src/prepaid-checkout/steps/receipt.ts'), 'the receipt prefetched', { timeout: 5000 });
    expect(loaded('/src/i18n/checkout-en.ts'), 'the other language is not prefetched').to.equal(false);

    el.setAttribute('lang', 'en');
    // While English loads, the Japanese view stays (nothing flashes); then the English one.
    expect(allByRole(el, 'radio').length).to.be.greaterThan(0);
    await el.updateComplete;
    expect(loaded('/src/i18n/checkout-en.ts')).to.equal(true);
    expect(visibleText(el)).to.contain('¥1,200');
    await expect(el).to.be.accessible();
  });
});
