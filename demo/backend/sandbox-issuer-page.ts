/**
 * The sandbox issuer's own payment page for brands in redirect mode: the shopper pays or cancels there,
 * then is sent back to the merchant's `returnUrl`. Plain HTML forms, no script, so it works under CSP.
 */
import type { BrandId } from '../../src/contract/checkout.js';
import { escapeHtml, html, matchPath } from './http.js';
import type { OrderRecord } from './orders.js';

interface Session {
  record: OrderRecord;
  brand: string;
  returnUrl: string;
}

const BRAND_TITLES: Record<BrandId, string> = {
  webmoney: 'WebMoney',
  bitcash: 'BitCash',
  netcash: 'NET CASH',
  nanaco: 'nanaco',
};

export function createSandboxIssuer(base: string, now: () => Date) {
  const sessions = new Map<string, Session>();

  function start(record: OrderRecord, brand: string, returnUrl: string, origin: string): string {
    const id = crypto.randomUUID();
    sessions.set(id, { record, brand, returnUrl });
    return `${origin}${base}/${id}`;
  }

  function page(id: string, session: Session): Response {
    const { order } = session.record;
    const title = (BRAND_TITLES as Record<string, string>)[session.brand] ?? session.brand;
    return html(
      200,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} sandbox</title><link rel="stylesheet" href="/demo.css"></head>
<body class="sandbox-issuer"><main>
<p class="sandbox-badge">SANDBOX: no real money moves</p>
<h1>${title} sandbox login</h1>
<p>${escapeHtml(order.merchant.name)} asks you to pay <strong>¥${order.amount.toLocaleString('en-US')}</strong>
for order ${escapeHtml(order.order)}.</p>
<form method="post" action="${base}/${id}/pay"><button type="submit">Pay ¥${order.amount.toLocaleString('en-US')}</button></form>
<form method="post" action="${base}/${id}/cancel"><button type="submit" class="secondary">Cancel and go back</button></form>
</main></body></html>`,
    );
  }

  async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${base}/`)) return null;
    const path = url.pathname.slice(base.length);
    const shown = matchPath('/:id', path);
    if (shown && request.method === 'GET') {
      const session = sessions.get(shown.id!);
      return session ? page(shown.id!, session) : html(404, '<p>This sandbox payment has ended.</p>');
    }
    for (const action of ['pay', 'cancel'] as const) {
      const params = matchPath(`/:id/${action}`, path);
      if (!params || request.method !== 'POST') continue;
      const session = sessions.get(params.id!);
      if (!session) return html(404, '<p>This sandbox payment has ended.</p>');
      sessions.delete(params.id!);
      const { record } = session;
      if (action === 'pay' && record.order.status === 'open') {
        const masked = `••••••••••••${id4()}`;
        record.order = {
          ...record.order,
          status: 'paid',
          payments: [{ brand: session.brand, amount: record.order.amount, masked }],
          paidAt: now().toISOString(),
        };
      }
      return new Response(null, { status: 303, headers: { location: session.returnUrl } });
    }
    return null;
  }

  return { start, handle };
}

function id4(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 4);
}
