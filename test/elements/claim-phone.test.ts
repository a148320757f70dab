/**
 * <payout-claim> on a phone: the bank form opens under its method and the other methods fold; a returned
 * transfer brings the recipient to the field that was wrong, said once; validation that says what to do;
 * copy buttons that say "Copied"; results that read well (grouped ATM codes, the QUO link as text, the bank
 * one row each, "you can close this page" only when so); romaji beside bank names in English; 44px targets.
 * In ja and en, at 320, 360 and 1280 px, from the keyboard, axe clean in each state.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Claim } from '../../src/contract/claim.js';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import { PayoutClaim as PayoutClaimClass } from '../../src/payout-claim/payout-claim.js';
import { chooseMethod, fill, mountClaim, press, searchAndPick, waitForStatus } from '../helpers/claim.js';
import { accessibleName, allByRole, byRole, findByRole, shadow, visibleText } from '../helpers/dom.js';
import { alertsText, useHarness } from '../helpers/harness.js';

const CLAIM = /\/api\/claims\/[^/]+\/claim$/;
type Lang = 'ja' | 'en';

const words = {
  ja: {
    bank: /^銀行振込/,
    atm: /^セブン銀行ATMで現金受取/,
    quo: /^QUOカードPay/,
    next: '次へ',
    receive: '3,000円を受け取る',
    receiveAtm: '2,780円を受け取る',
    bankBox: '金融機関',
    branchBox: '支店',
    number: /^口座番号/,
    holder: /^口座名義/,
    copyReceipt: '受取番号をコピー',
    copied: 'コピーしました',
  },
  en: {
    bank: /^Bank transfer/,
    atm: /^Cash at a Seven Bank ATM/,
    quo: /^QUO Card Pay/,
    next: 'Next',
    receive: 'Receive ¥3,000',
    receiveAtm: 'Receive ¥2,780',
    bankBox: 'Bank',
    branchBox: 'Branch',
    number: /^Account number/,
    holder: /^Account holder name/,
    copyReceipt: 'Copy receipt number',
    copied: 'Copied',
  },
} as const;

/** Whether a person sees it: laid out, and not in a visually hidden box. */
function seen(node: Element | null): boolean {
  return !!node && node.getClientRects().length > 0 && !node.closest('.visually-hidden') && (node as HTMLElement).offsetHeight > 1;
}

function card(el: PayoutClaim, method: string): HTMLElement {
  return shadow(el).querySelector<HTMLElement>(`input[type="radio"][value="${method}"]`)!.closest('label')!;
}

/** The text next to a field that says what is wrong with it (the `-error` its aria-describedby names). */
function errorOf(el: PayoutClaim, input: HTMLElement): HTMLElement | null {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
  return ids.map((id) => shadow(el).getElementById(id)).find((node) => node?.id.endsWith('-error')) ?? null;
}

/** The accessible description, as a screen reader reads it after the name. */
function description(el: PayoutClaim, input: HTMLElement): string {
  return (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => shadow(el).getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** Everything a finger can press in the widget, with its box. */
function targets(el: PayoutClaim): { name: string; rect: DOMRect }[] {
  const root = shadow(el);
  const pressable = [
    ...root.querySelectorAll<HTMLElement>('button, a[href], summary, select, input:not([type="radio"])'),
    ...[...root.querySelectorAll<HTMLElement>('input[type="radio"]')].map((r) => r.closest('label') ?? r),
    ...root.querySelectorAll<HTMLElement>('[role="option"]'),
  ];
  return pressable
    .filter(seen)
    .map((node) => ({ name: `${node.localName}: ${accessibleName(node).slice(0, 40)}`, rect: node.getBoundingClientRect() }));
}

function expectTouchTargets(el: PayoutClaim): void {
  const small = targets(el).filter(({ rect }) => rect.height < 44 || rect.width < 44);
  expect(small.map((s) => `${s.name} ${Math.round(s.rect.width)}x${Math.round(s.rect.height)}`)).to.deep.equal([]);
}

describe('<payout-claim> on a phone', () => {
  // Long enough that "processing" is seen on a busy machine, short enough for a returned transfer to come back.
  const t = useHarness('payout-claim', { bankDelayMs: 1500 });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  async function bankChosen(lang: Lang): Promise<PayoutClaim> {
    const el = await mountClaim('demo-refund', lang);
    await chooseMethod(el, words[lang].bank);
    await findByRole(el, 'button', 'みずほ');
    await el.updateComplete;
    return el;
  }

  describe('the bank form opens under its method; the others fold to one line', () => {
    for (const lang of ['ja', 'en'] as const) {
      for (const [width, height] of [
        [320, 568],
        [360, 640],
        [1280, 800],
      ] as const) {
        it(`at ${width}px (${lang})`, async () => {
          await setViewport({ width, height });
          const el = await bankChosen(lang);
          const bankCard = card(el, 'bank').getBoundingClientRect();
          const form = shadow(el).querySelector('.bank-form')!.getBoundingClientRect();
          expect(form.top - bankCard.bottom, 'the form starts right under the bank card').to.be.within(0, 24);
          // Each other card is one line: its name only, its details hidden (still its description).
          for (const method of ['atm', 'amazon', 'aupay', 'quo']) {
            const folded = card(el, method);
            expect(folded.getBoundingClientRect().height, method).to.be.within(44, 60);
            expect(seen(folded.querySelector('.method-details')), `${method} details`).to.equal(false);
            const radio = folded.querySelector('input')!;
            expect(description(el, radio)).to.match(lang === 'ja' ? /受取金額/ : /You receive/);
          }
          expect(seen(card(el, 'bank').querySelector('.method-details')), 'the chosen card keeps its details').to.equal(true);
          expect(document.documentElement.scrollWidth).to.be.at.most(width);
          await expect(el).to.be.accessible();
        });
      }
    }

    it('lets a folded method be chosen by name, and then folds the bank card and closes its form (ja)', async () => {
      const el = await bankChosen('ja');
      await chooseMethod(el, words.ja.quo);
      expect(el.state.status === 'choosing' && el.state.choice.method).to.equal('quo');
      expect(shadow(el).querySelector('.bank-form')).to.equal(null);
      expect(seen(card(el, 'quo').querySelector('.method-details'))).to.equal(true);
      expect(seen(card(el, 'bank').querySelector('.method-details'))).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('keeps a method chosen far down the page in view when the open form above it closes (360px, en)', async () => {
      await setViewport({ width: 360, height: 640 });
      const el = await bankChosen('en');
      const quo = byRole<HTMLInputElement>(el, 'radio', words.en.quo);
      quo.closest('label')!.scrollIntoView({ block: 'end' });
      quo.click();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50)); // not a frame: a background tab gets none
      const box = quo.closest('label')!.getBoundingClientRect();
      expect(box.top, 'not above the screen').to.be.at.least(0);
      expect(box.bottom, 'not below it').to.be.at.most(innerHeight);
    });

    it('works from the keyboard alone: arrows move between the methods, Tab goes into the open form (en)', async () => {
      const el = await bankChosen('en');
      const bank = byRole<HTMLInputElement>(el, 'radio', words.en.bank);
      bank.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.state.status === 'choosing' && el.state.choice.method).to.equal('atm');
      expect(shadow(el).querySelector('.bank-form')).to.equal(null);
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(shadow(el).activeElement).to.equal(bank);
      await findByRole(el, 'button', 'みずほ');
      await sendKeys({ press: 'Tab' });
      expect(shadow(el).activeElement?.textContent?.trim(), 'into the form under the card').to.equal('みずほ');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await waitUntil(() => shadow(el).activeElement?.id === 'account-branchCode', 'on to the branch');
      await expect(el).to.be.accessible();
    });
  });

  describe('a returned transfer: to the field that was wrong, said once', () => {
    async function returned(lang: Lang, number: string): Promise<PayoutClaim> {
      await setViewport({ width: 360, height: 640 });
      const el = await bankChosen(lang);
      await searchAndPick(el, words[lang].bankBox, 'みつびし', /^三菱UFJ/);
      await searchAndPick(el, words[lang].branchBox, '001', /^本店/);
      fill(el, words[lang].number, number);
      fill(el, words[lang].holder, 'やまだ たろう');
      await press(el, words[lang].next);
      await press(el, words[lang].receive);
      await waitForStatus(el, 'processing');
      await waitForStatus(el, 'choosing');
      await el.updateComplete;
      return el;
    }

    const cases = [
      ['ja', '1111111', 'holder', words.ja.holder, '口座名義が金融機関の登録内容と一致しなかった'],
      ['en', '1111111', 'holder', words.en.holder, 'does not match the bank’s records'],
      ['ja', '2222222', 'number', words.ja.number, '口座が見つからなかった'],
      ['en', '2222222', 'number', words.en.number, 'the bank could not find the account'],
    ] as const;
    for (const [lang, number, field, label, failure] of cases) {
      it(`${field} (${lang})`, async () => {
        const el = await returned(lang, number);
        const input = byRole<HTMLInputElement>(el, 'textbox', label);
        await waitUntil(() => shadow(el).activeElement === input, `focus on the ${field}`);
        const box = input.getBoundingClientRect();
        expect(box.top, 'scrolled into view').to.be.at.least(0);
        expect(box.bottom).to.be.at.most(innerHeight);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(occurrences(visibleText(el), failure), 'shown once').to.equal(1);
        expect(seen(errorOf(el, input)) && errorOf(el, input)!.textContent).to.contain(failure);
        // Read out once: with the focused field's description, not also as an alert.
        expect(description(el, input)).to.contain(failure);
        expect(alertsText(el)).to.not.contain(failure);
        expect(t.errors).to.deep.equal([field === 'holder' ? 'holder_mismatch' : 'account_not_found']);
        await expect(el).to.be.accessible();
      });
    }

    it('is said once again when the link is opened later, and moves to the notice if another method is chosen (en)', async () => {
      const first = await returned('en', '1111111');
      first.remove();
      const el = await mountClaim('demo-refund', 'en');
      await el.updateComplete;
      const holder = byRole<HTMLInputElement>(el, 'textbox', words.en.holder);
      await waitUntil(() => shadow(el).activeElement === holder, 'focus on the holder name');
      expect(occurrences(visibleText(el), 'does not match the bank’s records')).to.equal(1);
      await expect(el).to.be.accessible();
      await chooseMethod(el, words.en.atm);
      expect(occurrences(visibleText(el), 'does not match the bank’s records'), 'the notice, now that the form is closed').to.equal(1);
      expect(alertsText(el)).to.contain('does not match the bank’s records');
    });

    it('a branch the backend refuses: focus on the branch box, its message once (en)', async () => {
      const el = await bankChosen('en');
      await searchAndPick(el, 'Bank', 'mufg', /^三菱UFJ/);
      await searchAndPick(el, 'Branch', 'おおさかこうむ', /^大阪公務部/);
      fill(el, words.en.number, '1234567');
      fill(el, words.en.holder, 'ヤマダ');
      await press(el, 'Next');
      await press(el, 'Receive ¥3,000');
      await waitForStatus(el, 'choosing');
      const branch = byRole<HTMLInputElement>(el, 'combobox', 'Branch');
      await waitUntil(() => shadow(el).activeElement === branch, 'focus on the branch');
      expect(branch.getAttribute('aria-invalid')).to.equal('true');
      expect(errorOf(el, branch)!.textContent!.trim()).to.not.equal('');
      expect(errorOf(el, branch)!.getAttribute('role')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('validation that says what to do', () => {
    for (const [lang, text] of [
      ['ja', '支店を選択してください。'],
      ['en', 'Choose a branch.'],
    ] as const) {
      it(`an empty branch says to choose one (${lang})`, async () => {
        const el = await bankChosen(lang);
        await searchAndPick(el, words[lang].bankBox, 'みずほ', /^みずほ/);
        fill(el, words[lang].number, '1234567');
        fill(el, words[lang].holder, 'ヤマダ');
        await press(el, words[lang].next);
        const branch = byRole<HTMLInputElement>(el, 'combobox', words[lang].branchBox);
        expect(errorOf(el, branch)!.textContent!.trim()).to.equal(text);
        expect(errorOf(el, branch)!.getAttribute('role'), 'announced').to.equal('alert');
        expect(t.net.sent('POST', CLAIM)).to.have.length(0);
        await expect(el).to.be.accessible();
      });
    }

    for (const [lang, query, text] of [
      ['ja', 'ぞぞぞ', '「ぞぞぞ」に該当する候補がありません'],
      ['en', 'zzzq', 'Nothing matches “zzzq”'],
    ] as const) {
      it(`a search that finds nothing says so under the box, on screen (${lang})`, async () => {
        const el = await bankChosen(lang);
        const box = byRole<HTMLInputElement>(el, 'combobox', words[lang].bankBox);
        box.focus();
        await sendKeys({ type: query });
        await el.updateComplete;
        const shown = [...shadow(el).querySelectorAll('p')].find((p) => p.textContent?.includes(text));
        expect(seen(shown ?? null), 'visible text').to.equal(true);
        expect(shown!.getBoundingClientRect().top).to.be.greaterThan(box.getBoundingClientRect().bottom - 1);
        expect(description(el, box)).to.contain(text);
        expect(
          allByRole(el, 'status')
            .map((s) => s.textContent)
            .join(' '),
          'announced',
        ).to.contain(text);
        await expect(el).to.be.accessible();
        // Still there after leaving the box (the text in it still finds nothing).
        await sendKeys({ press: 'Tab' });
        await el.updateComplete;
        expect(seen([...shadow(el).querySelectorAll('p')].find((p) => p.textContent?.includes(text)) ?? null)).to.equal(true);
      });
    }
  });

  describe('copy buttons say "Copied"', () => {
    let written: string[];
    beforeEach(() => {
      written = [];
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: async (text: string) => void written.push(text) },
      });
      PayoutClaimClass.COPIED_MS = 150;
    });
    afterEach(() => {
      delete (navigator as { clipboard?: unknown }).clipboard;
      PayoutClaimClass.COPIED_MS = 4000;
    });

    async function atmCodes(lang: Lang): Promise<PayoutClaim> {
      const el = await mountClaim('demo-refund', lang);
      await chooseMethod(el, words[lang].atm);
      await press(el, words[lang].next);
      await press(el, words[lang].receiveAtm);
      await waitForStatus(el, 'processing');
      return el;
    }

    for (const lang of ['ja', 'en'] as const) {
      it(`on the button pressed, for a few seconds, announced; the raw digits copied (${lang})`, async () => {
        const el = await atmCodes(lang);
        const result = el.state.status === 'processing' ? el.state.claim.result : undefined;
        if (result?.method !== 'atm') throw new Error('no ATM result');
        const button = byRole<HTMLButtonElement>(el, 'button', words[lang].copyReceipt);
        button.click();
        await waitUntil(() => written.length === 1, 'copied');
        await el.updateComplete;
        expect(written).to.deep.equal([String(result.receiptNumber)]);
        expect(accessibleName(button).replace('✓', '').trim()).to.equal(words[lang].copied);
        expect(
          allByRole(el, 'button', lang === 'ja' ? '確認番号をコピー' : 'Copy confirmation code'),
          'the other button unchanged',
        ).to.have.length(1);
        const status = allByRole(el, 'status')
          .map((s) => s.textContent ?? '')
          .join(' ');
        expect(status).to.contain(lang === 'ja' ? '受取番号をコピーしました' : 'Receipt number copied');
        // No separate line on screen: the word is on the button.
        const lines = [...shadow(el).querySelectorAll('p')].filter((p) => seen(p) && /コピーしました|copied/.test(p.textContent ?? ''));
        expect(lines).to.have.length(0);
        await expect(el).to.be.accessible();
        await waitUntil(() => accessibleName(button) === words[lang].copyReceipt, 'back to its label');
      });
    }
  });

  describe('results', () => {
    it('groups the ATM numbers for reading aloud; "close this page" is not said while the codes are needed (en)', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await chooseMethod(el, words.en.atm);
      await press(el, 'Next');
      await press(el, 'Receive ¥2,780');
      await waitForStatus(el, 'processing');
      const values = [...shadow(el).querySelectorAll('.code-value')].map((v) => v.textContent!.trim());
      expect(values[0]).to.match(/^\d{4} \d{4} \d{4}$/);
      expect(values[1]).to.match(/^\d{3} \d{3}$/);
      expect(visibleText(el)).to.not.contain('close this page');
      await expect(el).to.be.accessible();
    });

    for (const [lang, width] of [
      ['ja', 320],
      ['en', 360],
    ] as const) {
      it(`shows the QUO link as text, wrapped inside the box, with a copy button; no "close" (${lang}, ${width}px)`, async () => {
        await setViewport({ width, height: 640 });
        const written: string[] = [];
        Object.defineProperty(navigator, 'clipboard', {
          configurable: true,
          value: { writeText: async (text: string) => void written.push(text) },
        });
        try {
          const el = await mountClaim('demo-refund', lang);
          await chooseMethod(el, words[lang].quo);
          await press(el, words[lang].next);
          await press(el, words[lang].receive);
          await waitForStatus(el, 'completed');
          const link = byRole<HTMLAnchorElement>(el, 'link', lang === 'ja' ? 'QUOカードPayを開く' : 'Open your QUO Card Pay');
          const shown = [...shadow(el).querySelectorAll('.code-value')].find((v) => v.textContent!.trim() === link.href);
          expect(seen(shown ?? null), 'the URL as text').to.equal(true);
          const boxRect = shown!.closest('.code-box')!.getBoundingClientRect();
          expect(shown!.getBoundingClientRect().right).to.be.at.most(boxRect.right);
          expect(document.documentElement.scrollWidth).to.be.at.most(width);
          await press(el, lang === 'ja' ? 'URLをコピー' : 'Copy link');
          await waitUntil(() => written.length === 1);
          expect(written).to.deep.equal([link.href]);
          expect(visibleText(el)).to.not.contain(lang === 'ja' ? '閉じても' : 'close this page');
          await expect(el).to.be.accessible();
        } finally {
          delete (navigator as { clipboard?: unknown }).clipboard;
        }
      });
    }

    for (const lang of ['ja', 'en'] as const) {
      it(`shows the bank result one row each, and says the page can be closed while the bank processes (${lang})`, async () => {
        const el = await bankChosen(lang);
        await searchAndPick(el, words[lang].bankBox, 'mufg', /^三菱UFJ/);
        await searchAndPick(el, words[lang].branchBox, '001', /^本店/);
        fill(el, words[lang].number, '1234567');
        fill(el, words[lang].holder, 'ヤマダ タロウ');
        await press(el, words[lang].next);
        await press(el, words[lang].receive);
        await waitForStatus(el, 'processing');
        expect(visibleText(el)).to.contain(lang === 'ja' ? 'この画面は閉じても問題ありません' : 'you can close this page');
        const rows = [...shadow(el).querySelectorAll('section dl.summary > div')].map((row) => [
          row.querySelector('dt')!.textContent!.trim(),
          row.querySelector('dd')!.textContent!.trim(),
        ]);
        expect(rows.map(([, value]) => value)).to.deep.equal([
          lang === 'ja' ? '三菱UFJ' : '三菱UFJ (Mitsubishi UFJ)',
          lang === 'ja' ? '本店' : '本店 (Honten)',
          lang === 'ja' ? '普通' : 'Ordinary (普通)',
          '***4567',
          'ﾔﾏﾀﾞ ﾀﾛｳ',
        ]);
        expect(rows.map(([label]) => label)).to.deep.equal(
          lang === 'ja'
            ? ['金融機関', '支店', '預金種目', '口座番号', '口座名義（カナ）']
            : ['Bank', 'Branch', 'Account type', 'Account number', 'Account holder name (in kana)'],
        );
        await expect(el).to.be.accessible();
      });
    }

    it('does not say "close" while waiting for a wallet (en)', async () => {
      const wallet = { method: 'amazon' } as const;
      const get = /\/api\/claims\/demo-refund$/;
      const el = await mountClaim('demo-refund', 'en');
      const claim: Claim = el.state.status === 'choosing' ? el.state.choice.claim : (undefined as never);
      el.remove();
      t.net.fail('GET', get, { status: 200, body: { ...claim, status: 'processing', result: wallet } }, 20);
      const again = await mountClaim('demo-refund', 'en');
      await waitForStatus(again, 'processing');
      expect(visibleText(again)).to.contain('keep this page open').and.not.contain('close this page');
      await expect(again).to.be.accessible();
    });
  });

  describe('English: romaji beside the Japanese names, the kana name explained', () => {
    it('in the search results, the chosen bank and branch, and the confirm step', async () => {
      const el = await bankChosen('en');
      const box = byRole<HTMLInputElement>(el, 'combobox', 'Bank');
      box.focus();
      await sendKeys({ type: 'mizuho' });
      await el.updateComplete;
      expect(allByRole(el, 'option').map((o) => o.textContent!.trim())).to.include('みずほ (Mizuho, 0001)');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(box.value).to.equal('みずほ (Mizuho, 0001)');
      await searchAndPick(el, 'Branch', 'とうきょう', /^東京営業部 \(Toukiyou, 001\)/);
      const branch = byRole<HTMLInputElement>(el, 'combobox', 'Branch');
      expect(branch.value).to.match(/^東京\S* \([A-Z][a-z]+, \d{3}\)$/);
      fill(el, words.en.number, '1234567');
      fill(el, words.en.holder, 'ヤマダ');
      await press(el, 'Next');
      expect(visibleText(el)).to.contain('みずほ (Mizuho, 0001)').and.contain(branch.value);
      await expect(el).to.be.accessible();
    });

    it('follows a change of language: the chosen bank reads without its romaji in Japanese', async () => {
      const el = await bankChosen('en');
      byRole(el, 'button', 'みずほ').click();
      await el.updateComplete;
      const box = () => byRole<HTMLInputElement>(el, 'combobox', /^(Bank|金融機関)$/);
      expect(box().value).to.equal('みずほ (Mizuho, 0001)');
      el.setAttribute('lang', 'ja');
      await el.updateComplete;
      expect(box().value).to.equal('みずほ (0001)');
    });

    it('but not in Japanese, where full-width Latin is still shown half-width', async () => {
      const el = await bankChosen('ja');
      byRole(el, 'button', 'PayPay');
      byRole(el, 'button', '三菱UFJ');
      const box = byRole<HTMLInputElement>(el, 'combobox', '金融機関');
      box.focus();
      await sendKeys({ type: 'sbi' });
      await el.updateComplete;
      const options = allByRole(el, 'option').map((o) => o.textContent!.trim());
      expect(options).to.include('SBI新生 (0397)');
      expect(options.join(' ')).to.not.match(/[Ａ-Ｚａ-ｚ０-９]/);
    });

    it('explains the kana holder name, and that a name that does not match comes back', async () => {
      const el = await bankChosen('en');
      const holder = byRole<HTMLInputElement>(el, 'textbox', words.en.holder);
      const hint = shadow(el).getElementById('account-holder-hint')!;
      expect(seen(hint)).to.equal(true);
      expect(hint.textContent).to.contain('in kana').and.contain('does not match').and.contain('comes back').and.contain('Kanji cannot');
      expect(description(el, holder)).to.contain('as on your passbook or cash card');
    });
  });

  describe('touch targets of at least 44px', () => {
    for (const lang of ['ja', 'en'] as const) {
      it(`in the bank form, the quick banks and the company-name help included (${lang}, 320px)`, async () => {
        await setViewport({ width: 320, height: 568 });
        const el = await bankChosen(lang);
        expect(allByRole(el, 'button').filter((b) => b.classList.contains('quick-bank')).length).to.be.greaterThan(4);
        expectTouchTargets(el);
        const summary = shadow(el).querySelector('details.corporate summary')!;
        expect(summary.getBoundingClientRect().height).to.be.at.least(44);
        await expect(el).to.be.accessible();
      });
    }

    for (const lang of ['ja', 'en'] as const) {
      it(`in the Japan Post Bank boxes inside the open panel (${lang}, 320px)`, async () => {
        await setViewport({ width: 320, height: 568 });
        const el = await bankChosen(lang);
        byRole(el, 'button', 'ゆうちょ').click();
        await el.updateComplete;
        fill(el, lang === 'ja' ? /^記号（5桁）/ : /^Symbol/, '00120');
        await el.updateComplete;
        const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('.post-row input')];
        expect(boxes).to.have.length(3);
        for (const input of boxes) {
          const rect = input.getBoundingClientRect();
          expect(rect.width, input.id).to.be.at.least(44);
          expect(rect.right, input.id).to.be.at.most(320);
        }
        expect(document.documentElement.scrollWidth).to.be.at.most(320);
        expectTouchTargets(el);
        await expect(el).to.be.accessible();
      });
    }

    it('on the ATM codes (ja, 360px)', async () => {
      await setViewport({ width: 360, height: 640 });
      const el = await mountClaim('demo-refund', 'ja');
      await chooseMethod(el, words.ja.atm);
      expectTouchTargets(el);
      await press(el, '次へ');
      await press(el, '2,780円を受け取る');
      await waitForStatus(el, 'processing');
      expectTouchTargets(el);
    });
  });
});
