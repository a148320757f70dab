/**
 * What contract 0.2 added, through the widgets and the demo backend: idempotency answers
 * (`409 idempotency_in_progress`, `422 idempotency_key_reused`), the reload after `order_not_open`, the
 * claim token's life in a tab, the unfinished wallet step, and ids refused before any request.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { codeBoxes, mountCheckout, pressPay, receipt, typeCode } from '../helpers/checkout.js';
import { mountClaim } from '../helpers/claim.js';
import { allByRole, byRole, findByRole, visibleText } from '../helpers/dom.js';
import { alertsText, choose, demoClaim, postElsewhere, press, useHarness, waitForStatus } from '../helpers/harness.js';
import type { Fault, RecordedRequest } from '../helpers/network.js';
import { groupForReading } from '../../src/payout-claim/code-groups.js';

const PAYMENTS = /\/orders\/demo-1200\/payments$/;
const ORDER_GET = /\/orders\/demo-1200$/;
const CLAIM_POST = /\/api\/claims\/demo-refund\/claim$/;
const CODE = 'wm00000000005000';
const TOKEN_KEY = 'ppw-claim-token';

const key = (r: RecordedRequest | undefined) => r?.headers.get('idempotency-key');
const inProgress = (retryAfter: number): Fault => ({
  status: 409,
  body: { error: { code: 'idempotency_in_progress', message: 'A request with this key is still running.', retryAfter } },
});

async function readyToPay(lang: 'en' | 'ja' = 'en', code = CODE): Promise<PrepaidCheckout> {
  const el = await mountCheckout('demo-1200', lang);
  await choose(el, 'WebMoney');
  await typeCode(el, lang === 'en' ? 'WebMoney prepaid number' : 'WebMoneyのプリペイド番号', code);
  return el;
}

describe('contract 0.2: idempotency answers on a payment', () => {
  const t = useHarness('prepaid-checkout');

  it('409 idempotency_in_progress: sends the same key and body again after retryAfter, and shows the receipt', async () => {
    t.net.fail('POST', PAYMENTS, inProgress(0.4));
    const el = await readyToPay();
    await pressPay(el);
    await receipt(el);
    await expect(el).to.be.accessible();
    const [first, second, extra] = t.net.sent('POST', PAYMENTS);
    expect(extra).to.equal(undefined);
    expect(key(second)).to.equal(key(first));
    expect(second!.body).to.equal(first!.body);
    // The client's own retry delay is 5 ms in tests: only retryAfter explains the wait.
    expect(second!.at - first!.at).to.be.at.least(350);
    expect(t.errors).to.deep.equal([]);
    expect(t.completes).to.have.length(1);
  });

  it('409 idempotency_in_progress on every try: ends uncertain, says so, looks at the order, and keeps the key', async () => {
    t.net.fail('POST', PAYMENTS, inProgress(0.05), 3);
    const el = await readyToPay();
    await pressPay(el);
    await waitUntil(() => t.errors.length > 0, 'error shown', { timeout: 4000 });
    await waitUntil(() => t.net.sent('GET', ORDER_GET).length === 2, 'order looked at again');
    await el.updateComplete;
    expect(t.errors).to.deep.equal(['idempotency_in_progress']);
    expect(alertsText(el)).to.contain('Your previous request is still being processed');
    await expect(el).to.be.accessible();
    const posts = t.net.sent('POST', PAYMENTS);
    expect(posts).to.have.length(3);
    expect(new Set(posts.map(key)).size).to.equal(1);
    const lastPost = t.net.requests.lastIndexOf(posts[2]!);
    const reload = t.net.requests.findIndex((r, i) => i > lastPost && r.method === 'GET' && ORDER_GET.test(r.path));
    expect(reload).to.be.greaterThan(lastPost);
    // The outcome is unknown: paying again is the same attempt, same key and body.
    expect(
      codeBoxes(el, 'WebMoney prepaid number')
        .map((b) => b.value)
        .join(''),
    ).to.equal(CODE);
    await pressPay(el);
    await receipt(el);
    const retry = t.net.sent('POST', PAYMENTS)[3];
    expect(key(retry)).to.equal(key(posts[0]));
    expect(retry!.body).to.equal(posts[0]!.body);
  });

  for (const [lang, text] of [
    ['en', 'We could not accept this request. Please try again.'],
    ['ja', '操作を受け付けられませんでした。もう一度お試しください。'],
  ] as const) {
    it(`422 idempotency_key_reused: a definite error, shown and reported; the next Pay uses a new key (${lang})`, async () => {
      t.net.fail('POST', PAYMENTS, {
        status: 422,
        body: { error: { code: 'idempotency_key_reused', message: 'This key was used with another body.' } },
      });
      const el = await readyToPay(lang);
      await pressPay(el);
      await waitUntil(() => t.errors.length > 0, 'error shown');
      await el.updateComplete;
      expect(t.errors).to.deep.equal(['idempotency_key_reused']);
      expect(alertsText(el)).to.contain(text);
      await expect(el).to.be.accessible();
      // A definite answer: no retry, no reload.
      expect(t.net.sent('POST', PAYMENTS)).to.have.length(1);
      expect(t.net.sent('GET', ORDER_GET)).to.have.length(1);
      await pressPay(el);
      await receipt(el);
      const [first, second] = t.net.sent('POST', PAYMENTS);
      expect(key(second)).to.not.equal(key(first));
      expect(second!.body).to.equal(first!.body);
    });
  }

  it('409 order_not_open (paid elsewhere meanwhile): reloads, shows the receipt, completes, and shows no error', async () => {
    const el = await readyToPay('en', 'wm00000000009000');
    const elsewhere = await postElsewhere(t, '/api/checkout/orders/demo-1200/payments', { brand: 'webmoney', codes: [CODE] });
    expect(elsewhere.status).to.equal(200);
    await pressPay(el);
    await receipt(el);
    await expect(el).to.be.accessible();
    expect(t.net.sent('POST', PAYMENTS)).to.have.length(1);
    expect(t.net.sent('GET', ORDER_GET)).to.have.length(2);
    expect(t.errors).to.deep.equal([]);
    expect(alertsText(el).trim()).to.equal('');
    expect(t.completes).to.deep.equal([
      { order: 'demo-1200', amount: 1200, payments: [{ brand: 'webmoney', amount: 1200, masked: '••••••••••••5000' }] },
    ]);
    // The shopper's own code was not charged.
    expect(await t.net.backend.issuer.balance('webmoney', 'wm00000000009000')).to.deep.include({ balance: 9000 });
  });
});

describe('contract 0.2: the claim token in a tab', () => {
  const t = useHarness('payout-claim', { bankDelayMs: 50 });

  function openLink(token: string): void {
    history.replaceState(null, '', `${location.pathname}${location.search}#token=${token}`);
  }

  it('a second link opened in the same tab (#token=A, then #token=B) shows B', async () => {
    openLink('demo-refund');
    const el = await mountClaim(null, 'en');
    expect(visibleText(el)).to.contain('¥3,000').and.contain('Refund');
    location.hash = '#token=demo-payout';
    await waitUntil(() => el.state.status === 'choosing' && el.state.choice.claim.amount === 48_600, 'claim B shown');
    await el.updateComplete;
    expect(visibleText(el)).to.contain('Sandbox Flea Market').and.contain('¥48,600').and.not.contain('¥3,000');
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal('demo-payout');
    expect(location.hash).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('a token in the fragment wins over the one stored for the tab', async () => {
    sessionStorage.setItem(TOKEN_KEY, 'demo-payout');
    openLink('demo-refund');
    const el = await mountClaim(null, 'en');
    expect(visibleText(el)).to.contain('¥3,000').and.not.contain('¥48,600');
    expect(t.net.requests.map((r) => r.path)).to.deep.equal(['/api/claims/demo-refund']);
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal('demo-refund');
    await expect(el).to.be.accessible();
  });

  it('keeps the stored token while the claim is processing, and removes it once the claim is final (QUO: completed at once)', async () => {
    openLink('demo-refund');
    const el = await mountClaim(null, 'en');
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal('demo-refund');
    await choose(el, /^QUO Card Pay/);
    await press(el, 'Next');
    await press(el, 'Receive ¥3,000');
    await waitForStatus(el, 'completed');
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('keeps the stored token while processing (ATM), so that a reload still finds the claim', async () => {
    openLink('demo-refund');
    const el = await mountClaim(null, 'en');
    await choose(el, /^Cash at a Seven Bank ATM/);
    await press(el, 'Next');
    await press(el, 'Receive ¥2,780');
    await waitForStatus(el, 'processing');
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal('demo-refund');
    await expect(el).to.be.accessible();
    el.remove();
    const again = await mountClaim(null, 'en');
    expect(again.state.status).to.equal('processing');
    await expect(again).to.be.accessible();
  });

  it('removes the stored token of a claim that is already final when opened', async () => {
    openLink('demo-completed');
    const el = await mountClaim(null, 'en');
    expect(el.state.status).to.equal('completed');
    expect(sessionStorage.getItem(TOKEN_KEY)).to.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('contract 0.2: an unfinished wallet step', () => {
  const t = useHarness('payout-claim', { bankDelayMs: 50 });

  /** Starts Amazon in this tab and leaves for its login (stubbed); returns the login URL. */
  async function leaveForAmazon(): Promise<string> {
    const el = await mountClaim('demo-refund', 'en');
    await choose(el, /^Amazon Gift Card balance/);
    await press(el, 'Next');
    await press(el, 'Receive ¥3,000');
    await waitUntil(() => t.assigned.length === 1, 'navigated');
    el.remove();
    return t.assigned[0]!;
  }

  for (const [lang, title, resume, another] of [
    ['en', 'Not received yet', 'Continue with Amazon Gift Card balance', 'Choose another way'],
    ['ja', 'お受け取りが完了していません', 'Amazonギフトカード残高で手続きを続ける', '別の受取方法を選ぶ'],
  ] as const) {
    it(`reopened: offers to continue with Amazon (to next.redirectUrl) or to choose another way (${lang})`, async () => {
      const login = await leaveForAmazon();
      expect(await t.net.backend.claims.current('demo-refund')).to.deep.include({ status: 'processing', next: { redirectUrl: login } });
      const el = await mountClaim('demo-refund', lang);
      await findByRole(el, 'heading', title);
      byRole(el, 'button', another);
      await expect(el).to.be.accessible();
      expect(t.completes).to.have.length(1); // only the first confirm; reopening is not news
      await press(el, resume);
      await waitUntil(() => t.assigned.length === 2, 'navigated again');
      expect(t.assigned[1]).to.equal(login);
    });
  }

  it('reopened a second time (the redirect mark is gone), with two wallets offered: neutral words, and continuing still works', async () => {
    const login = await leaveForAmazon();
    (await mountClaim('demo-refund', 'en')).remove();
    const el = await mountClaim('demo-refund', 'en');
    await findByRole(el, 'heading', 'Not received yet');
    expect(visibleText(el)).to.contain('You started receiving this but did not finish.');
    expect(visibleText(el)).to.not.contain('with  but');
    await expect(el).to.be.accessible();
    await press(el, 'Continue where you left off');
    await waitUntil(() => t.assigned.length === 2, 'navigated again');
    expect(t.assigned[1]).to.equal(login);
    expect(visibleText(el)).to.not.match(/Taking you to …/);
  });

  it('reopened in another tab, with one wallet offered: names it', async () => {
    const token = await demoClaim(t, { amount: 3000, purpose: 'refund', methods: ['atm', 'amazon'] });
    const el = await mountClaim(token, 'ja');
    await choose(el, /^Amazonギフトカード残高/);
    await press(el, '次へ');
    await press(el, '3,000円を受け取る');
    await waitUntil(() => t.assigned.length === 1, 'navigated');
    el.remove();
    sessionStorage.clear();
    const other = await mountClaim(token, 'ja');
    await findByRole(other, 'heading', 'お受け取りが完了していません');
    byRole(other, 'button', 'Amazonギフトカード残高で手続きを続ける');
    await expect(other).to.be.accessible();
  });

  it('choosing another way shows the methods again; ATM then posts and shows the codes', async () => {
    await leaveForAmazon();
    const el = await mountClaim('demo-refund', 'en');
    await press(el, 'Choose another way');
    await waitForStatus(el, 'choosing');
    expect(allByRole(el, 'radio').map((r) => (r as HTMLInputElement).value)).to.deep.equal(['bank', 'atm', 'amazon', 'aupay', 'quo']);
    await expect(el).to.be.accessible();
    await choose(el, /^Cash at a Seven Bank ATM/);
    await press(el, 'Next');
    await press(el, 'Receive ¥2,780');
    await waitForStatus(el, 'processing');
    await findByRole(el, 'heading', 'Withdraw your cash at a Seven Bank ATM');
    const posts = t.net.sent('POST', CLAIM_POST);
    expect(posts).to.have.length(2);
    expect(JSON.parse(posts[1]!.body)).to.deep.equal({ method: 'atm' });
    expect(key(posts[1])).to.not.equal(key(posts[0]));
    // Shown grouped for reading aloud (3-4 digits); the copy buttons copy the raw digits.
    const codes = (await t.net.backend.claims.current('demo-refund'))!.result as unknown as {
      receiptNumber: string;
      confirmationCode: string;
    };
    expect(visibleText(el)).to.contain(groupForReading(codes.receiptNumber)).and.contain(groupForReading(codes.confirmationCode));
    expect(t.errors).to.deep.equal([]);
    expect(t.completes.at(-1)).to.deep.equal({ method: 'atm', amount: 3000, fee: 220, status: 'processing' });
    await expect(el).to.be.accessible();
  });

  // CONTRACT.md 0.2: "the backend accepts a new POST while `next` is present (it drops the unfinished wallet
  // session)".
  it('the backend accepts a new POST while next is present, and drops the wallet session', async () => {
    await leaveForAmazon();
    const response = await postElsewhere(t, '/api/claims/demo-refund/claim', { method: 'atm' });
    expect(response.status).to.equal(200);
    expect(await response.json()).to.deep.include({ status: 'processing' });
  });
});

describe('contract 0.2: ids refused before any request', () => {
  const t = useHarness('prepaid-checkout');
  const c = useHarness('payout-claim');

  for (const order of ['..', '.', 'a/b', '../admin', 'x'.repeat(129), 'order 1']) {
    it(`<prepaid-checkout order=${JSON.stringify(order.length > 20 ? `${order.slice(0, 8)}…` : order)}>: an error, invalid_id, and no request`, async () => {
      const el = await mountCheckout(order, 'en');
      expect(alertsText(el)).to.contain('The link to this page is not valid');
      expect(t.errors).to.deep.equal(['invalid_id']);
      expect(t.net.requests).to.deep.equal([]);
      expect(allByRole(el, 'button')).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  }

  it('<prepaid-checkout order="..">, in Japanese', async () => {
    const el = await mountCheckout('..', 'ja');
    expect(alertsText(el)).to.contain('このページのリンクが正しくありません');
    expect(t.net.requests).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('<payout-claim token="a b">: an error, invalid_id, and no request', async () => {
    const el = await fixture<PayoutClaim>(html`<payout-claim endpoint="/api/claims" token="a b" lang="en"></payout-claim>`);
    await waitForStatus(el, 'unavailable');
    expect(alertsText(el)).to.contain('The link to this page is not valid');
    expect(c.errors).to.deep.equal(['invalid_id']);
    expect(c.net.requests).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  for (const fragment of ['a%20b', 'a+b', '..', 'a%2Fb']) {
    it(`<payout-claim> with #token=${fragment}: an error, invalid_id, and no request`, async () => {
      history.replaceState(null, '', `${location.pathname}${location.search}#token=${fragment}`);
      const el = await mountClaim(null, 'ja');
      expect(alertsText(el)).to.contain('このページのリンクが正しくありません');
      expect(c.errors).to.deep.equal(['invalid_id']);
      expect(c.net.requests).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
