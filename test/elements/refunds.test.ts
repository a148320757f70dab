/**
 * <prepaid-checkout> on a refunded order, against the real server module: paid, refunded (all or part)
 * through the demo route as the merchant's admin would, the widget loaded again: the receipt is marked
 * refunded in its title, says when (JST), how much went back (and what is still paid), and per payment where
 * the money went: the code's balance, or the shopper's account at the issuer. In ja and en, at 320, 360 and
 * 1280 px, axe clean. Loading a refunded order fires no event.
 */
import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { Order } from '../../src/contract/checkout.js';
import { formatDateTime } from '../../src/i18n/index.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { insertOrder } from '../../src/server/orders.js';
import { chooseBrand, mountCheckout, pressPay, receipt, typeCode } from '../helpers/checkout.js';
import { allByRole, findByRole, shadow, visibleText } from '../helpers/dom.js';
import { demoOrder, type Harness, postElsewhere, useHarness } from '../helpers/harness.js';

const code = (yen: number) => `wm${String(yen).padStart(14, '0')}`;

async function refund(t: Harness, order: string, body: { amount?: number } = {}): Promise<Order> {
  const response = await t.call('POST', `/api/demo/orders/${order}/refund`, body, { 'idempotency-key': crypto.randomUUID() });
  expect(response.status, await response.clone().text()).to.equal(200);
  return ((await response.json()) as { order: Order }).order;
}

/** A fresh ¥1,200 order paid from another tab with two codes: ¥500 from the first, ¥700 from the second. */
async function paidWithTwoCodes(t: Harness): Promise<string> {
  const order = await demoOrder(t, 'gems-1200');
  const paid = await postElsewhere(t, `/api/checkout/orders/${order}/payments`, { brand: 'webmoney', codes: [code(500), code(1000)] });
  expect(paid.status).to.equal(200);
  return order;
}

function paymentItems(el: PrepaidCheckout): string[] {
  return [...shadow(el).querySelectorAll('ul.payments li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/** Nothing in the widget runs out of its box, and the page does not scroll sideways. */
function nothingOverflows(el: PrepaidCheckout, width: number): void {
  expect(document.documentElement.scrollWidth, `page at ${width} px`).to.be.at.most(width);
  const card = shadow(el).querySelector<HTMLElement>('.receipt')!;
  const right = card.getBoundingClientRect().right;
  for (const node of card.querySelectorAll<HTMLElement>('h2, p, dt, dd, li, span')) {
    expect(node.getBoundingClientRect().right, `"${node.textContent?.trim()}" at ${width} px`).to.be.at.most(right + 0.5);
    expect(node.scrollWidth, `"${node.textContent?.trim()}" at ${width} px`).to.be.at.most(node.clientWidth + 1);
  }
}

describe('<prepaid-checkout>: a refunded order', () => {
  const t = useHarness('prepaid-checkout');
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('pays, is refunded whole through the demo route, and shows the refunded receipt once loaded again (en, 1280 px)', async () => {
    await setViewport({ width: 1280, height: 800 });
    const order = await demoOrder(t, 'gems-1200');
    let el = await mountCheckout(order, 'en');
    await chooseBrand(el, 'WebMoney');
    await typeCode(el, 'WebMoney prepaid number', code(5000));
    await pressPay(el);
    await receipt(el);
    expect(t.completes).to.have.length(1);

    const refunded = await refund(t, order);
    expect(refunded.status).to.equal('refunded');
    el.remove();
    el = await mountCheckout(order, 'en');
    const heading = await findByRole(el, 'heading', 'This order was refunded');
    expect(heading.localName).to.equal('h2');
    const text = visibleText(el);
    expect(text).to.contain(`Refunded on ${formatDateTime(refunded.refundedAt!, 'en')}`);
    expect(formatDateTime(refunded.refundedAt!, 'en')).to.match(/JST$/);
    expect(text).to.contain('Amount refunded').and.contain('Refunded to').and.not.contain('Paid after the refund');
    expect(text).to.not.contain('Payment complete');
    expect(paymentItems(el)).to.deep.equal(['WebMoney ¥1,200 ••••••••••••5000 Returned to this code’s balance']);
    // The value is back on the code, as the issuer says.
    expect(await t.net.backend.issuer.balance('webmoney', code(5000))).to.deep.equal({ kind: 'valid', balance: 5000, rating: 'EX' });
    // Loading a refunded order is not a payment: no event.
    expect(t.completes).to.have.length(1);
    expect(t.errors).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a partial refund: what went back, to which code, and what is still paid (ja, 360 px)', async () => {
    await setViewport({ width: 360, height: 740 });
    const order = await paidWithTwoCodes(t);
    const refunded = await refund(t, order, { amount: 300 });
    const el = await mountCheckout(order, 'ja');
    await findByRole(el, 'heading', 'この注文は一部返金されました');
    const text = visibleText(el);
    expect(text).to.contain(`返金日時：${formatDateTime(refunded.refundedAt!, 'ja')}`);
    expect(text).to.contain('返金額300円').and.contain('返金後のお支払い額900円').and.contain('お支払い金額1,200円');
    // The last code paid ¥700 and got ¥300 of it back; the first code (¥500) nothing.
    expect(paymentItems(el)).to.deep.equal(['WebMoney 300円 ••••••••••••1000 このコードの残高に戻しました']);
    nothingOverflows(el, 360);
    await expect(el).to.be.accessible();
  });

  it('the rest refunded later: every code listed with what went back to it (en)', async () => {
    const order = await paidWithTwoCodes(t);
    await refund(t, order, { amount: 300 });
    await refund(t, order);
    const el = await mountCheckout(order, 'en');
    await findByRole(el, 'heading', 'This order was refunded');
    expect(paymentItems(el)).to.deep.equal([
      'WebMoney ¥500 ••••••••••••0500 Returned to this code’s balance',
      'WebMoney ¥700 ••••••••••••1000 Returned to this code’s balance',
    ]);
    expect(visibleText(el)).to.contain('¥1,200 went back to the e-money you paid with.');
    await expect(el).to.be.accessible();
  });

  it('a payment made on the issuer’s page went back to the shopper’s account there (ja and en)', async () => {
    const { backend } = t.net;
    await insertOrder(
      backend.context.sql,
      {
        id: 'paid-on-site',
        amount: 1200,
        merchantName: 'Sandbox Game Store',
        brands: [{ id: 'netcash', mode: 'redirect' }],
        status: 'paid',
        payments: [{ brand: 'netcash', amount: 1200, masked: '••••••••••••ab12' }],
        paidAt: backend.context.now() - 60_000,
      },
      backend.context.now(),
    );
    await refund(t, 'paid-on-site', { amount: 1200 });
    for (const [lang, note] of [
      ['en', 'Returned to your NET CASH account'],
      ['ja', 'NET CASHのアカウントに返金しました'],
    ] as const) {
      const el = await mountCheckout('paid-on-site', lang);
      await receiptHeading(el);
      expect(paymentItems(el)[0]).to.contain(note);
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('an answer without the refund extension fields reads as refunded whole', async () => {
    const order: Order = {
      order: 'old-backend',
      amount: 800,
      currency: 'JPY',
      merchant: { name: 'Shop' },
      status: 'refunded',
      brands: [{ id: 'webmoney', mode: 'collect' }],
      payments: [{ brand: 'webmoney', amount: 800, masked: '••••k7p2' }],
      paidAt: '2026-11-30T01:00:00Z',
      refundedAt: '2026-12-01T01:00:00Z',
    };
    t.net.fail('GET', /\/orders\/old-backend$/, { status: 200, body: order });
    const el = await mountCheckout('old-backend', 'en');
    await findByRole(el, 'heading', 'This order was refunded');
    expect(visibleText(el)).to.contain('Refunded on 1 Dec 2026, 10:00 JST').and.contain('Amount refunded¥800');
    expect(paymentItems(el)).to.deep.equal(['WebMoney ¥800 ••••k7p2 Returned to this code’s balance']);
  });

  describe('the seeded demo-refunded order (two codes), at every width', () => {
    for (const lang of ['ja', 'en'] as const) {
      for (const width of [320, 360, 1280]) {
        it(`${lang} at ${width} px: marked refunded, both codes listed, nothing overflowing, axe clean`, async () => {
          await setViewport({ width, height: 800 });
          const el = await mountCheckout('demo-refunded', lang);
          await receiptHeading(el);
          expect(paymentItems(el)).to.have.length(2);
          expect(allByRole(el, 'heading', lang === 'ja' ? '返金先' : 'Refunded to')).to.have.length(1);
          nothingOverflows(el, width);
          await expect(el).to.be.accessible();
        });
      }
    }
  });
});

function receiptHeading(el: PrepaidCheckout): Promise<HTMLElement> {
  return findByRole(el, 'heading', /refunded|返金されました/);
}
