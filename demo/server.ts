/**
 * The demo's mount of the merchant backend (src/server/) with the sandbox providers, as node middleware
 * for vite's dev server (`npm start`), the test runner's server and the dist check: DEMO on, PGlite on disk
 * (`.data/pglite`, so that the demo keeps its orders and claims across restarts) or in memory, and
 * PostgreSQL instead when DATABASE_URL is set.
 */
import { configFromEnv, openStore } from '../src/server/config.js';
import { toNodeMiddleware } from '../src/server/node.js';
import { createSandboxBackend, type SandboxBackend } from '../src/server/sandbox/index.js';
import { zenginDirectory } from '../src/server/zengin-directory.js';

export interface DemoMountOptions {
  publicOrigin: string;
  /** PGlite's folder; `memory` for none. */
  dataDir: string;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
}

export async function createDemoServer({ publicOrigin, dataDir, env = process.env, log }: DemoMountOptions) {
  const config = configFromEnv({ ...env, PUBLIC_ORIGIN: env.PUBLIC_ORIGIN ?? publicOrigin, DATA_DIR: env.DATA_DIR ?? dataDir, DEMO: '1' });
  const url = new URL(config.publicOrigin);
  // The same page opened as localhost or 127.0.0.1 may come back to either.
  const twins =
    url.hostname === 'localhost'
      ? [`${url.protocol}//127.0.0.1:${url.port}`]
      : url.hostname === '127.0.0.1'
        ? [`${url.protocol}//localhost:${url.port}`]
        : [];
  const backend: SandboxBackend = await createSandboxBackend({
    sql: await openStore(config),
    publicOrigin: config.publicOrigin,
    allowedReturnOrigins: env.ALLOWED_RETURN_ORIGINS ? config.allowedReturnOrigins : [...config.allowedReturnOrigins, ...twins],
    demo: true,
    latencyMs: config.sandboxLatencyMs,
    ...(config.verificationSecret ? { verificationSecret: config.verificationSecret } : {}),
    banks: zenginDirectory,
    ...(log ? { log } : {}),
  });
  return { backend, middleware: toNodeMiddleware(backend.handle, ['/api/', '/sandbox/'], config.publicOrigin) };
}
