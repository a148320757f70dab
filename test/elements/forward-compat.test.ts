/**
 * Forward compatibility (CONTRACT.md 0.2): brands, methods, purposes and error codes this widget does not
 * know yet. Unknown entries are skipped without a word; only when nothing known is left does the widget
 * say "not available"; an unknown purpose reads neutrally; an unknown error code shows the server's message.
 */
import { expect } from '@open-wc/testing';
import type { Claim } from '../../src/contract/claim.js';
import type { Order } from '../../src/contract/checkout.js';
import { codeBoxes, mountCheckout, pressPay, typeCode } from '../helpers/checkout.js';
import { mountClaim } from '../helpers/claim.js';
import { allByRole, byRole, visibleText } from '../helpers/dom.js';
import { alertsText, choose, press, useHarness, waitForStatus } from '../helpers/harness.js';

const ORDER = 'fc-order';
const ORDER_PATH = new RegExp(`/orders/${ORDER}$`);
const order = (brands: unknown[], extra: Record<string, unknown> = {}) => ({
  order: ORDER,
  amount: 1200,
  currency: 'JPY',
  description: 'Gem pack',
  merchant: { name: 'Sandbox Game Store' },
  status: 'open',
  brands,
  ...extra,
});

const TOKEN = 'fc-claim';
const CLAIM_PATH = new RegExp(`/api/claims/${TOKEN}$`);
const claim = (methods: unknown[], extra: Record<string, unknown> = {}) => ({
  amount: 3000,
  currency: 'JPY',
  payer: { name: 'Sandbox Game Store' },
  purpose: 'refund',
  expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  status: 'open',
  methods,
  ...extra,
});

const radios = (el: Element) => allByRole(el, 'radio').map((r) => (r as HTMLInputElement).value);

describe('forward compatibility: <prepaid-checkout>', () => {
  const t = useHarness('prepaid-checkout');

  it('skips brands it does not know, silently, and offers the known ones', async () => {
    t.net.fail('GET', ORDER_PATH, {
      status: 200,
      body: order(
        [
          { id: 'paypay-money', mode: 'collect', maxCodes: 2, qr: true },
          { id: 'webmoney', mode: 'collect', maxCodes: 3 },
          { id: 'future-wallet', mode: 'redirect' },
          { id: 'nanaco', mode: 'collect' },
        ],
        { loyaltyPoints: 12, merchant: { name: 'Sandbox Game Store', logo: 'https://example.com/x.png' } },
      ),
    });
    const el = await mountCheckout(ORDER, 'en');
    await expect(el).to.be.accessible();
    expect(radios(el)).to.deep.equal(['webmoney', 'nanaco']);
    byRole(el, 'radio', 'WebMoney');
    byRole(el, 'radio', 'nanaco Gift');
    const text = visibleText(el);
    expect(text).to.not.contain('paypay').and.not.contain('future-wallet');
    expect(alertsText(el).trim()).to.equal('');
    expect(t.errors).to.deep.equal([]);
  });

  it('skips an unknown brand whatever else its entry holds (a mode it does not know either)', async () => {
    t.net.fail('GET', ORDER_PATH, {
      status: 200,
      body: order([
        { id: 'paypay-money', mode: 'qr', maxCodes: 0 },
        { id: 'webmoney', mode: 'collect' },
      ]),
    });
    const el = await mountCheckout(ORDER, 'en');
    expect(t.errors).to.deep.equal([]);
    expect(radios(el)).to.deep.equal(['webmoney']);
    await expect(el).to.be.accessible();
  });

  it('chooses the only known brand for the shopper when the others are unknown', async () => {
    t.net.fail('GET', ORDER_PATH, {
      status: 200,
      body: order([
        { id: 'paypay-money', mode: 'collect' },
        { id: 'webmoney', mode: 'collect' },
      ]),
    });
    const el = await mountCheckout(ORDER, 'en');
    expect(radios(el)).to.deep.equal(['webmoney']);
    expect(codeBoxes(el, 'WebMoney prepaid number')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  for (const [lang, message] of [
    ['en', 'No e-money can pay this order. Please contact the store.'],
    ['ja', 'この注文にご利用いただける電子マネーがありません。ご利用店舗にお問い合わせください。'],
  ] as const) {
    it(`says "not available" when no brand is known, without a crash (${lang})`, async () => {
      t.net.fail('GET', ORDER_PATH, {
        status: 200,
        body: order([
          { id: 'paypay-money', mode: 'collect' },
          { id: 'rakuten-edy', mode: 'redirect' },
        ]),
      });
      const el = await mountCheckout(ORDER, lang);
      expect(el.state.status).to.equal('entering');
      expect(alertsText(el)).to.contain(message);
      expect(allByRole(el, 'radio')).to.have.length(0);
      expect(allByRole(el, 'button')).to.have.length(0);
      expect(visibleText(el)).to.contain(lang === 'en' ? '¥1,200' : '1,200円');
      await expect(el).to.be.accessible();
    });
  }

  it('says "not available" also when the brands attribute leaves nothing the order offers', async () => {
    t.net.fail('GET', ORDER_PATH, {
      status: 200,
      body: order([
        { id: 'paypay-money', mode: 'collect' },
        { id: 'webmoney', mode: 'collect' },
      ]),
    });
    const el = await mountCheckout(ORDER, 'en', 'nanaco');
    expect(alertsText(el)).to.contain('No e-money can pay this order');
    await expect(el).to.be.accessible();
  });

  for (const [lang, shown] of [
    ['en', 'Something went wrong: WebMoney is paused for maintenance until 06:00.'],
    ['ja', 'エラーが発生しました：WebMoney is paused for maintenance until 06:00.'],
  ] as const) {
    it(`shows the server's message for an error code it does not know, and reports the code (${lang})`, async () => {
      t.net.fail('POST', /\/payments$/, {
        status: 422,
        body: { error: { code: 'brand_paused', message: 'WebMoney is paused for maintenance until 06:00.' } },
      });
      const el = await mountCheckout('demo-1200', lang);
      await choose(el, 'WebMoney');
      await typeCode(el, lang === 'en' ? 'WebMoney prepaid number' : 'WebMoneyのプリペイド番号', 'wm00000000005000');
      await pressPay(el);
      await waitForStatus(el, 'entering');
      expect(alertsText(el)).to.contain(shown);
      expect(t.errors).to.deep.equal(['brand_paused']);
      await expect(el).to.be.accessible();
    });
  }
});

describe('forward compatibility: <payout-claim>', () => {
  const t = useHarness('payout-claim');
  const terms = (method: string, extra: Record<string, unknown> = {}) => ({ method, fee: 0, arrival: 'instant', ...extra });

  it('skips methods it does not know, silently, and offers the known ones', async () => {
    t.net.fail('GET', CLAIM_PATH, {
      status: 200,
      body: claim([terms('paypay', { qr: true }), terms('atm', { fee: 220 }), terms('linepay'), terms('quo')], { theme: 'dark' }),
    });
    const el = await mountClaim(TOKEN, 'en');
    await expect(el).to.be.accessible();
    expect(radios(el)).to.deep.equal(['atm', 'quo']);
    byRole(el, 'radio', 'Cash at a Seven Bank ATM');
    byRole(el, 'radio', 'QUO Card Pay');
    expect(visibleText(el)).to.not.contain('paypay').and.not.contain('linepay');
    expect(alertsText(el).trim()).to.equal('');
    expect(t.errors).to.deep.equal([]);
  });

  it('skips an unknown method whatever else its entry holds (an arrival it does not know either)', async () => {
    t.net.fail('GET', CLAIM_PATH, {
      status: 200,
      body: claim([terms('paypay', { arrival: 'next_day', fee: -1 }), terms('atm', { fee: 220 })]),
    });
    const el = await mountClaim(TOKEN, 'en');
    expect(t.errors).to.deep.equal([]);
    expect(radios(el)).to.deep.equal(['atm']);
    await expect(el).to.be.accessible();
  });

  for (const [lang, message] of [
    ['en', 'There is no way to receive this. Please contact the sender.'],
    ['ja', 'ご利用いただける受取方法がありません。お支払い元にお問い合わせください。'],
  ] as const) {
    it(`says "not available" when no method is known, without a crash (${lang})`, async () => {
      t.net.fail('GET', CLAIM_PATH, { status: 200, body: claim([terms('paypay'), terms('linepay')]) });
      const el = await mountClaim(TOKEN, lang);
      expect(el.state.status).to.equal('choosing');
      expect(alertsText(el)).to.contain(message);
      expect(allByRole(el, 'radio')).to.have.length(0);
      expect(byRole<HTMLButtonElement>(el, 'button', lang === 'en' ? 'Next' : '次へ').disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  for (const [lang, neutral, known] of [
    ['en', 'Payment', 'Refund'],
    ['ja', 'お支払い', '返金'],
  ] as const) {
    it(`words a purpose it does not know neutrally (${lang})`, async () => {
      t.net.fail('GET', CLAIM_PATH, { status: 200, body: claim([terms('atm')], { purpose: 'insurance_payout' }) });
      const el = await mountClaim(TOKEN, lang);
      const purpose = [...el.shadowRoot!.querySelectorAll('dl.summary div')].find(
        (row) => row.querySelector('dt')?.textContent === (lang === 'en' ? 'For' : '内容'),
      );
      expect(purpose?.querySelector('dd')?.textContent).to.equal(neutral);
      expect(visibleText(el)).to.not.contain('insurance_payout').and.not.contain(known);
      await expect(el).to.be.accessible();
    });
  }

  for (const [lang, shown] of [
    ['en', 'Something went wrong: Payouts pause during the bank holiday.'],
    ['ja', 'エラーが発生しました：Payouts pause during the bank holiday.'],
  ] as const) {
    it(`shows the server's message for an error code it does not know, and reports the code (${lang})`, async () => {
      t.net.fail('POST', /\/claim$/, {
        status: 422,
        body: { error: { code: 'payouts_paused', message: 'Payouts pause during the bank holiday.' } },
      });
      const el = await mountClaim('demo-refund', lang);
      await choose(el, lang === 'en' ? 'Cash at a Seven Bank ATM' : 'セブン銀行ATMで現金受取');
      await press(el, lang === 'en' ? 'Next' : '次へ');
      await press(el, lang === 'en' ? 'Receive ¥2,780' : '2,780円を受け取る');
      await waitForStatus(el, 'confirming');
      expect(alertsText(el)).to.contain(shown);
      expect(t.errors).to.deep.equal(['payouts_paused']);
      await expect(el).to.be.accessible();
    });
  }
});

export type { Claim, Order };
