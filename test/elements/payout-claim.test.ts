import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { groupForReading } from '../../src/payout-claim/code-groups.js';
import type { PayoutClaimCompleteEvent } from '../../src/payout-claim/events.js';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import { chooseMethod, fill, mountClaim, press, searchAndPick, waitForStatus } from '../helpers/claim.js';
import { allByRole, byRole, findByRole, visibleText } from '../helpers/dom.js';
import { useHarness } from '../helpers/harness.js';

const CLAIM = /\/api\/claims\/[^/]+\/claim$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function alerts(el: Element): string {
  return allByRole(el, 'alert')
    .map((a) => a.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

describe('<payout-claim>', () => {
  // Long enough that "processing" is seen on a busy machine, short enough for a transfer to arrive in a test.
  const t = useHarness('payout-claim', { bankDelayMs: 1500 });

  /** Pins the page's visibility: the test runner may run this file in a background tab. */
  function setHidden(hidden: boolean): void {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  }

  describe('the link', () => {
    it('shows who pays, why, how much and until when, and the methods with fee, arrival, limit and needs (en)', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await expect(el).to.be.accessible();
      const text = visibleText(el);
      expect(text).to.contain('Sandbox Game Store').and.contain('Refund').and.contain('¥3,000').and.contain('Claim by');
      expect(text).to.contain('Refund for order #1234');
      expect(allByRole(el, 'radio').map((r) => (r as HTMLInputElement).value)).to.deep.equal(['bank', 'atm', 'amazon', 'aupay', 'quo']);
      // Each radio is named by its method alone; the details describe it.
      const atm = byRole(el, 'radio', 'Cash at a Seven Bank ATM');
      expect(el.shadowRoot!.getElementById(atm.getAttribute('aria-describedby')!)!.textContent).to.contain('Fee: ¥220');
      for (const name of ['Bank transfer', 'Amazon Gift Card balance', 'au PAY balance', 'QUO Card Pay']) byRole(el, 'radio', name);
      expect(text).to.contain('Fee: ¥220').and.contain('You receive ¥2,780').and.contain('Nothing needed: no card or bank account');
      // The backend's date for the transfer (arrival-notice.test.ts checks it on a fixed clock).
      expect(text).to.match(/Arrives by (Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2}/);
    });

    it('speaks Japanese (ja)', async () => {
      const el = await mountClaim('demo-refund', 'ja');
      await expect(el).to.be.accessible();
      const text = visibleText(el);
      expect(text).to.contain('3,000円').and.contain('受取方法をお選びください').and.contain('返金');
      for (const name of ['銀行振込', 'セブン銀行ATMで現金受取', 'Amazonギフトカード残高', 'au PAY 残高', 'QUOカードPay'])
        byRole(el, 'radio', name);
    });

    it('shows a method over its limit as unavailable, with the reason', async () => {
      const el = await mountClaim('demo-payout', 'en');
      const quo = byRole<HTMLInputElement>(el, 'radio', /^QUO Card Pay/);
      expect(quo.disabled).to.equal(true);
      expect(visibleText(el)).to.contain('Not available for this amount (limit ¥10,000)');
      await expect(el).to.be.accessible();
    });

    it('reads the token from the fragment, takes it out of the address bar, and keeps it for this tab', async () => {
      const before = location.href;
      history.replaceState(null, '', `${location.pathname}${location.search}#token=demo-refund`);
      try {
        const el = await mountClaim(null, 'en');
        expect(el.state.status).to.equal('choosing');
        expect(location.hash).to.equal('');
        expect(sessionStorage.getItem('ppw-claim-token')).to.equal('demo-refund');
        expect(t.net.requests.every((r) => r.path.startsWith('/api/claims/'))).to.equal(true);
        el.remove();
        const again = await mountClaim(null, 'en');
        expect(again.state.status).to.equal('choosing');
      } finally {
        history.replaceState(null, '', before);
      }
    });

    it('says so when there is no token at all, and asks for nothing', async () => {
      const el = await fixture<PayoutClaim>(html`<payout-claim endpoint="/api/claims" lang="en"></payout-claim>`);
      expect(alerts(el)).to.contain('This link is not complete');
      expect(t.net.requests).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    const finals: [string, string][] = [
      ['demo-expired', 'The time to claim this has passed'],
      ['demo-canceled', 'This payout was canceled'],
    ];
    for (const [token, heading] of finals) {
      it(`shows a final message for ${token}`, async () => {
        const el = await mountClaim(token, 'en');
        await findByRole(el, 'heading', heading);
        await expect(el).to.be.accessible();
        expect(allByRole(el, 'button')).to.have.length(0);
      });
    }

    it('reports an expired claim', async () => {
      await mountClaim('demo-expired', 'en');
      expect(t.errors).to.deep.equal(['claim_expired']);
    });

    it('says when the link is not valid', async () => {
      const el = await mountClaim('no-such-token', 'en');
      expect(alerts(el)).to.contain('This link is not valid');
      expect(t.errors).to.deep.equal(['claim_not_found']);
      await expect(el).to.be.accessible();
    });
  });

  describe('cash at a Seven Bank ATM', () => {
    it('confirms, posts once, shows the codes with copy buttons and steps, and fires complete', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await chooseMethod(el, /^Cash at a Seven Bank ATM/);
      await press(el, 'Next');
      await findByRole(el, 'heading', 'Check and confirm');
      expect(el.shadowRoot!.activeElement?.localName).to.equal('h2');
      expect(visibleText(el)).to.contain('receipt number and a confirmation code to withdraw ¥2,780');
      await expect(el).to.be.accessible();
      const completed = oneEvent(el, 'payout-claim-complete') as Promise<PayoutClaimCompleteEvent>;
      await press(el, 'Receive ¥2,780');
      const event = await completed;
      await waitForStatus(el, 'processing');
      expect(event.detail).to.deep.equal({ method: 'atm', amount: 3000, fee: 220, status: 'processing' });
      const [sent] = t.net.sent('POST', CLAIM);
      expect(JSON.parse(sent!.body)).to.deep.equal({ method: 'atm' });
      expect(sent!.headers.get('idempotency-key')).to.match(UUID);
      await findByRole(el, 'heading', 'Withdraw your cash at a Seven Bank ATM');
      const result = el.state.status === 'processing' ? el.state.claim.result : undefined;
      if (result?.method !== 'atm') throw new Error('no ATM result');
      const text = visibleText(el);
      expect(text)
        .to.contain(groupForReading(String(result.receiptNumber)))
        .and.contain(groupForReading(String(result.confirmationCode)));
      expect(text).to.contain('Withdraw it by');
      byRole(el, 'button', 'Copy receipt number');
      byRole(el, 'button', 'Copy confirmation code');
      expect(el.shadowRoot!.querySelectorAll('ol.steps li')).to.have.length(4);
      await expect(el).to.be.accessible();

      // They come back after a reload (the server sends them again).
      el.remove();
      const again = await mountClaim('demo-refund', 'en');
      expect(visibleText(again)).to.contain(groupForReading(String(result.receiptNumber)));

      // Withdrawn at the (sandbox) ATM: polling picks it up.
      await fetch('/sandbox/atm', {
        method: 'POST',
        body: new URLSearchParams({ receiptNumber: String(result.receiptNumber), confirmationCode: String(result.confirmationCode) }),
      });
      await waitForStatus(again, 'completed');
      await findByRole(again, 'heading', /Cash withdrawn/);
      await expect(again).to.be.accessible();
    });

    it('lets the recipient choose again when the ATM codes lapse unused', async () => {
      await t.reinstall({ atmValidMs: 30 });
      const el = await mountClaim('demo-refund', 'en');
      await chooseMethod(el, /^Cash at a Seven Bank ATM/);
      await press(el, 'Next');
      await press(el, 'Receive ¥2,780');
      await waitForStatus(el, 'choosing');
      expect(alerts(el)).to.contain('The time to withdraw at the ATM has passed');
      expect(t.errors).to.deep.equal(['atm_codes_expired']);
      await expect(el).to.be.accessible();
    });
  });

  describe('QUO Card Pay', () => {
    it('gives the gift link, says what it is for and until when', async () => {
      const el = await mountClaim('demo-refund', 'ja');
      await chooseMethod(el, /^QUOカードPay/);
      await press(el, '次へ');
      await press(el, '3,000円を受け取る');
      await waitForStatus(el, 'completed');
      const link = byRole<HTMLAnchorElement>(el, 'link', 'QUOカードPayを開く');
      // The gift link is on the public origin and names the payout, never the claim's token.
      expect(link.href).to.match(new RegExp(`^${location.origin}/sandbox/quo/[0-9a-f-]{36}$`));
      expect(visibleText(el)).to.contain('ネットショッピングではご利用いただけません').and.contain('有効期限');
      await expect(el).to.be.accessible();
    });
  });

  describe('Amazon and au PAY', () => {
    for (const [method, name] of [
      ['amazon', 'Amazon Gift Card balance'],
      ['aupay', 'au PAY balance'],
    ] as const) {
      it(`round-trips through the ${name} login and shows the result on return`, async () => {
        const el = await mountClaim('demo-refund', 'en');
        await chooseMethod(el, new RegExp(`^${name}`));
        await press(el, 'Next');
        await press(el, 'Receive ¥3,000');
        await waitUntil(() => t.assigned.length === 1, 'navigated');
        await el.updateComplete;
        expect(visibleText(el)).to.contain(`Taking you to ${name}`);
        await expect(el).to.be.accessible();
        const body = JSON.parse(t.net.sent('POST', CLAIM)[0]!.body);
        const page = new URL(location.href);
        page.hash = '';
        expect(body).to.deep.equal({ method, returnUrl: page.href });
        expect(t.assigned[0]).to.match(/\/sandbox\/wallet\//);
        await fetch(`${t.assigned[0]}/receive`, { method: 'POST', redirect: 'manual' });
        el.remove();
        const completed = new Promise<PayoutClaimCompleteEvent>((resolve) =>
          document.addEventListener('payout-claim-complete', (e) => resolve(e as PayoutClaimCompleteEvent), { once: true }),
        );
        const back = await mountClaim('demo-refund', 'en');
        await waitForStatus(back, 'completed');
        expect((await completed).detail).to.deep.equal({ method, amount: 3000, fee: 0, status: 'completed' });
        await expect(back).to.be.accessible();
      });
    }

    it('says it did not finish when the recipient cancels at the wallet', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await chooseMethod(el, /^Amazon Gift Card balance/);
      await press(el, 'Next');
      await press(el, 'Receive ¥3,000');
      await waitUntil(() => t.assigned.length === 1);
      await fetch(`${t.assigned[0]}/cancel`, { method: 'POST', redirect: 'manual' });
      el.remove();
      const back = await mountClaim('demo-refund', 'en');
      expect(alerts(back)).to.contain('You did not finish receiving it');
      await expect(back).to.be.accessible();
    });
  });

  describe('bank transfer', () => {
    async function fillAccount(el: Awaited<ReturnType<typeof mountClaim>>, number: string, holder = 'やまだ　たろう') {
      await chooseMethod(el, /^Bank transfer/);
      await searchAndPick(el, 'Bank', 'みつびし', /^三菱UFJ \(Mitsubishi UFJ, 0005\)/);
      await searchAndPick(el, 'Branch', '001', /^本店 \(Honten, 001\)/);
      fill(el, /^Account number/, number);
      fill(el, /^Account holder name/, holder);
      await el.updateComplete;
    }

    it('shows the name as the bank will receive it, confirms, and follows the transfer to completion', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await fillAccount(el, '1234567');
      expect(visibleText(el)).to.contain('The bank will receive: ﾔﾏﾀﾞ ﾀﾛｳ');
      await expect(el).to.be.accessible();
      await press(el, 'Next');
      expect(visibleText(el))
        .to.contain('三菱UFJ (Mitsubishi UFJ, 0005)')
        .and.contain('本店 (Honten, 001)')
        .and.contain('***4567')
        .and.contain('ﾔﾏﾀﾞ ﾀﾛｳ');
      await expect(el).to.be.accessible();
      await press(el, 'Receive ¥3,000');
      await waitForStatus(el, 'processing');
      expect(JSON.parse(t.net.sent('POST', CLAIM)[0]!.body)).to.deep.equal({
        method: 'bank',
        account: { bankCode: '0005', branchCode: '001', type: 'ordinary', number: '1234567', holder: 'ﾔﾏﾀﾞ ﾀﾛｳ' },
      });
      expect(visibleText(el)).to.match(/It reaches your account by (Mon|Tue|Wed|Thu|Fri) \d{1,2} [A-Z][a-z]{2}\./);
      await waitForStatus(el, 'completed');
      expect(visibleText(el)).to.contain('Bank三菱UFJ').and.contain('Branch本店').and.contain('Account number***4567');
      await expect(el).to.be.accessible();
    });

    it('names characters that cannot be sent and sends nothing', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await fillAccount(el, '1234567', '山田 太郎');
      await press(el, 'Next');
      expect(alerts(el)).to.contain('These characters cannot be sent: 山 田 太 郎');
      expect(el.shadowRoot!.activeElement?.id).to.equal('account-holder');
      expect(t.net.sent('POST', CLAIM)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('after holder_mismatch, opens the form again with what was entered and the name marked', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await fillAccount(el, '1111111');
      await press(el, 'Next');
      await press(el, 'Receive ¥3,000');
      await waitForStatus(el, 'choosing');
      await el.updateComplete;
      const holder = byRole<HTMLInputElement>(el, 'textbox', /^Account holder name/);
      expect(holder.value).to.equal('やまだ　たろう');
      expect(holder.getAttribute('aria-invalid')).to.equal('true');
      // Said once, next to the field, which has the focus (and so reads it out).
      expect(visibleText(el).split('does not match the bank’s records')).to.have.length(2);
      expect(el.shadowRoot!.activeElement).to.equal(holder);
      expect(byRole<HTMLInputElement>(el, 'textbox', /^Account number/).value).to.equal('1111111');
      expect(t.errors).to.deep.equal(['holder_mismatch']);
      await expect(el).to.be.accessible();
      fill(el, /^Account number/, '7654321');
      await press(el, 'Next');
      await press(el, 'Receive ¥3,000');
      await waitForStatus(el, 'completed');
    });

    it('marks a branch the backend refuses, keeping the rest', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await chooseMethod(el, /^Bank transfer/);
      await searchAndPick(el, 'Bank', 'mufg', /^三菱UFJ \(Mitsubishi UFJ, 0005\)/);
      // In the data, but not in the small table of the backend running in this page: refused.
      await searchAndPick(el, 'Branch', 'おおさかこうむ', /^大阪公務部 \(Oosakakoumubu, 100\)/);
      fill(el, /^Account number/, '1234567');
      fill(el, /^Account holder name/, 'ヤマダ');
      await press(el, 'Next');
      await press(el, 'Receive ¥3,000');
      await waitForStatus(el, 'choosing');
      await el.updateComplete;
      const branch = byRole<HTMLInputElement>(el, 'combobox', 'Branch');
      expect(branch.getAttribute('aria-invalid')).to.equal('true');
      expect(branch.value).to.equal('大阪公務部 (Oosakakoumubu, 100)');
      expect(byRole<HTMLInputElement>(el, 'textbox', /^Account number/).value).to.equal('1234567');
      expect(t.errors).to.deep.equal(['invalid_account']);
      await expect(el).to.be.accessible();
    });
  });

  describe('bank and branch search', () => {
    it('works as a combobox from the keyboard: arrows, Enter, Escape', async () => {
      const el = await mountClaim('demo-refund', 'ja');
      await chooseMethod(el, /^銀行振込/);
      await waitUntil(() => !byRole<HTMLInputElement>(el, 'combobox', '金融機関').disabled, 'bank list loaded');
      const bank = byRole<HTMLInputElement>(el, 'combobox', '金融機関');
      bank.focus();
      await sendKeys({ type: 'mizuho' });
      await el.updateComplete;
      expect(bank.getAttribute('aria-expanded')).to.equal('true');
      expect(visibleText(el)).to.match(/\d+件見つかりました/);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      const active = bank.getAttribute('aria-activedescendant')!;
      expect(el.shadowRoot!.getElementById(active)!.textContent).to.contain('みずほ (0001)');
      expect(el.shadowRoot!.getElementById(active)!.getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(bank.value).to.equal('みずほ (0001)');
      expect(bank.getAttribute('aria-expanded')).to.equal('false');
      const branch = byRole<HTMLInputElement>(el, 'combobox', '支店');
      await waitUntil(() => el.shadowRoot!.activeElement === branch && !branch.disabled, 'focus moves to the branch');
      await sendKeys({ type: 'とうきょう' });
      await el.updateComplete;
      expect(branch.getAttribute('aria-expanded')).to.equal('true');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(branch.getAttribute('aria-expanded')).to.equal('false');
      expect(branch.value).to.equal('とうきょう');
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(branch.value).to.equal('');
    });

    it('offers the big banks one tap away, and takes Japan Post Bank 記号・番号', async () => {
      const el = await mountClaim('demo-refund', 'en');
      await chooseMethod(el, /^Bank transfer/);
      await findByRole(el, 'button', 'ゆうちょ');
      for (const name of ['みずほ', '三菱UFJ', '三井住友', 'ゆうちょ', '楽天', 'PayPay']) byRole(el, 'button', name);
      byRole(el, 'button', 'ゆうちょ').click();
      await el.updateComplete;
      expect(allByRole(el, 'combobox', 'Branch')).to.have.length(0);
      fill(el, /^Symbol/, '１４０３０');
      fill(el, /^Number \(番号\)/, '12345671');
      fill(el, /^Account holder name/, 'ゆうちょ はなこ');
      await el.updateComplete;
      expect(visibleText(el)).to.contain('branch 四〇八 (408), Ordinary (普通), 1234567');
      await expect(el).to.be.accessible();
      await press(el, 'Next');
      expect(visibleText(el)).to.contain('ゆうちょ (Japan Post Bank, 9900)').and.contain('四〇八 (408)');
      await press(el, 'Receive ¥3,000');
      await waitForStatus(el, 'processing');
      expect(JSON.parse(t.net.sent('POST', CLAIM)[0]!.body).account).to.deep.equal({
        bankCode: '9900',
        branchCode: '408',
        type: 'ordinary',
        number: '1234567',
        holder: 'ﾕｳﾁﾖ ﾊﾅｺ',
      });
    });

    it('explains a bad 記号', async () => {
      const el = await mountClaim('demo-refund', 'ja');
      await chooseMethod(el, /^銀行振込/);
      (await findByRole(el, 'button', 'ゆうちょ')).click();
      await el.updateComplete;
      fill(el, /^記号/, '24030');
      fill(el, /^番号/, '12345671');
      fill(el, /^口座名義/, 'ヤマダ');
      await press(el, '次へ');
      expect(alerts(el)).to.contain('記号は0または1で始まります');
      expect(el.shadowRoot!.activeElement?.id).to.equal('account-symbol');
      await expect(el).to.be.accessible();
    });

    it('says when the bank list cannot be loaded, and loads it again on request', async () => {
      const el = await mountClaim('demo-refund', 'en');
      el.bankData = '/nowhere/';
      await el.updateComplete;
      await chooseMethod(el, /^Bank transfer/);
      await waitUntil(() => alerts(el).includes('could not be loaded'), `load failure shown: ${alerts(el)}`);
      await expect(el).to.be.accessible();
      el.bankData = '/banks/';
      await el.updateComplete;
      byRole(el, 'button', 'Load again').click();
      await findByRole(el, 'button', 'みずほ');
    });

    it('loads the bank list only when bank transfer is chosen, and branches only for the bank picked', async () => {
      const requested: string[] = [];
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) requested.push(new URL(e.name).pathname);
      });
      observer.observe({ type: 'resource', buffered: false });
      const el = await mountClaim('demo-refund', 'en');
      await chooseMethod(el, /^Cash at a Seven Bank ATM/);
      await new Promise((r) => setTimeout(r, 100));
      expect(requested.filter((p) => p.startsWith('/banks/'))).to.deep.equal([]);
      await chooseMethod(el, /^Bank transfer/);
      await searchAndPick(el, 'Bank', '0005', /^三菱UFJ/);
      await waitUntil(() => requested.includes('/banks/0005.json'), 'branches loaded');
      observer.disconnect();
      expect(requested.filter((p) => p.startsWith('/banks/')).sort()).to.deep.equal(['/banks/0005.json', '/banks/index.json']);
    });
  });

  describe('bad days', () => {
    async function atConfirm() {
      const el = await mountClaim('demo-refund', 'en');
      await chooseMethod(el, /^Cash at a Seven Bank ATM/);
      await press(el, 'Next');
      return el;
    }

    it('retries a dropped connection with the same key and body', async () => {
      t.net.fail('POST', CLAIM, 'drop-after');
      const el = await atConfirm();
      await press(el, 'Receive ¥2,780');
      await waitForStatus(el, 'processing');
      const [a, b] = t.net.sent('POST', CLAIM);
      expect(b!.headers.get('idempotency-key')).to.equal(a!.headers.get('idempotency-key'));
      expect(b!.body).to.equal(a!.body);
    });

    it('after timeouts, says "try again" and retries with the same key', async () => {
      t.net.fail('POST', CLAIM, 'hang', 3);
      const el = await atConfirm();
      await press(el, 'Receive ¥2,780');
      expect(el.state.status).to.equal('submitting');
      expect(byRole<HTMLButtonElement>(el, 'button', 'Receive ¥2,780').disabled).to.equal(true);
      expect(visibleText(el)).to.contain('Working on it');
      await expect(el).to.be.accessible();
      await waitUntil(() => t.errors.includes('timeout'), 'timeout shown', { timeout: 4000 });
      await el.updateComplete;
      expect(alerts(el)).to.contain('There was no answer');
      await expect(el).to.be.accessible();
      await waitUntil(() => !byRole<HTMLButtonElement>(el, 'button', 'Receive ¥2,780').disabled);
      await press(el, 'Receive ¥2,780');
      await waitForStatus(el, 'processing');
      const keys = new Set(t.net.sent('POST', CLAIM).map((r) => r.headers.get('idempotency-key')));
      expect(keys.size).to.equal(1);
    });

    it('pauses after 429 and says until when', async () => {
      t.net.fail('POST', CLAIM, { status: 429, body: { error: { code: 'too_many_attempts', message: 'slow down', retryAfter: 120 } } });
      const el = await atConfirm();
      await press(el, 'Receive ¥2,780');
      await waitUntil(() => t.errors.includes('too_many_attempts'));
      await el.updateComplete;
      expect(alerts(el)).to.contain('You can try again after');
      expect(byRole<HTMLButtonElement>(el, 'button', 'Receive ¥2,780').disabled).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('shows a malformed answer as "try again", not a crash, and lets the recipient confirm again', async () => {
      t.net.fail('POST', CLAIM, 'malformed');
      const el = await atConfirm();
      await press(el, 'Receive ¥2,780');
      await waitUntil(() => t.errors.includes('invalid_response'));
      await waitUntil(() => t.net.sent('GET', /demo-refund$/).length === 2, 'claim looked at again');
      await el.updateComplete;
      expect(el.state.status).to.equal('confirming');
      expect(alerts(el)).to.contain('could not read');
      await expect(el).to.be.accessible();
      await press(el, 'Receive ¥2,780');
      await waitForStatus(el, 'processing');
    });

    it('after an unreadable answer to a claim that did go through, shows where it is', async () => {
      t.net.fail('POST', CLAIM, 'malformed-after');
      const el = await atConfirm();
      await press(el, 'Receive ¥2,780');
      await waitForStatus(el, 'processing');
      await findByRole(el, 'heading', 'Withdraw your cash at a Seven Bank ATM');
      expect(t.net.sent('POST', CLAIM)).to.have.length(1);
    });

    it('retries 5xx, then shows provider trouble', async () => {
      t.net.fail('POST', CLAIM, { status: 503, body: { error: { code: 'provider_unavailable', message: 'down' } } }, 3);
      const el = await atConfirm();
      await press(el, 'Receive ¥2,780');
      await waitUntil(() => t.errors.includes('provider_unavailable'));
      expect(t.net.sent('POST', CLAIM)).to.have.length(3);
      await el.updateComplete;
      expect(alerts(el)).to.contain('temporarily unavailable');
    });

    it('handles a claim taken in another tab meanwhile', async () => {
      const el = await atConfirm();
      await t.net.backend.handle(
        new Request(`${location.origin}/api/claims/demo-refund/claim`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
          body: JSON.stringify({ method: 'quo' }),
        }),
      );
      await press(el, 'Receive ¥2,780');
      await waitForStatus(el, 'completed');
      expect(visibleText(el)).to.contain('already been claimed, in another window or tab');
      await expect(el).to.be.accessible();
    });

    it('handles a claim that expires while the page is open', async () => {
      let now = Date.now();
      await t.reinstall({ now: () => new Date(now) });
      const el = await atConfirm();
      now += 15 * 24 * 3_600_000;
      await press(el, 'Receive ¥2,780');
      await waitForStatus(el, 'closed');
      await findByRole(el, 'heading', 'The time to claim this has passed');
      expect(t.errors).to.deep.equal(['claim_expired']);
    });

    it('stops polling while the page is hidden and resumes when it is shown', async () => {
      const el = await atConfirm();
      await press(el, 'Receive ¥2,780');
      await waitForStatus(el, 'processing');
      setHidden(true);
      document.dispatchEvent(new Event('visibilitychange'));
      const polls = () => t.net.sent('GET', /\/api\/claims\/demo-refund$/).length;
      const before = polls();
      await new Promise((r) => setTimeout(r, 300));
      expect(polls()).to.equal(before);
      setHidden(false);
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => polls() > before, 'polling resumed');
    });
  });

  describe('secrecy, keyboard, screens', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('puts no account data or token in events, storage (but the token), URLs or other requests', async () => {
      const seen: string[] = [];
      const record = (e: Event) => seen.push(JSON.stringify((e as CustomEvent).detail));
      document.addEventListener('payout-claim-complete', record);
      const el = await mountClaim('demo-refund', 'en');
      await chooseMethod(el, /^Bank transfer/);
      await searchAndPick(el, 'Bank', '0005', /^三菱UFJ/);
      await searchAndPick(el, 'Branch', 'honten', /^本店 \(Honten, 001\)/);
      fill(el, /^Account number/, '7777777');
      fill(el, /^Account holder name/, 'ヤマダ');
      await press(el, 'Next');
      await press(el, 'Receive ¥3,000');
      await waitForStatus(el, 'processing');
      document.removeEventListener('payout-claim-complete', record);
      const places = [...seen, location.href, JSON.stringify({ ...sessionStorage }), JSON.stringify({ ...localStorage })];
      expect(places.filter((p) => p.includes('7777777') || p.includes('ﾔﾏﾀﾞ'))).to.deep.equal([]);
      const carrying = t.net.requests.filter((r) => r.body.includes('7777777'));
      expect(carrying.map((r) => r.path)).to.deep.equal(['/api/claims/demo-refund/claim']);
    });

    it('can be claimed with the keyboard alone, focus on each step heading', async () => {
      const el = await mountClaim('demo-refund', 'en');
      byRole(el, 'radio', /^Bank transfer/).focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.state.status === 'choosing' && el.state.choice.method).to.equal('atm');
      await sendKeys({ press: 'Enter' });
      await waitForStatus(el, 'confirming');
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('Check and confirm');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      await waitForStatus(el, 'processing');
      expect(el.shadowRoot!.activeElement?.localName).to.equal('h2');
    });

    for (const [width, height] of [
      [320, 568],
      [360, 640],
      [1280, 800],
    ] as const) {
      it(`fits ${width}px without sideways scrolling`, async () => {
        await setViewport({ width, height });
        const el = await mountClaim('demo-payout', 'ja');
        await chooseMethod(el, /^銀行振込/);
        expect(document.documentElement.scrollWidth).to.be.at.most(width);
        await expect(el).to.be.accessible();
      });
    }
  });
});
