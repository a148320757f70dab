/**
 * Saved bank accounts in `<payout-claim>` against the real server module: the bank method offers the
 * recipient's saved accounts first (the demo recipient has みずほ 渋谷 ***4567 and ゆうちょ 四〇八 ***5678),
 * "another account" opens the form with "save this account for next time", and a claim without
 * `savedAccounts` has neither.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import { chooseMethod, fill, mountClaim, press, searchAndPick, waitForStatus } from '../helpers/claim.js';
import { allByRole, byRole, visibleText } from '../helpers/dom.js';
import { alertsText, demoClaim, useHarness } from '../helpers/harness.js';

const CLAIM = /\/api\/claims\/[^/]+\/claim$/;
const RECIPIENT = 'demo-recipient';

const savedRadios = (el: PayoutClaim) => (allByRole(el, 'radio') as HTMLInputElement[]).filter((r) => r.name === 'saved-account');
const active = (el: PayoutClaim) => el.shadowRoot!.activeElement as HTMLElement | null;
const saveBox = (el: PayoutClaim) => el.shadowRoot!.getElementById('account-save') as HTMLInputElement | null;

async function fillNewAccount(el: PayoutClaim, number: string) {
  await searchAndPick(el, 'Bank', 'みつびし', /^三菱UFJ \(Mitsubishi UFJ, 0005\)/);
  await searchAndPick(el, 'Branch', '001', /^本店 \(Honten, 001\)/);
  fill(el, /^Account number/, number);
  fill(el, /^Account holder name/, 'すずき　いちろう');
  await el.updateComplete;
}

describe('<payout-claim> saved accounts', () => {
  const t = useHarness('payout-claim', { bankDelayMs: 1500 });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const width of [360, 1280]) {
    it(`at ${width} px, keyboard only: arrow keys move through the saved accounts, then confirm and complete to the one chosen (en)`, async () => {
      await setViewport({ width, height: 800 });
      const el = await mountClaim('demo-saved', 'en');
      await expect(el).to.be.accessible();
      await chooseMethod(el, /^Bank transfer/);
      await waitUntil(() => savedRadios(el).length === 3, 'saved accounts shown');
      expect(byRole(el, 'group', /^Send to a saved account/)).to.exist;
      const radios = savedRadios(el);
      expect(radios.map((r) => r.closest('label')!.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'みずほ 渋谷 Ordinary (普通) ***4567 ﾔﾏﾀﾞ ﾊﾅｺ',
        'ゆうちょ 四〇八 Ordinary (普通) ***5678 ﾔﾏﾀﾞ ﾊﾅｺ',
        'Another account',
      ]);
      // The newest is chosen first; the form is not shown for a saved account.
      expect(radios[0]!.checked).to.equal(true);
      expect(allByRole(el, 'combobox')).to.have.length(0);
      expect(saveBox(el)).to.equal(null);
      await expect(el).to.be.accessible();
      // Keyboard: focus the chosen radio, move down to ゆうちょ, and on to "Another account" (the form opens).
      radios[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(el.state.status === 'choosing' && el.state.choice.savedAccountId).to.equal(radios[1]!.value);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      await waitUntil(() => allByRole(el, 'combobox', 'Bank').length === 1, 'the form opens');
      expect(saveBox(el)).to.not.equal(null);
      expect((active(el) as HTMLInputElement).value).to.equal('another');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(allByRole(el, 'combobox')).to.have.length(0);
      expect((active(el) as HTMLInputElement).value).to.equal(radios[1]!.value);
      // Enter submits the form (Next), then the confirm step names the account; Enter again receives.
      await sendKeys({ press: 'Enter' });
      await waitForStatus(el, 'confirming');
      expect(visibleText(el)).to.contain('Saved account ***5678').and.contain('ﾔﾏﾀﾞ ﾊﾅｺ');
      await expect(el).to.be.accessible();
      expect(active(el)?.localName).to.equal('h2');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.textContent).to.contain('Receive ¥5,000');
      await sendKeys({ press: 'Enter' });
      await waitForStatus(el, 'processing');
      expect(JSON.parse(t.net.sent('POST', CLAIM)[0]!.body)).to.deep.equal({ method: 'bank', accountId: radios[1]!.value });
      await waitForStatus(el, 'completed', 6000);
      expect(visibleText(el)).to.contain('Bankゆうちょ').and.contain('Branch四〇八').and.contain('Account number***5678');
      await expect(el).to.be.accessible();
      expect(t.completes.map((c) => c.method)).to.deep.equal(['bank']);
      // The element's box fits the viewport (nothing runs out sideways).
      expect(el.getBoundingClientRect().right).to.be.at.most(width);
    });
  }

  it('saves a new account when asked: the next claim for the recipient lists it first (ja)', async () => {
    const token = await demoClaim(t, { amount: 2000, purpose: 'refund', recipient: RECIPIENT });
    const el = await mountClaim(token, 'ja');
    await expect(el).to.be.accessible();
    await chooseMethod(el, /^銀行振込/);
    await waitUntil(() => savedRadios(el).length === 3, 'saved accounts shown');
    expect(byRole(el, 'group', /^登録済みの口座/)).to.exist;
    await chooseMethod(el, '別の口座');
    await waitUntil(() => allByRole(el, 'combobox').length > 0, 'the form opens');
    const box = saveBox(el)!;
    expect(box.closest('label')!.textContent).to.contain('次回のためにこの口座を登録する');
    expect(box.checked).to.equal(false);
    await searchAndPick(el, '金融機関', 'みつびし', /^三菱UFJ/);
    await searchAndPick(el, '支店', '001', /^本店/);
    fill(el, /^口座番号/, '7654321');
    fill(el, /^口座名義/, 'すずき　いちろう');
    box.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await press(el, '次へ');
    await waitForStatus(el, 'confirming');
    expect(visibleText(el)).to.contain('***4321');
    await press(el, /受け取る/);
    await waitForStatus(el, 'processing');
    expect(JSON.parse(t.net.sent('POST', CLAIM)[0]!.body)).to.deep.equal({
      method: 'bank',
      account: { bankCode: '0005', branchCode: '001', type: 'ordinary', number: '7654321', holder: 'ｽｽﾞｷ ｲﾁﾛｳ' },
      saveAccount: true,
    });
    await expect(el).to.be.accessible();
    el.remove();

    const next = await demoClaim(t, { amount: 1000, purpose: 'refund', recipient: RECIPIENT });
    const again = await mountClaim(next, 'ja');
    await chooseMethod(again, /^銀行振込/);
    await waitUntil(() => savedRadios(again).length === 4, 'the new account listed');
    expect(savedRadios(again)[0]!.closest('label')!.textContent).to.contain('***4321').and.contain('三菱ＵＦＪ'.normalize('NFKC'));
    expect(savedRadios(again)[0]!.checked).to.equal(true);
    await expect(again).to.be.accessible();
  });

  it('a claim without savedAccounts has no saved group and no checkbox; the body has no saveAccount', async () => {
    const el = await mountClaim('demo-refund', 'en');
    await chooseMethod(el, /^Bank transfer/);
    await waitUntil(() => allByRole(el, 'combobox', 'Bank').length === 1, 'the form');
    expect(savedRadios(el)).to.have.length(0);
    expect(saveBox(el)).to.equal(null);
    await fillNewAccount(el, '1234567');
    await press(el, 'Next');
    await press(el, 'Receive ¥3,000');
    await waitForStatus(el, 'processing');
    expect(JSON.parse(t.net.sent('POST', CLAIM)[0]!.body)).to.not.have.property('saveAccount');
    await expect(el).to.be.accessible();
  });

  it('a recipient with none yet: only the form, with the checkbox', async () => {
    const token = await demoClaim(t, { amount: 1000, purpose: 'refund', recipient: `new-${Date.now()}` });
    const el = await mountClaim(token, 'en');
    await chooseMethod(el, /^Bank transfer/);
    await waitUntil(() => allByRole(el, 'combobox', 'Bank').length === 1, 'the form');
    expect(savedRadios(el)).to.have.length(0);
    expect(saveBox(el)!.closest('label')!.textContent).to.contain('Save this account for next time');
    await expect(el).to.be.accessible();
  });

  it('422 invalid_account at accountId: said next to the saved accounts, the choice kept', async () => {
    const el = await mountClaim('demo-saved', 'en');
    await chooseMethod(el, /^Bank transfer/);
    await waitUntil(() => savedRadios(el).length === 3, 'saved accounts shown');
    const chosen = savedRadios(el)[0]!.value;
    await press(el, 'Next');
    t.net.fail('POST', CLAIM, {
      status: 422,
      body: { error: { code: 'invalid_account', message: 'No saved account of this recipient has this id.', field: 'accountId' } },
    });
    await press(el, 'Receive ¥5,000');
    await waitForStatus(el, 'choosing');
    const group = byRole(el, 'group', /^Send to a saved account/);
    expect(group.querySelector('[role="alert"]')!.textContent).to.contain('We cannot send money to this saved account');
    expect(alertsText(el).split('We cannot send money to this saved account')).to.have.length(2);
    expect(savedRadios(el).find((r) => r.checked)!.value).to.equal(chosen);
    expect(t.errors).to.deep.equal(['invalid_account']);
    await expect(el).to.be.accessible();
  });

  it('a transfer to a saved account that bounces (account_not_found): the failure said, another account chosen', async () => {
    // A saved account that the sandbox bank returns (its number is the sandbox's 2222222).
    const first = await demoClaim(t, { amount: 1000, purpose: 'refund', recipient: 'bouncer' });
    const account = { bankCode: '0005', branchCode: '001', type: 'ordinary', number: '2222222', holder: 'ﾔﾏﾀﾞ ﾀﾛｳ' };
    await t.call(
      'POST',
      `/api/claims/${first}/claim`,
      { method: 'bank', account, saveAccount: true },
      { 'idempotency-key': crypto.randomUUID() },
    );
    const second = await demoClaim(t, { amount: 1000, purpose: 'refund', recipient: 'bouncer' });
    const el = await mountClaim(second, 'en');
    await chooseMethod(el, /^Bank transfer/);
    await waitUntil(() => savedRadios(el).length === 2, 'saved account shown');
    await press(el, 'Next');
    await press(el, 'Receive ¥1,000');
    await waitForStatus(el, 'processing');
    await waitForStatus(el, 'choosing', 8000);
    await waitUntil(() => savedRadios(el).length === 2, 'saved accounts shown again');
    expect(alertsText(el)).to.contain('the bank could not find the account');
    expect(t.errors).to.deep.equal(['account_not_found']);
    await expect(el).to.be.accessible();
    await chooseMethod(el, 'Another account');
    await waitUntil(() => allByRole(el, 'combobox', 'Bank').length === 1, 'the form');
    await fillNewAccount(el, '1234567');
    await press(el, 'Next');
    await press(el, 'Receive ¥1,000');
    await waitForStatus(el, 'processing');
    expect(JSON.parse(t.net.sent('POST', CLAIM).at(-1)!.body)).to.have.property('account');
  });

  it('a claim that asks for a code first shows the saved accounts only after the code (ja, 360 px)', async () => {
    await setViewport({ width: 360, height: 800 });
    const token = await demoClaim(t, { amount: 2000, purpose: 'payout', recipient: RECIPIENT, verification: 'sms' });
    const el = await mountClaim(token, 'ja');
    await waitForStatus(el, 'verifying');
    expect(visibleText(el)).to.not.contain('***4567');
    await press(el, '確認コードを送信');
    await waitUntil(() => el.state.status === 'verifying' && el.state.verification.pending === null, 'sent');
    const response = await t.call('GET', `/api/demo/claims/${token}/messages`);
    const { messages } = (await response.json()) as { messages: { text: string }[] };
    const code = /コード (\d{6})/.exec(messages[0]?.text ?? '')![1]!;
    fill(el, '6桁の確認コード', code);
    await press(el, '確認する');
    await waitForStatus(el, 'choosing');
    await chooseMethod(el, /^銀行振込/);
    await waitUntil(() => savedRadios(el).length === 3, 'saved accounts shown after the code');
    expect(byRole(el, 'group', /^登録済みの口座/)).to.exist;
    await expect(el).to.be.accessible();
    const chosen = savedRadios(el)[0]!.value;
    await press(el, '次へ');
    await waitForStatus(el, 'confirming');
    expect(visibleText(el)).to.contain('***4567');
    await press(el, '2,000円を受け取る');
    await waitForStatus(el, 'processing');
    expect(JSON.parse(t.net.sent('POST', CLAIM)[0]!.body)).to.deep.equal({ method: 'bank', accountId: chosen });
  });
});
