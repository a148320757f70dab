import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { chooseBrand, mountCheckout, pressPay, receipt, typeCode } from '../helpers/checkout.js';
import { chooseMethod, mountClaim, press, waitForStatus } from '../helpers/claim.js';
import { byRole, findByRole } from '../helpers/dom.js';
import { useHarness } from '../helpers/harness.js';

/** WCAG relative luminance contrast of two computed `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
      const s = Number(c) / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The text of each rendered line of an element (by the top of each character's box). */
function lines(node: Element): string[] {
  const out: string[] = [];
  let top: number | null = null;
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode() as Text | null; text; text = walker.nextNode() as Text | null) {
    for (let i = 0; i < text.length; i++) {
      const range = document.createRange();
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0) continue;
      if (top === null || Math.abs(rect.top - top) > 2) out.push('');
      top = rect.top;
      out[out.length - 1] += text.data[i]!;
    }
  }
  return out;
}

const style = (el: Element, selector: string) => {
  const node = el.shadowRoot!.querySelector(selector);
  if (!node) throw new Error(`no ${selector}`);
  return getComputedStyle(node);
};

/** The colours a shopper sees, read from rendered elements (an entry step with a brand chosen). */
function colours(el: PrepaidCheckout) {
  return {
    surface: getComputedStyle(el).backgroundColor,
    text: style(el, 'h2').color,
    muted: style(el, 'dt').color,
    primary: style(el, 'button.primary').backgroundColor,
    onPrimary: style(el, 'button.primary').color,
    inputBorder: style(el, 'input.segment').borderTopColor,
    cardBorder: style(el, '.card').borderTopColor,
  };
}

async function checkoutWithBrand(theme: string | null, lang = 'en'): Promise<PrepaidCheckout> {
  const el = await mountCheckout('demo-1200', lang);
  if (theme) el.setAttribute('theme', theme);
  await chooseBrand(el, 'WebMoney');
  return el;
}

describe('theme, line breaking and touch targets', () => {
  const t = useHarness('prepaid-checkout');
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
    document.documentElement.style.removeProperty('font-size');
  });

  describe('theme', () => {
    it('colours differ between theme="light" and theme="dark", and both meet WCAG AA', async () => {
      const light = await checkoutWithBrand('light');
      await expect(light).to.be.accessible();
      const dark = await checkoutWithBrand('dark');
      await expect(dark).to.be.accessible();
      const [l, d] = [colours(light), colours(dark)];
      for (const key of Object.keys(l) as (keyof typeof l)[]) expect(d[key], key).to.not.equal(l[key]);
      expect(l.surface).to.equal('rgb(255, 255, 255)');
      for (const c of [l, d]) {
        expect(contrast(c.text, c.surface), 'text').to.be.at.least(4.5);
        expect(contrast(c.muted, c.surface), 'muted').to.be.at.least(4.5);
        expect(contrast(c.onPrimary, c.primary), 'on-primary').to.be.at.least(4.5);
        expect(contrast(c.inputBorder, c.surface), 'input border').to.be.at.least(3);
        expect(contrast(c.cardBorder, c.surface), 'card border').to.be.at.least(3);
      }
      expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    });

    it('error, success and focus colours meet WCAG AA in dark', async () => {
      const el = await checkoutWithBrand('dark');
      const surface = getComputedStyle(el).backgroundColor;
      await pressPay(el); // empty code: an error next to it
      expect(contrast(style(el, '.code-field .error').color, surface), 'error').to.be.at.least(4.5);
      // The ring a keyboard user sees (:focus-visible uses --_focus). Read through a probe: a test file may run in a
      // background tab, where focus() does not give an element :focus.
      const probe = document.createElement('span');
      probe.style.outlineColor = 'var(--_focus)';
      el.shadowRoot!.append(probe);
      expect(contrast(getComputedStyle(probe).outlineColor, surface), 'focus ring').to.be.at.least(3);
      probe.remove();
      const claim = await mountClaim('demo-completed', 'en');
      claim.setAttribute('theme', 'dark');
      await claim.updateComplete;
      expect(contrast(style(claim, '.success').color, getComputedStyle(claim).backgroundColor), 'success').to.be.at.least(4.5);
      expect(getComputedStyle(claim).backgroundColor).to.equal(surface);
    });

    it('auto (no attribute, or theme="auto") follows prefers-color-scheme; theme="light" does not', async () => {
      const auto = await mountCheckout('demo-1200', 'en');
      const explicit = await mountCheckout('demo-1200', 'en');
      explicit.setAttribute('theme', 'auto');
      const light = await mountCheckout('demo-1200', 'en');
      light.setAttribute('theme', 'light');
      const bg = (el: Element) => getComputedStyle(el).backgroundColor;
      expect([bg(auto), bg(explicit), bg(light)]).to.deep.equal(['rgb(255, 255, 255)', 'rgb(255, 255, 255)', 'rgb(255, 255, 255)']);
      await emulateMedia({ colorScheme: 'dark' });
      expect([bg(auto), bg(explicit), bg(light)]).to.deep.equal(['rgb(27, 29, 33)', 'rgb(27, 29, 33)', 'rgb(255, 255, 255)']);
    });

    it("a page's --ppw-color-primary wins over the dark defaults (attribute and system)", async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      wrapper.style.setProperty('--ppw-color-primary', '#7a2e0e');
      wrapper.style.setProperty('--ppw-color-surface', '#000000');
      const el = document.createElement('prepaid-checkout') as PrepaidCheckout;
      el.setAttribute('endpoint', '/api/checkout');
      el.setAttribute('order', 'demo-1200');
      el.setAttribute('lang', 'en');
      el.setAttribute('theme', 'dark');
      wrapper.append(el);
      await waitUntil(() => el.state.status === 'entering');
      await chooseBrand(el, 'WebMoney');
      expect(style(el, 'button.primary').backgroundColor).to.equal('rgb(122, 46, 14)');
      expect(getComputedStyle(el).backgroundColor).to.equal('rgb(0, 0, 0)');
      el.removeAttribute('theme');
      await emulateMedia({ colorScheme: 'dark' });
      expect(style(el, 'button.primary').backgroundColor).to.equal('rgb(122, 46, 14)');
      // What the page did not set still comes from the dark defaults.
      expect(style(el, 'h2').color).to.equal('rgb(230, 232, 235)');
    });
  });

  describe('Japanese line breaking', () => {
    it('puts the resolved language on the rendered root, so ja text breaks by phrase', async () => {
      // `lang="fr"` shows Japanese (anything but en is ja): the rendered root must say ja, not inherit fr.
      const ja = await mountCheckout('demo-1200', 'fr');
      const en = await mountCheckout('demo-1200', 'en');
      expect(ja.shadowRoot!.querySelector('h2')!.closest('[lang]')?.getAttribute('lang')).to.equal('ja');
      expect(ja.shadowRoot!.querySelector('legend')!.matches(':lang(ja)')).to.equal(true);
      const phrase = CSS.supports('word-break', 'auto-phrase');
      expect(style(ja, 'dt').wordBreak).to.equal(phrase ? 'auto-phrase' : 'normal');
      expect(style(en, 'dt').wordBreak).to.equal('normal');
      expect(style(ja, '.amount').whiteSpace).to.equal('nowrap');
    });

    it('splits no word of a hint, and leaves no lone last character (ja, 360px, where auto-phrase is supported)', async function () {
      if (!CSS.supports('word-break', 'auto-phrase')) this.skip();
      await setViewport({ width: 360, height: 640 });
      const el = await mountCheckout('demo-1200', 'ja');
      await chooseBrand(el, 'ビットキャッシュ');
      const hint = [...el.shadowRoot!.querySelectorAll('.hint')].find((p) => p.textContent!.includes('ひらがな16文字'))!;
      const rendered = lines(hint);
      expect(rendered.length, rendered.join(' | ')).to.be.at.least(2);
      for (const word of ['ひらがな', 'カタカナ', '入力', '文字']) {
        for (let i = 0; i < rendered.length - 1; i++) {
          const joint = rendered[i]!.slice(-word.length + 1) + rendered[i + 1]!.slice(0, word.length - 1);
          expect(joint.includes(word), `${word} split: ${rendered.join(' | ')}`).to.equal(false);
        }
      }
      expect(rendered.at(-1)!.replace(/[。、）]/g, '').length, rendered.join(' | ')).to.be.at.least(2);
    });

    it('balances a two-line label rather than leaving its last word alone (320px, 20px root font)', async () => {
      await setViewport({ width: 320, height: 640 });
      document.documentElement.style.setProperty('font-size', '20px');
      const el = await mountCheckout('demo-1200', 'ja');
      await chooseBrand(el, 'ビットキャッシュ');
      const rendered = lines(el.shadowRoot!.querySelector('.code-label')!);
      expect(rendered.length, rendered.join(' | ')).to.equal(2);
      expect(rendered[1]!.length, rendered.join(' | ')).to.be.at.least(4);
    });

    for (const width of [320, 360]) {
      it(`keeps brand names and amounts on one line at ${width}px (ja)`, async () => {
        await setViewport({ width, height: 640 });
        const el = await mountCheckout('demo-3000', 'ja');
        const lineHeight = (node: Element) => Number.parseFloat(getComputedStyle(node).lineHeight);
        for (const label of el.shadowRoot!.querySelectorAll('label.brand span')) {
          expect(label.getBoundingClientRect().height, label.textContent!).to.be.at.most(lineHeight(label) * 1.1);
          // ... and inside its card: one line must not mean running out of it.
          const card = label.closest('label.brand')!.getBoundingClientRect();
          expect(label.getBoundingClientRect().right, label.textContent!).to.be.at.most(card.right);
        }
        const amount = el.shadowRoot!.querySelector('.amount')!;
        expect(amount.getBoundingClientRect().height).to.be.at.most(lineHeight(amount) * 1.1);
      });
    }
  });

  describe('touch targets', () => {
    it('buttons and text inputs are at least 44px high', async () => {
      const el = await checkoutWithBrand(null);
      const targets = [...el.shadowRoot!.querySelectorAll('button, input:not([type="radio"])')];
      expect(targets.length).to.be.at.least(5);
      for (const node of targets) expect(node.getBoundingClientRect().height, node.outerHTML.slice(0, 60)).to.be.at.least(44);
      const claim = await mountClaim('demo-refund', 'en');
      await chooseMethod(claim, /^Bank transfer/);
      await findByRole(claim, 'combobox', /^Bank/);
      const fields = [...claim.shadowRoot!.querySelectorAll('.field input, .field select, button.primary')];
      expect(fields.length).to.be.at.least(3);
      for (const node of fields) expect(node.getBoundingClientRect().height, node.id).to.be.at.least(44);
    });
  });

  describe('in dark mode (system), every main step is accessible', () => {
    beforeEach(() => emulateMedia({ colorScheme: 'dark' }));

    it('<prepaid-checkout>: entry, a code error, a shortfall, the receipt; unavailable', async () => {
      const el = await checkoutWithBrand(null, 'ja');
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible();
      await pressPay(el);
      await expect(el).to.be.accessible();
      await typeCode(el, 'WebMoney', 'wm00000000000500');
      await pressPay(el);
      await findByRole(el, 'alert', /不足/);
      await expect(el).to.be.accessible();
      const paid = await checkoutWithBrand(null, 'en');
      await typeCode(paid, 'WebMoney', 'wm00000000003000');
      await pressPay(paid);
      await receipt(paid);
      await expect(paid).to.be.accessible();
      await expect(await mountCheckout('no-such-order', 'ja')).to.be.accessible();
      expect(t.errors).to.include('order_not_found');
    });

    it('<payout-claim>: methods, bank form, confirm, ATM codes, completed', async () => {
      const el: PayoutClaim = await mountClaim('demo-refund', 'ja');
      expect(getComputedStyle(el).colorScheme).to.equal('dark');
      await expect(el).to.be.accessible();
      await chooseMethod(el, /^銀行振込/);
      await findByRole(el, 'combobox', /^金融機関/);
      await expect(el).to.be.accessible();
      await chooseMethod(el, /^セブン銀行ATM/);
      await press(el, '次へ');
      await waitForStatus(el, 'confirming');
      await expect(el).to.be.accessible();
      await press(el, /を受け取る$/);
      await waitForStatus(el, 'processing');
      byRole(el, 'button', /受取番号をコピー/);
      await expect(el).to.be.accessible();
      await expect(await mountClaim('demo-completed', 'en')).to.be.accessible();
    });
  });

  describe('320px, Japanese, the longest strings', () => {
    for (const rootFont of ['16px', '20px']) {
      it(`nothing overflows the widget sideways (root font ${rootFont})`, async () => {
        await setViewport({ width: 320, height: 640 });
        document.documentElement.style.setProperty('font-size', rootFont);
        const fits = (el: Element) => expect(el.scrollWidth, el.localName).to.be.at.most(el.clientWidth);
        const checkout = await mountCheckout('demo-1200', 'ja');
        await chooseBrand(checkout, 'ビットキャッシュ');
        await press(checkout, 'コードを追加');
        await pressPay(checkout);
        fits(checkout);
        await chooseBrand(checkout, 'NET CASH');
        fits(checkout);
        const claim = await mountClaim('demo-payout', 'ja');
        fits(claim);
        await chooseMethod(claim, /^銀行振込/);
        await findByRole(claim, 'combobox', /^金融機関/);
        fits(claim);
        await chooseMethod(claim, /^セブン銀行ATM/);
        await press(claim, '次へ');
        await waitForStatus(claim, 'confirming');
        fits(claim);
        await press(claim, /を受け取る$/);
        await waitForStatus(claim, 'processing');
        fits(claim);
      });
    }
  });
});
