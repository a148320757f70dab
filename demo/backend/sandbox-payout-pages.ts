/**
 * The sandbox's own pages for payouts: the Amazon and au PAY logins that send the recipient back, the
 * QUO Card Pay gift page, and a Seven Bank ATM to withdraw cash with the receipt number and code.
 * Plain HTML forms, no script.
 */
import { escapeHtml, html, matchPath } from './http.js';
import type { ClaimBook, ClaimRecord } from './claims.js';

/** The built-in wallets' names; a wallet-kind method registered at run time is named by its id. */
const WALLETS: Record<string, string> = { amazon: 'Amazon', aupay: 'au PAY' };

interface WalletSession {
  record: ClaimRecord;
  method: string;
  returnUrl: string;
}

function page(title: string, body: string): Response {
  return html(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/demo.css"></head>
<body class="sandbox-issuer"><main><p class="sandbox-badge">SANDBOX: no real money moves</p>${body}</main></body></html>`,
  );
}

const yen = (n: number) => `¥${n.toLocaleString('en-US')}`;

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

export function createSandboxPayoutPages(claims: ClaimBook, now: () => number) {
  const sessions = new Map<string, WalletSession>();

  function startWallet(record: ClaimRecord, method: string, returnUrl: string, origin: string): string {
    const id = crypto.randomUUID();
    sessions.set(id, { record, method, returnUrl });
    return `${origin}/sandbox/wallet/${id}`;
  }

  function quoUrl(record: ClaimRecord, origin: string): string {
    return `${origin}/sandbox/quo/${encodeURIComponent(record.token)}`;
  }

  async function handle(request: Request): Promise<Response | null> {
    const url = new URL(request.url);
    const path = url.pathname;
    const wallet = matchPath('/sandbox/wallet/:id', path);
    if (wallet && request.method === 'GET') {
      const session = sessions.get(wallet.id!);
      if (!session) return html(404, '<p>This sandbox login has ended.</p>');
      const name = escapeHtml((Object.hasOwn(WALLETS, session.method) ? WALLETS[session.method] : undefined) ?? session.method);
      const { claim } = session.record;
      const fee = claim.methods.find((m) => m.method === session.method)?.fee ?? 0;
      return page(
        `${name} sandbox login`,
        `<h1>${name} sandbox login</h1>
<p>${escapeHtml(claim.payer.name)} sends you <strong>${yen(claim.amount - fee)}</strong> to your ${name} balance.</p>
<form method="post" action="/sandbox/wallet/${wallet.id}/receive"><button type="submit">Log in and receive ${yen(claim.amount - fee)}</button></form>
<form method="post" action="/sandbox/wallet/${wallet.id}/cancel"><button type="submit" class="secondary">Cancel and go back</button></form>`,
      );
    }
    for (const action of ['receive', 'cancel'] as const) {
      const params = matchPath(`/sandbox/wallet/:id/${action}`, path);
      if (!params || request.method !== 'POST') continue;
      const session = sessions.get(params.id!);
      if (!session) return html(404, '<p>This sandbox login has ended.</p>');
      sessions.delete(params.id!);
      const { record } = session;
      if (record.claim.status === 'processing') {
        const { next: _next, ...rest } = record.claim;
        record.claim =
          action === 'receive' ? { ...rest, status: 'completed', result: { method: session.method } } : { ...rest, status: 'open' };
      }
      return new Response(null, { status: 303, headers: { location: session.returnUrl } });
    }
    const quo = matchPath('/sandbox/quo/:token', path);
    if (quo && request.method === 'GET') {
      const record = claims.get(quo.token!);
      const amount = record ? record.claim.amount - (record.claim.methods.find((m) => m.method === 'quo')?.fee ?? 0) : 0;
      return page(
        'QUO Card Pay (sandbox)',
        `<h1>QUO Card Pay</h1><p class="amount">${yen(amount)}</p>${fakeBarcode(quo.token!)}
<p>Show this barcode at the register of a member store. It cannot be used online.</p>`,
      );
    }
    if (path === '/sandbox/atm') {
      let message = '';
      if (request.method === 'POST') {
        const form = new URLSearchParams(await request.text());
        const record = claims.byAtmCodes(form.get('receiptNumber')?.trim() ?? '', form.get('confirmationCode')?.trim() ?? '');
        if (record) {
          const fee = record.claim.methods.find((m) => m.method === 'atm')?.fee ?? 0;
          record.claim = { ...record.claim, status: 'completed' };
          message = `<p role="status">Cash dispensed: <strong>${yen(record.claim.amount - fee)}</strong>. Take your cash.</p>`;
        } else {
          message = '<p role="alert">These numbers do not match a payout waiting at the ATM.</p>';
        }
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
    void now;
    return null;
  }

  return { startWallet, quoUrl, handle };
}
