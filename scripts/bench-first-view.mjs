// `npm run bench`: the scripting a cold load spends before the first input shows, for each widget and, in the same
// run, for a floor: a minimal lit + zod/mini element (scripts/bench-floor.ts: fetch, parse, one input) built with
// the same vite settings. A benchmark, not a test: it prints medians and the ratio to the floor, fails on nothing.
//
// How: dist/ (run `npm run build` first) is served from /cdn/v1/ and the floor from /floor/ by a small static
// server on 127.0.0.1 (no-store), beside the demo backend. Each run is a fresh browser context (no cache) at 4x CPU
// throttling (CDP Emulation.setCPUThrottlingRate). A MutationObserver on each shadow root marks the moment an
// <input> is there (performance.mark); a trace of the run gives the main thread's script time up to that mark
// (its outermost EvaluateScript, module compile and evaluate, FunctionCall, microtasks, timers, events and GC),
// which leaves out what runs after the first view (the prefetch of later chunks when the page is idle).
// Runs alternate between the pages so that a slow moment of the machine does not fall on one page only.
//
//   npm run bench                          7 runs of each
//   npm run bench -- --runs 11
//   npm run bench -- --compare other/dist  also another build of the widgets (e.g. main's), served from /before/
import { readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';
import { build, runnerImport } from 'vite';
import { libConfig } from './lib-config.mjs';

const option = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const RUNS = Number(option('--runs')) || 7;
const COMPARE = option('--compare');
const THROTTLE = 4;
const RUN_TIMEOUT = 20000;
const FLOOR_DIR = '.tmp/bench-floor';

await rm(FLOOR_DIR, { recursive: true, force: true });
await build({ ...libConfig({ entry: 'scripts/bench-floor.ts', name: 'floor', outDir: FLOOR_DIR }), logLevel: 'error' });

// The merchant backend as `npm start` mounts it (sandbox, DEMO on), on an in-memory PGlite; mounted once the
// server listens, with its origin as the public origin.
const { module: demoServer } = await runnerImport('./demo/server.ts');
let api = async (_req, _res, next) => next();

const page = (lang, script, body) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,">` +
  `<script type="module" src="${script}"></script></head><body>${body}</body></html>`;
const PAGES = {
  floor: page('ja', '/floor/floor.js', '<floor-form></floor-form>'),
  'prepaid-checkout': page(
    'ja',
    '/cdn/v1/prepaid-checkout.js',
    '<prepaid-checkout endpoint="/api/checkout" order="demo-1200"></prepaid-checkout>',
  ),
  'payout-claim': page('ja', '/cdn/v1/payout-claim.js', '<payout-claim endpoint="/api/claims" token="demo-refund"></payout-claim>'),
};
if (COMPARE) {
  PAGES['prepaid-checkout (compared)'] = PAGES['prepaid-checkout'].replace('/cdn/v1/', '/before/');
  PAGES['payout-claim (compared)'] = PAGES['payout-claim'].replace('/cdn/v1/', '/before/');
}
const ORDER = JSON.stringify({ order: 'demo-1200', merchant: { name: 'Demo Store' }, amount: 1200, currency: 'JPY' });

const server = createServer((req, res) => {
  res.setHeader('cache-control', 'no-store');
  api(req, res, async () => {
    const path = (req.url ?? '/').split('?')[0];
    const pageName = decodeURIComponent(path.slice('/page/'.length));
    if (path.startsWith('/page/') && PAGES[pageName]) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(PAGES[pageName]);
    }
    if (path === '/floor/order.json') {
      res.setHeader('content-type', 'application/json');
      return res.end(ORDER);
    }
    const roots = [['/cdn/v1/', 'dist'], ['/floor/', FLOOR_DIR], ...(COMPARE ? [['/before/', COMPARE]] : [])];
    const [prefix, root] = roots.find(([p]) => path.startsWith(p)) ?? [];
    if (!root) return res.writeHead(404).end();
    const file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root))) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.setHeader('content-type', extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream');
      return res.end(body);
    } catch {
      return res.writeHead(404).end();
    }
  });
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;
({ middleware: api } = await demoServer.createDemoServer({ publicOrigin: origin, dataDir: 'memory', env: {}, log: () => undefined }));

/** In the page, before any script: mark the first moment an <input> is in a shadow root. */
function markFirstInput() {
  const attach = Element.prototype.attachShadow;
  let marked = false;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    new MutationObserver((_, observer) => {
      if (marked || !root.querySelector('input')) return;
      marked = true;
      performance.mark('first-input');
      observer.disconnect();
    }).observe(root, { childList: true, subtree: true });
    return root;
  };
}

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.produceModuleCache',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'RunMicrotasks',
  'FireIdleCallback',
  'XHRReadyStateChange',
  'MinorGC',
  'MajorGC',
]);

/**
 * Script time on the renderer's main thread until the first-input mark, in ms: the outermost script events (nested
 * ones are inside them), as wall time (`dur`, what the 4x throttling stretches) and as the thread's CPU time
 * (`tdur`, which a busy machine does not inflate: the figure the ratio uses).
 */
function scriptingUntilMark(events) {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]));
  const mark = events.find((e) => e.name === 'first-input' && e.cat?.includes('blink.user_timing'));
  if (!mark) throw new Error('no first-input mark in the trace');
  const main = `${mark.pid}:${mark.tid}`;
  if (names.get(main) !== 'CrRendererMain') throw new Error(`the mark is on ${names.get(main)}, not the main thread`);
  const scripts = events
    .filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && SCRIPT_EVENTS.has(e.name) && e.ts < mark.ts)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  let wall = 0;
  let thread = 0;
  let end = -1;
  for (const e of scripts) {
    if (e.ts < end) continue; // inside the outer event counted already
    const dur = e.dur ?? 0;
    const counted = Math.min(e.ts + dur, mark.ts) - e.ts;
    wall += counted;
    thread += dur > 0 ? ((e.tdur ?? dur) * counted) / dur : 0;
    end = e.ts + dur;
  }
  return { scripting: thread / 1000, wall: wall / 1000, firstInput: mark.ts };
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run'],
});

async function run(name) {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    const cdp = await tab.createCDPSession();
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await tab.evaluateOnNewDocument(markFirstInput);
    await tab.tracing.start({ categories: ['devtools.timeline', 'v8.execute', 'v8', 'blink.user_timing', '__metadata'] });
    const navigationStart = Date.now();
    await tab.goto(`${origin}/page/${encodeURIComponent(name)}`, { waitUntil: 'load', timeout: RUN_TIMEOUT });
    await tab.waitForFunction(() => performance.getEntriesByName('first-input').length > 0, {
      timeout: RUN_TIMEOUT,
      polling: 100,
    });
    const wall = Date.now() - navigationStart;
    const trace = JSON.parse(new TextDecoder().decode(await tab.tracing.stop()));
    const navigation = trace.traceEvents.find((e) => e.name === 'navigationStart');
    const { scripting, wall: scriptingWall, firstInput } = scriptingUntilMark(trace.traceEvents);
    return { scripting, scriptingWall, untilInput: navigation ? (firstInput - navigation.ts) / 1000 : wall };
  } finally {
    await context.close();
  }
}

const names = Object.keys(PAGES);
const results = Object.fromEntries(names.map((n) => [n, []]));
try {
  for (const name of names) await run(name); // warm up the server and the browser once
  for (let i = 0; i < RUNS; i++) for (const name of names) results[name].push(await run(name));
} finally {
  await browser.close();
  server.close();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const floor = median(results.floor.map((r) => r.scripting));
console.log(`cold load at ${THROTTLE}x CPU throttling, medians of ${RUNS} runs, scripting until the first input is there`);
console.log('| page | scripting (main thread CPU) | ratio to floor | scripting (wall, throttled) | first input at |');
console.log('| --- | --- | --- | --- | --- |');
for (const name of names) {
  const scripting = median(results[name].map((r) => r.scripting));
  const untilInput = median(results[name].map((r) => r.untilInput));
  const scriptingWall = median(results[name].map((r) => r.scriptingWall));
  const label = name === 'floor' ? 'floor (lit + zod/mini, one input)' : name.replace(/^([\w-]+)/, '`$1.js`');
  console.log(
    `| ${label} | ${scripting.toFixed(1)} ms | ${(scripting / floor).toFixed(2)} | ${scriptingWall.toFixed(0)} ms | ${untilInput.toFixed(0)} ms |`,
  );
}
