/**
 * A brand and a payout method registered at run time (registerBrand, registerPayoutMethod) work end to end
 * against the demo backend, as the built-in ones do: their own code format, words, request bodies and results.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { registerBrand } from '../../src/contract/brands.js';
import { registerPayoutMethod } from '../../src/contract/methods.js';
import type { BrandWords, MethodWords } from '../../src/i18n/messages.js';
import { mountCheckout, pressPay, receipt } from '../helpers/checkout.js';
import { mountClaim } from '../helpers/claim.js';
import { allByRole, byRole, findByRole, pasteInto, visibleText } from '../helpers/dom.js';
import { alertsText, choose, demoClaim, demoOrder, press, useHarness, waitForStatus } from '../helpers/harness.js';

registerBrand<BrandWords>(
  'testcard',
  { code: { length: 20, groupSize: 4, script: 'latin', letterCase: 'lower', neverUsed: '', lookAlikes: [] } },
  { ja: { name: 'テストカード', codeName: 'カード番号' }, en: { name: 'TestCard', codeName: 'card number' } },
);

registerPayoutMethod<MethodWords>(
  'testwallet',
  { kind: 'wallet' },
  {
    en: {
      name: 'TestWallet balance',
      needs: 'You need: to log in to TestWallet',
      confirm: (net) => `You will go to TestWallet. After you log in, ${net} is added to your TestWallet balance.`,
      processing: 'Checking with TestWallet',
      completed: 'Added to your TestWallet balance',
      done: (net) => `We added ${net} to your TestWallet balance.`,
    },
    ja: {
      name: 'テストウォレット残高',
      needs: '必要なもの：テストウォレットへのログイン',
      confirm: (net) => `テストウォレットに移動します。ログインすると、${net}がテストウォレット残高に追加されます。`,
      processing: 'テストウォレットに確認しています',
      completed: 'テストウォレット残高に追加しました',
      done: (net) => `${net}をテストウォレット残高に追加しました。`,
    },
  },
);

const PAYMENTS = /\/payments$/;
const CLAIM = /\/api\/claims\/[^/]+\/claim$/;
/** A sandbox code of a registered brand: its last 14 characters are digits, the yen it holds. */
const PRINTED = 'TCAB-CD00-0000-0000-5000';
const CODE = 'tcabcd00000000005000';

function pageUrl(): string {
  const url = new URL(location.href);
  url.hash = '';
  return url.href;
}

describe('a brand registered at run time', () => {
  const t = useHarness('prepaid-checkout');
  const brands = [
    { id: 'testcard', mode: 'collect', maxCodes: 2 },
    { id: 'webmoney', mode: 'collect', maxCodes: 3 },
  ];

  it('is offered, shows five boxes, spreads a pasted code, pays, and shows the receipt (en)', async () => {
    const order = await demoOrder(t, 'gems-1200', brands);
    const el = await mountCheckout(order, 'en');
    expect(allByRole(el, 'radio').map((r) => (r as HTMLInputElement).value)).to.deep.equal(['testcard', 'webmoney']);
    await choose(el, 'TestCard');
    await expect(el).to.be.accessible();
    const boxes = () => allByRole(el, 'textbox', /^TestCard card number/) as HTMLInputElement[];
    expect(boxes()).to.have.length(5);
    expect(boxes().map((b) => b.getAttribute('aria-label'))).to.deep.equal(
      [1, 5, 9, 13, 17].map((from) => `TestCard card number, characters ${from} to ${from + 3}`),
    );
    expect(visibleText(el)).to.contain('20');
    pasteInto(boxes()[1]!, PRINTED);
    await el.updateComplete;
    expect(boxes().map((b) => b.value)).to.deep.equal(['tcab', 'cd00', '0000', '0000', '5000']);
    await pressPay(el);
    await receipt(el);
    await expect(el).to.be.accessible();
    const sent = t.net.sent('POST', PAYMENTS);
    expect(sent).to.have.length(1);
    expect(JSON.parse(sent[0]!.body)).to.deep.equal({ brand: 'testcard', codes: [CODE] });
    const text = visibleText(el);
    expect(text).to.contain('TestCard').and.contain('••••••••••••••••5000').and.contain('¥1,200').and.not.contain(CODE);
    expect(t.completes).to.deep.equal([
      { order, amount: 1200, payments: [{ brand: 'testcard', amount: 1200, masked: '••••••••••••••••5000' }] },
    ]);
    expect(t.errors).to.deep.equal([]);
  });

  it('speaks its Japanese words (ja)', async () => {
    const order = await demoOrder(t, 'gems-1200', brands);
    const el = await mountCheckout(order, 'ja');
    await choose(el, 'テストカード');
    const boxes = allByRole(el, 'textbox', /^テストカードのカード番号/) as HTMLInputElement[];
    expect(boxes.map((b) => b.getAttribute('aria-label'))).to.deep.equal(
      [1, 5, 9, 13, 17].map((from) => `テストカードのカード番号の${from}〜${from + 3}文字目`),
    );
    await expect(el).to.be.accessible();
    pasteInto(boxes[0]!, PRINTED);
    await el.updateComplete;
    byRole(el, 'button', '1,200円を支払う').click();
    await receipt(el);
    expect(visibleText(el)).to.contain('テストカード');
    await expect(el).to.be.accessible();
  });

  it('is refused by code like a built-in: a too-short code is pointed at and nothing is sent', async () => {
    const order = await demoOrder(t, 'gems-1200', brands);
    const el = await mountCheckout(order, 'en');
    await choose(el, 'TestCard');
    pasteInto((allByRole(el, 'textbox', /^TestCard card number/) as HTMLInputElement[])[0]!, 'tcab-cd00-0000-0000');
    await el.updateComplete;
    await pressPay(el);
    expect(alertsText(el)).to.contain('4 more characters to go');
    expect(t.net.sent('POST', PAYMENTS)).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('a payout method registered at run time', () => {
  const t = useHarness('payout-claim');
  const spec = {
    amount: 2000,
    purpose: 'cashback',
    methods: ['atm', { method: 'testwallet', fee: 100, arrival: 'instant', max: 50_000 }],
  };

  it('is offered, confirms, posts {method, returnUrl}, goes to next.redirectUrl, and shows the result on return (en)', async () => {
    const token = await demoClaim(t, spec);
    const el = await mountClaim(token, 'en');
    expect(allByRole(el, 'radio').map((r) => (r as HTMLInputElement).value)).to.deep.equal(['atm', 'testwallet']);
    const radio = byRole(el, 'radio', 'TestWallet balance');
    expect(el.shadowRoot!.getElementById(radio.getAttribute('aria-describedby')!)!.textContent)
      .to.contain('Fee: ¥100')
      .and.contain('You receive ¥1,900');
    await expect(el).to.be.accessible();
    await choose(el, 'TestWallet balance');
    await press(el, 'Next');
    await findByRole(el, 'heading', 'Check and confirm');
    expect(visibleText(el)).to.contain('You will go to TestWallet. After you log in, ¥1,900 is added to your TestWallet balance.');
    await expect(el).to.be.accessible();
    await press(el, 'Receive ¥1,900');
    await waitUntil(() => t.assigned.length === 1, 'navigated');
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Taking you to TestWallet balance');
    await expect(el).to.be.accessible();
    const sent = t.net.sent('POST', CLAIM);
    expect(sent).to.have.length(1);
    expect(JSON.parse(sent[0]!.body)).to.deep.equal({ method: 'testwallet', returnUrl: pageUrl() });
    const next = (await t.net.backend.claims.current(token))!.next;
    expect(t.assigned).to.deep.equal([next!.redirectUrl]);
    expect(t.completes).to.deep.equal([{ method: 'testwallet', amount: 2000, fee: 100, status: 'processing' }]);

    // The sandbox's login page for the wallet (in the browser's language: the test page's URL has no lang), then back to the page.
    const login = await fetch(t.assigned[0]!, { headers: { 'accept-language': 'en' } });
    expect(login.status).to.equal(200);
    expect(await login.text())
      .to.contain('testwallet sandbox login')
      .and.contain('¥1,900');
    const back = await fetch(`${t.assigned[0]}/receive`, { method: 'POST', redirect: 'manual' });
    expect(back.status).to.be.oneOf([0, 303]);
    el.remove();
    const again = await mountClaim(token, 'en');
    await waitForStatus(again, 'completed');
    await findByRole(again, 'heading', /Added to your TestWallet balance/);
    expect(visibleText(again)).to.contain('We added ¥1,900 to your TestWallet balance.');
    expect(t.completes.at(-1)).to.deep.equal({ method: 'testwallet', amount: 2000, fee: 100, status: 'completed' });
    expect(t.errors).to.deep.equal([]);
    await expect(again).to.be.accessible();
  });

  it('speaks its Japanese words (ja)', async () => {
    const token = await demoClaim(t, spec);
    const el = await mountClaim(token, 'ja');
    await choose(el, 'テストウォレット残高');
    await press(el, '次へ');
    expect(visibleText(el)).to.contain('テストウォレットに移動します。ログインすると、1,900円がテストウォレット残高に追加されます。');
    await expect(el).to.be.accessible();
    await press(el, '1,900円を受け取る');
    await waitUntil(() => t.assigned.length === 1, 'navigated');
    expect(JSON.parse(t.net.sent('POST', CLAIM)[0]!.body)).to.deep.equal({ method: 'testwallet', returnUrl: pageUrl() });
  });
});
