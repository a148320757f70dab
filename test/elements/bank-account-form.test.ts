/**
 * The bank account form of <payout-claim>, mounted against the demo backend in this page: Japan Post Bank's
 * 振替口座 (with its middle digit) and general accounts (番号 ending in 1, 通常貯蓄貯金), the holder name checked
 * as it is typed and its preview, corporate abbreviations; in ja and en, narrow and wide, from the keyboard.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import { chooseMethod, fill, mountClaim, press, searchAndPick, waitForStatus } from '../helpers/claim.js';
import { accessibleName, allByRole, byRole, findByRole, shadow, typeInto, visibleText } from '../helpers/dom.js';
import { installNetwork, type FakeNetwork } from '../helpers/network.js';

const CLAIM = /\/api\/claims\/[^/]+\/claim$/;

const text = {
  ja: {
    bank: /^銀行振込/,
    next: '次へ',
    receive: '3,000円を受け取る',
    symbol: /^記号（5桁）/,
    middle: '記号と番号の間の1桁',
    number: /^番号/,
    holder: /^口座名義/,
    savings: /^通常貯蓄貯金/,
  },
  en: {
    bank: /^Bank transfer/,
    next: 'Next',
    receive: 'Receive ¥3,000',
    symbol: /^Symbol/,
    middle: 'Middle digit (between 記号 and 番号)',
    number: /^Number \(番号\)/,
    holder: /^Account holder name/,
    savings: /^Savings deposit/,
  },
} as const;

type Lang = keyof typeof text;

/**
 * The text next to a field that says what is wrong with it: the error its aria-describedby points at (an
 * alert, but for a refusal from the server or the bank, which focus reads out).
 */
function errorOf(el: PayoutClaim, input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
  const alert = ids.map((id) => shadow(el).getElementById(id)).find((node) => node?.id.endsWith('-error'));
  return (alert?.textContent ?? '').trim();
}

function textbox(el: PayoutClaim, name: string | RegExp): HTMLInputElement {
  return byRole<HTMLInputElement>(el, 'textbox', name);
}

function preview(el: PayoutClaim): HTMLElement {
  return shadow(el).getElementById('account-holder-preview')!;
}

async function openJapanPost(el: PayoutClaim, lang: Lang): Promise<void> {
  await chooseMethod(el, text[lang].bank);
  (await findByRole(el, 'button', 'ゆうちょ')).click();
  await el.updateComplete;
}

async function typeAndRender(el: PayoutClaim, name: string | RegExp, value: string): Promise<void> {
  fill(el, name, value);
  await el.updateComplete;
}

function postedAccount(net: FakeNetwork): unknown {
  const sent = net.sent('POST', CLAIM);
  expect(sent, 'one claim POST').to.have.length(1);
  return JSON.parse(sent[0]!.body).account;
}

/** Next, check the confirm step shows these, receive: the account that was posted. */
async function confirmAndPost(el: PayoutClaim, net: FakeNetwork, lang: Lang, shown: string[]): Promise<unknown> {
  await press(el, text[lang].next);
  await waitForStatus(el, 'confirming');
  for (const part of shown) expect(visibleText(el)).to.contain(part);
  await press(el, text[lang].receive);
  // The sandbox transfer arrives 50 ms later: processing may already have become completed.
  await waitUntil(() => el.state.status === 'processing' || el.state.status === 'completed', 'the claim was posted');
  return postedAccount(net);
}

describe('<payout-claim> bank account form', () => {
  let net: FakeNetwork;

  beforeEach(async () => {
    net = await installNetwork({ bankDelayMs: 50 });
    sessionStorage.clear();
  });
  afterEach(async () => {
    net.restore();
    await setViewport({ width: 800, height: 600 });
  });

  describe('Japan Post Bank 振替口座 (記号 - one digit - 番号)', () => {
    it('asks for the middle digit in its own labelled box, drops it, and posts branch 019, checking, 0012345 (en)', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await openJapanPost(el, 'en');
      await expect(el).to.be.accessible();
      expect(allByRole(el, 'textbox', text.en.middle), 'no middle digit before a 記号 starting with 0').to.have.length(0);
      await typeAndRender(el, text.en.symbol, '00120');
      const middle = textbox(el, text.en.middle);
      expect(middle.inputMode).to.equal('numeric');
      expect(visibleText(el)).to.contain('It is not part of the account number');
      expect(allByRole(el, 'radio', text.en.savings), 'no 貯蓄 choice for a 振替口座').to.have.length(0);
      await typeAndRender(el, text.en.middle, '3');
      await typeAndRender(el, text.en.number, '12345');
      await typeAndRender(el, text.en.holder, 'ゆうちょ はなこ');
      expect(visibleText(el)).to.contain('branch 〇一九 (019), Checking (当座), 0012345');
      await expect(el).to.be.accessible();
      const posted = await confirmAndPost(el, net, 'en', [
        'ゆうちょ (Japan Post Bank, 9900)',
        '〇一九 (019)',
        'Checking (当座)',
        '***2345',
      ]);
      expect(posted).to.deep.equal({ bankCode: '9900', branchCode: '019', type: 'checking', number: '0012345', holder: 'ﾕｳﾁﾖ ﾊﾅｺ' });
    });

    it('spreads a whole 00120-3-12345 pasted into the 記号 box over the three boxes (ja)', async () => {
      const el = await mountClaim('demo-refund', 'ja');
      await openJapanPost(el, 'ja');
      await typeAndRender(el, text.ja.symbol, '００１２０－３－１２３４５');
      await el.updateComplete;
      expect(textbox(el, text.ja.symbol).value).to.equal('00120');
      expect(textbox(el, text.ja.middle).value).to.equal('3');
      expect(textbox(el, /^番号$/).value).to.equal('12345');
      await waitUntil(() => shadow(el).activeElement?.id === 'account-postNumber', 'focus moves to the 番号 box');
      expect(visibleText(el)).to.contain('振込用の店名・預金種目・口座番号：〇一九店（店番019）当座 0012345');
      await expect(el).to.be.accessible();
    });

    it('spreads 00120-3-12345 typed key by key into the 記号 box, moving on as it goes (en)', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await openJapanPost(el, 'en');
      await waitUntil(() => shadow(el).activeElement?.id === 'account-symbol', 'focus on the 記号 box');
      for (const key of '00120-3-12345') {
        await sendKeys({ type: key });
        await el.updateComplete;
      }
      expect([text.en.symbol, text.en.middle, text.en.number].map((name) => textbox(el, name).value)).to.deep.equal([
        '00120',
        '3',
        '12345',
      ]);
      expect(shadow(el).activeElement?.id).to.equal('account-postNumber');
      expect(visibleText(el)).to.contain('branch 〇一九 (019), Checking (当座), 0012345');
    });

    it('refuses a 振替口座 without its middle digit, says so next to that box, and keeps what was typed (ja)', async () => {
      const el = await mountClaim('demo-refund', 'ja');
      await openJapanPost(el, 'ja');
      await typeAndRender(el, text.ja.symbol, '00120');
      await typeAndRender(el, /^番号$/, '312345');
      await typeAndRender(el, text.ja.holder, 'ヤマダ');
      await press(el, text.ja.next);
      const middle = textbox(el, text.ja.middle);
      expect(middle.getAttribute('aria-invalid')).to.equal('true');
      expect(errorOf(el, middle)).to.equal('記号と番号の間の1桁をご入力ください。');
      await waitUntil(() => shadow(el).activeElement === middle, 'focus on the middle digit');
      expect(textbox(el, /^番号$/).value).to.equal('312345');
      expect(net.sent('POST', CLAIM)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('takes the 振替口座 from the keyboard alone: 記号, Tab, digit, Tab, 番号, Enter (en)', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await openJapanPost(el, 'en');
      await waitUntil(() => shadow(el).activeElement?.id === 'account-symbol', 'focus moves to the 記号 box');
      await sendKeys({ type: '00160' });
      await el.updateComplete;
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement?.id).to.equal('account-middleDigit');
      await sendKeys({ type: '0' });
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement?.id).to.equal('account-postNumber');
      await sendKeys({ type: '100001' });
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement?.id).to.equal('account-holder');
      await sendKeys({ type: 'yucho hanako' });
      await sendKeys({ press: 'Enter' });
      await waitForStatus(el, 'confirming');
      expect(visibleText(el)).to.contain('〇一九 (019)').and.contain('***0001');
      await expect(el).to.be.accessible();
    });
  });

  describe('Japan Post Bank general account (記号 starting with 1)', () => {
    for (const lang of ['ja', 'en'] as const) {
      it(`refuses a 番号 that does not end in 1, with the reason next to the field (${lang})`, async () => {
        const el = await mountClaim('demo-refund', lang);
        await openJapanPost(el, lang);
        await typeAndRender(el, text[lang].symbol, '14030');
        await typeAndRender(el, text[lang].number, '12345678');
        await typeAndRender(el, text[lang].holder, 'ヤマダ');
        await press(el, text[lang].next);
        const number = textbox(el, text[lang].number);
        expect(number.getAttribute('aria-invalid')).to.equal('true');
        expect(errorOf(el, number)).to.equal(
          lang === 'ja'
            ? '記号が1で始まる口座の番号は、末尾が1です。通帳などをご確認ください。'
            : 'When the symbol (記号) starts with 1, the number (番号) always ends in 1. Please check your passbook.',
        );
        await waitUntil(() => shadow(el).activeElement === number, 'focus on the 番号');
        expect(number.value, 'what was typed is kept').to.equal('12345678');
        expect(net.sent('POST', CLAIM)).to.have.length(0);
        await expect(el).to.be.accessible();
        await typeAndRender(el, text[lang].number, '12345671');
        expect(errorOf(el, number), 'corrected: the message goes').to.equal('');
        expect(number.getAttribute('aria-invalid')).to.equal('false');
      });
    }

    /** A general account (ja) whose 番号 12345678, not ending in 1, was typed from the keyboard; focus still in it. */
    async function typingWrongGeneralNumber(): Promise<{ el: PayoutClaim; number: HTMLInputElement }> {
      const el = await mountClaim('demo-refund', 'ja');
      await openJapanPost(el, 'ja');
      await typeAndRender(el, text.ja.symbol, '14030');
      const number = textbox(el, /^番号$/);
      number.focus();
      await sendKeys({ type: '12345678' });
      return { el, number };
    }

    it('says so as soon as the 番号 box is left, before Next (ja)', async () => {
      const { el, number } = await typingWrongGeneralNumber();
      await el.updateComplete;
      expect(errorOf(el, number), 'not while typing').to.equal('');
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(errorOf(el, number)).to.contain('末尾が1です');
      await expect(el).to.be.accessible();
      // An empty box that is left is not an error yet.
      expect(errorOf(el, textbox(el, text.ja.holder))).to.equal('');
    });

    it('lets the pointer pick 通常貯蓄貯金 right after a wrong 番号: the message waits for the release (ja)', async () => {
      const { el, number } = await typingWrongGeneralNumber();
      const savings = byRole<HTMLInputElement>(el, 'radio', text.ja.savings).getBoundingClientRect();
      const at = {
        position: [Math.round(savings.left + savings.width / 2), Math.round(savings.top + savings.height / 2)] as [number, number],
      };
      await sendMouse({ type: 'move', ...at });
      await sendMouse({ type: 'down', ...at });
      await el.updateComplete;
      await sendMouse({ type: 'up', ...at });
      await waitUntil(() => errorOf(el, number) !== '', 'the 番号 message after the release');
      expect(byRole<HTMLInputElement>(el, 'radio', text.ja.savings).checked, 'the click landed').to.equal(true);
      expect(errorOf(el, number)).to.contain('末尾が1です');
    });

    it('offers 通常貯蓄貯金 as a visible choice and posts type "savings" (en)', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await openJapanPost(el, 'en');
      const group = byRole(el, 'group', /^Kind of deposit/);
      expect(group.offsetHeight, 'visible').to.be.greaterThan(0);
      const ordinary = byRole<HTMLInputElement>(el, 'radio', /^Ordinary deposit \(通常貯金\)/);
      const savings = byRole<HTMLInputElement>(el, 'radio', text.en.savings);
      expect(ordinary.checked).to.equal(true);
      await typeAndRender(el, text.en.symbol, '14030');
      await typeAndRender(el, text.en.number, '12345671');
      await typeAndRender(el, text.en.holder, 'ゆうちょ はなこ');
      // From the keyboard: arrow to the second choice.
      ordinary.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(savings.checked).to.equal(true);
      expect(visibleText(el)).to.contain('branch 四〇八 (408), Savings (貯蓄), 1234567');
      await expect(el).to.be.accessible();
      const posted = await confirmAndPost(el, net, 'en', ['四〇八 (408)', 'Savings (貯蓄)']);
      expect(posted).to.deep.equal({ bankCode: '9900', branchCode: '408', type: 'savings', number: '1234567', holder: 'ﾕｳﾁﾖ ﾊﾅｺ' });
    });

    it('names the choice in Japanese (ja)', async () => {
      const el = await mountClaim('demo-refund', 'ja');
      await openJapanPost(el, 'ja');
      byRole(el, 'group', /^貯金の種類/);
      byRole<HTMLInputElement>(el, 'radio', /^通常貯金 → 普通/).click();
      byRole<HTMLInputElement>(el, 'radio', /^通常貯蓄貯金 → 貯蓄/).click();
      await el.updateComplete;
      await typeAndRender(el, text.ja.symbol, '14030');
      await typeAndRender(el, /^番号$/, '12345671');
      expect(visibleText(el)).to.contain('四〇八店（店番408）貯蓄 1234567');
      await expect(el).to.be.accessible();
    });

    it('shows a branch the backend refuses on the 記号 box, since there is no branch box (en)', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await openJapanPost(el, 'en');
      // Branch 458 is not in the small table of the backend running in this page: refused as account.branchCode.
      await typeAndRender(el, text.en.symbol, '14560');
      await typeAndRender(el, text.en.number, '12345671');
      await typeAndRender(el, text.en.holder, 'ヤマダ');
      await press(el, 'Next');
      await press(el, text.en.receive);
      await waitForStatus(el, 'choosing');
      await el.updateComplete;
      const symbol = textbox(el, text.en.symbol);
      expect(symbol.getAttribute('aria-invalid')).to.equal('true');
      expect(errorOf(el, symbol)).to.not.equal('');
      expect(symbol.value).to.equal('14560');
      await expect(el).to.be.accessible();
    });
  });

  describe('the holder name', () => {
    async function atHolder(lang: Lang): Promise<PayoutClaim> {
      const el = await mountClaim('demo-refund', lang);
      await chooseMethod(el, text[lang].bank);
      await searchAndPick(el, lang === 'ja' ? '金融機関' : 'Bank', 'みつびし', /^三菱UFJ \((Mitsubishi UFJ, )?0005\)/);
      await searchAndPick(el, lang === 'ja' ? '支店' : 'Branch', '001', /^本店 \((Honten, )?001\)/);
      fill(el, lang === 'ja' ? /^口座番号/ : /^Account number/, '1234567');
      await el.updateComplete;
      return el;
    }

    for (const lang of ['ja', 'en'] as const) {
      it(`names a kanji as it is typed, before Next, and marks it in the preview (${lang})`, async () => {
        const el = await atHolder(lang);
        const holder = textbox(el, text[lang].holder);
        typeInto(holder, 'やまだ 太');
        await el.updateComplete;
        expect(holder.getAttribute('aria-invalid')).to.equal('true');
        expect(errorOf(el, holder)).to.contain(
          lang === 'ja' ? '送信できない文字があります：「太」' : 'These characters cannot be sent: 太',
        );
        typeInto(holder, 'やまだ 太郎');
        await el.updateComplete;
        expect(errorOf(el, holder)).to.contain(lang === 'ja' ? '「太」「郎」' : 'cannot be sent: 太 郎');
        const marks = [...preview(el).querySelectorAll('mark')];
        const unsendable = lang === 'ja' ? '（送信できない文字）' : '(cannot be sent)';
        expect(marks.map((m) => m.textContent)).to.deep.equal([`太郎${unsendable}`]);
        expect(marks[0]!.querySelector('.visually-hidden')?.textContent).to.equal(unsendable);
        expect(preview(el).textContent!.replace(/\s+/g, ' ')).to.contain(
          lang === 'ja' ? '金融機関に送信される名義：' : 'The bank will receive:',
        );
        expect(preview(el).textContent).to.contain('ﾔﾏﾀﾞ').and.contain('太郎');
        expect(holder.getAttribute('aria-describedby')).to.contain('account-holder-preview');
        expect(net.sent('POST', CLAIM)).to.have.length(0);
        await expect(el).to.be.accessible();
        typeInto(holder, 'やまだ たろう');
        await el.updateComplete;
        expect(errorOf(el, holder)).to.equal('');
        expect(preview(el).querySelectorAll('mark')).to.have.length(0);
        expect(preview(el).textContent).to.contain('ﾔﾏﾀﾞ ﾀﾛｳ');
      });
    }

    it('shows what will be sent, counts ﾞ and ﾟ as one each, and says when it is too long (en)', async () => {
      const el = await atHolder('en');
      const holder = textbox(el, text.en.holder);
      typeInto(holder, 'ガ'.repeat(15));
      await el.updateComplete;
      expect(preview(el).textContent).to.contain('ｶﾞ'.repeat(15)).and.contain('(30 of 30 characters)');
      expect(errorOf(el, holder)).to.equal('');
      typeInto(holder, `${'ガ'.repeat(15)}パ`);
      await el.updateComplete;
      expect(preview(el).textContent).to.contain('(32 of 30 characters)');
      expect(errorOf(el, holder)).to.equal('At most 30 characters (now 32; each ﾞ and ﾟ counts as one).');
      await expect(el).to.be.accessible();
    });

    for (const [typed, wire] of [
      ['㈱さくら', 'ｶ)ｻｸﾗ'],
      ['(株)さくら', 'ｶ)ｻｸﾗ'],
      ['さくら（株）', 'ｻｸﾗ(ｶ'],
    ] as const) {
      it(`sends ${typed} as ${wire} (ja)`, async () => {
        const el = await atHolder('ja');
        typeInto(textbox(el, text.ja.holder), typed);
        await el.updateComplete;
        expect(preview(el).textContent).to.contain(wire);
        const posted = await confirmAndPost(el, net, 'ja', [wire]);
        expect((posted as { holder: string }).holder).to.equal(wire);
      });
    }

    it('lists the abbreviations in the help, from the one table (ja)', async () => {
      const el = await atHolder('ja');
      const details = shadow(el).querySelector('details.corporate') as HTMLDetailsElement;
      details.querySelector('summary')!.click();
      await el.updateComplete;
      expect(details.open).to.equal(true);
      const rows = [...details.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ''));
      expect(rows).to.include('株式会社ｶ').and.include('特定非営利活動法人・NPO法人ﾄｸﾋ').and.include('事務所ｼﾞﾑ');
      expect(rows.find((r) => r.endsWith('ｻﾞｲ')))
        .to.contain('一般財団法人')
        .and.contain('公益財団法人');
      await expect(el).to.be.accessible();
    });
  });

  describe('labels and screens', () => {
    for (const lang of ['ja', 'en'] as const) {
      it(`gives every control a name in the page's language (${lang})`, async () => {
        const el = await mountClaim('demo-refund', lang);
        await openJapanPost(el, lang);
        await typeAndRender(el, text[lang].symbol, '00120');
        const controls = [...shadow(el).querySelectorAll<HTMLElement>('.bank-form input, .bank-form select, .bank-form button')];
        expect(controls.length).to.be.greaterThan(8);
        for (const control of controls) expect(accessibleName(control), control.id || control.outerHTML).to.not.equal('');
        const names = controls
          .filter((c) => c.localName !== 'button')
          .map(accessibleName)
          .join(' ');
        if (lang === 'ja') expect(names).to.not.match(/[A-Za-z]{3,}/);
        else expect(names).to.match(/Symbol.*Middle digit.*Number/);
      });
    }

    for (const lang of ['ja', 'en'] as const) {
      for (const [width, height] of [
        [360, 640],
        [1280, 800],
      ] as const) {
        it(`fits the 振替口座 entry and a marked holder name into ${width}px, the three boxes in reach (${lang})`, async () => {
          await setViewport({ width, height });
          const el = await mountClaim('demo-refund', lang);
          await openJapanPost(el, lang);
          await typeAndRender(el, text[lang].symbol, '00120');
          await typeAndRender(el, text[lang].holder, '山田 たろう');
          expect(document.documentElement.scrollWidth).to.be.at.most(width);
          const numberName = lang === 'ja' ? /^番号$/ : text.en.number;
          for (const name of [text[lang].symbol, text[lang].middle, numberName]) {
            const box = textbox(el, name).getBoundingClientRect();
            expect(box.width, String(name)).to.be.at.least(44);
            expect(box.right, String(name)).to.be.at.most(width);
          }
          const symbol = textbox(el, text[lang].symbol).getBoundingClientRect();
          const number = textbox(el, numberName).getBoundingClientRect();
          expect(number.top, 'one row, as on the 払込取扱票').to.equal(symbol.top);
          expect(preview(el).getBoundingClientRect().right).to.be.at.most(width);
          await expect(el).to.be.accessible();
        });
      }
    }
  });
});
