/**
 * The widgets inside a React 19 app and a Vue 3 app, as the README's "In React and Vue" shows them: the
 * framework sets the attributes and properties, and its own listener receives the complete event.
 * How React and Vue are loaded in the test runner: web-test-runner.config.mjs.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { type Component, createApp, h, ref } from 'vue';
import { PayoutClaimCompleteEvent } from '../../src/payout-claim/events.js';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import { PrepaidCheckoutCompleteEvent } from '../../src/prepaid-checkout/events.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { chooseBrand, pressPay, receipt, typeCode } from '../helpers/checkout.js';
import { chooseMethod, press, waitForStatus } from '../helpers/claim.js';
import { demoClaim, demoOrder, useHarness } from '../helpers/harness.js';
import { createElement, createRoot, StrictMode } from '../helpers/react.js';

type Mounted = { unmount(): void };
const mounted: Mounted[] = [];

/** A fresh container in the page; the app mounted in it is unmounted and the container removed after each test. */
function host(): HTMLElement {
  const div = document.createElement('div');
  document.body.append(div);
  mounted.push({ unmount: () => div.remove() });
  return div;
}

/** The widget the framework rendered into `container`, once it has loaded its order or claim. */
async function widgetIn<T extends PrepaidCheckout | PayoutClaim>(container: HTMLElement, tag: string): Promise<T> {
  await waitUntil(() => container.querySelector(tag), `${tag} rendered`);
  const el = container.querySelector(tag) as T;
  await waitUntil(() => el.state.status !== 'loading', `${tag} loaded`);
  await el.updateComplete;
  return el;
}

function renderWithReact(container: HTMLElement, tag: string, props: Record<string, unknown>): void {
  const root = createRoot(container);
  mounted.unshift(root);
  root.render(createElement(StrictMode, null, createElement(tag, props)));
}

const ourTags = (tag: string) => tag === 'prepaid-checkout' || tag === 'payout-claim';

/** A Vue app (a template, or a render function), compiled with this isCustomElement (the README's by default); records Vue's warnings. */
function mountWithVue(container: HTMLElement, component: Component, isCustomElement: (tag: string) => boolean = ourTags): string[] {
  const warnings: string[] = [];
  const app = createApp(component);
  app.config.compilerOptions.isCustomElement = isCustomElement;
  app.config.warnHandler = (message) => void warnings.push(message);
  app.mount(container);
  mounted.unshift(app);
  return warnings;
}

/** Unmounts the apps and removes their containers; registered before the harness, so it runs before the demo backend goes. */
function unmountAll(): void {
  for (const m of mounted.splice(0)) m.unmount();
}

describe('<prepaid-checkout> in frameworks', () => {
  afterEach(unmountAll);
  const t = useHarness('prepaid-checkout');

  async function pay(el: PrepaidCheckout): Promise<void> {
    await chooseBrand(el, 'WebMoney');
    await typeCode(el, 'WebMoney prepaid number', 'wm00000000005000');
    await pressPay(el);
    await receipt(el);
  }

  /** Pays the widget the framework rendered, then checks what the framework's handler received. */
  async function payAndCheck(container: HTMLElement, order: string, received: PrepaidCheckoutCompleteEvent[]): Promise<void> {
    const el = await widgetIn<PrepaidCheckout>(container, 'prepaid-checkout');
    expect(el.order).to.equal(order);
    await pay(el);
    await waitUntil(() => received.length > 0, 'the handler was called');
    const paid = { order, amount: 1200, payments: [{ brand: 'webmoney', amount: 1200, masked: '••••••••••••5000' }] };
    expect(received).to.have.length(1);
    expect(received[0]).to.be.instanceOf(PrepaidCheckoutCompleteEvent);
    expect(received[0]!.detail).to.deep.equal(paid);
    expect(t.completes).to.deep.equal([paid]);
    expect(t.errors).to.deep.equal([]);
  }

  it('React 19: properties from JSX props, the complete event in onprepaid-checkout-complete', async () => {
    const order = await demoOrder(t, 'gems-1200');
    const received: PrepaidCheckoutCompleteEvent[] = [];
    const container = host();
    renderWithReact(container, 'prepaid-checkout', {
      endpoint: '/api/checkout',
      order,
      lang: 'en',
      'onprepaid-checkout-complete': (e: PrepaidCheckoutCompleteEvent) => received.push(e),
    });
    await payAndCheck(container, order, received);
  });

  it('Vue 3: isCustomElement, :order and @prepaid-checkout-complete in a template', async () => {
    const order = await demoOrder(t, 'gems-1200');
    const received: PrepaidCheckoutCompleteEvent[] = [];
    const container = host();
    const warnings = mountWithVue(container, {
      template:
        '<prepaid-checkout endpoint="/api/checkout" :order="order" lang="en" @prepaid-checkout-complete="onComplete"></prepaid-checkout>',
      setup: () => ({ order: ref(order), onComplete: (e: PrepaidCheckoutCompleteEvent) => received.push(e) }),
    });
    await payAndCheck(container, order, received);
    expect(warnings).to.deep.equal([]);
  });

  it('Vue 3: a render function, onPrepaidCheckoutComplete listens to prepaid-checkout-complete', async () => {
    const order = await demoOrder(t, 'gems-1200');
    const received: PrepaidCheckoutCompleteEvent[] = [];
    const container = host();
    const onPrepaidCheckoutComplete = (e: PrepaidCheckoutCompleteEvent) => received.push(e);
    const warnings = mountWithVue(container, {
      render: () => h('prepaid-checkout', { endpoint: '/api/checkout', order, lang: 'en', onPrepaidCheckoutComplete }),
    });
    await payAndCheck(container, order, received);
    expect(warnings).to.deep.equal([]);
  });

  it('Vue 3: a compiler that takes the tags for components warns (why a build needs isCustomElement)', () => {
    // Vue's in-browser compiler falls back to customElements.get() when isCustomElement is not set; a build
    // (@vitejs/plugin-vue) cannot, and treats every unknown tag as a component, as this one does.
    const template = '<prepaid-checkout endpoint="/api/checkout" order="demo-1200"></prepaid-checkout>';
    const warnings = mountWithVue(host(), { template }, () => false);
    expect(warnings.join('\n')).to.contain('Failed to resolve component: prepaid-checkout');
  });
});

describe('<payout-claim> in frameworks', () => {
  afterEach(unmountAll);
  const t = useHarness('payout-claim');

  it('React 19: QUO Card Pay, the complete event in onpayout-claim-complete', async () => {
    const token = await demoClaim(t, { amount: 2500, purpose: 'refund', methods: ['atm', 'quo'] });
    const received: PayoutClaimCompleteEvent[] = [];
    const container = host();
    renderWithReact(container, 'payout-claim', {
      endpoint: '/api/claims',
      token,
      lang: 'en',
      'bank-data': '/banks/',
      'onpayout-claim-complete': (e: PayoutClaimCompleteEvent) => received.push(e),
    });
    const el = await widgetIn<PayoutClaim>(container, 'payout-claim');
    expect(el.getAttribute('bank-data')).to.equal('/banks/');
    await chooseMethod(el, /^QUO Card Pay/);
    await press(el, 'Next');
    await press(el, 'Receive ¥2,500');
    await waitForStatus(el, 'completed');
    await waitUntil(() => received.length > 0, 'the React handler was called');
    expect(received).to.have.length(1);
    expect(received[0]).to.be.instanceOf(PayoutClaimCompleteEvent);
    expect(received[0]!.detail).to.deep.equal({ method: 'quo', amount: 2500, fee: 0, status: 'completed' });
    expect(t.errors).to.deep.equal([]);
  });

  it('Vue 3: cash at an ATM, the complete event in @payout-claim-complete', async () => {
    const token = await demoClaim(t, { amount: 2500, purpose: 'refund', methods: ['atm', 'quo'] });
    const received: PayoutClaimCompleteEvent[] = [];
    const container = host();
    const warnings = mountWithVue(container, {
      template: '<payout-claim endpoint="/api/claims" :token="token" lang="en" @payout-claim-complete="onComplete"></payout-claim>',
      setup: () => ({ token, onComplete: (e: PayoutClaimCompleteEvent) => received.push(e) }),
    });
    const el = await widgetIn<PayoutClaim>(container, 'payout-claim');
    await chooseMethod(el, /^Cash at a Seven Bank ATM/);
    await press(el, 'Next');
    await press(el, 'Receive ¥2,280');
    await waitForStatus(el, 'processing');
    await waitUntil(() => received.length > 0, 'the Vue handler was called');
    expect(received).to.have.length(1);
    expect(received[0]).to.be.instanceOf(PayoutClaimCompleteEvent);
    expect(received[0]!.detail).to.deep.equal({ method: 'atm', amount: 2500, fee: 220, status: 'processing' });
    expect(t.errors).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });
});
