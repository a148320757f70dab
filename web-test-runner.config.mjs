// Browser tests in Debian's Chromium (no browser downloads here). The demo backend is also mounted
// on the test server, so that tests can talk to it over real HTTP.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
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

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
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
