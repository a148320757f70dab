import { expect } from '@open-wc/testing';
import { createDemoBackend } from '../../demo/backend/index.js';
import { apiErrorBody } from '../../src/contract/common.js';
import { order as orderSchema } from '../../src/contract/checkout.js';

const origin = 'http://shop.test';

function call(
  backend: ReturnType<typeof createDemoBackend>,
  method: string,
  path: string,
  body?: unknown,
  key: string | null = crypto.randomUUID(),
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (key) headers['idempotency-key'] = key;
  return backend.handle(new Request(origin + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

async function errorOf(response: Response) {
  const parsed = apiErrorBody.parse(await response.json());
  return { status: response.status, ...parsed.error };
}

describe('demo backend: checkout API', () => {
  it('answers an order that matches the contract, and 404 for an unknown one', async () => {
    const backend = createDemoBackend();
    const ok = await call(backend, 'GET', '/api/checkout/orders/demo-1200');
    expect(ok.status).to.equal(200);
    expect(orderSchema.safeParse(await ok.json()).success).to.equal(true);
    expect(await errorOf(await call(backend, 'GET', '/api/checkout/orders/nope'))).to.include({ status: 404, code: 'order_not_found' });
  });

  it('pays with one code that holds enough, and spends it', async () => {
    const backend = createDemoBackend();
    const paid = await call(backend, 'POST', '/api/checkout/orders/demo-1200/payments', { brand: 'webmoney', codes: ['wm00000000002000'] });
    expect(paid.status).to.equal(200);
    const order = orderSchema.parse(await paid.json());
    expect(order.status).to.equal('paid');
    expect(order.payments).to.deep.equal([{ brand: 'webmoney', amount: 1200, masked: '••••••••••••2000' }]);
    expect(backend.issuer.lookup('webmoney', 'wm00000000002000')).to.deep.include({ kind: 'valid', balance: 800 });
    const again = await call(backend, 'POST', '/api/checkout/orders/demo-1200/payments', {
      brand: 'webmoney',
      codes: ['wm00000000002000'],
    });
    expect(await errorOf(again)).to.include({ status: 409, code: 'order_not_open' });
  });

  it('is all or nothing: a short total charges nothing and says the shortfall', async () => {
    const backend = createDemoBackend();
    const short = await call(backend, 'POST', '/api/checkout/orders/demo-1200/payments', {
      brand: 'webmoney',
      codes: ['wm00000000000500'],
    });
    expect(await errorOf(short)).to.include({ status: 402, code: 'insufficient_balance', shortfall: 700 });
    expect(backend.issuer.lookup('webmoney', 'wm00000000000500')).to.deep.include({ balance: 500 });
    const both = await call(backend, 'POST', '/api/checkout/orders/demo-1200/payments', {
      brand: 'webmoney',
      codes: ['wm00000000000500', 'wm00000000001000'],
    });
    const order = orderSchema.parse(await both.json());
    expect(order.payments?.map((p) => p.amount)).to.deep.equal([500, 700]);
  });

  it('replays the first answer to the same key and body, and charges once', async () => {
    const backend = createDemoBackend();
    const key = crypto.randomUUID();
    const body = { brand: 'webmoney', codes: ['wm00000000005000'] };
    const first = await call(backend, 'POST', '/api/checkout/orders/demo-500/payments', body, key);
    const second = await call(backend, 'POST', '/api/checkout/orders/demo-500/payments', body, key);
    expect(second.status).to.equal(200);
    expect(await second.json()).to.deep.equal(await first.json());
    expect(backend.issuer.lookup('webmoney', 'wm00000000005000')).to.deep.include({ balance: 4500 });
  });

  it('answers 409 idempotency_conflict to the same key with another body, and while in flight', async () => {
    const backend = createDemoBackend();
    const key = crypto.randomUUID();
    const a = call(backend, 'POST', '/api/checkout/orders/demo-500/payments', { brand: 'webmoney', codes: ['wm00000000005000'] }, key);
    const b = call(backend, 'POST', '/api/checkout/orders/demo-500/payments', { brand: 'webmoney', codes: ['wm00000000005000'] }, key);
    const [, inFlight] = await Promise.all([a, b]);
    expect(await errorOf(inFlight)).to.include({ status: 409, code: 'idempotency_conflict' });
    const other = await call(
      backend,
      'POST',
      '/api/checkout/orders/demo-500/payments',
      { brand: 'webmoney', codes: ['wm00000000009000'] },
      key,
    );
    expect(await errorOf(other)).to.include({ status: 409, code: 'idempotency_conflict' });
  });

  it('scopes keys to their path', async () => {
    const backend = createDemoBackend();
    const key = crypto.randomUUID();
    const balance = await call(
      backend,
      'POST',
      '/api/checkout/orders/demo-500/balance',
      { brand: 'webmoney', code: 'wm00000000005000' },
      key,
    );
    expect(balance.status).to.equal(200);
    const payment = await call(
      backend,
      'POST',
      '/api/checkout/orders/demo-500/payments',
      { brand: 'webmoney', codes: ['wm00000000005000'] },
      key,
    );
    expect(payment.status).to.equal(200);
  });

  const refusals: [string, unknown, string, number, string?][] = [
    ['a code that does not exist', { brand: 'webmoney', codes: ['zzzzzzzzzzzzzzzz'] }, 'invalid_code', 422, 'codes.0'],
    ['a used code', { brand: 'webmoney', codes: ['wm00000000005000', 'wmused0000000000'] }, 'code_used', 422, 'codes.1'],
    ['an expired code', { brand: 'nanaco', codes: ['nnexpired0000000'] }, 'code_expired', 422, 'codes.0'],
    ['NET CASH in the wrong case', { brand: 'netcash', codes: ['nc00000000005000'] }, 'invalid_code', 422, 'codes.0'],
    [
      'a BitCash ST card at an EX-only merchant',
      { brand: 'bitcash', codes: ['かきくけこさしすせそたちつてとな'] },
      'rating_not_allowed',
      422,
      'codes.0',
    ],
    ['the provider down', { brand: 'webmoney', codes: ['wmunavailable000'] }, 'provider_unavailable', 503],
    ['a body that fails the schema', { brand: 'webmoney', codes: ['short'] }, 'invalid_request', 400, 'codes.0'],
    ['an unknown field', { brand: 'webmoney', codes: ['wm00000000005000'], pin: '1234' }, 'invalid_request', 400, 'pin'],
    [
      'more codes than allowed',
      { brand: 'nanaco', codes: ['nn00000000000100', 'nn00000000000200', 'nn00000000000300'] },
      'invalid_request',
      400,
      'codes',
    ],
    ['a return URL for a brand that takes codes', { brand: 'webmoney', returnUrl: 'http://shop.test/' }, 'invalid_request', 400, 'codes'],
  ];
  for (const [name, body, code, status, field] of refusals) {
    it(`refuses ${name}`, async () => {
      const backend = createDemoBackend();
      const response = await call(backend, 'POST', '/api/checkout/orders/demo-3000/payments', body);
      const error = await errorOf(response);
      expect(error).to.include({ status, code });
      if (field) expect(error.field).to.equal(field);
    });
  }

  it('requires an Idempotency-Key', async () => {
    const backend = createDemoBackend();
    const response = await call(
      backend,
      'POST',
      '/api/checkout/orders/demo-500/payments',
      { brand: 'webmoney', codes: ['wm00000000005000'] },
      null,
    );
    expect(await errorOf(response)).to.include({ status: 400, code: 'invalid_request' });
  });

  it('locks an order out after repeated wrong codes, with retryAfter, then lets it try again', async () => {
    let now = Date.parse('2026-11-23T10:00:00Z');
    const backend = createDemoBackend({ now: () => new Date(now), lockout: { limit: 3, seconds: 60 } });
    for (let i = 0; i < 3; i++) {
      const wrong = await call(backend, 'POST', '/api/checkout/orders/demo-500/payments', {
        brand: 'webmoney',
        codes: [`zzzzzzzzzzzzzzz${i}`],
      });
      expect(wrong.status).to.equal(422);
    }
    const locked = await call(backend, 'POST', '/api/checkout/orders/demo-500/payments', {
      brand: 'webmoney',
      codes: ['wm00000000005000'],
    });
    expect(await errorOf(locked)).to.include({ status: 429, code: 'too_many_attempts', retryAfter: 60 });
    now += 61_000;
    const after = await call(backend, 'POST', '/api/checkout/orders/demo-500/payments', { brand: 'webmoney', codes: ['wm00000000005000'] });
    expect(after.status).to.equal(200);
  });

  it('starts a redirect payment and completes it on the sandbox issuer page', async () => {
    const backend = createDemoBackend();
    const start = await call(backend, 'POST', '/api/checkout/orders/demo-500/payments', {
      brand: 'netcash',
      returnUrl: 'http://shop.test/checkout.html?order=demo-500',
    });
    const { redirectUrl } = (await start.json()) as { redirectUrl: string };
    expect(redirectUrl).to.match(/^http:\/\/shop\.test\/sandbox\/issuer\//);
    const page = await backend.handle(new Request(redirectUrl));
    expect(await page.text()).to.contain('¥500');
    const back = await backend.handle(new Request(`${redirectUrl}/pay`, { method: 'POST' }));
    expect(back.status).to.equal(303);
    expect(back.headers.get('location')).to.equal('http://shop.test/checkout.html?order=demo-500');
    const order = orderSchema.parse(await (await call(backend, 'GET', '/api/checkout/orders/demo-500')).json());
    expect(order.status).to.equal('paid');
    expect(order.payments?.[0]?.brand).to.equal('netcash');
  });

  it('creates fresh demo orders from templates', async () => {
    const backend = createDemoBackend();
    const created = await backend.handle(
      new Request(`${origin}/api/demo/orders`, { method: 'POST', body: JSON.stringify({ template: 'gems-1200' }) }),
    );
    const order = orderSchema.parse(await created.json());
    expect(order).to.include({ amount: 1200, status: 'open' });
    expect(backend.orders.get(order.order)).to.not.equal(undefined);
  });

  it('creates a demo order with its own brand list, and refuses a list that is not one', async () => {
    const backend = createDemoBackend();
    const brands = [
      { id: 'nanaco', mode: 'collect', maxCodes: 2 },
      { id: 'webmoney', mode: 'collect' },
    ];
    const created = await call(backend, 'POST', '/api/demo/orders', { template: 'gems-500', brands });
    expect(created.status).to.equal(201);
    expect(orderSchema.parse(await created.json())).to.deep.include({ amount: 500, brands });
    expect(await errorOf(await call(backend, 'POST', '/api/demo/orders', { template: 'gems-500', brands: [{ id: 'nanaco' }] }))).to.include(
      {
        status: 400,
        code: 'invalid_request',
        field: 'brands',
      },
    );
  });

  it('creates a demo claim with a method given by its terms, beside ids (default terms, default order)', async () => {
    const backend = createDemoBackend();
    const wallet = { method: 'somewallet', fee: 50, arrival: 'instant', max: 9000 };
    const created = await call(backend, 'POST', '/api/demo/claims', { amount: 1000, purpose: 'reward', methods: ['quo', wallet, 'atm'] });
    expect(created.status).to.equal(201);
    const { claim } = (await created.json()) as { claim: { methods: unknown[] } };
    expect(claim.methods).to.deep.equal([
      { method: 'atm', fee: 220, arrival: 'instant', max: 100_000 },
      { method: 'quo', fee: 0, arrival: 'instant', max: 10_000 },
      wallet,
    ]);
    expect(
      await errorOf(
        await call(backend, 'POST', '/api/demo/claims', { amount: 1000, purpose: 'reward', methods: [{ method: 'x', fee: -1 }] }),
      ),
    ).to.include({
      status: 400,
      field: 'methods',
    });
  });
});
