/**
 * Mounts the fetch-style backend on node:http (a plain server, vite's dev server, the test runner's).
 * The body is handed over as a stream, so that the 16 KiB bound is decided while reading; whatever the
 * handler did not read is not read at all (the connection is closed after the answer).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { RequestInfo } from './backend.js';

export type FetchHandler = (request: Request, info?: RequestInfo) => Promise<Response>;

export function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), {
    method: req.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  } as RequestInit);
}

export async function sendResponse(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  if (!req.readableEnded && req.method !== 'GET' && req.method !== 'HEAD') res.setHeader('connection', 'close');
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * A node middleware `(req, res, next)` for paths under `prefixes`. `origin` only makes the Request's URL
 * absolute; the backend builds its own URLs from its configured public origin, never from `Host`.
 */
export function toNodeMiddleware(handler: FetchHandler, prefixes: readonly string[], origin = 'http://localhost') {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (!prefixes.some((p) => path.startsWith(p))) return next();
    const response = await handler(toRequest(req, origin), { clientAddress: req.socket.remoteAddress ?? '' });
    await sendResponse(req, res, response);
  };
}
