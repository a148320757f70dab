/**
 * The demo merchant: order templates, fixed orders and claims in every state (seeded when missing), and the
 * demo routes that make fresh ones (`DEMO=1` only; see demo-requests.ts for their bodies).
 */
import type { OrderBrand } from '../contract/checkout.js';
import type { ClaimMethod } from '../contract/claim.js';
import { isValidId } from '../contract/common.js';
import { claimView, insertClaim, keepSavedAccount, readClaim } from './claims.js';
import type { BackendContext } from './context.js';
import {
  DEMO_LANGS,
  type DemoLang,
  demoClaimRequest,
  demoOrderRequest,
  demoRefundRequest,
  demoResetRequest,
  type DemoOrderRequest,
} from './demo-requests.js';
import { apiError, checkBody, json, matchPath, readJson } from './http.js';
import { insertOrder, readOrder, toOrder } from './orders.js';
import type { PayoutAccount, PayoutProvider } from './providers.js';
import { REFUND_ERROR_STATUS, type Refunds } from './refunds.js';
import type { Queryable } from './sql.js';

const MERCHANT = 'Sandbox Game Store';

const STANDARD_BRANDS: OrderBrand[] = [
  { id: 'webmoney', mode: 'collect', maxCodes: 3, balance: true },
  { id: 'bitcash', mode: 'collect', maxCodes: 2, balance: true },
  { id: 'netcash', mode: 'redirect' },
  { id: 'nanaco', mode: 'collect', maxCodes: 2 },
];

export interface OrderTemplate {
  id: DemoOrderRequest['template'];
  amount: number;
  /** In English: the fixed demo orders' description. */
  description: string;
  /** The description in each demo language (an order made for a page in that language carries it). */
  descriptions: Record<DemoLang, string>;
  brands: OrderBrand[];
  bitcashExOnly?: boolean;
}

const described = (en: string, ja: string) => ({ description: en, descriptions: { en, ja } });

export const ORDER_TEMPLATES: OrderTemplate[] = [
  {
    id: 'gems-500',
    amount: 500,
    ...described('Starter gem pack (500 gems)', 'スターター ジェムパック（500ジェム）'),
    brands: STANDARD_BRANDS,
  },
  { id: 'gems-1200', amount: 1200, ...described('Gem pack (1,200 gems)', 'ジェムパック（1,200ジェム）'), brands: STANDARD_BRANDS },
  {
    id: 'album-3000',
    amount: 3000,
    ...described('Album download (EX-rated BitCash only)', 'アルバムのダウンロード（BitCashはEXカードのみ）'),
    brands: [
      { id: 'bitcash', mode: 'collect', maxCodes: 2, balance: true },
      { id: 'webmoney', mode: 'collect', maxCodes: 3, balance: true },
      { id: 'netcash', mode: 'collect', maxCodes: 2 },
      { id: 'nanaco', mode: 'collect' },
    ],
    bitcashExOnly: true,
  },
  {
    id: 'pass-12000',
    amount: 12000,
    ...described('Annual season pass', '年間シーズンパス'),
    brands: [{ id: 'webmoney', mode: 'collect', maxCodes: 5, balance: true }],
  },
];

/** The method terms a new claim offers: fees and limits (yen). */
export const DEFAULT_METHODS: ClaimMethod[] = [
  { method: 'bank', fee: 0, arrival: 'business_days' },
  { method: 'atm', fee: 220, arrival: 'instant', max: 100_000 },
  { method: 'amazon', fee: 0, arrival: 'instant', max: 50_000 },
  { method: 'aupay', fee: 0, arrival: 'instant', max: 100_000 },
  { method: 'quo', fee: 0, arrival: 'instant', max: 10_000 },
];

const HOUR = 3_600_000;
const template = (id: OrderTemplate['id']) => ORDER_TEMPLATES.find((t) => t.id === id)!;

function fromTemplate(id: string, t: OrderTemplate, lang?: DemoLang) {
  return {
    id,
    amount: t.amount,
    description: lang ? t.descriptions[lang] : t.description,
    merchantName: MERCHANT,
    brands: t.brands,
    bitcashExOnly: t.bitcashExOnly ?? false,
  };
}

/** The claim's methods: ids take the default terms (in the default order), full terms follow as given. */
function methodsOf(wanted?: readonly (string | ClaimMethod)[]): ClaimMethod[] {
  if (!wanted) return DEFAULT_METHODS;
  const ids = wanted.filter((m): m is string => typeof m === 'string');
  return [...DEFAULT_METHODS.filter((m) => ids.includes(m.method)), ...wanted.filter((m): m is ClaimMethod => typeof m !== 'string')];
}

/** The ids of the fixed demo orders and claims (the README's test ids). */
export const DEMO_ORDER_IDS = [
  ...ORDER_TEMPLATES.map((t) => `demo-${t.amount}`),
  'demo-paid',
  'demo-refunded',
  'demo-expired',
  'demo-canceled',
];
export const DEMO_CLAIM_TOKENS = [
  'demo-refund',
  'demo-payout',
  'demo-cashback',
  'demo-expired',
  'demo-canceled',
  'demo-completed',
  'demo-saved',
  'demo-verify',
];

/** Where the demo's one-time codes go: the sandbox phone and mailbox (`GET /api/demo/claims/{token}/messages` shows them). */
export const DEMO_DESTINATIONS = { sms: '09024685678', email: 'taro@example.com' } as const;

/** The demo's repeat recipient (the merchant's own id for them): two saved accounts, and the claim `demo-saved`. */
export const DEMO_RECIPIENT = 'demo-recipient';

/** Registered with the payout provider when seeding; the newest first. Numbers as the sandbox bank pays them. */
export const DEMO_SAVED_ACCOUNTS: PayoutAccount[] = [
  { bankCode: '0001', branchCode: '210', bankName: 'みずほ', branchName: '渋谷', type: 'ordinary', number: '1234567', holder: 'ﾔﾏﾀﾞ ﾊﾅｺ' },
  {
    bankCode: '9900',
    branchCode: '408',
    bankName: 'ゆうちょ',
    branchName: '四〇八',
    type: 'ordinary',
    number: '2345678',
    holder: 'ﾔﾏﾀﾞ ﾊﾅｺ',
  },
];

/** The demo recipient's saved accounts, when the provider keeps accounts (idempotent: the same ids again). */
async function seedSavedAccounts(ctx: BackendContext, payouts: PayoutProvider | undefined): Promise<void> {
  if (!payouts?.registerAccount) return;
  const now = ctx.now();
  for (const [i, account] of DEMO_SAVED_ACCOUNTS.entries()) {
    const registered = await payouts.registerAccount({ recipient: DEMO_RECIPIENT, account });
    await keepSavedAccount(ctx.sql, DEMO_RECIPIENT, registered, now - (i + 1) * HOUR);
  }
}

/**
 * The fixed demo orders and claims, inserted when missing (the README's test ids); with `payouts`, the demo
 * recipient's saved accounts too (`seedSavedAccounts`, outside any transaction: the provider has its own).
 */
export async function seedDemo(ctx: BackendContext, sql: Queryable = ctx.sql, payouts?: PayoutProvider): Promise<void> {
  const now = ctx.now();
  for (const t of ORDER_TEMPLATES) await insertOrder(sql, fromTemplate(`demo-${t.amount}`, t), now);
  await insertOrder(
    sql,
    {
      ...fromTemplate('demo-paid', template('gems-500')),
      amount: 800,
      description: 'Costume set',
      status: 'paid',
      payments: [{ brand: 'webmoney', amount: 800, masked: '••••••••••••k7p2' }],
      paidAt: now - HOUR,
    },
    now,
  );
  // Paid with two WebMoney codes a day ago, refunded whole since: the receipt marked refunded, per code.
  await insertOrder(
    sql,
    {
      ...fromTemplate('demo-refunded', template('gems-1200')),
      status: 'refunded',
      payments: [
        { brand: 'webmoney', amount: 500, masked: '••••••••••••3f8a', refunded: 500 },
        { brand: 'webmoney', amount: 700, masked: '••••••••••••9c1d', refunded: 700 },
      ],
      paidAt: now - 26 * HOUR,
      refundedAt: now - 2 * HOUR,
      refundedAmount: 1200,
    },
    now,
  );
  await insertOrder(sql, { ...fromTemplate('demo-expired', template('gems-1200')), status: 'expired' }, now);
  await insertOrder(sql, { ...fromTemplate('demo-canceled', template('gems-500')), status: 'canceled' }, now);

  const claim = (
    token: string,
    amount: number,
    purpose: 'refund' | 'payout' | 'cashback' | 'reward',
    extra: Partial<Parameters<typeof insertClaim>[1]> = {},
  ) =>
    insertClaim(
      sql,
      { token, amount, purpose, payerName: MERCHANT, methods: DEFAULT_METHODS, expiresAt: now + 14 * 24 * HOUR, ...extra },
      now,
    );
  await claim('demo-refund', 3000, 'refund', { message: 'Refund for order #1234 (the concert was canceled).' });
  await claim('demo-payout', 48_600, 'payout', { payerName: 'Sandbox Flea Market', message: 'Your sales for October.' });
  await claim('demo-cashback', 500, 'cashback', { message: 'Autumn campaign cashback.', methods: methodsOf(['amazon', 'aupay', 'quo']) });
  await claim('demo-expired', 1200, 'refund', { status: 'expired', expiresAt: now - 24 * HOUR });
  await claim('demo-canceled', 1200, 'refund', { status: 'canceled' });
  await claim('demo-verify', 5000, 'refund', {
    message: 'Refund for order #5678: confirm it is you with the code we send.',
    verification: { channel: 'sms', to: DEMO_DESTINATIONS.sms },
  });
  await claim('demo-completed', 800, 'reward', {
    status: 'completed',
    result: {
      method: 'quo',
      giftUrl: `${ctx.publicOrigin}/sandbox/quo/demo-completed`,
      expiresAt: new Date(now + 3 * 365 * 24 * HOUR).toISOString(),
    },
  });
  await claim('demo-saved', 5000, 'payout', {
    payerName: 'Sandbox Flea Market',
    message: 'Your sales for November.',
    recipient: DEMO_RECIPIENT,
  });
  if (payouts) await seedSavedAccounts(ctx, payouts);
}

/**
 * The sandbox as the seed left it, in one transaction: every sandbox code's balance whole again (its
 * reservations gone), and the fixed demo orders and claims seeded afresh, with their payment attempts,
 * sandbox sessions and payouts, idempotency records and lockouts. Orders and claims made since are kept
 * (each could be paid or received once anyway); lockouts per client address stay.
 */
export async function resetDemo(ctx: BackendContext, payouts?: PayoutProvider): Promise<void> {
  const orders = DEMO_ORDER_IDS;
  const claims = DEMO_CLAIM_TOKENS;
  const scopes = [
    ...orders.flatMap((id) => [`POST /api/checkout/orders/${id}/payments`, `POST /api/checkout/orders/${id}/balance`]),
    ...claims.flatMap((token) => ['claim', 'verification', 'verify'].map((call) => `POST /api/claims/${token}/${call}`)),
  ];
  const subjects = [...orders.map((id) => `order:${id}`), ...claims.flatMap((token) => [`claim:${token}`, `verify:${token}`])];
  await ctx.sql.transaction(async (tx) => {
    await tx.query('DELETE FROM sandbox_reservations');
    await tx.query('DELETE FROM sandbox_codes');
    await tx.query('DELETE FROM sandbox_refunds');
    await tx.query('DELETE FROM refunds WHERE order_id = ANY($1::text[])', [orders]);
    await tx.query('DELETE FROM sandbox_redirects WHERE order_id = ANY($1::text[])', [orders]);
    await tx.query('DELETE FROM payment_attempts WHERE order_id = ANY($1::text[])', [orders]);
    await tx.query('DELETE FROM orders WHERE id = ANY($1::text[])', [orders]);
    await tx.query(
      'DELETE FROM sandbox_payouts WHERE id IN (SELECT payout_id FROM claims WHERE token = ANY($1::text[]) AND payout_id IS NOT NULL)',
      [claims],
    );
    await tx.query('DELETE FROM claim_verifications WHERE token = ANY($1::text[])', [claims]);
    await tx.query('DELETE FROM claims WHERE token = ANY($1::text[])', [claims]);
    await tx.query('DELETE FROM idempotency_keys WHERE scope = ANY($1::text[])', [scopes]);
    await tx.query('DELETE FROM lockouts WHERE subject = ANY($1::text[])', [subjects]);
    // The demo recipient's accounts as seeded: the ones saved since are forgotten, here and at the sandbox.
    await tx.query('DELETE FROM saved_accounts WHERE recipient = $1', [DEMO_RECIPIENT]);
    await tx.query('DELETE FROM sandbox_accounts WHERE recipient = $1', [DEMO_RECIPIENT]);
    await seedDemo(ctx, tx);
  });
  await seedSavedAccounts(ctx, payouts);
}

/** The templates as `GET /api/demo/orders?lang=` lists them: `description` in that language (English without). */
function templatesIn(lang: DemoLang | null) {
  return ORDER_TEMPLATES.map(({ descriptions, ...t }) => ({ ...t, description: lang ? descriptions[lang] : t.description }));
}

/** What the demo routes reach beyond the database: the sandbox's payout provider (saved accounts), its outbox (the phone), the refund operation. */
export interface DemoDeps {
  payouts?: PayoutProvider;
  outbox?: (to: string) => readonly unknown[];
  refundOrder: Refunds['refundOrder'];
}

export function createDemoRoutes(ctx: BackendContext, { payouts, outbox, refundOrder }: DemoDeps) {
  let serial = 0;
  return async function handle(request: Request): Promise<Response | null> {
    const { pathname, searchParams } = new URL(request.url);
    const refund = matchPath('/api/demo/orders/:order/refund', pathname);
    if (refund) {
      if (request.method !== 'POST') return apiError(405, 'invalid_request', 'Use POST.');
      const raw = await readJson(request);
      if (!raw.ok) return raw.response;
      const body = checkBody(raw.value, demoRefundRequest);
      if (!body.ok) return body.response;
      const key = request.headers.get('idempotency-key') ?? crypto.randomUUID();
      const outcome = await refundOrder(refund.order!, { key, ...(body.value.amount !== undefined ? { amount: body.value.amount } : {}) });
      if (outcome.ok)
        return json(200, { refund: outcome.refund, order: outcome.order }, outcome.replayed ? { 'idempotent-replayed': 'true' } : {});
      const { ok: _, code, ...rest } = outcome;
      return json(
        REFUND_ERROR_STATUS[code],
        { error: { code, ...rest } },
        rest.retryAfter ? { 'retry-after': String(rest.retryAfter) } : {},
      );
    }
    const messages = /^\/api\/demo\/claims\/([^/]+)\/messages$/.exec(pathname);
    if (messages) {
      if (request.method !== 'GET') return apiError(405, 'invalid_request', 'Use GET.');
      const token = decodeURIComponent(messages[1]!);
      const row = isValidId(token) ? await readClaim(ctx.sql, token) : undefined;
      if (!row) return apiError(404, 'claim_not_found', 'No such claim.');
      return json(200, { messages: row.verify_to && outbox ? outbox(row.verify_to).slice(0, 5) : [] });
    }
    if (pathname === '/api/demo/orders') {
      if (request.method === 'GET') {
        const lang = searchParams.get('lang');
        if (lang !== null && !DEMO_LANGS.includes(lang as DemoLang))
          return apiError(400, 'invalid_request', 'lang is ja or en.', { field: 'lang' });
        return json(200, templatesIn(lang as DemoLang | null));
      }
      if (request.method !== 'POST') return apiError(405, 'invalid_request', 'Use GET or POST.');
      const raw = await readJson(request);
      if (!raw.ok) return raw.response;
      const body = checkBody(raw.value, demoOrderRequest);
      if (!body.ok) return body.response;
      serial += 1;
      const id = `${body.value.template}-${ctx.now().toString(36)}${serial}${crypto.randomUUID().slice(0, 4)}`;
      const order = fromTemplate(id, template(body.value.template), body.value.lang);
      await insertOrder(ctx.sql, body.value.brands ? { ...order, brands: body.value.brands } : order, ctx.now());
      return json(201, toOrder((await readOrder(ctx.sql, id))!));
    }
    if (pathname === '/api/demo/reset') {
      if (request.method !== 'POST') return apiError(405, 'invalid_request', 'Use POST.');
      const raw = await readJson(request);
      if (!raw.ok) return raw.response;
      const body = checkBody(raw.value, demoResetRequest);
      if (!body.ok) return body.response;
      await resetDemo(ctx, payouts);
      return json(200, { reset: true, orders: DEMO_ORDER_IDS, claims: DEMO_CLAIM_TOKENS });
    }
    if (pathname === '/api/demo/claims') {
      if (request.method !== 'POST') return apiError(405, 'invalid_request', 'Use POST.');
      const raw = await readJson(request);
      if (!raw.ok) return raw.response;
      const body = checkBody(raw.value, demoClaimRequest);
      if (!body.ok) return body.response;
      const spec = body.value;
      const token = crypto.randomUUID();
      await insertClaim(
        ctx.sql,
        {
          token,
          amount: spec.amount,
          purpose: spec.purpose,
          payerName: spec.payer ?? MERCHANT,
          ...(spec.message ? { message: spec.message } : {}),
          methods: methodsOf(spec.methods),
          expiresAt: ctx.now() + (spec.validHours ?? 14 * 24) * HOUR,
          ...(spec.recipient ? { recipient: spec.recipient } : {}),
          ...(spec.verification && spec.verification !== 'none'
            ? { verification: { channel: spec.verification, to: DEMO_DESTINATIONS[spec.verification] } }
            : {}),
        },
        ctx.now(),
      );
      const claim = await claimView(ctx, (await readClaim(ctx.sql, token))!, payouts?.registerAccount !== undefined);
      return json(201, { token, claim });
    }
    return null;
  };
}
