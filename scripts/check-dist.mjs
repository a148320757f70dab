// `npm run check:dist`: the built files used as a merchant would, copied as they are to a static folder:
// a page with two script tags (the element defined twice must not throw), served with the strict CSP,
// talking to the demo backend. Fails on any page error or CSP violation, or if the widget does not render.
// dist/ is served from a sub-path (/cdn/v1/), as from a CDN: each entry loads its chunks from beside itself
// (relative `import()`), and every chunk the pages fetch (the language, the prefetched later steps, the bank
// form) must come from there and load.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

/** Where dist/ is served, as a merchant's CDN path would be. */
const BASE = '/cdn/v1/';
import { runnerImport } from 'vite';

const { module: backendModule } = await runnerImport('./demo/backend/index.ts');
const { module: adapter } = await runnerImport('./demo/backend/node-adapter.ts');
const { module: csp } = await runnerImport('./demo/csp.ts');
const api = adapter.toNodeMiddleware(backendModule.createDemoBackend().handle, ['/api/', '/sandbox/']);

// Two pages: both bundles side by side (the element defined twice; the policy allows lit's duplicate
// Trusted Types policy), and one bundle under the strictest policy.
const pages = {
  '/two-bundles': {
    scripts: ['prepaid-checkout.js', 'index.js'],
    policy: csp.contentSecurityPolicy(false, { duplicates: true }),
  },
  '/one-bundle': {
    scripts: ['prepaid-checkout.js'],
    policy: csp.contentSecurityPolicy(false, { duplicates: false }),
  },
};
const html = (scripts) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>dist check</title>
<link rel="icon" href="data:,">${scripts.map((s) => `<script type="module" src="${BASE}${s}"></script>`).join('')}</head>
<body><prepaid-checkout endpoint="/api/checkout" order="demo-1200"></prepaid-checkout></body></html>`;

const types = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};
const server = createServer((req, res) => {
  api(req, res, async () => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === `${BASE}claim.html`) {
      res.setHeader('content-security-policy', csp.contentSecurityPolicy(false, { duplicates: false }));
    }
    if (pages[path]) {
      res.setHeader('content-security-policy', pages[path].policy);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(html(pages[path].scripts));
    }
    if (path.startsWith(BASE)) {
      const file = normalize(join('dist', path.slice(BASE.length)));
      if (!file.startsWith('dist')) return res.writeHead(403).end();
      try {
        res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream');
        return res.end(await readFile(file));
      } catch {
        return res.writeHead(404).end();
      }
    }
    res.writeHead(404).end();
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});
const problems = [];
const chunks = new Set();
/** Every script a tab fetches must come from beside the module and load. */
function watchScripts(tab, label) {
  tab.on('response', (response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith('.js')) return;
    if (!url.pathname.startsWith(BASE)) problems.push(`${label}: a script from outside ${BASE}: ${url.pathname}`);
    else if (response.status() !== 200) problems.push(`${label}: ${url.pathname} answered ${response.status()}`);
    else chunks.add(url.pathname.slice(BASE.length));
  });
  tab.on('requestfailed', (request) => problems.push(`${label}: ${request.url()} failed`));
}
try {
  for (const path of Object.keys(pages)) {
    const tab = await browser.newPage();
    chunks.clear();
    watchScripts(tab, path);
    tab.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
    tab.on('console', (m) => m.type() === 'error' && problems.push(`${path}: ${m.text()}`));
    await tab.evaluateOnNewDocument(() =>
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)),
    );
    await tab.goto(origin + path, { waitUntil: 'networkidle0' });
    await tab
      .waitForFunction(() => document.querySelector('prepaid-checkout')?.shadowRoot?.querySelector('input[type=radio]'), { timeout: 10000 })
      .catch(() => problems.push(`${path}: the widget did not render`));
    const text = await tab.evaluate(() => document.querySelector('prepaid-checkout')?.shadowRoot?.textContent ?? '');
    if (!text.includes('¥1,200')) problems.push(`${path}: the widget did not show the order`);
    // The later steps are prefetched when the page is idle, after the first view.
    const started = Date.now();
    while (![...chunks].some((c) => /^prepaid-checkout\.receipt-/.test(c)) && Date.now() - started < 10000)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (![...chunks].some((c) => /^prepaid-checkout\.receipt-/.test(c))) problems.push(`${path}: the receipt chunk was not prefetched`);
    await tab.close();
  }
  // The ready claim page from dist/, as a merchant hosts it (its endpoint is /api/claims).
  const tab = await browser.newPage();
  chunks.clear();
  watchScripts(tab, 'claim.html');
  await tab.evaluateOnNewDocument(() =>
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)),
  );
  tab.on('pageerror', (e) => problems.push(`claim.html: ${e.message}`));
  tab.on('console', (m) => m.type() === 'error' && problems.push(`claim.html: ${m.text()}`));
  await tab.goto(`${origin}${BASE}claim.html#token=demo-refund`, { waitUntil: 'networkidle0' });
  await tab
    .waitForFunction(() => document.querySelector('payout-claim')?.shadowRoot?.querySelector('input[type=radio]'), { timeout: 10000 })
    .catch(() => problems.push('claim.html: the widget did not render'));
  if (await tab.evaluate(() => location.hash !== '')) problems.push('claim.html: the token stayed in the address bar');
  // Bank transfer loads the bank list from the banks/ folder beside the module.
  await tab.evaluate(() => document.querySelector('payout-claim').shadowRoot.querySelector('input[value="bank"]').click());
  await tab
    .waitForFunction(() => document.querySelector('payout-claim').shadowRoot.querySelectorAll('.quick-bank').length > 0, { timeout: 10000 })
    .catch(() => problems.push('claim.html: the bank list did not load from banks/ beside the module'));
  // The claim page is Japanese: its chunks are the Japanese messages and, prefetched, the bank form and later steps.
  for (const chunk of ['payout-claim.claim-ja-', 'payout-claim.bank-account-form-', 'payout-claim.confirm-', 'payout-claim.result-'])
    if (![...chunks].some((c) => c.startsWith(chunk))) problems.push(`claim.html: no ${chunk}*.js loaded`);
  if ([...chunks].some((c) => c.startsWith('payout-claim.claim-en-'))) problems.push('claim.html: loaded the English messages too');
  await tab.close();
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(`dist check failed:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(
  `dist check: from ${BASE}, one bundle under the strictest CSP, two side by side, and the ready claim.html all load and render (every chunk from beside its module)`,
);
