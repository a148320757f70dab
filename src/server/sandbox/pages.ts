/**
 * The sandbox's own pages, standing in for the providers' sites: the prepaid issuer's payment page for
 * brands in redirect mode, the Amazon and au PAY logins, the QUO Card Pay gift page and a Seven Bank ATM.
 * Plain HTML forms, no script (they work under the demo's CSP); links and redirects are absolute URLs from
 * the configured public origin, and return URLs were checked against the allowed origins when the session
 * started.
 */
import type { Payment } from '../../contract/checkout.js';
import { escapeHtml, html, matchPath, MAX_BODY_BYTES } from '../http.js';
import type { SandboxPayoutProvider } from './payout-provider.js';
import type { SandboxPrepaidIssuer } from './prepaid-issuer.js';

const BRAND_TITLES: Record<string, string> = { webmoney: 'WebMoney', bitcash: 'BitCash', netcash: 'NET CASH', nanaco: 'nanaco' };
const WALLETS: Record<string, string> = { amazon: 'Amazon', aupay: 'au PAY' };

const STYLES = `body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:1rem;color:#1f2328}main{max-width:28rem;margin:auto}
.sandbox-badge{display:inline-block;background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.1rem .5rem;font-size:.8rem}
form{margin:.75rem 0}button{font:inherit;width:100%;min-height:48px;border-radius:8px;border:1px solid #0b57d0;background:#0b57d0;color:#fff}
button.secondary{background:#fff;color:#0b57d0}input{font:inherit;display:block;width:100%;min-height:44px;box-sizing:border-box}
.amount{font-size:2rem;font-weight:600}`;

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

function page(title: string, body: string): Response {
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/sandbox/sandbox.css"></head>
<body class="sandbox-issuer"><main><p class="sandbox-badge">SANDBOX: no real money moves</p>${body}</main></body></html>`,
  );
}

const ended = (what: string) => html(404, `<p>This sandbox ${what} has ended.</p>`);
const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

/** A barcode-looking SVG for the sandbox gift page (not a real symbology). */
function fakeBarcode(seed: string): string {
  let x = 0;
  let bars = '';
  for (const ch of seed.repeat(3)) {
    const w = (ch.charCodeAt(0) % 3) + 1;
    bars += `<rect x="${x}" y="0" width="${w}" height="60"/>`;
    x += w * 2 + 1;
  }
  return `<svg role="img" aria-label="Barcode" viewBox="0 0 ${x} 60" width="100%" height="80">${bars}</svg>`;
}

export interface SandboxPagesDeps {
  issuer: SandboxPrepaidIssuer;
  payouts: SandboxPayoutProvider;
  /** The issuer's word to the merchant that a redirect payment went through. */
  completeRedirect: (orderId: string, payment: Payment) => Promise<boolean>;
}

export function createSandboxPages({ issuer, payouts, completeRedirect }: SandboxPagesDeps) {
  async function form(request: Request): Promise<URLSearchParams> {
    const text = await request.text();
    return new URLSearchParams(text.length <= MAX_BODY_BYTES ? text : '');
  }

  async function issuerPage(request: Request, path: string): Promise<Response | null> {
    const shown = matchPath('/sandbox/issuer/:id', path);
    if (shown && request.method === 'GET') {
      const session = await issuer.redirectSession(shown.id!);
      if (session?.state !== 'pending') return ended('payment');
      const title = escapeHtml(BRAND_TITLES[session.brand] ?? session.brand);
      const id = encodeURIComponent(shown.id!);
      return page(
        `${title} sandbox`,
        `<h1>${title} sandbox login</h1>
<p>${escapeHtml(session.merchant_name)} asks you to pay <strong>${yen(session.amount)}</strong> for order ${escapeHtml(session.order_id)}.</p>
<form method="post" action="/sandbox/issuer/${id}/pay"><button type="submit">Pay ${yen(session.amount)}</button></form>
<form method="post" action="/sandbox/issuer/${id}/cancel"><button type="submit" class="secondary">Cancel and go back</button></form>`,
      );
    }
    for (const action of ['pay', 'cancel'] as const) {
      const params = matchPath(`/sandbox/issuer/:id/${action}`, path);
      if (!params || request.method !== 'POST') continue;
      const session = await issuer.redirectSession(params.id!);
      if (!session || !(await issuer.endRedirect(params.id!, action === 'pay' ? 'paid' : 'canceled'))) return ended('payment');
      if (action === 'pay') {
        const masked = `••••••••••••${params.id!.replace(/-/g, '').slice(0, 4)}`;
        await completeRedirect(session.order_id, { brand: session.brand, amount: session.amount, masked });
      }
      return seeOther(session.return_url);
    }
    return null;
  }

  async function payoutPages(request: Request, path: string): Promise<Response | null> {
    const wallet = matchPath('/sandbox/wallet/:id', path);
    if (wallet && request.method === 'GET') {
      const payout = await payouts.payout(wallet.id!);
      if (payout?.state !== 'pending' || payout.kind !== 'wallet') return ended('login');
      const name = escapeHtml(WALLETS[payout.method] ?? payout.method);
      const id = encodeURIComponent(wallet.id!);
      return page(
        `${name} sandbox login`,
        `<h1>${name} sandbox login</h1>
<p>${escapeHtml(payout.payer_name)} sends you <strong>${yen(payout.amount)}</strong> to your ${name} balance.</p>
<form method="post" action="/sandbox/wallet/${id}/receive"><button type="submit">Log in and receive ${yen(payout.amount)}</button></form>
<form method="post" action="/sandbox/wallet/${id}/cancel"><button type="submit" class="secondary">Cancel and go back</button></form>`,
      );
    }
    for (const action of ['receive', 'cancel'] as const) {
      const params = matchPath(`/sandbox/wallet/:id/${action}`, path);
      if (!params || request.method !== 'POST') continue;
      const returnUrl = await payouts.endWallet(params.id!, action);
      return returnUrl ? seeOther(returnUrl) : ended('login');
    }
    const quo = matchPath('/sandbox/quo/:id', path);
    if (quo && request.method === 'GET') {
      const payout = await payouts.payout(quo.id!);
      if (payout?.kind !== 'link') return ended('gift');
      return page(
        'QUO Card Pay (sandbox)',
        `<h1>QUO Card Pay</h1><p class="amount">${yen(payout.amount)}</p>${fakeBarcode(quo.id!)}
<p>Show this barcode at the register of a member store. It cannot be used online.</p>`,
      );
    }
    if (path === '/sandbox/atm' && (request.method === 'GET' || request.method === 'POST')) {
      let message = '';
      if (request.method === 'POST') {
        const fields = await form(request);
        const amount = await payouts.withdraw(fields.get('receiptNumber')?.trim() ?? '', fields.get('confirmationCode')?.trim() ?? '');
        message =
          amount !== undefined
            ? `<p role="status">Cash dispensed: <strong>${yen(amount)}</strong>. Take your cash.</p>`
            : '<p role="alert">These numbers do not match a payout waiting at the ATM.</p>';
      }
      return page(
        'Seven Bank ATM (sandbox)',
        `<h1>Seven Bank ATM (sandbox)</h1><p>Choose “スマホATM / 現金受取” and enter the numbers from the payout page.</p>${message}
<form method="post" action="/sandbox/atm">
<p><label>Receipt number <input name="receiptNumber" inputmode="numeric" autocomplete="off" required></label></p>
<p><label>Confirmation code <input name="confirmationCode" inputmode="numeric" autocomplete="off" required></label></p>
<button type="submit">Withdraw cash</button></form>`,
      );
    }
    return null;
  }

  return async function handle(request: Request): Promise<Response | null> {
    const path = new URL(request.url).pathname;
    if (!path.startsWith('/sandbox/')) return null;
    if (path === '/sandbox/sandbox.css') return new Response(STYLES, { headers: { 'content-type': 'text/css; charset=utf-8' } });
    return (await issuerPage(request, path)) ?? (await payoutPages(request, path));
  };
}
