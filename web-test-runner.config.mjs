// Browser tests in Debian's Chromium (no browser downloads here). The demo backend is also mounted
// on the test server, so that tests can talk to it over real HTTP.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { runnerImport } from 'vite';
import { bankDataMiddleware } from './scripts/bank-data.mjs';

// The merchant backend (src/server/, sandbox, DEMO on) on an in-memory PGlite, for tests over real HTTP;
// mounted once the test server listens, with its origin as the public origin.
const { module: demoServer } = await runnerImport('./demo/server.ts');
let backendMiddleware = async (_req, _res, next) => next();
function mountBackend() {
  return {
    name: 'ppw-merchant-backend',
    async serverStart({ server }) {
      const port = await new Promise((resolve) =>
        server.listening ? resolve(server.address().port) : server.once('listening', () => resolve(server.address().port)),
      );
      ({ middleware: backendMiddleware } = await demoServer.createDemoServer({
        publicOrigin: `http://localhost:${port}`,
        dataDir: 'memory',
        env: {},
        log: () => undefined,
      }));
    },
  };
}

const { module: cspModule } = await runnerImport('./demo/csp.ts');
const strictPolicy = cspModule.contentSecurityPolicy(false);

// The bank and branch files, as the build writes them to dist/banks/.
const serveBanks = bankDataMiddleware('/banks/');

// PGlite (the server module's store, run in the page by the element tests) imports Node built-ins
// dynamically on its Node-only paths; in the browser those imports are never taken, so they resolve to a stub.
const NODE_BUILTINS = new Set(['fs', 'fs/promises', 'node:module', 'stream', 'stream/promises', 'util', 'zlib']);
function nodeBuiltinsStub() {
  return {
    name: 'ppw-node-builtins-stub',
    resolveImport({ source }) {
      if (NODE_BUILTINS.has(source)) return '/__node-builtin-stub.js';
    },
    serve(context) {
      if (context.path === '/__node-builtin-stub.js') return { body: 'export default {};', type: 'js' };
    },
  };
}
// The Japanese holiday data (src/server/business-days.ts, run in the page by the element tests) ships as CommonJS
// only: its one file is served as an ES module that esbuild bundles from it (its default export the data).
const HOLIDAY_DATA = '/node_modules/@holiday-jp/holiday_jp/lib/holidays.js';
const holidayData = {
  name: 'ppw-holiday-data',
  async transform(context) {
    if (context.path !== HOLIDAY_DATA) return;
    const result = await build({
      entryPoints: [`.${HOLIDAY_DATA}`],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      logLevel: 'silent',
    });
    return { body: result.outputFiles[0].text };
  },
};
// React and Vue, for test/elements/frameworks.test.ts only. React ships CommonJS only (no ES module build), so
// test/helpers/react.ts is served as one ES module that esbuild bundles from it: one copy of React, with
// process.env.NODE_ENV defined. This runs after the TypeScript transform and replaces that one file's body.
// Vue ships a browser-ready ES module of its full build (runtime and template compiler, development
// warnings): a bare 'vue' is resolved to it, with nothing to transform.
const REACT_HELPER = '/test/helpers/react.ts';
const frameworks = {
  name: 'frameworks',
  resolveImport({ source }) {
    if (source === 'vue') return '/node_modules/vue/dist/vue.esm-browser.js';
  },
  async transform(context) {
    if (context.path !== REACT_HELPER) return;
    const result = await build({
      entryPoints: [`.${REACT_HELPER}`],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      define: { 'process.env.NODE_ENV': '"development"' },
      logLevel: 'silent',
    });
    return { body: result.outputFiles[0].text };
  },
};

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts', '!test/server/**'],
  nodeResolve: true,
  // One test file at a time: a file in a background tab has no focus (:focus, activeElement), and the element
  // tests' in-page PGlite makes two at once on 2 cores slower, not faster.
  concurrency: 1,
  // The element tests run the real server module on PGlite in the page: more time on a busy 2-core machine.
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 10000 } },
  plugins: [
    mountBackend(),
    nodeBuiltinsStub(),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    frameworks,
    holidayData,
  ],
  middleware: [
    // PGlite's wasm and file-system bundle, sent as raw bytes (the dev server's transforms treat bodies as text).
    async (ctx, next) => {
      if (!/^\/node_modules\/@electric-sql\/pglite\/dist\/[\w.-]+\.(?:wasm|data)$/.test(ctx.path)) return next();
      const bytes = await readFile(`.${ctx.path}`);
      ctx.respond = false;
      ctx.res.writeHead(200, {
        'content-type': ctx.path.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream',
        'content-length': bytes.length,
      });
      ctx.res.end(bytes);
    },
    async (ctx, next) => {
      if (!ctx.path.startsWith('/banks/')) return next();
      const served = await new Promise((resolve) => {
        serveBanks(ctx.req, ctx.res, () => resolve(false));
        if (ctx.res.writableEnded) resolve(true);
      });
      if (served) ctx.respond = false;
      else return next();
    },
    async (ctx, next) => {
      await next();
      if (ctx.path.startsWith('/test/csp/') && ctx.path.endsWith('.html')) ctx.set('content-security-policy', strictPolicy);
    },
    (ctx, next) =>
      new Promise((resolve, reject) => {
        backendMiddleware(ctx.req, ctx.res, () => next().then(resolve, reject)).then(() => {
          if (ctx.res.writableEnded) {
            ctx.respond = false;
            resolve();
          }
        }, reject);
      }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--lang=ja',
          // Two test files run at once, one in a background tab: keep its timers running.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
