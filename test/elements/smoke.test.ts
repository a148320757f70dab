import { expect, fixture, html } from '@open-wc/testing';
import '../../src/prepaid-checkout/prepaid-checkout.define.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { findByRole } from '../helpers/dom.js';

describe('smoke: over real HTTP to the demo backend on the test server', () => {
  it('loads a demo order', async () => {
    const el = await fixture<PrepaidCheckout>(html`<prepaid-checkout endpoint="/api/checkout/" order="demo-1200" lang="en"></prepaid-checkout>`);
    await findByRole(el, 'radio', 'WebMoney');
    await expect(el).to.be.accessible();
  });
});
