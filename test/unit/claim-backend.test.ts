import { expect } from '@open-wc/testing';
import { createDemoBackend } from '../../demo/backend/index.js';
import { claim as claimSchema } from '../../src/contract/claim.js';
import { apiErrorBody } from '../../src/contract/common.js';

const origin = 'http://shop.test';

function post(backend: ReturnType<typeof createDemoBackend>, token: string, body: unknown, key = crypto.randomUUID()) {
  return backend.handle(
    new Request(`${origin}/api/claims/${token}/claim`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    }),
  );
}
const get = (backend: ReturnType<typeof createDemoBackend>, token: string) => backend.handle(new Request(`${origin}/api/claims/${token}`));
const account = { bankCode: '0005', branchCode: '001', type: 'ordinary', number: '1234567', holder: 'ﾔﾏﾀﾞ ﾀﾛｳ' };

describe('demo backend: claim API', () => {
  it('answers claims that match the contract', async () => {
    const backend = createDemoBackend();
    for (const token of ['demo-refund', 'demo-payout', 'demo-expired', 'demo-canceled', 'demo-completed']) {
      const response = await get(backend, token);
      expect(claimSchema.safeParse(await response.json()).success, token).to.equal(true);
    }
  });

  it('takes a bank transfer to processing, then completed after the sandbox delay', async () => {
    let now = Date.now();
    const backend = createDemoBackend({ now: () => new Date(now), bankDelayMs: 10_000 });
    const first = claimSchema.parse(await (await post(backend, 'demo-refund', { method: 'bank', account })).json());
    expect(first.status).to.equal('processing');
    expect(first.result).to.deep.include({ method: 'bank', masked: '***4567', bankName: '三菱ＵＦＪ' });
    now += 10_000;
    expect(claimSchema.parse(await (await get(backend, 'demo-refund')).json()).status).to.equal('completed');
  });

  it('returns a transfer for the holder_mismatch test account as a retryable failure', async () => {
    let now = Date.now();
    const backend = createDemoBackend({ now: () => new Date(now), bankDelayMs: 1 });
    await post(backend, 'demo-refund', { method: 'bank', account: { ...account, number: '1111111' } });
    now += 5;
    const failed = claimSchema.parse(await (await get(backend, 'demo-refund')).json());
    expect(failed).to.deep.include({ status: 'failed', failure: { code: 'holder_mismatch', retryable: true } });
    const again = await post(backend, 'demo-refund', { method: 'atm' });
    expect(again.status).to.equal(200);
  });

  const refusals: [string, string, unknown, number, string, string?][] = [
    [
      'a holder name in kanji',
      'demo-refund',
      { method: 'bank', account: { ...account, holder: '山田' } },
      400,
      'invalid_request',
      'account.holder',
    ],
    [
      'an account number not padded',
      'demo-refund',
      { method: 'bank', account: { ...account, number: '12345' } },
      400,
      'invalid_request',
      'account.number',
    ],
    [
      'an unknown branch',
      'demo-refund',
      { method: 'bank', account: { ...account, branchCode: '999' } },
      422,
      'invalid_account',
      'account.branchCode',
    ],
    ['a method not offered', 'demo-cashback', { method: 'atm' }, 422, 'method_not_available', 'method'],
    ['an amount over the method limit', 'demo-payout', { method: 'quo' }, 422, 'over_method_limit', 'method'],
    ['an expired claim', 'demo-expired', { method: 'atm' }, 410, 'claim_expired'],
    ['a claim already completed', 'demo-completed', { method: 'atm' }, 409, 'claim_not_open'],
    ['an unknown token', 'nope', { method: 'atm' }, 404, 'claim_not_found'],
    ['a wallet without returnUrl', 'demo-refund', { method: 'amazon' }, 400, 'invalid_request'],
  ];
  for (const [name, token, body, status, code, field] of refusals) {
    it(`refuses ${name}`, async () => {
      const response = await post(createDemoBackend(), token, body);
      const error = apiErrorBody.parse(await response.json()).error;
      expect({ status: response.status, code: error.code }).to.deep.equal({ status, code });
      if (field) expect(error.field).to.equal(field);
    });
  }

  it('replays the same key and body, and conflicts on another body', async () => {
    const backend = createDemoBackend();
    const key = crypto.randomUUID();
    const a = await (await post(backend, 'demo-refund', { method: 'atm' }, key)).json();
    const b = await (await post(backend, 'demo-refund', { method: 'atm' }, key)).json();
    expect(b).to.deep.equal(a);
    const c = await post(backend, 'demo-refund', { method: 'quo' }, key);
    expect(c.status).to.equal(409);
  });

  it('issues new claims for the demo', async () => {
    const backend = createDemoBackend();
    const response = await backend.handle(
      new Request(`${origin}/api/demo/claims`, {
        method: 'POST',
        body: JSON.stringify({ amount: 1500, purpose: 'cashback', methods: ['quo', 'atm'] }),
      }),
    );
    const { token } = (await response.json()) as { token: string };
    const issued = claimSchema.parse(await (await get(backend, token)).json());
    expect(issued).to.deep.include({ amount: 1500, purpose: 'cashback', status: 'open' });
    expect(issued.methods.map((m) => m.method)).to.deep.equal(['atm', 'quo']);
  });
});
