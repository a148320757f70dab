/**
 * `npm run serve`: the backend alone on plain node:http. The APIs at /api/checkout and /api/claims, the
 * sandbox's pages at /sandbox/, the built widgets (`dist/`) at /widgets/, the demo routes with DEMO=1.
 * Configuration from the environment (config.ts).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { configFromEnv, openStore } from './config.js';
import { sendResponse, toRequest } from './node.js';
import { createSandboxBackend } from './sandbox/index.js';
import { zenginDirectory } from './zengin-directory.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export async function serve(env: Record<string, string | undefined> = process.env, widgetsDir = 'dist') {
  const config = configFromEnv(env);
  const sql = await openStore(config);
  const backend = await createSandboxBackend({
    sql,
    publicOrigin: config.publicOrigin,
    allowedReturnOrigins: config.allowedReturnOrigins,
    demo: config.demo,
    latencyMs: config.sandboxLatencyMs,
    ...(config.verificationSecret ? { verificationSecret: config.verificationSecret } : {}),
    banks: zenginDirectory,
  });
  const root = resolve(widgetsDir);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path.startsWith('/widgets/') && (req.method === 'GET' || req.method === 'HEAD')) {
      const file = normalize(join(root, decodeURIComponent(path.slice('/widgets/'.length)) || 'claim.html'));
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      readFile(file).then(
        (bytes) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(bytes),
        () => res.writeHead(404).end(),
      );
      return;
    }
    backend
      .handle(toRequest(req, config.publicOrigin), { clientAddress: req.socket.remoteAddress ?? '' })
      .then((response) => sendResponse(req, res, response))
      .catch(() => res.writeHead(500).end());
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((done) => server.listen(config.port, config.host, done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    server,
    backend,
    port,
    config,
    async close() {
      await new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await backend.close();
    },
  };
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${resolve(process.argv[1])}`).href;
if (isMain) {
  const running = await serve();
  console.log(
    `merchant backend on http://${running.config.host}:${running.port} (public origin ${running.config.publicOrigin}; ${running.config.databaseUrl ? 'PostgreSQL' : `PGlite ${running.config.dataDir ?? 'in memory'}`}${running.config.demo ? '; DEMO' : ''})`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void running.close().then(() => process.exit(0)));
}
