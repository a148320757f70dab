/**
 * Mounts a fetch-style handler on Node's http server (vite's dev server, the test runner's server).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from './http.js';

export function toNodeMiddleware(handler: Handler, prefixes: readonly string[]) {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (!prefixes.some((p) => path.startsWith(p))) return next();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(new URL(req.url ?? '/', origin), {
      method: req.method ?? 'GET',
      headers,
      body: hasBody ? Buffer.concat(chunks) : undefined,
    });
    const response = await handler(request);
    res.statusCode = response.status;
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.end(Buffer.from(await response.arrayBuffer()));
  };
}
