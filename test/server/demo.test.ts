/**
 * The demo routes (`DEMO=1`): order descriptions in the page's language, the sandbox reset; and the
 * sandbox's own pages in Japanese and English.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { claim as claimSchema } from '../../src/contract/claim.js';
import { order as orderSchema } from '../../src/contract/checkout.js';
import { seedDemo } from '../../src/server/demo.js';
import { langOfAcceptLanguage } from '../../src/server/sandbox/pages.js';
import type { SandboxBackend } from '../../src/server/sandbox/index.js';
import { openPglite, type Sql } from '../../src/server/sql.js';
import { backendOn, call, getOrder, ORIGIN, pay, TestClock, useBackend } from './helpers.js';

const shared = useBackend({ demo: true }, (b) => seedDemo(b.context));
let backend: SandboxBackend;
beforeEach(() => {
  ({ backend } = shared);
});

const reset = (body: unknown = {}) => call(backend, 'POST', '/api/demo/reset', body, null);
const page = async (path: string, headers: Record<string, string> = {}) => {
  const response = await backend.handle(new Request(ORIGIN + path, { headers }));
  return { status: response.status, headers: response.headers, text: await response.text() };
};

describe('demo: sandbox reset', () => {
  it('makes a spent code spendable again and a paid fixed order open again', async () => {
    const code = 'wm00000000000500';
    const paid = await pay(backend, 'demo-500', { brand: 'webmoney', codes: [code] });
    assert.equal(orderSchema.parse(paid.body).status, 'paid');
    assert.deepEqual(await backend.issuer.balance('webmoney', code), { kind: 'used' });

    const answer = await reset();
    assert.equal(answer.status, 200);
    assert.equal(answer.body.reset, true);
    assert.ok(answer.body.orders.includes('demo-500'));

    assert.equal(orderSchema.parse((await getOrder(backend, 'demo-500')).body).status, 'open');
    assert.deepEqual(await backend.issuer.balance('webmoney', code), { kind: 'valid', balance: 500, rating: 'EX' });
    const again = await pay(backend, 'demo-500', { brand: 'webmoney', codes: [code] });
    assert.deepEqual([again.status, orderSchema.parse(again.body).status], [200, 'paid']);
  });

  it('opens a received fixed claim again, keeps a fresh order as it is, and the final-state fixtures as seeded', async () => {
    const quo = await call(backend, 'POST', '/api/claims/demo-cashback/claim', { method: 'quo' });
    assert.equal(claimSchema.parse(quo.body).status, 'completed');
    const fresh = await call(backend, 'POST', '/api/demo/orders', { template: 'gems-500' }, null);
    await pay(backend, fresh.body.order, { brand: 'webmoney', codes: ['wm00000000000600'] });

    assert.equal((await reset()).status, 200);
    const claim = claimSchema.parse((await call(backend, 'GET', '/api/claims/demo-cashback')).body);
    assert.deepEqual([claim.status, claim.result], ['open', undefined]);
    assert.equal((await getOrder(backend, fresh.body.order)).body.status, 'paid');
    assert.equal((await getOrder(backend, 'demo-paid')).body.status, 'paid');
    assert.equal((await call(backend, 'GET', '/api/claims/demo-completed')).body.status, 'completed');
    // A second reset finds everything as seeded and says so again.
    assert.equal((await reset()).status, 200);
  });

  it('lifts the lockout of a fixed order', async () => {
    for (let i = 0; i < 5; i += 1) await pay(backend, 'demo-1200', { brand: 'webmoney', codes: [`zzzzzzzzzzzzzzz${i}`] });
    assert.equal((await pay(backend, 'demo-1200', { brand: 'webmoney', codes: ['wm00000000005000'] })).status, 429);
    await reset();
    assert.equal((await pay(backend, 'demo-1200', { brand: 'webmoney', codes: ['wm00000000005000'] })).status, 200);
  });

  it('checks its body like the other demo routes: {} only, POST only, JSON only', async () => {
    const extra = await reset({ everything: true });
    assert.equal(extra.status, 400);
    assert.equal(extra.body.error.code, 'invalid_request');
    assert.equal((await call(backend, 'GET', '/api/demo/reset', undefined, null)).status, 405);
    const text = await backend.handle(new Request(`${ORIGIN}/api/demo/reset`, { method: 'POST', body: '{}' }));
    assert.equal(text.status, 415);
  });
});

describe('demo: routes without DEMO=1', () => {
  let sql: Sql;
  let plain: SandboxBackend;
  before(async () => {
    sql = await openPglite();
    plain = await backendOn(sql, new TestClock());
  });
  after(() => sql.close());

  it('has no reset route, and no demo orders to reset', async () => {
    assert.equal((await call(plain, 'POST', '/api/demo/reset', {}, null)).status, 404);
    assert.equal((await getOrder(plain, 'demo-500')).status, 404);
  });
});

describe('demo: order descriptions in the page language', () => {
  it('lists the templates in ja or en (English without lang), and refuses another lang', async () => {
    const ja = await call(backend, 'GET', '/api/demo/orders?lang=ja', undefined, null);
    const en = await call(backend, 'GET', '/api/demo/orders?lang=en', undefined, null);
    const plain = await call(backend, 'GET', '/api/demo/orders', undefined, null);
    assert.equal(ja.body[1].description, 'ジェムパック（1,200ジェム）');
    assert.equal(en.body[1].description, 'Gem pack (1,200 gems)');
    assert.deepEqual(plain.body, en.body);
    assert.equal((await call(backend, 'GET', '/api/demo/orders?lang=fr', undefined, null)).status, 400);
  });

  it('makes an order with the description in the language asked (one string, as the contract has it)', async () => {
    const ja = await call(backend, 'POST', '/api/demo/orders', { template: 'pass-12000', lang: 'ja' }, null);
    assert.equal(orderSchema.parse(ja.body).description, '年間シーズンパス');
    const en = await call(backend, 'POST', '/api/demo/orders', { template: 'pass-12000' }, null);
    assert.equal(en.body.description, 'Annual season pass');
    assert.equal((await call(backend, 'POST', '/api/demo/orders', { template: 'pass-12000', lang: 'de' }, null)).status, 400);
  });
});

describe('sandbox pages in ja and en', () => {
  const issuerPage = async (returnUrl: string, headers: Record<string, string> = {}) => {
    const start = await pay(backend, 'demo-500', { brand: 'netcash', returnUrl });
    const url = new URL(start.body.redirectUrl as string);
    return page(url.pathname + url.search, headers);
  };

  it('shows the issuer page in the language of the page the shopper came from', async () => {
    const ja = await issuerPage(`${ORIGIN}/checkout.html?order=demo-500&lang=ja`, { 'accept-language': 'en' });
    assert.match(ja.text, /<html lang="ja">/);
    assert.match(ja.text, /ご注文（demo-500）の代金<strong>500円<\/strong>をお支払いください。/);
    assert.match(ja.text, /サンドボックス：実際のお金は動きません/);
    const en = await issuerPage(`${ORIGIN}/checkout.html?order=demo-500&lang=en`);
    assert.match(en.text, /<html lang="en">/);
    assert.match(en.text, /Pay ¥500/);
    assert.match(en.text, /action="\/sandbox\/issuer\/[0-9a-f-]+\/pay\?lang=en"/);
  });

  it('falls back to Accept-Language, then Japanese; ?lang= on the page wins (its switch)', async () => {
    const en = await issuerPage(`${ORIGIN}/checkout.html?order=demo-500`, { 'accept-language': 'fr-FR, en-US;q=0.8, ja;q=0.5' });
    assert.match(en.text, /<html lang="en">/);
    assert.equal(en.headers.get('content-language'), 'en');
    const ja = await issuerPage(`${ORIGIN}/checkout.html?order=demo-500`);
    assert.match(ja.text, /<html lang="ja">/);
    assert.equal((await page('/sandbox/atm?lang=en', { 'accept-language': 'ja' })).text.includes('Withdraw cash'), true);
    const atm = await page('/sandbox/atm');
    assert.match(atm.text, /受取番号/);
    assert.match(atm.text, /<a href="\/sandbox\/atm\?lang=ja" lang="ja" hreflang="ja" aria-current="true">日本語<\/a>/);
  });

  it('serves them with a CSP that allows no script, and escapes what they show', async () => {
    const token = (await call(backend, 'POST', '/api/demo/claims', { amount: 700, purpose: 'refund', payer: 'A&B <i>' }, null)).body.token;
    const started = await call(backend, 'POST', `/api/claims/${token}/claim`, {
      method: 'aupay',
      returnUrl: `${ORIGIN}/claim.html?lang=ja`,
    });
    const login = await page(new URL(started.body.next.redirectUrl).pathname);
    assert.match(login.headers.get('content-security-policy')!, /default-src 'none'/);
    assert.doesNotMatch(login.headers.get('content-security-policy')!, /script-src/);
    assert.match(login.text, /A&#38;B &#60;i&#62;から<strong>700円<\/strong>が届いています。ログインしてau PAY 残高でお受け取りください。/);
    assert.doesNotMatch(login.text, /<script|<i>/);
    const ended = await page('/sandbox/wallet/no-such-session', { 'accept-language': 'en' });
    assert.deepEqual([ended.status, /This sandbox login has ended/.test(ended.text)], [404, true]);
  });

  it('reads Accept-Language by weight', () => {
    assert.equal(langOfAcceptLanguage('en-GB,en;q=0.9,ja;q=0.8'), 'en');
    assert.equal(langOfAcceptLanguage('de, ja;q=0.7, en;q=0.6'), 'ja');
    assert.equal(langOfAcceptLanguage('en;q=0, ja;q=0.1'), 'ja');
    assert.equal(langOfAcceptLanguage('de, fr'), null);
    assert.equal(langOfAcceptLanguage(null), null);
  });
});

describe('demo: claims with a one-time code', () => {
  const post = (path: string, body: unknown) => call(backend, 'POST', path, body);
  const messages = async (token: string) => (await call(backend, 'GET', `/api/demo/claims/${token}/messages`)).body.messages;

  it('issues a claim by SMS, by email or without a code, and shows the sandbox phone the message sent', async () => {
    const sms = await post('/api/demo/claims', { amount: 1000, purpose: 'refund', verification: 'sms' });
    assert.equal(sms.status, 201);
    assert.deepEqual(sms.body.claim.verification, { channel: 'sms', to: '090-****-5678', verified: false });
    const email = await post('/api/demo/claims', { amount: 1000, purpose: 'refund', verification: 'email' });
    assert.deepEqual(email.body.claim.verification, { channel: 'email', to: 't***@example.com', verified: false });
    const none = await post('/api/demo/claims', { amount: 1000, purpose: 'refund', verification: 'none' });
    assert.equal(none.body.claim.verification, undefined);
    assert.equal((await post('/api/demo/claims', { amount: 1000, purpose: 'refund', verification: 'fax' })).status, 400);

    assert.deepEqual(await messages(email.body.token), []);
    assert.equal((await post(`/api/claims/${email.body.token}/verification`, {})).status, 200);
    const [latest] = await messages(email.body.token);
    assert.equal(latest.channel, 'email');
    assert.equal(latest.to, 'taro@example.com');
    const code = /コード (\d{6})/.exec(latest.text)![1]!;
    assert.equal((await post(`/api/claims/${email.body.token}/verify`, { code })).status, 200);
    assert.equal((await call(backend, 'GET', '/api/demo/claims/nope/messages')).status, 404);
  });

  it('seeds demo-verify (SMS), and the reset makes it ask again, its lockout lifted', async () => {
    const seeded = claimSchema.parse((await call(backend, 'GET', '/api/claims/demo-verify')).body);
    assert.deepEqual(seeded.verification, { channel: 'sms', to: '090-****-5678', verified: false });
    await post('/api/claims/demo-verify/verification', {});
    const [latest] = await messages('demo-verify');
    const code = /コード (\d{6})/.exec(latest.text)![1]!;
    for (const wrong of ['111111', '222222', '333333', '444444', '555555', '666666'].filter((c) => c !== code).slice(0, 5))
      await post('/api/claims/demo-verify/verify', { code: wrong });
    assert.equal((await post('/api/claims/demo-verify/verify', { code: '000000' })).status, 429);
    await reset();
    assert.equal(claimSchema.parse((await call(backend, 'GET', '/api/claims/demo-verify')).body).verification?.verified, false);
    assert.equal((await post('/api/claims/demo-verify/verification', {})).status, 200);
    assert.equal((await post('/api/claims/demo-verify/verify', { code: '000000' })).status, 200);
    assert.equal((await post('/api/claims/demo-verify/claim', { method: 'atm' })).status, 200);
  });
});
