// `npm run check:dist`: the built files used as a merchant would, copied as they are to a static folder:
// a page with two script tags (the element defined twice must not throw), served with the strict CSP,
// talking to the demo backend. Fails on any page error or CSP violation, or if the widget does not render.
// dist/ is served from a sub-path (/cdn/v1/), as from a CDN: each entry loads its chunks from beside itself
// (relative `import()`), and every chunk the pages fetch (the language, the prefetched later steps, the bank
// form) must come from there and load.
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

/** Where dist/ is served, as a merchant's CDN path would be. */
const BASE = '/cdn/v1/';
import { runnerImport } from 'vite';

// The server module as a merchant's Node app imports it (dist/server/): it loads and answers without any DOM,
// its code names no DOM global, and none of it is in the browser bundles.
const serverProblems = [];
const serverModule = await import(pathToFileURL('dist/server/index.js').href);
for (const name of ['createMerchantBackend', 'createSandboxBackend', 'openPglite', 'openPostgres', 'migrate', 'toNodeMiddleware']) {
  if (typeof serverModule[name] !== 'function') serverProblems.push(`dist/server: no export ${name}`);
}
if ('window' in globalThis || 'document' in globalThis) serverProblems.push('dist/server: importing it defined a DOM global');
const serverFiles = [
  'dist/server/index.js',
  'dist/server/serve.js',
  ...readdirSync('dist/server/chunks', { withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => `dist/server/chunks/${f.name}`),
];
for (const file of serverFiles) {
  const text = readFileSync(file, 'utf8');
  // A use of a DOM global: `window.x`, `document[...]`, `typeof localStorage`, `extends HTMLElement` (words in comments or SQL do not count).
  const dom =
    /(?<![\w$.])(?:(?:window|document|customElements|localStorage|sessionStorage|navigator)\s*[.[]|typeof\s+(?:window|document)\b|extends\s+HTMLElement\b)/.exec(
      text,
    );
  if (dom) serverProblems.push(`${file}: names the DOM global ${dom[0]}`);
}
{
  const sql = await serverModule.openPglite();
  const backend = await serverModule.createSandboxBackend({ sql, publicOrigin: 'https://shop.example', demo: true, log: () => undefined });
  const answer = await backend.handle(new Request('https://shop.example/api/checkout/orders/demo-1200'));
  if (answer.status !== 200) serverProblems.push(`dist/server: GET a demo order answered ${answer.status}`);
  await backend.close();
}
// Every browser file: the entries and their chunks beside them.
for (const bundle of readdirSync('dist')
  .filter((f) => f.endsWith('.js'))
  .map((f) => `dist/${f}`)) {
  const text = readFileSync(bundle, 'utf8');
  for (const marker of ['payment_attempts', 'idempotency_keys', 'pg_advisory_xact_lock', 'PGlite', 'sandbox_reservations']) {
    if (text.includes(marker)) serverProblems.push(`${bundle}: contains server code (${marker})`);
  }
}
if (serverProblems.length) {
  console.error(`dist check failed:\n${serverProblems.join('\n')}`);
  process.exit(1);
}
if (JSON.parse(readFileSync('dist/openapi.json', 'utf8')).openapi !== '3.1.0') {
  console.error('dist/openapi.json: not OpenAPI 3.1');
  process.exit(1);
}

const { module: demoServer } = await runnerImport('./demo/server.ts');
const { module: csp } = await runnerImport('./demo/csp.ts');
/** The backend mounts once the server listens (its public origin is the server's). */
let api = (_req, _res, next) => next();

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
const mounted = await demoServer.createDemoServer({ publicOrigin: origin, dataDir: 'memory', env: {}, log: () => undefined });
api = mounted.middleware;

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
  `dist check: dist/server loads in Node without DOM and is absent from the bundles; openapi.json; from ${BASE}, one bundle under the strictest CSP, two side by side, and the ready claim.html all load and render (every chunk from beside its module)`,
);
