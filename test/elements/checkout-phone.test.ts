/**
 * <prepaid-checkout> on a phone: every character of every brand's code shows, untouched fields are not red,
 * known balances add up, focus survives the server's answers, loading keeps the form's shape, touch targets
 * are big enough, and times say their zone. In ja and en, at 320, 360 and 1280 px.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import type { Order } from '../../src/contract/checkout.js';
import { formatDateTime, formatTime } from '../../src/i18n/index.js';
import {
  problemsShown,
  runningTotal,
  transition,
  type CheckoutEvent,
  type CheckoutState,
  type Entry,
} from '../../src/prepaid-checkout/checkout-flow.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { chooseBrand, codeBoxes, mountCheckout, receipt, typeCode } from '../helpers/checkout.js';
import { accessibleName, allByRole, byRole, visibleText } from '../helpers/dom.js';
import { alertsText, useHarness } from '../helpers/harness.js';
import { openOrder } from '../helpers/fixtures.js';

const PAYMENTS = /\/payments$/;

function segments(el: PrepaidCheckout): HTMLInputElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input.segment')];
}

function statusText(el: PrepaidCheckout): string {
  return allByRole(el, 'status')
    .map((s) => s.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** Focus in the widget: never on the page's body. */
function focused(el: PrepaidCheckout): Element | null {
  expect(document.activeElement).to.not.equal(document.body);
  expect(document.activeElement).to.equal(el);
  return el.shadowRoot!.activeElement;
}

describe('the checkout flow: what is pointed out, and what the codes add up to', () => {
  const order: Order = openOrder([{ id: 'webmoney', mode: 'collect', maxCodes: 3, balance: true }]);
  const A = 'wm00000000000500';
  const B = 'wm00000000001000';
  const entering = (over: Partial<Entry> = {}): CheckoutState => ({
    status: 'entering',
    entry: {
      order,
      brands: order.brands,
      brand: 'webmoney',
      codes: { webmoney: [A] },
      balances: {},
      checked: {},
      error: null,
      attempt: null,
      lockedUntil: null,
      redirectIncomplete: false,
      ...over,
    },
  });
  const run = (state: CheckoutState, ...events: CheckoutEvent[]) => events.reduce(transition, state);
  const entryOf = (state: CheckoutState): Entry => {
    if (state.status !== 'entering') throw new Error(state.status);
    return state.entry;
  };
  const pay: CheckoutEvent = { type: 'pay', key: 'k', returnUrl: 'https://shop.example/', now: 0 };
  const short = (shortfall: number): CheckoutEvent => ({
    type: 'payment-failed',
    now: 0,
    error: { code: 'insufficient_balance', status: 402, target: null, uncertain: false, shortfall },
  });
  const known = (index: number, code: string, balance: number): CheckoutEvent[] => [
    { type: 'balance-requested', index },
    {
      type: 'balance-answered',
      brand: 'webmoney',
      index,
      code,
      now: 0,
      result: { ok: true, value: { brand: 'webmoney', balance, masked: '••' } },
    },
  ];

  it('points out a code once it is left with something typed, or Pay is pressed; a new code starts untouched', () => {
    const rows: [string, CheckoutState, boolean[]][] = [
      ['typed, still there', run(entering({ codes: { webmoney: ['wm'] } })), [false]],
      ['left empty', run(entering({ codes: { webmoney: [''] } }), { type: 'code-left', index: 0 }), [false]],
      ['typed and left', run(entering({ codes: { webmoney: ['wm'] } }), { type: 'code-left', index: 0 }), [true]],
      ['Pay pressed', run(entering({ codes: { webmoney: [''] } }), pay), [true]],
      ['a code added after a shortfall', run(entering(), pay, short(700), { type: 'code-added' }), [true, false]],
      ['the first of two removed', run(entering(), pay, short(700), { type: 'code-added' }, { type: 'code-removed', index: 0 }), [false]],
    ];
    for (const [name, state, expected] of rows) expect(problemsShown(entryOf(state)), name).to.deep.equal(expected);
  });

  it('adds up the known balances, and works out the one a shortfall implies', () => {
    expect(runningTotal(entryOf(entering()))).to.equal(null);
    expect(runningTotal(entryOf(run(entering(), ...known(0, A, 500))))).to.deep.equal({
      parts: [500],
      total: 500,
      needed: 700,
      unknown: 0,
    });
    const afterShortfall = run(entering(), pay, short(700));
    expect(runningTotal(entryOf(afterShortfall))).to.deep.equal({ parts: [500], total: 500, needed: 700, unknown: 0 });
    const two = run(afterShortfall, { type: 'code-added' }, { type: 'code-changed', index: 1, code: B });
    expect(runningTotal(entryOf(two))).to.deep.equal({ parts: [500], total: 500, needed: 700, unknown: 1 });
    expect(runningTotal(entryOf(run(two, ...known(1, B, 1000))))).to.deep.equal({ parts: [500, 1000], total: 1500, needed: 0, unknown: 0 });
    // Two codes of unknown balance: the shortfall says only what they hold together, so neither is guessed.
    const both = run(entering({ codes: { webmoney: [A, B] } }), pay, short(100));
    expect(runningTotal(entryOf(both))).to.equal(null);
    // An edited code's balance is no longer known.
    expect(runningTotal(entryOf(run(afterShortfall, { type: 'code-changed', index: 0, code: B })))).to.equal(null);
  });
});

describe('<prepaid-checkout> on a phone', () => {
  const t = useHarness('prepaid-checkout');

  afterEach(async () => {
    document.documentElement.style.removeProperty('font-size');
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  describe('every character of every code shows', () => {
    // The widest characters each brand allows: full-width hiragana, and W/M in both cases.
    const codes: [brand: Record<'ja' | 'en', string>, label: Record<'ja' | 'en', string>, code: string][] = [
      [
        { en: 'BitCash', ja: 'ビットキャッシュ' },
        { en: 'BitCash hiragana ID', ja: 'ビットキャッシュのひらがなID' },
        'ぬねのはむめもゆよらりるわをんぽ',
      ],
      [{ en: 'NET CASH', ja: 'NET CASH' }, { en: 'NET CASH ID', ja: 'NET CASH ID' }, 'WMwmMWmwWWMMwwmm'],
      [{ en: 'WebMoney', ja: 'WebMoney' }, { en: 'WebMoney prepaid number', ja: 'WebMoneyのプリペイド番号' }, 'wmwmmmmmwwwwmwmw'],
      [{ en: 'nanaco Gift', ja: 'nanacoギフト' }, { en: 'nanaco Gift ID', ja: 'nanacoギフトID' }, 'mmmmwwwwmmmmwwww'],
    ];
    const screens: [name: string, width: number, rootFont: string | null][] = [
      ['320 px', 320, null],
      ['360 px', 360, null],
      ['360 px with a 20 px root font', 360, '20px'],
      ['320 px with a 20 px root font', 320, '20px'],
      ['1280 px', 1280, null],
    ];
    for (const lang of ['ja', 'en'] as const) {
      for (const [screen, width, rootFont] of screens) {
        it(`at ${screen}, in every box, with a full group typed (${lang})`, async () => {
          await setViewport({ width, height: 800 });
          if (rootFont) document.documentElement.style.fontSize = rootFont;
          const el = await mountCheckout('demo-3000', lang);
          for (const [brand, label, code] of codes) {
            await chooseBrand(el, brand[lang]);
            await typeCode(el, label[lang], code);
            const boxes = codeBoxes(el, label[lang]);
            expect(boxes.map((b) => b.value).join(''), brand[lang]).to.equal(code);
            for (const box of boxes) {
              expect(box.scrollWidth, `${brand[lang]} box "${box.value}" at ${screen}`).to.be.at.most(box.clientWidth);
            }
          }
          expect(document.documentElement.scrollWidth).to.be.at.most(width);
          await expect(el).to.be.accessible();
        });
      }
    }

    it('puts the boxes in one row where they fit, and two by two where they do not', async () => {
      const rows = (el: PrepaidCheckout) => new Set(segments(el).map((b) => Math.round(b.getBoundingClientRect().top))).size;
      await setViewport({ width: 1280, height: 800 });
      const el = await mountCheckout('demo-3000', 'ja');
      await chooseBrand(el, 'ビットキャッシュ');
      expect(rows(el)).to.equal(1);
      await setViewport({ width: 320, height: 800 });
      await el.updateComplete;
      expect(rows(el)).to.equal(2);
    });
  });

  describe('validation', () => {
    it('never shows an untouched box as wrong: not a new one, not one only visited', async () => {
      await setViewport({ width: 360, height: 740 });
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      const [first] = codeBoxes(el, 'WebMoney prepaid number');
      first!.focus();
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' }); // through the boxes and out
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.localName).to.equal('button');
      expect(first!.getAttribute('aria-invalid'), 'visited, nothing typed').to.equal('false');
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000000500');
      byRole(el, 'button', 'Pay ¥1,200').click();
      await waitUntil(() => t.errors.includes('insufficient_balance'));
      await el.updateComplete;
      byRole(el, 'button', 'Add another code').click();
      await el.updateComplete;
      await el.updateComplete;
      const second = () => codeBoxes(el, 'WebMoney prepaid number', 2);
      expect(second().map((b) => b.getAttribute('aria-invalid'))).to.deep.equal(['false', 'false', 'false', 'false']);
      expect(alertsText(el)).to.not.contain('Enter the code');
      await expect(el).to.be.accessible();
      // Typing: still not red while the shopper is at it.
      await typeCode(el, 'WebMoney prepaid number 2', 'wm00');
      expect(second()[0]!.getAttribute('aria-invalid')).to.equal('false');
      // Left half typed: now it says what is missing.
      second()[3]!.focus();
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.localName).to.equal('button');
      expect(second()[0]!.getAttribute('aria-invalid')).to.equal('true');
      expect(alertsText(el)).to.contain('12 more characters to go');
      await expect(el).to.be.accessible();
    });

    it('points at an empty box only once Pay is pressed', async () => {
      const el = await mountCheckout('demo-1200', 'ja');
      await chooseBrand(el, 'WebMoney');
      const box = () => codeBoxes(el, 'WebMoneyのプリペイド番号')[0]!;
      expect(box().getAttribute('aria-invalid')).to.equal('false');
      byRole(el, 'button', '1,200円を支払う').click();
      await el.updateComplete;
      expect(box().getAttribute('aria-invalid')).to.equal('true');
      expect(alertsText(el)).to.contain('コードを入力してください');
      expect(t.net.sent('POST', PAYMENTS)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('adds up the known balances and says how much more is needed, or that they cover it (en)', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000000503');
      byRole(el, 'button', 'Check balance of code 1').click();
      await waitUntil(() => statusText(el).includes('¥503: ¥697 more needed'), 'one balance, short');
      await expect(el).to.be.accessible();
      byRole(el, 'button', 'Add another code').click();
      await el.updateComplete;
      await typeCode(el, 'WebMoney prepaid number 2', 'wm00000000005030');
      expect(statusText(el)).to.contain('¥503: ¥697 more needed').and.contain('not counted');
      byRole(el, 'button', 'Check balance of code 2').click();
      await waitUntil(() => statusText(el).includes('¥503 + ¥5,030: covered'), 'two balances, covered');
      expect(statusText(el)).to.not.contain('more needed');
      await expect(el).to.be.accessible();
    });

    it('replaces the bare shortfall with the running total (ja)', async () => {
      const el = await mountCheckout('demo-1200', 'ja');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoneyのプリペイド番号', 'wm00000000000503');
      byRole(el, 'button', '1,200円を支払う').click();
      await waitUntil(() => alertsText(el).includes('503円：697円不足'), 'shortfall as a total');
      expect(alertsText(el)).to.contain('お支払いはまだ行われていません').and.contain('別のコードを追加');
      expect(visibleText(el)).to.contain('残高：503円');
      await expect(el).to.be.accessible();
      byRole(el, 'button', 'コードを追加').click();
      await el.updateComplete;
      await typeCode(el, 'WebMoneyのプリペイド番号（2枚目）', 'wm00000000005030');
      byRole(el, 'button', '2枚目のコードの残高を確認').click();
      await waitUntil(() => alertsText(el).includes('503円＋5,030円：不足なし'), 'covered');
      expect(alertsText(el)).to.not.contain('別のコードを追加');
      await expect(el).to.be.accessible();
    });
  });

  describe('focus after the server answers', () => {
    async function pressWithKeyboard(el: PrepaidCheckout, name: string | RegExp) {
      byRole(el, 'button', name).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    }

    it('an invalid code: focus goes to that code, whose description is the message', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'zzzzzzzzzzzzzzzz');
      await pressWithKeyboard(el, 'Pay ¥1,200');
      await waitUntil(() => t.errors.includes('invalid_code'));
      await el.updateComplete;
      const box = codeBoxes(el, 'WebMoney prepaid number')[0]!;
      expect(focused(el)).to.equal(box);
      const message = el.shadowRoot!.getElementById(box.getAttribute('aria-describedby')!.split(' ')[0]!)!;
      expect(message.textContent).to.contain('This code cannot be used');
      await expect(el).to.be.accessible();
    });

    it('insufficient balance: focus stays on Pay', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000000500');
      await pressWithKeyboard(el, 'Pay ¥1,200');
      await waitUntil(() => t.errors.includes('insufficient_balance'));
      await el.updateComplete;
      expect(focused(el)).to.equal(byRole(el, 'button', 'Pay ¥1,200'));
    });

    it('Enter in a code box: focus stays in the box through paying and the refusal', async () => {
      t.net.fail('POST', PAYMENTS, 'hang', 1); // a slow first answer: time to look while paying
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000000500');
      const last = codeBoxes(el, 'WebMoney prepaid number')[3]!;
      last.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.state.status).to.equal('paying');
      expect(focused(el)).to.equal(last);
      await waitUntil(() => t.errors.includes('insufficient_balance'));
      await el.updateComplete;
      expect(focused(el)).to.equal(last);
    });

    it('a balance check, known or refused: focus stays on its button', async () => {
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000000500');
      await pressWithKeyboard(el, 'Check balance of code 1');
      await waitUntil(() => visibleText(el).includes('¥500: ¥700 more needed'));
      expect(focused(el)).to.equal(byRole(el, 'button', 'Check balance of code 1'));
      await typeCode(el, 'WebMoney prepaid number', 'wmused0000000000');
      await pressWithKeyboard(el, 'Check balance of code 1');
      await waitUntil(() => t.errors.includes('code_used'));
      await el.updateComplete;
      expect(focused(el)).to.equal(byRole(el, 'button', 'Check balance of code 1'));
      await expect(el).to.be.accessible();
    });

    it('a lockout disables Pay: focus moves to the message that says until when (in JST)', async () => {
      t.reinstall({ lockout: { limit: 1, seconds: 60 } });
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'zzzzzzzzzzzzzzzz');
      await pressWithKeyboard(el, 'Pay ¥1,200');
      await waitUntil(() => t.errors.length === 1);
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000005000');
      await pressWithKeyboard(el, 'Pay ¥1,200');
      await waitUntil(() => t.errors.includes('too_many_attempts'));
      await el.updateComplete;
      const active = focused(el) as HTMLElement;
      expect(active.getAttribute('role')).to.equal('alert');
      expect(active.textContent).to.match(/You can try again after \d{2}:\d{2}:\d{2} JST/);
      await expect(el).to.be.accessible();
    });
  });

  describe('loading and paying', () => {
    for (const width of [360, 1280]) {
      it(`reserves about the form's height while loading (${width} px)`, async () => {
        await setViewport({ width, height: 800 });
        t.net.fail('GET', /orders\/demo-1200$/, 'hang', 1);
        const loading = document.createElement('prepaid-checkout');
        loading.setAttribute('endpoint', '/api/checkout');
        loading.setAttribute('order', 'demo-1200');
        loading.setAttribute('lang', 'ja');
        document.body.append(loading);
        await loading.updateComplete;
        expect(byRole(loading, 'status').textContent).to.contain('読み込み中');
        await expect(loading).to.be.accessible();
        const skeleton = loading.shadowRoot!.querySelector('.card')!.getBoundingClientRect().height;
        const el = await mountCheckout('demo-1200', 'ja');
        const form = el.shadowRoot!.querySelector('form')!.getBoundingClientRect().height;
        loading.remove();
        expect(skeleton / form, `skeleton ${skeleton}px, form ${form}px`).to.be.within(0.8, 1.2);
      });
    }

    it('pulses the skeleton only when motion is welcome', async () => {
      t.net.fail('GET', /orders/, 'hang', 1);
      const el = document.createElement('prepaid-checkout');
      el.setAttribute('endpoint', '/api/checkout');
      el.setAttribute('order', 'demo-500');
      document.body.append(el);
      await el.updateComplete;
      const skeleton = el.shadowRoot!.querySelector('.skeleton')!;
      await emulateMedia({ reducedMotion: 'no-preference' });
      expect(getComputedStyle(skeleton).animationName).to.equal('ppw-pulse');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(skeleton).animationName).to.equal('none');
      el.remove();
    });

    it('spins inside Pay while paying, keeps its name, and says it is busy', async () => {
      t.net.fail('POST', PAYMENTS, 'hang', 1);
      const el = await mountCheckout('demo-1200', 'en');
      await chooseBrand(el, 'WebMoney');
      await typeCode(el, 'WebMoney prepaid number', 'wm00000000005000');
      const pay = byRole<HTMLButtonElement>(el, 'button', 'Pay ¥1,200');
      expect(pay.querySelector('.spinner')).to.equal(null);
      pay.click();
      await el.updateComplete;
      expect(el.state.status).to.equal('paying');
      const spinner = pay.querySelector('.spinner')!;
      expect(spinner).to.not.equal(null);
      expect(spinner.getAttribute('aria-hidden')).to.equal('true');
      expect(accessibleName(pay)).to.equal('Pay ¥1,200');
      expect(pay.getAttribute('aria-busy')).to.equal('true');
      expect(statusText(el)).to.contain('Processing your payment');
      expect(getComputedStyle(spinner).animationName).to.equal('ppw-spin');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(getComputedStyle(spinner).animationName).to.equal('none');
      await expect(el).to.be.accessible();
      await receipt(el);
    });
  });

  describe('touch targets', () => {
    for (const lang of ['ja', 'en'] as const) {
      it(`are at least 44 px at 360 px (${lang})`, async () => {
        await setViewport({ width: 360, height: 740 });
        const el = await mountCheckout('demo-1200', lang);
        const brandLabels = allByRole(el, 'radio').map((r) => r.closest('label')!);
        await chooseBrand(el, 'WebMoney');
        byRole(el, 'button', lang === 'ja' ? 'コードを追加' : 'Add another code').click();
        await el.updateComplete;
        const buttons = allByRole(el, 'button');
        const names = buttons.map(accessibleName);
        expect(names.length, names.join(' | ')).to.be.at.least(5); // two checks, two removes, add, Pay
        for (const target of [...brandLabels, ...buttons]) {
          const { width, height } = target.getBoundingClientRect();
          const name = accessibleName(target);
          expect(height, `${name} height`).to.be.at.least(44);
          expect(width, `${name} width`).to.be.at.least(44);
        }
      });
    }
  });

  describe('results', () => {
    const paidOnSite = (masked: string): Order => ({
      order: `paid-on-site-${masked.length}`,
      amount: 500,
      currency: 'JPY',
      merchant: { name: 'Sandbox Game Store' },
      status: 'paid',
      brands: [{ id: 'netcash', mode: 'redirect' }],
      payments: [{ brand: 'netcash', amount: 500, masked }],
      paidAt: '2026-12-01T01:00:00Z',
    });

    it('lists a payment made on the issuer’s page by brand and amount, without a code (en)', async () => {
      // An order paid on the issuer's page, as the merchant's backend serves it.
      t.net.fail('GET', /\/orders\/paid-on-site-0$/, { status: 200, body: paidOnSite('') }, 5);
      const el = await mountCheckout('paid-on-site-0', 'en');
      await receipt(el);
      const list = el.shadowRoot!.querySelector('ul.payments')!;
      const text = list.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('NET CASH').and.contain('Paid on the NET CASH site').and.contain('¥500');
      expect(text).to.not.match(/code/i);
      expect(list.querySelector('.masked')).to.equal(null);
      expect(visibleText(el)).to.contain('1 Dec 2026, 10:00 JST');
      await expect(el).to.be.accessible();
    });

    it('words it without a code in Japanese too, and the time in JST', async () => {
      // An order paid on the issuer's page, as the merchant's backend serves it.
      t.net.fail('GET', /\/orders\/paid-on-site-0$/, { status: 200, body: paidOnSite('') }, 5);
      const el = await mountCheckout('paid-on-site-0', 'ja');
      await receipt(el);
      const text = el.shadowRoot!.querySelector('ul.payments')!.textContent!;
      expect(text).to.contain('NET CASHのサイトでお支払い').and.contain('500円');
      expect(text).to.not.contain('コード');
      expect(visibleText(el)).to.contain('2026/12/01 10:00 JST');
      await expect(el).to.be.accessible();
    });

    it('formats every time in Tokyo time with its zone', () => {
      expect(formatDateTime('2026-12-01T01:00:00Z', 'ja')).to.equal('2026/12/01 10:00 JST');
      expect(formatDateTime('2026-12-01T01:00:00Z', 'en')).to.equal('1 Dec 2026, 10:00 JST');
      expect(formatDateTime('2026-11-30T23:30:00+09:00', 'en')).to.equal('30 Nov 2026, 23:30 JST');
      const at = Date.parse('2026-12-01T15:20:30Z');
      expect(formatTime(at, 'ja')).to.equal('0:20:30 JST');
      expect(formatTime(at, 'en')).to.equal('00:20:30 JST');
    });
  });

  describe('keyboard alone on a small phone', () => {
    for (const lang of ['ja', 'en'] as const) {
      it(`pays at 320 px (${lang})`, async () => {
        await setViewport({ width: 320, height: 640 });
        const el = await mountCheckout('demo-3000', lang);
        byRole(el, 'radio', 'WebMoney').focus();
        await sendKeys({ press: 'Space' });
        await el.updateComplete;
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement).to.equal(segments(el)[0]);
        await sendKeys({ type: 'wm00000000003000' });
        await el.updateComplete;
        await sendKeys({ press: 'Enter' });
        await receipt(el);
        expect(el.shadowRoot!.activeElement?.localName).to.equal('h2');
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        await expect(el).to.be.accessible();
      });
    }
  });
});
