import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { retryPolicy } from '../../src/api/client.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import type { PrepaidCheckoutCompleteEvent } from '../../src/prepaid-checkout/events.js';
import { alertsText, chooseBrand, codeBoxes, mountCheckout, pressPay, receipt, typeCode } from '../helpers/checkout.js';
import { allByRole, byRole, findByRole, pasteInto, visibleText } from '../helpers/dom.js';
import { useHarness } from '../helpers/harness.js';

const PAYMENTS = /\/payments$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('<prepaid-checkout>', () => {
  const t = useHarness('prepaid-checkout');

  describe('showing the order', () => {
    it('shows merchant, description and amount, and the brands by name (en)', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await expect(el).to.be.accessible();
      const text = visibleText(el);
      expect(text).to.contain('Sandbox Game Store').and.contain('Gem pack (1,200 gems)').and.contain('¥1,200');
      expect(allByRole(el, 'radio').map((r) => r.closest('label')!.textContent!.trim())).to.deep.equal([
        'WebMoney',
        'BitCash',
        'NET CASH',
        'nanaco Gift',
      ]);
    });

    it('speaks Japanese (ja)', async () => {
      const el = await mountCheckout('demo-1200', 'ja');
      await expect(el).to.be.accessible();
      expect(visibleText(el)).to.contain('1,200円').and.contain('電子マネーをお選びください');
      byRole(el, 'radio', 'ビットキャッシュ');
      await chooseBrand(el, 'WebMoney');
      byRole(el, 'button', '1,200円を支払う');
      expect(codeBoxes(el, 'WebMoneyのプリペイド番号')).to.have.length(4);
    });

    it('takes the language from an ancestor, and falls back to ja for others', async () => {
      const wrapper = document.createElement('div');
      wrapper.lang = 'en-US';
      document.body.append(wrapper);
      const el = document.createElement('prepaid-checkout');
      el.setAttribute('endpoint', '/api/checkout');
      el.setAttribute('order', 'demo-500');
      wrapper.append(el);
      await waitUntil(() => el.state.status === 'entering');
      await el.updateComplete;
      expect(visibleText(el)).to.contain('Choose your e-money');
      el.setAttribute('lang', 'fr');
      await el.updateComplete;
      expect(visibleText(el)).to.contain('電子マネーをお選びください');
      wrapper.remove();
    });

    it('offers only the brands in the brands attribute, in its order', async () => {
      const el = await mountCheckout('demo-1200', 'en', 'nanaco webmoney');
      expect(allByRole(el, 'radio').map((r) => (r as HTMLInputElement).value)).to.deep.equal(['nanaco', 'webmoney']);
    });

    it('renders the receipt of an order that is already paid, without a complete event', async () => {
      let completed = false;
      const onComplete = () => (completed = true);
      document.addEventListener('prepaid-checkout-complete', onComplete);
      const el = await mountCheckout('demo-paid', 'en');
      await receipt(el);
      await expect(el).to.be.accessible();
      expect(visibleText(el)).to.contain('••••••••••••k7p2').and.contain('¥800');
      document.removeEventListener('prepaid-checkout-complete', onComplete);
      expect(completed).to.equal(false);
    });

    for (const [order, heading] of [
      ['demo-expired', 'This order has expired'],
      ['demo-canceled', 'This order was canceled'],
    ]) {
      it(`shows a clear final message for ${order}`, async () => {
        const el = await mountCheckout(order!, 'en');
        await findByRole(el, 'heading', heading!);
        await expect(el).to.be.accessible();
        expect(allByRole(el, 'button')).to.have.length(0);
      });
    }

    it('says when the order does not exist, and reports it', async () => {
      const el = await mountCheckout('no-such-order', 'en');
      expect(alertsText(el)).to.contain('could not find this order');
      expect(t.errors).to.deep.equal(['order_not_found']);
      await expect(el).to.be.accessible();
    });

    it('turns an order answer that breaks the schema into "try again", and recovers', async () => {
      t.net.fail('GET', /orders\/demo-500$/, 'malformed');
      const el = await mountCheckout('demo-500', 'en');
      expect(alertsText(el)).to.contain('could not read');
      expect(t.errors).to.deep.equal(['invalid_response']);
      await expect(el).to.be.accessible();
      byRole(el, 'button', 'Try again').click();
      await findByRole(el, 'radio', 'WebMoney');
    });
  });

  describe('entering codes', () => {
    it('sends a WebMoney code half-width, lowercased, without hyphens, and shows the receipt', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await expect(el).to.be.accessible();
      await typeCode(el, 'WebMoney prepaid number', 'ＷＭ００－００００－０００２－００００');
      expect(codeBoxes(el, 'WebMoney prepaid number').map((b) => b.value)).to.deep.equal(['wm00', '0000', '0002', '0000']);
      const completed = oneEvent(el, 'prepaid-checkout-complete') as Promise<PrepaidCheckoutCompleteEvent>;
      await pressPay(el);
      const event = await completed;
      await receipt(el);
      await expect(el).to.be.accessible();
      const [sent] = t.net.sent('POST', PAYMENTS);
      expect(JSON.parse(sent!.body)).to.deep.equal({ brand: 'webmoney', codes: ['wm00000000020000'] });
      expect(sent!.headers.get('idempotency-key')).to.match(UUID);
      expect(sent!.headers.get('content-type')).to.equal('application/json');
      expect(event.detail).to.deep.equal({
        order: 'demo-1200',
        amount: 1200,
        payments: [{ brand: 'webmoney', amount: 1200, masked: '••••••••••••0000' }],
      });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(visibleText(el)).to.contain('••••••••••••0000').and.not.contain('wm00000000020000');
    });

    it('spreads a whole code pasted into any box', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      const boxes = codeBoxes(el, 'WebMoney prepaid number');
      pasteInto(boxes[2]!, 'wm00-0000-0000-5000');
      await el.updateComplete;
      expect(codeBoxes(el, 'WebMoney prepaid number').map((b) => b.value)).to.deep.equal(['wm00', '0000', '0000', '5000']);
    });

    it('moves to the next box as one fills, and back with Backspace', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      codeBoxes(el, 'WebMoney prepaid number')[0]!.focus();
      await sendKeys({ type: 'abcde' });
      await el.updateComplete;
      let boxes = codeBoxes(el, 'WebMoney prepaid number');
      expect(boxes.map((b) => b.value)).to.deep.equal(['abcd', 'e', '', '']);
      expect(el.shadowRoot!.activeElement).to.equal(boxes[1]);
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      boxes = codeBoxes(el, 'WebMoney prepaid number');
      expect(boxes.map((b) => b.value)).to.deep.equal(['abc', '', '', '']);
      expect(el.shadowRoot!.activeElement).to.equal(boxes[0]);
    });

    it('leaves IME composition alone until it ends', async () => {
      const el = await mountCheckout('demo-3000', 'en');
      await chooseBrand(el, 'BitCash');
      const [box] = codeBoxes(el, 'BitCash hiragana ID');
      box!.focus();
      box!.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
      box!.value = 'あい-';
      box!.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true, inputType: 'insertCompositionText' }));
      await el.updateComplete;
      expect(box!.value).to.equal('あい-');
      box!.value = 'アイウエ';
      box!.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: 'アイウエ' }));
      await el.updateComplete;
      expect(codeBoxes(el, 'BitCash hiragana ID')[0]!.value).to.equal('あいうえ');
    });

    it('takes a BitCash ID typed in katakana and sends it in hiragana', async () => {
      const el = await mountCheckout('demo-3000', 'en');
      await chooseBrand(el, 'BitCash');
      await typeCode(el, 'BitCash hiragana ID', 'アイウエ オカキク ケコサシ スセソタ');
      await pressPay(el);
      await receipt(el);
      expect(JSON.parse(t.net.sent('POST', PAYMENTS)[0]!.body).codes).to.deep.equal(['あいうえおかきくけこさしすせそた']);
    });

    it('names characters that codes never use, next to the field, and sends nothing', async () => {
      const el = await mountCheckout('demo-3000', 'en');
      await chooseBrand(el, 'NET CASH');
      expect(visibleText(el)).to.contain('O and o never appear in codes');
      await typeCode(el, 'NET CASH ID', 'NC0000000000500O');
      const [box] = codeBoxes(el, 'NET CASH ID');
      expect(box!.getAttribute('aria-invalid')).to.equal('true');
      const message = el.shadowRoot!.getElementById(box!.getAttribute('aria-describedby')!.split(' ')[0]!)!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain('「O」');
      await expect(el).to.be.accessible();
      await pressPay(el);
      expect(t.net.sent('POST', PAYMENTS)).to.have.length(0);
    });

    it('keeps NET CASH case on the wire', async () => {
      const el = await mountCheckout('demo-3000', 'en');
      await chooseBrand(el, 'NET CASH');
      await typeCode(el, 'NET CASH ID', 'NC00-0000-0000-5000');
      await pressPay(el);
      await receipt(el);
      expect(JSON.parse(t.net.sent('POST', PAYMENTS)[0]!.body).codes).to.deep.equal(['NC00000000005000']);
    });

    it('points at an incomplete code on Pay and focuses it', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'wm00');
      byRole(el, 'button', 'Pay ¥1,200').focus();
      await pressPay(el);
      await el.updateComplete;
      expect(alertsText(el)).to.contain('12 more characters to go');
      expect(el.shadowRoot!.activeElement).to.equal(codeBoxes(el, 'WebMoney prepaid number')[0]);
      expect(t.net.sent('POST', PAYMENTS)).to.have.length(0);
    });

    it('keeps codes typed for one brand when the shopper looks at another', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'wm000000');
      await chooseBrand(el, 'nanaco Gift');
      await chooseBrand(el, 'WebMoney');
      expect(
        codeBoxes(el, 'WebMoney prepaid number')
          .map((b) => b.value)
          .join(''),
      ).to.equal('wm000000');
    });

    it('checks the balance of a code', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000000500');
      byRole(el, 'button', 'Check balance of code 1').click();
      await waitUntil(() => visibleText(el).includes('Balance of ••••••••••••0500: ¥500'));
      await expect(el).to.be.accessible();
      expect(JSON.parse(t.net.sent('POST', /\/balance$/)[0]!.body)).to.deep.equal({ brand: 'webmoney', code: 'wm00000000000500' });
    });
  });

  describe('refusals', () => {
    it('after insufficient balance, says how much more is needed and lets the shopper add a code', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000000500');
      await pressPay(el);
      await waitUntil(() => alertsText(el).includes('¥500: ¥700 more needed'));
      expect(alertsText(el)).to.contain('Nothing has been charged').and.contain('Add another code');
      expect(t.errors).to.deep.equal(['insufficient_balance']);
      await expect(el).to.be.accessible();
      byRole(el, 'button', 'Add another code').click();
      await el.updateComplete;
      await el.updateComplete;
      const second = codeBoxes(el, 'WebMoney prepaid number', 2);
      expect(el.shadowRoot!.activeElement).to.equal(second[0]);
      await typeCode(el, 'WebMoney prepaid number 2', 'wm00000000001000');
      await pressPay(el);
      await receipt(el);
      const bodies = t.net.sent('POST', PAYMENTS).map((r) => JSON.parse(r.body));
      expect(bodies[1]).to.deep.equal({ brand: 'webmoney', codes: ['wm00000000000500', 'wm00000000001000'] });
      expect(visibleText(el)).to.contain('¥500').and.contain('¥700');
    });

    const refusals: [string, string, string, string, string][] = [
      ['an unknown code', 'demo-1200', 'WebMoney', 'zzzzzzzzzzzzzzzz', 'This code cannot be used'],
      ['a used code', 'demo-1200', 'WebMoney', 'wmused0000000000', 'already been used'],
      ['an expired code', 'demo-1200', 'nanaco Gift', 'nnexpired0000000', 'has expired'],
      ['an ST-rated BitCash at an EX-only store', 'demo-3000', 'BitCash', 'かきくけこさしすせそたちつてとな', 'rated EX'],
    ];
    const codeNames: Record<string, string> = {
      WebMoney: 'WebMoney prepaid number',
      'nanaco Gift': 'nanaco Gift ID',
      BitCash: 'BitCash hiragana ID',
    };
    for (const [name, order, brand, code, message] of refusals) {
      it(`shows ${name} next to the field`, async () => {
        const el = await mountCheckout(order, 'en');
        await chooseBrand(el, brand);
        await typeCode(el, codeNames[brand]!, code);
        await pressPay(el);
        await waitUntil(() => codeBoxes(el, codeNames[brand]!)[0]!.getAttribute('aria-invalid') === 'true');
        const box = codeBoxes(el, codeNames[brand]!)[0]!;
        const message1 = el.shadowRoot!.getElementById(box.getAttribute('aria-describedby')!.split(' ')[0]!)!;
        expect(message1.textContent).to.contain(message);
        expect(t.errors).to.have.length(1);
        await expect(el).to.be.accessible();
        expect(box.value + codeBoxes(el, codeNames[brand]!)[1]!.value).to.have.length.greaterThan(0);
      });
    }

    it('pauses paying after too many wrong codes and says until when', async () => {
      await t.reinstall({ lockout: { limit: 1, seconds: 60 } });
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'zzzzzzzzzzzzzzzz');
      await pressPay(el);
      await waitUntil(() => t.errors.length === 1);
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000005000');
      await pressPay(el);
      await waitUntil(() => t.errors.includes('too_many_attempts'));
      await el.updateComplete;
      expect(alertsText(el)).to.contain('Please wait a while before trying again').and.contain('You can try again after');
      expect(byRole<HTMLButtonElement>(el, 'button', 'Pay ¥1,200').disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('bad days', () => {
    async function readyToPay(order = 'demo-1200', code = 'wm00000000005000') {
      const el = await mountCheckout(order, 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', code);
      return el;
    }

    it('retries a dropped connection with the same key and body', async () => {
      t.net.fail('POST', PAYMENTS, 'drop');
      const el = await readyToPay();
      await pressPay(el);
      await receipt(el);
      const [a, b] = t.net.sent('POST', PAYMENTS);
      expect(b!.headers.get('idempotency-key')).to.equal(a!.headers.get('idempotency-key'));
      expect(b!.body).to.equal(a!.body);
    });

    it('charges once when the answer was lost after the server acted', async () => {
      t.net.fail('POST', PAYMENTS, 'drop-after');
      const el = await readyToPay();
      await pressPay(el);
      await receipt(el);
      expect(t.net.sent('POST', PAYMENTS)).to.have.length(2);
      expect(await t.net.backend.issuer.balance('webmoney', 'wm00000000005000')).to.deep.include({ balance: 3800 });
    });

    it('retries a 5xx and succeeds', async () => {
      t.net.fail('POST', PAYMENTS, { status: 502 }, 2);
      const el = await readyToPay();
      await pressPay(el);
      await receipt(el);
      expect(t.net.sent('POST', PAYMENTS)).to.have.length(3);
    });

    it('after timeouts on every try, says "try again", reuses the key, and uses a new one once the code changes', async () => {
      t.net.fail('POST', PAYMENTS, 'hang', 3);
      const el = await readyToPay();
      await pressPay(el);
      await waitUntil(() => t.errors.includes('timeout'), 'timeout shown', { timeout: 4000 });
      await el.updateComplete;
      expect(alertsText(el)).to.contain('There was no answer');
      await expect(el).to.be.accessible();
      const firstKey = t.net.sent('POST', PAYMENTS)[0]!.headers.get('idempotency-key');
      expect(new Set(t.net.sent('POST', PAYMENTS).map((r) => r.headers.get('idempotency-key')))).to.deep.equal(new Set([firstKey]));
      t.net.fail('POST', PAYMENTS, 'hang', 3);
      await waitUntil(() => byRole<HTMLButtonElement>(el, 'button', 'Pay ¥1,200').getAttribute('aria-disabled') === 'false');
      await pressPay(el);
      await waitUntil(() => t.net.sent('POST', PAYMENTS).length === 6 && el.state.status === 'entering', 'second attempt', {
        timeout: 4000,
      });
      expect(t.net.sent('POST', PAYMENTS)[5]!.headers.get('idempotency-key')).to.equal(firstKey);
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000009000');
      await pressPay(el);
      await receipt(el);
      expect(t.net.sent('POST', PAYMENTS).at(-1)!.headers.get('idempotency-key')).to.not.equal(firstKey);
    });

    it('shows the provider being down after bounded retries', async () => {
      const el = await readyToPay('demo-1200', 'wmunavailable000');
      await pressPay(el);
      await waitUntil(() => t.errors.includes('provider_unavailable'));
      await el.updateComplete;
      expect(alertsText(el)).to.contain('temporarily unavailable');
      expect(t.net.sent('POST', PAYMENTS)).to.have.length(3);
    });

    it('treats a payment answer that breaks the schema as an unknown outcome and looks at the order', async () => {
      t.net.fail('POST', PAYMENTS, 'malformed');
      const el = await readyToPay();
      await pressPay(el);
      await waitUntil(() => t.errors.includes('invalid_response'));
      await waitUntil(() => t.net.sent('GET', /orders\/demo-1200$/).length === 2, 'order looked at again');
      await el.updateComplete;
      expect(alertsText(el)).to.contain('could not read');
      await expect(el).to.be.accessible();
      expect(
        codeBoxes(el, 'WebMoney prepaid number')
          .map((b) => b.value)
          .join(''),
      ).to.equal('wm00000000005000');
    });

    it('never has two payment requests in flight', async () => {
      // Long enough that the hung request is surely still in flight when Pay is pressed again, even on a busy machine.
      retryPolicy.timeoutMs = 2_000;
      t.net.fail('POST', PAYMENTS, 'hang', 1);
      const el = await readyToPay();
      await pressPay(el);
      await waitUntil(() => t.net.sent('POST', PAYMENTS).length === 1);
      el.shadowRoot!.querySelector('form')!.requestSubmit();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(t.net.sent('POST', PAYMENTS)).to.have.length(1);
      // Not disabled (that would drop focus to the page): marked busy, and a second press sends nothing.
      expect(byRole<HTMLButtonElement>(el, 'button', 'Pay ¥1,200').getAttribute('aria-disabled')).to.equal('true');
      expect(visibleText(el)).to.contain('Processing your payment');
      await expect(el).to.be.accessible();
      await receipt(el);
    });
  });

  describe('redirect mode', () => {
    it('sends the page URL without its fragment, goes to the issuer, and shows the receipt on return', async () => {
      const el = await mountCheckout('demo-500', 'en');
      await chooseBrand(el, 'NET CASH');
      expect(visibleText(el)).to.contain('You will pay on the NET CASH site');
      await expect(el).to.be.accessible();
      byRole(el, 'button', 'Pay ¥500 with NET CASH').click();
      await waitUntil(() => t.assigned.length === 1, 'navigated');
      await el.updateComplete;
      expect(el.state.status).to.equal('redirecting');
      expect(visibleText(el)).to.contain('Taking you to NET CASH');
      await expect(el).to.be.accessible();
      const body = JSON.parse(t.net.sent('POST', PAYMENTS)[0]!.body);
      const expectedReturn = new URL(location.href);
      expectedReturn.hash = '';
      expect(body).to.deep.equal({ brand: 'netcash', returnUrl: expectedReturn.href });
      expect(t.assigned[0]).to.match(/\/sandbox\/issuer\//);
      // The shopper pays on the issuer's page and comes back to a fresh page.
      await fetch(`${t.assigned[0]}/pay`, { method: 'POST', redirect: 'manual' });
      el.remove();
      const completed = new Promise<PrepaidCheckoutCompleteEvent>((resolve) =>
        document.addEventListener('prepaid-checkout-complete', (e) => resolve(e as PrepaidCheckoutCompleteEvent), { once: true }),
      );
      const back = await mountCheckout('demo-500', 'en');
      await receipt(back);
      expect((await completed).detail).to.deep.include({ order: 'demo-500', amount: 500 });
      await expect(back).to.be.accessible();
    });

    it('says the payment was not completed when the shopper cancels at the issuer', async () => {
      const el = await mountCheckout('demo-500', 'en');
      await chooseBrand(el, 'NET CASH');
      byRole(el, 'button', 'Pay ¥500 with NET CASH').click();
      await waitUntil(() => t.assigned.length === 1);
      await fetch(`${t.assigned[0]}/cancel`, { method: 'POST', redirect: 'manual' });
      el.remove();
      const back = await mountCheckout('demo-500', 'en');
      expect(alertsText(back)).to.contain('The payment was not completed');
      await expect(back).to.be.accessible();
    });
  });

  describe('secrecy', () => {
    it('puts the code in no event, URL, storage, console line or request but the payment POST', async () => {
      const code = 'wm00000000007777';
      const logged: string[] = [];
      const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
      const saved = methods.map((m) => console[m]);
      for (const m of methods) console[m] = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
      const seen: string[] = [];
      const record = (e: Event) => seen.push(JSON.stringify((e as CustomEvent).detail));
      document.addEventListener('prepaid-checkout-complete', record);
      document.addEventListener('prepaid-checkout-error', record);
      try {
        const el = await mountCheckout('demo-1200', 'en');
        await chooseBrand(el, 'WebMoney');
        await typeCode(el, 'WebMoney prepaid number', 'wm00000000000500');
        await pressPay(el);
        await waitUntil(() => t.errors.length === 1);
        byRole(el, 'button', 'Add another code').click();
        await el.updateComplete;
        await typeCode(el, 'WebMoney prepaid number 2', code);
        await pressPay(el);
        await receipt(el);
      } finally {
        methods.forEach((m, i) => {
          console[m] = saved[i]!;
        });
        document.removeEventListener('prepaid-checkout-complete', record);
        document.removeEventListener('prepaid-checkout-error', record);
      }
      const everywhere = [
        ...seen,
        ...logged,
        location.href,
        JSON.stringify({ ...sessionStorage }),
        JSON.stringify({ ...localStorage }),
        document.cookie,
      ];
      expect(everywhere.filter((s) => s.includes(code) || s.includes('wm00000000000500'))).to.deep.equal([]);
      const carrying = t.net.requests.filter((r) => r.body.includes(code) || r.url.includes(code));
      expect(carrying.map((r) => r.path)).to.deep.equal(['/api/checkout/orders/demo-1200/payments']);
    });
  });

  describe('keyboard, screens and loading', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('can be paid with the keyboard alone', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      byRole(el, 'radio', 'WebMoney').focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(codeBoxes(el, 'WebMoney prepaid number')[0]);
      await sendKeys({ type: 'wm00000000003000' });
      await el.updateComplete;
      await sendKeys({ press: 'Enter' });
      await receipt(el);
      expect(el.shadowRoot!.activeElement?.localName).to.equal('h2');
    });

    for (const [width, height] of [
      [360, 640],
      [1280, 800],
      [320, 568],
    ] as const) {
      it(`fits a ${width}px wide window without sideways scrolling`, async () => {
        await setViewport({ width, height });
        const el = await mountCheckout('demo-1200', 'ja');
        await chooseBrand(el, 'ビットキャッシュ');
        byRole(el, 'button', 'コードを追加').click();
        await el.updateComplete;
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        const boxes = codeBoxes(el, 'ビットキャッシュのひらがなID（1枚目）');
        for (const box of boxes) expect(box.getBoundingClientRect().width).to.be.at.least(40);
        await expect(el).to.be.accessible();
      });
    }

    it('is announced while loading', async () => {
      t.net.fail('GET', /orders/, 'hang', 1);
      const el = document.createElement('prepaid-checkout');
      el.setAttribute('endpoint', '/api/checkout');
      el.setAttribute('order', 'demo-500');
      el.setAttribute('lang', 'en');
      document.body.append(el);
      await el.updateComplete;
      expect(byRole(el, 'status').textContent).to.contain('Loading');
      await expect(el).to.be.accessible();
      el.remove();
    });

    it('does not throw when defined twice (a second script tag), and keeps the first definition', async () => {
      const first = customElements.get('prepaid-checkout');
      expect(first).to.equal(PrepaidCheckout);
      const once = await import('../../src/prepaid-checkout/prepaid-checkout.define.js');
      // A query string makes the browser evaluate the define module again, as a second copy would be:
      // without the guard, customElements.define throws and this import rejects.
      const again = (await import('../../src/prepaid-checkout/prepaid-checkout.define.js?again' as string)) as typeof once;
      expect(again).to.not.equal(once);
      expect(again.PrepaidCheckout).to.equal(PrepaidCheckout);
      await import('../../src/index.js?again' as string);
      await import('../../src/prepaid-checkout.js?again' as string);
      await import('../../src/payout-claim.js?again' as string);
      await import('../../src/payout-claim/payout-claim.define.js?again' as string);
      expect(customElements.get('prepaid-checkout')).to.equal(first);
      expect(customElements.get('payout-claim')).to.equal(PayoutClaim);
    });
  });
});

export type { PrepaidCheckout };
