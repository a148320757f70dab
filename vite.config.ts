// `npm start`: the demo pages with the thin merchant backend mounted in the same process.
// (The library build is scripts/build.mjs, one self-contained bundle per entry.)
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './demo/csp.js';
import { createDemoBackend } from './demo/backend/index.js';
import { toNodeMiddleware } from './demo/backend/node-adapter.js';
import { bankDataMiddleware, zenginDirectory } from './scripts/bank-data.mjs';

function demoBackend(): Plugin {
  const backend = createDemoBackend({ banks: zenginDirectory });
  const middleware = toNodeMiddleware(backend.handle, ['/api/', '/sandbox/']);
  const banks = bankDataMiddleware('/banks/');
  return {
    name: 'ppw-demo-backend',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0]!;
        if (path === '/' || path.endsWith('.html')) res.setHeader('content-security-policy', contentSecurityPolicy(true));
        banks(req, res, () => void middleware(req, res, next).catch(next));
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
