/**
 * <payout-claim> with a one-time code before the methods, against the real server module in the page: a claim
 * made by the demo route with `verification`, the code read from the demo's "phone" (`GET
 * /api/demo/claims/{token}/messages`). In ja and en, at 320, 360 and 1280 px, from the keyboard alone, axe clean in each
 * state (before sending, sent, wrong code, locked, verified); full-width paste; the resend countdown; the lockout
 * after 5 wrong codes; then an ATM claim to the end.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import { chooseMethod, fill, mountClaim, press, waitForStatus } from '../helpers/claim.js';
import { allByRole, byRole, shadow, visibleText } from '../helpers/dom.js';
import { alertsText, demoClaim, useHarness, type Harness } from '../helpers/harness.js';

type Lang = 'ja' | 'en';
const SEND = /\/api\/claims\/[^/]+\/verification$/;
const VERIFY = /\/api\/claims\/[^/]+\/verify$/;
const CLAIM = /\/api\/claims\/[^/]+\/claim$/;

const words = {
  en: {
    send: 'Send code',
    code: '6-digit code',
    verify: 'Verify',
    again: 'Send again',
    lead: /by SMS to 090-\*\*\*\*-5678/,
    email: /by email to t\*\*\*@example\.com/,
    wrong: 'That code is not right',
    locked: 'You can try again after',
    sent: 'We sent a 6-digit code by SMS to 090-****-5678.',
    ready: 'No code? You can send it again now.',
    countdown: /You can send it again in \d+ seconds\./,
    atm: /^Cash at a Seven Bank ATM/,
    next: 'Next',
    receive: 'Receive ¥2,780',
    incomplete: 'The code has 6 digits.',
  },
  ja: {
    send: '確認コードを送信',
    code: '6桁の確認コード',
    verify: '確認する',
    again: '確認コードを再送信',
    lead: /090-\*\*\*\*-5678へSMSで6桁の確認コードをお送りします/,
    email: /t\*\*\*@example\.comへメールで/,
    wrong: '確認コードが正しくないか、有効期限（10分）が切れています。入力し直すか、新しいコードを送信してください。',
    locked: '以降にもう一度お試しください',
    sent: '090-****-5678へSMSで6桁の確認コードを送信しました。',
    ready: 'コードが届かない場合は、もう一度送信できます。',
    countdown: /あと\d+秒で再送信できます。/,
    atm: /^セブン銀行ATMで現金受取/,
    next: '次へ',
    receive: '2,780円を受け取る',
    incomplete: '確認コードは6桁です。',
  },
} as const;

/** The latest code the demo's phone (or mailbox) got for this claim. */
async function latestCode(t: Harness, token: string): Promise<string> {
  const response = await t.call('GET', `/api/demo/claims/${token}/messages`);
  const { messages } = (await response.json()) as { messages: { text: string }[] };
  const code = /コード (\d{6})/.exec(messages[0]?.text ?? '')?.[1];
  if (!code) throw new Error(`no code in ${JSON.stringify(messages)}`);
  return code;
}

const toFullWidth = (digits: string) => [...digits].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
const codeInput = (el: PayoutClaim) => shadow(el).querySelector<HTMLInputElement>('#otp')!;
const focused = (el: PayoutClaim) => shadow(el).activeElement;
const statusText = (el: PayoutClaim) =>
  allByRole(el, 'status')
    .map((s) => s.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

async function settle(el: PayoutClaim): Promise<void> {
  await waitUntil(() => el.state.status !== 'verifying' || el.state.verification.pending === null, 'the code call answered');
  await el.updateComplete;
}

async function sendCode(el: PayoutClaim, w: (typeof words)[Lang]): Promise<void> {
  await press(el, w.send);
  await settle(el);
}

async function enterCode(el: PayoutClaim, w: (typeof words)[Lang], code: string): Promise<void> {
  fill(el, w.code, code);
  await press(el, w.verify);
  await settle(el);
}

describe('<payout-claim> one-time code', () => {
  const t = useHarness('payout-claim', { verificationResendAfterS: 2 });
  afterEach(() => setViewport({ width: 800, height: 600 }));

  for (const [lang, width] of [
    ['en', 1280],
    ['ja', 360],
  ] as const) {
    it(`from the keyboard alone: send, a wrong code, the right one, then an ATM claim to the end (${lang}, ${width} px)`, async () => {
      await setViewport({ width, height: 800 });
      const w = words[lang];
      const token = await demoClaim(t, { amount: 3000, purpose: 'refund', verification: 'sms' });
      const el = await mountClaim(token, lang);
      expect(el.state.status).to.equal('verifying');
      // Before sending: where the code goes; no method yet; nothing sent.
      await expect(el).to.be.accessible();
      expect(visibleText(el)).to.match(w.lead);
      expect(allByRole(el, 'radio')).to.have.length(0);
      expect(t.net.sent('POST', SEND)).to.have.length(0);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);

      await sendKeys({ press: 'Tab' });
      expect(focused(el)?.textContent?.trim()).to.equal(w.send);
      await sendKeys({ press: 'Enter' });
      await settle(el);
      await waitUntil(() => focused(el) === codeInput(el), 'focus on the code field');
      // Sent: the field, labelled, as a phone's keyboard and autofill want it.
      await expect(el).to.be.accessible();
      const input = byRole<HTMLInputElement>(el, 'textbox', w.code);
      expect(input.getAttribute('inputmode')).to.equal('numeric');
      expect(input.getAttribute('autocomplete')).to.equal('one-time-code');
      expect(Number(input.getAttribute('maxlength'))).to.be.greaterThan(6);
      expect(statusText(el)).to.contain(w.sent);
      expect(document.documentElement.scrollWidth).to.be.at.most(width);

      const code = await latestCode(t, token);
      const wrong = code === '111111' ? '222222' : '111111';
      await sendKeys({ type: wrong });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      // Wrong: said next to the field, announced, fired; what was typed is still there; focus stays in the field.
      expect(alertsText(el)).to.contain(w.wrong);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(shadow(el).getElementById('otp-error')!.textContent).to.contain(w.wrong);
      expect(input.getAttribute('aria-describedby')).to.contain('otp-error');
      expect(codeInput(el).value).to.equal(wrong);
      expect(t.errors).to.deep.equal(['verification_failed']);
      expect(focused(el)).to.equal(codeInput(el));
      await expect(el).to.be.accessible();

      codeInput(el).select();
      await sendKeys({ type: code });
      await sendKeys({ press: 'Enter' });
      await waitForStatus(el, 'choosing');
      // Verified: the methods, focus on the step's heading.
      await waitUntil(() => focused(el)?.localName === 'h2', 'focus on the methods heading');
      await expect(el).to.be.accessible();
      expect(JSON.parse(t.net.sent('POST', VERIFY).at(-1)!.body)).to.deep.equal({ code });

      await chooseMethod(el, w.atm);
      await press(el, w.next);
      await waitForStatus(el, 'confirming');
      await press(el, w.receive);
      await waitForStatus(el, 'processing');
      expect(t.net.sent('POST', CLAIM).map((r) => JSON.parse(r.body))).to.deep.equal([{ method: 'atm' }]);
      expect(t.completes).to.have.length(1);
      await expect(el).to.be.accessible();
    });
  }

  for (const lang of ['ja', 'en'] as const) {
    it(`takes a pasted full-width code with a space and a hyphen (${lang}, 360 px)`, async () => {
      await setViewport({ width: 360, height: 800 });
      const w = words[lang];
      const token = await demoClaim(t, { amount: 3000, purpose: 'refund', verification: 'email' });
      const el = await mountClaim(token, lang);
      expect(visibleText(el)).to.match(w.email);
      await sendCode(el, w);
      const code = await latestCode(t, token);
      const pasted = `${toFullWidth(code.slice(0, 3))} －${toFullWidth(code.slice(3))}`;
      fill(el, w.code, pasted);
      await el.updateComplete;
      expect(codeInput(el).value).to.equal(code);
      await press(el, w.verify);
      await waitForStatus(el, 'choosing');
      expect(JSON.parse(t.net.sent('POST', VERIFY)[0]!.body)).to.deep.equal({ code });
    });
  }

  for (const lang of ['ja', 'en'] as const) {
    it(`fits a 320 px phone with the field, the buttons and the countdown (${lang})`, async () => {
      await setViewport({ width: 320, height: 568 });
      const w = words[lang];
      const token = await demoClaim(t, { amount: 3000, purpose: 'refund', verification: 'sms' });
      const el = await mountClaim(token, lang);
      await sendCode(el, w);
      for (const node of [codeInput(el), byRole(el, 'button', w.verify), byRole(el, 'button', w.again)]) {
        const rect = node.getBoundingClientRect();
        expect(rect.right, node.id || node.textContent!).to.be.at.most(320);
        expect(rect.height).to.be.at.least(44);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
    });
  }

  it('says what is missing from an incomplete code, and sends nothing (en)', async () => {
    const w = words.en;
    const token = await demoClaim(t, { amount: 3000, purpose: 'refund', verification: 'sms' });
    const el = await mountClaim(token, 'en');
    await sendCode(el, w);
    await enterCode(el, w, '12 34');
    expect(shadow(el).getElementById('otp-error')!.textContent).to.contain(w.incomplete);
    expect(codeInput(el).value).to.equal('1234');
    expect(t.net.sent('POST', VERIFY)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  for (const lang of ['en', 'ja'] as const) {
    it(`counts down before Send again, says once when it is ready, and sends a new code (${lang})`, async () => {
      const w = words[lang];
      const token = await demoClaim(t, { amount: 3000, purpose: 'refund', verification: 'sms' });
      const el = await mountClaim(token, lang);
      await sendCode(el, w);
      const first = await latestCode(t, token);
      const again = byRole<HTMLButtonElement>(el, 'button', w.again);
      expect(again.disabled).to.equal(true);
      expect(visibleText(el)).to.match(w.countdown);
      expect(statusText(el)).to.equal(w.sent);
      // The polite status is not a ticking clock: the countdown is outside it.
      expect(statusText(el)).not.to.match(w.countdown);
      await waitUntil(() => !byRole<HTMLButtonElement>(el, 'button', w.again).disabled, 'Send again enabled', { timeout: 4000 });
      expect(statusText(el)).to.equal(w.ready);
      expect(visibleText(el)).not.to.match(w.countdown);
      await press(el, w.again);
      await settle(el);
      expect(t.net.sent('POST', SEND)).to.have.length(2);
      expect(new Set(t.net.sent('POST', SEND).map((r) => r.headers.get('idempotency-key'))).size).to.equal(2);
      expect(byRole<HTMLButtonElement>(el, 'button', w.again).disabled).to.equal(true);
      const second = await latestCode(t, token);
      if (second !== first) {
        await enterCode(el, w, first);
        expect(alertsText(el)).to.contain(w.wrong);
      }
      await enterCode(el, w, second);
      await waitForStatus(el, 'choosing');
    });
  }

  for (const lang of ['en', 'ja'] as const) {
    it(`locks after 5 wrong codes: Verify disabled until retryAfter, even for the right code (${lang})`, async () => {
      const w = words[lang];
      const token = await demoClaim(t, { amount: 3000, purpose: 'refund', verification: 'sms' });
      const el = await mountClaim(token, lang);
      await sendCode(el, w);
      const code = await latestCode(t, token);
      const wrongs = ['000001', '000002', '000003', '000004', '000005', '000006'].filter((c) => c !== code).slice(0, 6);
      for (const wrong of wrongs.slice(0, 5)) {
        await enterCode(el, w, wrong);
        expect(alertsText(el)).to.contain(w.wrong);
      }
      await enterCode(el, w, wrongs[5]!);
      // Locked: said at the field with when, the button off; the page is told once.
      expect(alertsText(el)).to.contain(w.locked);
      expect(byRole<HTMLButtonElement>(el, 'button', w.verify).disabled).to.equal(true);
      expect(byRole<HTMLButtonElement>(el, 'button', w.again).disabled).to.equal(true);
      expect(t.errors.filter((c) => c === 'too_many_attempts')).to.have.length(1);
      expect(el.state.status === 'verifying' && el.state.verification.lockedUntil! - Date.now()).to.be.greaterThan(500_000);
      await expect(el).to.be.accessible();
      // The right code now: the widget does not send it, and the server would refuse it too.
      fill(el, w.code, code);
      await press(el, w.verify);
      expect(t.net.sent('POST', VERIFY)).to.have.length(6);
      const direct = await t.call('POST', `/api/claims/${token}/verify`, { code }, { 'idempotency-key': crypto.randomUUID() });
      expect(direct.status).to.equal(429);
      expect(codeInput(el).value).to.equal(code);
    });
  }

  it('brings the code step back when a claim POST answers 403 verification_required, then resumes the choice (en)', async () => {
    const w = words.en;
    const token = await demoClaim(t, { amount: 3000, purpose: 'refund', verification: 'sms' });
    const el = await mountClaim(token, 'en');
    await sendCode(el, w);
    await enterCode(el, w, await latestCode(t, token));
    await waitForStatus(el, 'choosing');
    await chooseMethod(el, w.atm);
    await press(el, w.next);
    await waitForStatus(el, 'confirming');
    t.net.fail('POST', CLAIM, { status: 403, body: { error: { code: 'verification_required', message: 'Verify first.' } } });
    await press(el, w.receive);
    await waitForStatus(el, 'verifying');
    expect(t.errors).to.deep.equal(['verification_required']);
    expect(alertsText(el)).to.contain('Please confirm it is you');
    await waitUntil(() => focused(el)?.localName === 'h2', 'focus on the step heading');
    await expect(el).to.be.accessible();
    await sendCode(el, w); // the server says it is verified already: the claim is loaded again
    await waitForStatus(el, 'choosing');
    await chooseMethod(el, w.atm);
    await press(el, w.next);
    await waitForStatus(el, 'confirming');
    await press(el, w.receive);
    await waitForStatus(el, 'processing');
  });

  it('opens a verified claim on the methods, and a claim without verification too', async () => {
    const plain = await mountClaim('demo-refund', 'en');
    expect(plain.state.status).to.equal('choosing');
    plain.remove();
    const el = await mountClaim('demo-verify', 'en');
    expect(el.state.status).to.equal('verifying');
    expect(visibleText(el)).to.contain('¥5,000');
  });
});
