// `npm start`: the demo pages with the merchant backend (src/server/, sandbox providers, DEMO on) mounted in
// the same process, on PGlite in .data/pglite (or DATABASE_URL). The library build is scripts/build.mjs.
import type { AddressInfo } from 'node:net';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './demo/csp.js';
import { createDemoServer } from './demo/server.js';
import { bankDataMiddleware } from './scripts/bank-data.mjs';

function demoBackend(): Plugin {
  const banks = bankDataMiddleware('/banks/');
  return {
    name: 'ppw-demo-backend',
    configureServer(server) {
      // The public origin is where vite really listens (it may move to another port).
      let mounted: ReturnType<typeof createDemoServer> | undefined;
      server.httpServer?.once('listening', () => {
        const { port } = server.httpServer!.address() as AddressInfo;
        mounted = createDemoServer({ publicOrigin: `http://localhost:${port}`, dataDir: '.data/pglite' });
        mounted.catch((error: unknown) => server.config.logger.error(`demo backend: ${String(error)}`));
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0]!;
        if (path === '/' || path.endsWith('.html')) res.setHeader('content-security-policy', contentSecurityPolicy(true));
        banks(req, res, () => {
          if (!mounted) return next();
          mounted.then(({ middleware }) => middleware(req, res, next)).catch(next);
        });
      });
    },
  };
}

export default defineConfig({
  root: 'demo',
  publicDir: false,
  server: { host: 'localhost', port: Number(process.env.PORT ?? 5173), strictPort: false, fs: { allow: ['..'] } },
  plugins: [demoBackend()],
});
