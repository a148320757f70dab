// `npm run screenshots`: drives the demo in headless Chromium the way a person would, at phone and
// desktop sizes, in Japanese and English (and key steps in dark mode, at 320 px and with a 20 px root font),
// and saves PNGs to screenshots/. Fails on any Content-Security-
// Policy or Trusted Types violation, or an error in the page console. Starts its own dev server.
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';

const server = await createServer({ configFile: 'vite.config.ts', server: { port: 5198, strictPort: false }, logLevel: 'warn' });
await server.listen();
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
mkdirSync('screenshots', { recursive: true });

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

const problems = [];
const sizes = {
  phone: { width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  desktop: { width: 1280, height: 900 },
};

async function open(url, viewport, { dark = false, rootFont = '' } = {}) {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  if (dark) await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  page.on('console', (m) => {
    // 4xx answers that the widgets show on purpose (402 shortfall, 422 refusals) are not problems.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) return;
    if (m.type() === 'error' || /Content Security Policy|TrustedHTML|Trusted Type/i.test(m.text())) problems.push(`${url}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${url}: ${e.message}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url, { waitUntil: 'networkidle0' });
  // The reader's own larger default font (browser setting), which the widgets' rem sizes follow.
  if (rootFont) await page.evaluate((size) => document.documentElement.style.setProperty('font-size', size), rootFont);
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
  console.log(`screenshots/${name}.png`);
}

const within = (page, selector) =>
  page.evaluateHandle((s) => document.querySelector('prepaid-checkout').shadowRoot.querySelector(s), selector);

// The backend takes JSON bodies only (415 otherwise).
const JSON_TYPE = { 'content-type': 'application/json' };

/** A fresh order from a template, its description in `lang` (the checkout page's language). */
async function newOrder(template, lang = 'en') {
  const response = await fetch(`${base}/api/demo/orders`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ template, lang }) });
  return (await response.json()).order;
}

let run = 0;
for (const [sizeName, viewport] of Object.entries(sizes)) {
  for (const lang of ['ja', 'en']) {
    run += 1; // sandbox balances are really spent: fresh codes for every run
    const low = `wm${String(500 + run).padStart(14, '0')}`;
    const more = `wm${String(1000 + run).padStart(14, '0')}`;
    const tag = `${sizeName}-${lang}`;
    const home = await open(`${base}/`, viewport);
    if (lang === 'en') await shot(home, `demo-home-${sizeName}`);
    await home.close();

    const order = await newOrder('gems-1200', lang);
    const page = await open(`${base}/checkout.html?order=${order}&lang=${lang}`, viewport);
    await shot(page, `checkout-1-order-${tag}`);
    await (await within(page, 'input[value="webmoney"]')).click();
    const first = await within(page, '#code-0-0');
    await first.click();
    await page.keyboard.type(low);
    await shot(page, `checkout-2-code-${tag}`);
    await (await within(page, 'button[type="submit"]')).click();
    await page.waitForFunction(() =>
      /69\d/.test(document.querySelector('prepaid-checkout').shadowRoot.querySelector('.general-error').textContent),
    );
    await shot(page, `checkout-3-shortfall-${tag}`);
    await (await within(page, '.add-code')).click();
    await page.waitForFunction(() => document.querySelector('prepaid-checkout').shadowRoot.activeElement?.id === 'code-1-0');
    await page.keyboard.type(more);
    await (await within(page, 'button[type="submit"]')).click();
    await page.waitForFunction(() => document.querySelector('prepaid-checkout').shadowRoot.querySelector('.receipt'));
    await shot(page, `checkout-4-receipt-${tag}`);
    // The store's side: refund part of it; the widget is loaded again with the refunded receipt.
    await page.waitForSelector('#refund:not([hidden])');
    await page.type('#refund-amount', '300');
    await page.click('#refund-submit');
    await page.waitForFunction(() => document.querySelector('prepaid-checkout').shadowRoot?.querySelector('.receipt.refunded ul.payments'));
    await shot(page, `checkout-5-refunded-${tag}`);
    await page.close();

    const album = await newOrder('album-3000', lang);
    const netcash = await open(`${base}/checkout.html?order=${album}&lang=${lang}`, viewport);
    await (await within(netcash, 'input[value="netcash"]')).click();
    await (await within(netcash, '#code-0-0')).click();
    await netcash.keyboard.type('NC00-0000-0000-500O');
    await shot(netcash, `checkout-5-invalid-char-${tag}`);
    await netcash.close();

    const expired = await open(`${base}/checkout.html?order=demo-expired&lang=${lang}`, viewport);
    await shot(expired, `checkout-6-expired-${tag}`);
    await expired.close();
  }
}

// BitCash's hiragana boxes on the smallest phones: 320 px, and 360 px with a 20 px root font.
for (const [name, viewport, rootFont] of [
  ['320', { ...sizes.phone, width: 320, height: 640 }, null],
  ['root20', sizes.phone, '20px'],
]) {
  const order = await newOrder('album-3000', 'ja');
  const page = await open(`${base}/checkout.html?order=${order}&lang=ja`, viewport);
  if (rootFont) await page.evaluate((size) => (document.documentElement.style.fontSize = size), rootFont);
  await (await within(page, 'input[value="bitcash"]')).click();
  await (await within(page, '#code-0-0')).click();
  await page.keyboard.type('さしすせそたちつてとなにぬねのは');
  await (await within(page, 'button.link')).click();
  await page.waitForFunction(() => document.querySelector('prepaid-checkout').shadowRoot.querySelector('.running-total').textContent);
  await shot(page, `checkout-9-bitcash-phone-${name}-ja`);
  await page.close();
}

// The loading placeholder, with the order's answer held back a moment.
{
  const order = await newOrder('gems-1200');
  const page = await browser.newPage();
  await page.setViewport(sizes.phone);
  await page.setRequestInterception(true);
  page.on('request', (r) =>
    r.url().includes('/api/checkout/orders/') ? setTimeout(() => r.continue().catch(() => {}), 3000) : r.continue(),
  );
  await page.goto(`${base}/checkout.html?order=${order}&lang=ja`, { waitUntil: 'domcontentloaded' });
  await page.waitForFunction(() => document.querySelector('prepaid-checkout')?.shadowRoot?.querySelector('.loading'));
  await shot(page, 'checkout-0-loading-phone-ja');
  await page.close();
}

// Redirect mode, with the sandbox issuer's page (in the checkout page's language), once at phone size.
for (const lang of ['en', 'ja']) {
  const order = await newOrder('gems-500', lang);
  const page = await open(`${base}/checkout.html?order=${order}&lang=${lang}`, sizes.phone);
  await (await within(page, 'input[value="netcash"]')).click();
  await Promise.all([page.waitForNavigation(), (await within(page, 'button[type="submit"]')).click()]);
  await shot(page, lang === 'en' ? 'checkout-7-issuer-page-phone' : 'checkout-7-issuer-page-phone-ja');
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('form button')]);
  await page.waitForFunction(() => document.querySelector('prepaid-checkout').shadowRoot.querySelector('.receipt'));
  if (lang === 'en') await shot(page, 'checkout-8-back-from-issuer-phone');
  await page.close();
}

// The sandbox ATM in Japanese (a wrong number, to show its answer), and the home page's reset.
{
  const page = await open(`${base}/sandbox/atm?lang=ja`, sizes.phone);
  await page.type('input[name="receiptNumber"]', '000000000000');
  await page.type('input[name="confirmationCode"]', '000000');
  await Promise.all([page.waitForNavigation(), page.click('form button')]);
  await shot(page, 'sandbox-atm-phone-ja');
  await page.close();
  const home = await open(`${base}/`, sizes.desktop);
  await home.click('#reset button');
  await home.waitForFunction(() => /reset:/.test(document.querySelector('#reset-status').textContent));
  await shot(home, 'demo-home-reset-desktop');
  await home.close();
}

// <payout-claim>: the merchant issues a link, the recipient opens it.
const inClaim = (page, selector) =>
  page.evaluateHandle((s) => document.querySelector('payout-claim').shadowRoot.querySelector(s), selector);
async function issueClaim(spec) {
  const response = await fetch(`${base}/api/demo/claims`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(spec) });
  return (await response.json()).token;
}
async function claimStep(page, status) {
  await page.waitForFunction((s) => document.querySelector('payout-claim')?.state?.status === s, {}, status);
  // A later step comes from a chunk: updateComplete resolves once it is there and rendered.
  await page.evaluate(() => document.querySelector('payout-claim').updateComplete);
}
{
  const page = await open(`${base}/issue-claim.html`, sizes.desktop);
  await page.click('#issue button[type=submit]');
  await page.waitForSelector('#qr[src^="data:"]');
  await shot(page, 'claim-0-issue-desktop');
  await page.close();
}
for (const [sizeName, viewport] of Object.entries(sizes)) {
  for (const lang of ['ja', 'en']) {
    const tag = `${sizeName}-${lang}`;
    let token = await issueClaim({ amount: 3000, purpose: 'refund', message: 'Refund for order #1234.' });
    let page = await open(`${base}/claim.html?lang=${lang}#token=${token}`, viewport);
    await claimStep(page, 'choosing');
    await shot(page, `claim-1-methods-${tag}`);
    await (await inClaim(page, 'input[value="bank"]')).click();
    await page.waitForFunction(() => document.querySelector('payout-claim').shadowRoot.querySelector('.quick-bank'));
    await (await inClaim(page, '#account-bankCode')).type('みつびし');
    await shot(page, `claim-2a-bank-search-${tag}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('payout-claim').shadowRoot.activeElement?.id === 'account-branchCode');
    await page.keyboard.type('しぶや');
    await page.waitForFunction(() => document.querySelector('payout-claim').shadowRoot.querySelector('#account-branchCode-listbox li'));
    await page.keyboard.press('Enter');
    await (await inClaim(page, '#account-number')).type('1234567');
    await (await inClaim(page, '#account-holder')).type('ヤマダ タロウ');
    await shot(page, `claim-2-bank-form-${tag}`);
    await (await inClaim(page, 'button[type=submit]')).click();
    await claimStep(page, 'confirming');
    await shot(page, `claim-3-bank-confirm-${tag}`);
    await (await inClaim(page, 'button[type=submit]')).click();
    await claimStep(page, 'processing');
    await shot(page, `claim-3b-bank-processing-${tag}`);
    await page.close();

    token = await issueClaim({ amount: 3000, purpose: 'refund' });
    page = await open(`${base}/claim.html?lang=${lang}#token=${token}`, viewport);
    await claimStep(page, 'choosing');
    await (await inClaim(page, 'input[value="bank"]')).click();
    await page.waitForFunction(() => document.querySelector('payout-claim').shadowRoot.querySelector('.quick-bank'));
    await page.evaluate(() =>
      [...document.querySelector('payout-claim').shadowRoot.querySelectorAll('.quick-bank')]
        .find((b) => b.textContent.trim() === 'ゆうちょ')
        .click(),
    );
    await (await inClaim(page, '#account-symbol')).type('14030');
    await (await inClaim(page, '#account-postNumber')).type('12345671');
    await (await inClaim(page, '#account-holder')).type('かぶしきがいしゃ さくら');
    await shot(page, `claim-2b-japan-post-${tag}`);
    await page.close();

    token = await issueClaim({ amount: 3000, purpose: 'refund' });
    page = await open(`${base}/claim.html?lang=${lang}#token=${token}`, viewport);
    await claimStep(page, 'choosing');
    await (await inClaim(page, 'input[value="atm"]')).click();
    await (await inClaim(page, 'button[type=submit]')).click();
    await claimStep(page, 'confirming');
    await shot(page, `claim-4-atm-confirm-${tag}`);
    await (await inClaim(page, 'button[type=submit]')).click();
    await claimStep(page, 'processing');
    await shot(page, `claim-5-atm-codes-${tag}`);
    await page.close();

    token = await issueClaim({ amount: 3000, purpose: 'cashback' });
    page = await open(`${base}/claim.html?lang=${lang}#token=${token}`, viewport);
    await claimStep(page, 'choosing');
    await (await inClaim(page, 'input[value="quo"]')).click();
    await (await inClaim(page, 'button[type=submit]')).click();
    await claimStep(page, 'confirming');
    await (await inClaim(page, 'button[type=submit]')).click();
    await claimStep(page, 'completed');
    await shot(page, `claim-6-quo-${tag}`);
    await page.close();
  }
}

// The sandbox wallet login, in the language of the claim page (its ?lang= travels in the returnUrl).
{
  const token = await issueClaim({ amount: 3000, purpose: 'cashback' });
  const page = await open(`${base}/claim.html?lang=ja#token=${token}`, sizes.phone);
  await claimStep(page, 'choosing');
  await (await inClaim(page, 'input[value="aupay"]')).click();
  await (await inClaim(page, 'button[type=submit]')).click();
  await claimStep(page, 'confirming');
  await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), (await inClaim(page, 'button[type=submit]')).click()]);
  await shot(page, 'sandbox-wallet-login-phone-ja');
  await page.close();
}

// Key steps in Japanese: dark mode (phone and desktop), 320 px, and a 20 px root font.
const variants = {
  dark: [sizes.phone, { dark: true }],
  'desktop-dark': [sizes.desktop, { dark: true }],
  320: [{ ...sizes.phone, width: 320, height: 640 }, {}],
  font20: [sizes.phone, { rootFont: '20px' }],
};
for (const [tag, [viewport, options]] of Object.entries(variants)) {
  run += 1;
  const order = await newOrder('gems-1200', 'ja');
  const page = await open(`${base}/checkout.html?order=${order}&lang=ja`, viewport, options);
  await shot(page, `checkout-1-order-${tag}`);
  await (await within(page, 'input[value="bitcash"]')).click();
  await (await within(page, 'button[type="submit"]')).click();
  await (await within(page, '#code-0-0')).focus();
  await shot(page, `checkout-2-code-errors-${tag}`);
  await (await within(page, 'input[value="webmoney"]')).click();
  await (await within(page, '#code-0-0')).click();
  await page.keyboard.type(`wm${String(500 + run).padStart(14, '0')}`);
  await (await within(page, 'button[type="submit"]')).click();
  await page.waitForFunction(() => document.querySelector('prepaid-checkout').shadowRoot.querySelector('.general-error p'));
  await shot(page, `checkout-3-shortfall-${tag}`);
  await page.close();

  const token = await issueClaim({ amount: 48600, purpose: 'payout', message: 'Refund for order #1234.' });
  const claim = await open(`${base}/claim.html?lang=ja#token=${token}`, viewport, options);
  await claimStep(claim, 'choosing');
  await (await inClaim(claim, 'input[value="atm"]')).click();
  await shot(claim, `claim-1-methods-${tag}`);
  await (await inClaim(claim, 'input[value="bank"]')).click();
  await claim.waitForFunction(() => document.querySelector('payout-claim').shadowRoot.querySelector('.quick-bank'));
  await (await inClaim(claim, '#account-bankCode')).type('みつびし');
  await shot(claim, `claim-2a-bank-search-${tag}`);
  await (await inClaim(claim, 'input[value="atm"]')).click();
  await (await inClaim(claim, 'button[type=submit]')).click();
  await claimStep(claim, 'confirming');
  await (await inClaim(claim, 'button[type=submit]')).click();
  await claimStep(claim, 'processing');
  await shot(claim, `claim-5-atm-codes-${tag}`);
  await claim.close();
}

// A transfer the bank returns (sandbox account 1111111: the holder name does not match), at phone size: the
// form again, the wrong field focused and its message said once. The demo bank answers after about 20 s.
for (const lang of ['ja', 'en']) {
  const token = await issueClaim({ amount: 3000, purpose: 'refund' });
  const page = await open(`${base}/claim.html?lang=${lang}#token=${token}`, sizes.phone);
  await claimStep(page, 'choosing');
  await (await inClaim(page, 'input[value="bank"]')).click();
  await page.waitForFunction(() => document.querySelector('payout-claim').shadowRoot.querySelector('.quick-bank'));
  await (await inClaim(page, '#account-bankCode')).type('みずほ');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('payout-claim').shadowRoot.activeElement?.id === 'account-branchCode');
  await page.keyboard.type('001');
  await page.waitForFunction(() => document.querySelector('payout-claim').shadowRoot.querySelector('#account-branchCode-listbox li'));
  await page.keyboard.press('Enter');
  await (await inClaim(page, '#account-number')).type('1111111');
  await (await inClaim(page, '#account-holder')).type('やまだ たろう');
  await (await inClaim(page, 'button[type=submit]')).click();
  await claimStep(page, 'confirming');
  await (await inClaim(page, 'button[type=submit]')).click();
  await claimStep(page, 'processing');
  await page.waitForFunction(() => document.querySelector('payout-claim')?.state?.status === 'choosing', { timeout: 90_000 });
  await page.waitForFunction(() => document.querySelector('payout-claim').shadowRoot.activeElement?.id === 'account-holder');
  await shot(page, `claim-7-bank-returned-phone-${lang}`);
  await page.close();
}

await browser.close();
await server.close();
if (problems.length) {
  console.error(`problems seen in the browser:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('no CSP or Trusted Types violations, no page errors');
