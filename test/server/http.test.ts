/**
 * The backend behind plain node:http (`npm run serve`), over 127.0.0.1: bounds decided while reading,
 * JSON only, hostile bodies, demo routes only with DEMO=1, logs without secrets.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { serve } from '../../src/server/serve.js';

type Running = Awaited<ReturnType<typeof serve>>;
let demo: Running;
let plain: Running;
const lines: string[] = [];

before(async () => {
  const log = console.log;
  console.log = (line: string) => void lines.push(String(line));
  try {
    demo = await serve({
      PORT: '0',
      DATA_DIR: 'memory',
      DEMO: '1',
      PUBLIC_ORIGIN: 'https://shop.test',
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    });
    plain = await serve({ PORT: '0', DATA_DIR: 'memory', PUBLIC_ORIGIN: 'https://shop.test' });
  } finally {
    console.log = log;
  }
});
after(async () => {
  await demo.close();
  await plain.close();
});

/** A streamed request: `total` bytes in chunks; resolves with the status and how many bytes went out before the answer. */
function stream(
  port: number,
  path: string,
  total: number,
  headers: Record<string, string>,
): Promise<{ status: number; sentBeforeAnswer: number; body: string }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers }, (res) => {
      answered = true;
      const sentBeforeAnswer = sent;
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, sentBeforeAnswer, body }));
    });
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

async function fetchJson(port: number, path: string, init: RequestInit = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, init);
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers of many shapes
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

const jsonHeaders = { 'content-type': 'application/json', 'idempotency-key': 'k-1' };

describe('over node:http', () => {
  it('answers 413 at once to a declared 10 MB body', async () => {
    const response = await stream(demo.port, '/api/checkout/orders/demo-500/payments', 10 * 1024 * 1024, {
      ...jsonHeaders,
      'content-length': String(10 * 1024 * 1024),
    });
    assert.equal(response.status, 413);
    assert.equal(JSON.parse(response.body).error.code, 'payload_too_large');
    assert.ok(response.sentBeforeAnswer < 10 * 1024 * 1024, `sent ${response.sentBeforeAnswer}`);
  });

  it('answers 413 to a chunked 10 MB body after reading past 16 KiB, before the client has sent it all', async () => {
    const response = await stream(demo.port, '/api/checkout/orders/demo-500/payments', 10 * 1024 * 1024, {
      ...jsonHeaders,
      'transfer-encoding': 'chunked',
    });
    assert.equal(response.status, 413);
    assert.ok(response.sentBeforeAnswer < 10 * 1024 * 1024, `sent ${response.sentBeforeAnswer}`);
  });

  it('answers 415 to a body that is not JSON', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', '']) {
      const r = await fetchJson(demo.port, '/api/checkout/orders/demo-500/payments', {
        method: 'POST',
        headers: { 'idempotency-key': 'k', ...(type ? { 'content-type': type } : {}) },
        body: 'brand=webmoney',
      });
      assert.deepEqual([r.status, r.body.error.code], [415, 'unsupported_media_type'], type);
    }
  });

  const hostile: [string, string][] = [
    ['not JSON', '{"brand": "webmoney", '],
    ['nested 5000 deep', '['.repeat(5000) + ']'.repeat(5000)],
    ['a 15 KiB code', JSON.stringify({ brand: 'webmoney', codes: ['a'.repeat(15 * 1024)] })],
    ['a __proto__ key', '{"brand":"webmoney","codes":["wm00000000005000"],"__proto__":{"admin":true}}'],
    ['a number for the brand', '{"brand":1e308,"codes":[]}'],
    ['invalid UTF-8', '\uFFFD'],
    ['800 codes', JSON.stringify({ brand: 'webmoney', codes: Array.from({ length: 800 }, () => 'wm0000000000500') })],
  ];
  for (const [name, body] of hostile) {
    it(`answers 400 to ${name}`, async () => {
      const bytes = name === 'invalid UTF-8' ? Buffer.from([0x7b, 0xff, 0xfe, 0x7d]) : body;
      const r = await fetchJson(demo.port, '/api/checkout/orders/demo-500/payments', {
        method: 'POST',
        headers: { ...jsonHeaders, 'idempotency-key': crypto.randomUUID() },
        body: bytes,
      });
      assert.deepEqual([r.status, r.body.error.code], [400, 'invalid_request']);
      assert.equal((await fetchJson(demo.port, '/api/checkout/orders/demo-500')).body.status, 'open');
    });
  }

  it('has the demo routes only with DEMO=1, and checks their bodies', async () => {
    const created = await fetchJson(demo.port, '/api/demo/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ template: 'gems-1200' }),
    });
    assert.equal(created.status, 201);
    assert.equal(created.body.amount, 1200);
    const bad = await fetchJson(demo.port, '/api/demo/claims', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: -5, purpose: 'refund' }),
    });
    assert.deepEqual([bad.status, bad.body.error.field], [400, 'amount']);
    const claim = await fetchJson(demo.port, '/api/demo/claims', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount: 1500, purpose: 'cashback', methods: ['quo', 'atm'] }),
    });
    assert.equal(claim.status, 201);
    assert.deepEqual(
      claim.body.claim.methods.map((m: { method: string }) => m.method),
      ['atm', 'quo'],
    );
    for (const path of ['/api/demo/orders', '/api/demo/claims', '/api/demo/reset']) {
      const absent = await fetchJson(plain.port, path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ template: 'gems-1200' }),
      });
      assert.equal(absent.status, 404, path);
    }
    assert.equal((await fetchJson(plain.port, '/api/checkout/orders/demo-500')).status, 404);
  });

  it('logs one line per request, without tokens, codes or account numbers', async () => {
    const log = console.log;
    lines.length = 0;
    console.log = (line: string) => void lines.push(String(line));
    try {
      await fetchJson(demo.port, '/api/checkout/orders/demo-1200/payments', {
        method: 'POST',
        headers: { ...jsonHeaders, 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ brand: 'webmoney', codes: ['wm00000000003141'] }),
      });
      await fetchJson(demo.port, '/api/claims/demo-refund/claim', {
        method: 'POST',
        headers: { ...jsonHeaders, 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({
          method: 'bank',
          account: { bankCode: '0005', branchCode: '001', type: 'ordinary', number: '7654321', holder: 'ﾔﾏﾀﾞ ﾀﾛｳ' },
        }),
      });
      await fetchJson(demo.port, '/api/claims/demo-refund');
    } finally {
      console.log = log;
    }
    assert.equal(lines.length, 3, lines.join('\n'));
    assert.match(lines[0]!, /^POST \/api\/checkout\/orders\/demo-1200\/payments 200 [\d.]+ms$/);
    assert.match(lines[2]!, /^GET \/api\/claims\/:token 200 [\d.]+ms$/);
    const all = lines.join('\n');
    for (const secret of ['demo-refund', 'wm00000000003141', '7654321']) assert.equal(all.includes(secret), false, secret);
  });

  it('serves the built widgets at /widgets/ when dist/ exists, and nothing outside it', async () => {
    const escaped = await fetch(`http://127.0.0.1:${demo.port}/widgets/%2e%2e/package.json`);
    assert.ok([403, 404].includes(escaped.status));
  });
});
