// Browser tests in Debian's Chromium (no browser downloads here). The demo backend is also mounted
// on the test server, so that tests can talk to it over real HTTP.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build } from 'esbuild';
import { runnerImport } from 'vite';
import { bankDataMiddleware } from './scripts/bank-data.mjs';

const { module: backendModule } = await runnerImport('./demo/backend/index.ts');
const { module: adapterModule } = await runnerImport('./demo/backend/node-adapter.ts');
const backend = backendModule.createDemoBackend();
const backendMiddleware = adapterModule.toNodeMiddleware(backend.handle, ['/api/', '/sandbox/']);

const { module: cspModule } = await runnerImport('./demo/csp.ts');
const strictPolicy = cspModule.contentSecurityPolicy(false);

// The bank and branch files, as the build writes them to dist/banks/.
const serveBanks = bankDataMiddleware('/banks/');

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
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), frameworks],
  middleware: [
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
