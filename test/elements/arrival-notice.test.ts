/**
 * Honest arrival dates and the `notice` slot, against the real server module in the page: the backend's clock
 * is set to a known moment (moving on from there), so the bank method's `arrivalBy` is a known date, which the
 * widget shows with its weekday in the page's language, in the choice, the confirmation and while the transfer
 * is processing. Real-time methods say "usually right away" and that maintenance can delay them. A merchant's
 * notice in the slot is shown under the widget, reachable, axe clean, and inside the widget at phone widths.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../src/payout-claim/payout-claim.define.js';
import '../../src/prepaid-checkout/prepaid-checkout.define.js';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { chooseMethod, fill, mountClaim, press, searchAndPick, waitForStatus } from '../helpers/claim.js';
import { byRole, visibleText } from '../helpers/dom.js';
import { openClaim } from '../helpers/fixtures.js';
import { useHarness } from '../helpers/harness.js';

/** The backend's clock: set to a moment in Japan's wall-clock time, moving on with real time from there. */
function movableClock() {
  let start = 0;
  let t0 = 0;
  return {
    set(jst: string) {
      start = Date.parse(`${jst}+09:00`);
      t0 = Date.now();
    },
    now: () => new Date(start + (Date.now() - t0)),
  };
}
const FRIDAY_AFTER_CUTOFF = '2026-11-27T16:00:00';

/** The text of one method's card details. */
function details(el: PayoutClaim, name: string | RegExp): string {
  const radio = byRole(el, 'radio', name);
  return el.shadowRoot!.getElementById(radio.getAttribute('aria-describedby')!)!.textContent!.replace(/\s+/g, ' ');
}

async function fillAccount(el: PayoutClaim) {
  await chooseMethod(el, /^Bank transfer/);
  await searchAndPick(el, 'Bank', 'みつびし', /^三菱UFJ \(Mitsubishi UFJ, 0005\)/);
  await searchAndPick(el, 'Branch', '001', /^本店 \(Honten, 001\)/);
  fill(el, /^Account number/, '1234567');
  fill(el, /^Account holder name/, 'やまだ　たろう');
  await el.updateComplete;
}

describe('arrival dates', () => {
  // Friday 27 Nov 2026, 16:00 JST: after the 15:00 cut-off, so the transfer starts on Monday; 3 business days on.
  // The sandbox transfer takes 10 days (of the backend's clock), so that it is still processing days later.
  const clock = movableClock();
  clock.set(FRIDAY_AFTER_CUTOFF);
  const backend = { now: clock.now, bankDelayMs: 10 * 24 * 3_600_000 };
  const t = useHarness('payout-claim', backend);
  beforeEach(() => clock.set(FRIDAY_AFTER_CUTOFF));

  it('the bank method shows the computed date with its weekday (en)', async () => {
    const el = await mountClaim('demo-refund', 'en');
    await expect(el).to.be.accessible();
    expect(details(el, 'Bank transfer')).to.contain('Arrives by Thu 3 Dec').and.not.contain('1–3 business days');
  });

  it('the bank method shows the computed date with its weekday (ja)', async () => {
    const el = await mountClaim('demo-refund', 'ja');
    await expect(el).to.be.accessible();
    expect(details(el, '銀行振込')).to.contain('12月3日（木）までに振り込まれます').and.not.contain('1〜3営業日');
  });

  it('real-time methods say usually right away, and that maintenance can delay them (en and ja)', async () => {
    const en = await mountClaim('demo-refund', 'en');
    for (const name of ['Cash at a Seven Bank ATM', 'Amazon Gift Card balance', 'au PAY balance', 'QUO Card Pay']) {
      expect(details(en, name), name).to.contain('Usually arrives right away (maintenance can delay it)').and.not.contain('Arrives by');
    }
    const ja = await mountClaim('demo-refund', 'ja');
    expect(details(ja, 'セブン銀行ATMで現金受取')).to.contain('通常はすぐにお受け取りいただけます（メンテナンス中は遅れる場合があります）');
    await expect(ja).to.be.accessible();
  });

  it('over the year end: the banks’ 12/31–1/3 and the weekend are skipped', async () => {
    clock.set('2026-12-30T16:00:00');
    await t.reinstall(backend); // the demo claims seeded afresh at that time
    const en = await mountClaim('demo-refund', 'en');
    expect(details(en, 'Bank transfer')).to.contain('Arrives by Thu 7 Jan');
    const ja = await mountClaim('demo-refund', 'ja');
    expect(details(ja, '銀行振込')).to.contain('1月7日（木）までに振り込まれます');
  });

  it('the confirmation says the date, and while processing: your bank receives it by then', async () => {
    const el = await mountClaim('demo-refund', 'en');
    await fillAccount(el);
    await press(el, 'Next');
    expect(el.shadowRoot!.querySelector('.arrival')!.textContent).to.equal('Arrives by Thu 3 Dec');
    await expect(el).to.be.accessible();
    await press(el, 'Receive ¥3,000');
    await waitForStatus(el, 'processing');
    expect(visibleText(el)).to.contain('It reaches your account by Thu 3 Dec.').and.not.contain('1–3 business days');
    await expect(el).to.be.accessible();
  });

  it('while processing, the date stays the one from when the transfer was asked (ja, reopened days later)', async () => {
    const el = await mountClaim('demo-refund', 'ja');
    await chooseMethod(el, /^銀行振込/);
    await searchAndPick(el, '金融機関', 'みつびし', /^三菱UFJ/);
    await searchAndPick(el, '支店', '001', /^本店/);
    fill(el, /^口座番号/, '1234567');
    fill(el, /^口座名義/, 'やまだ　たろう');
    await el.updateComplete;
    await press(el, '次へ');
    expect(el.shadowRoot!.querySelector('.arrival')!.textContent).to.equal('12月3日（木）までに振り込まれます');
    await press(el, /受け取る/);
    await waitForStatus(el, 'processing');
    expect(visibleText(el)).to.contain('12月3日（木）までにご指定の口座に入金されます。');
    el.remove();
    // Reopened on Wednesday morning: a transfer asked now would arrive on Monday; this one still by Thursday.
    clock.set('2026-12-02T10:00:00');
    const reopened = await mountClaim('demo-refund', 'ja');
    expect(reopened.state.status).to.equal('processing');
    expect(visibleText(reopened)).to.contain('12月3日（木）までにご指定の口座に入金されます。');
    await expect(reopened).to.be.accessible();
    const other = await mountClaim('demo-payout', 'ja');
    expect(details(other, '銀行振込')).to.contain('12月7日（月）までに振り込まれます');
  });

  it('without arrivalBy, the old wording', async () => {
    t.net.fail('GET', /\/api\/claims\/demo-refund$/, {
      status: 200,
      body: openClaim([
        { method: 'bank', fee: 0, arrival: 'business_days' },
        { method: 'atm', fee: 220, arrival: 'instant', max: 100_000 },
      ]),
    });
    const el = await mountClaim('demo-refund', 'en');
    expect(details(el, 'Bank transfer')).to.contain('Arrives in 1–3 business days').and.not.contain('Arrives by');
    await expect(el).to.be.accessible();
  });
});

describe('the notice slot', () => {
  const clock = movableClock();
  clock.set('2026-11-27T10:00:00');
  useHarness('payout-claim', { now: clock.now });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  async function claimWithNotice(lang: 'ja' | 'en', theme?: 'dark') {
    const el =
      await fixture<PayoutClaim>(html`<payout-claim endpoint="/api/claims" bank-data="/banks/" token="demo-refund" lang=${lang} theme=${theme ?? undefined}>
      <div slot="notice" id="provider-notice">
        <p>送金サービス提供：サンドボックス送金株式会社（資金移動業者 関東財務局長 第000XX号・架空）</p>
        <p>苦情・相談窓口：お客様相談室 電話 <a href="tel:0120000000">0120-000-000</a>（平日 9:00〜18:00）</p>
        <p>苦情処理・紛争解決（ADR）：指定紛争解決機関はありません。サンプル弁護士会 紛争解決センター（架空）電話 <a href="tel:0300000000">03-0000-0000</a></p>
      </div>
    </payout-claim>`);
    await waitUntil(() => el.state.status !== 'loading', 'claim loaded');
    await el.updateComplete;
    return el;
  }

  it('renders the notice under the form, in smaller text the content inherits, and its links take focus', async () => {
    const el = await claimWithNotice('ja');
    await expect(el).to.be.accessible();
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="notice"]')!;
    const notice = el.querySelector<HTMLElement>('#provider-notice')!;
    expect(slot.assignedElements()).to.deep.equal([notice]);
    const form = el.shadowRoot!.querySelector('form')!.getBoundingClientRect();
    const box = notice.getBoundingClientRect();
    expect(box.height).to.be.above(0);
    expect(box.top).to.be.at.least(form.bottom);
    const size = (node: Element) => Number.parseFloat(getComputedStyle(node).fontSize);
    expect(size(notice.querySelector('p')!)).to.be.below(size(el));
    expect(getComputedStyle(notice).color, 'the muted colour').to.equal('rgb(87, 96, 106)');
    const link = notice.querySelector('a')!;
    link.focus();
    expect(document.activeElement).to.equal(link);
  });

  it('is axe clean in the dark theme, with muted text that follows it', async () => {
    const el = await claimWithNotice('en', 'dark');
    await expect(el).to.be.accessible();
    const notice = el.querySelector<HTMLElement>('#provider-notice')!;
    expect(getComputedStyle(notice).color).to.equal('rgb(169, 177, 187)');
  });

  for (const width of [320, 360, 1280]) {
    it(`fits at ${width}px without sideways overflow`, async () => {
      await setViewport({ width, height: 800 });
      const el = await claimWithNotice('ja');
      const notice = el.querySelector<HTMLElement>('#provider-notice')!;
      expect(notice.scrollWidth, 'notice').to.be.at.most(notice.clientWidth);
      expect(el.scrollWidth, 'widget').to.be.at.most(el.clientWidth);
      expect(notice.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);
      await expect(el).to.be.accessible();
    });
  }

  it('on <prepaid-checkout> too', async () => {
    const el = await fixture<PrepaidCheckout>(html`<prepaid-checkout endpoint="/api/checkout" order="demo-1200" lang="en">
      <p slot="notice" id="merchant-notice">Sold by Sandbox Game Store (a fictional shop). Questions: weekdays 10:00–17:00 JST.</p>
    </prepaid-checkout>`);
    await waitUntil(() => el.state.status !== 'loading', 'order loaded');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const notice = el.querySelector('#merchant-notice')!;
    expect(el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="notice"]')!.assignedElements()).to.deep.equal([notice]);
    expect(notice.getBoundingClientRect().top).to.be.at.least(el.shadowRoot!.querySelector('form')!.getBoundingClientRect().bottom);
    expect(Number.parseFloat(getComputedStyle(notice).fontSize)).to.be.below(Number.parseFloat(getComputedStyle(el).fontSize));
  });
});
