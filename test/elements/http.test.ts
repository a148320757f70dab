import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/prepaid-checkout/prepaid-checkout.define.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { byRole, findByRole, typeInto } from '../helpers/dom.js';

describe('<prepaid-checkout> over real HTTP to the demo backend on the test server', () => {
  it('pays a fresh order, with an absolute endpoint that ends in a slash', async () => {
    const created = await fetch('/api/demo/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'gems-1200' }),
    });
    const { order } = (await created.json()) as { order: string };
    const endpoint = `${location.origin}/api/checkout/`;
    const el = await fixture<PrepaidCheckout>(html`<prepaid-checkout endpoint=${endpoint} order=${order} lang="en"></prepaid-checkout>`);
    await findByRole(el, 'radio', 'WebMoney');
    await expect(el).to.be.accessible();
    byRole<HTMLInputElement>(el, 'radio', 'WebMoney').click();
    await el.updateComplete;
    typeInto(el.shadowRoot!.querySelector<HTMLInputElement>('#code-0-0')!, 'wm00000000008888');
    await el.updateComplete;
    byRole(el, 'button', 'Pay ¥1,200').click();
    await waitUntil(() => el.state.status === 'paid', 'paid');
    await findByRole(el, 'heading', /Payment complete/);
  });
});
