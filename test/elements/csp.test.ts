import { expect, waitUntil } from '@open-wc/testing';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { byRole, typeInto } from '../helpers/dom.js';

/** The test server sends test/csp/*.html with the demo's strict policy (see web-test-runner.config.mjs). */
describe('under a strict Content-Security-Policy with Trusted Types', () => {
  it('renders and pays with no violation', async () => {
    const created = await fetch('/api/demo/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'gems-500' }),
    });
    const { order } = (await created.json()) as { order: string };
    const frame = document.createElement('iframe');
    frame.style.width = '400px';
    frame.style.height = '700px';
    frame.src = '/test/csp/checkout.html';
    document.body.append(frame);
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow as Window & { cspViolations: string[] };
    const policy = (await fetch('/test/csp/checkout.html')).headers.get('content-security-policy');
    expect(policy).to.contain("require-trusted-types-for 'script'").and.contain("style-src 'self'");

    const el = win.document.querySelector('prepaid-checkout') as PrepaidCheckout;
    el.setAttribute('order', order);
    await waitUntil(() => el.state.status === 'entering', 'order loaded', { timeout: 5000 });
    await el.updateComplete;
    byRole<HTMLInputElement>(el, 'radio', 'WebMoney').click();
    await el.updateComplete;
    typeInto(el.shadowRoot!.querySelector<HTMLInputElement>('#code-0-0')!, 'wm00000000009999');
    await el.updateComplete;
    byRole(el, 'button', 'Pay ¥500').click();
    await waitUntil(() => el.state.status === 'paid', 'paid', { timeout: 5000 });
    expect(win.cspViolations).to.deep.equal([]);
    // The policy is really in force: a raw HTML sink is refused in that page.
    expect(() => {
      win.document.body.innerHTML = '<b>x</b>';
    }).to.throw();
    frame.remove();
  });
});
