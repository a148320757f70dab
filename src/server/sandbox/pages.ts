/**
 * The sandbox's own pages, standing in for the providers' sites: the prepaid issuer's payment page for
 * brands in redirect mode, the Amazon and au PAY logins, the QUO Card Pay gift page and a Seven Bank ATM.
 * Plain HTML forms, no script (they work under the demo's CSP); links and redirects are absolute URLs from
 * the configured public origin, and return URLs were checked against the allowed origins when the session
 * started. In Japanese or English: see `sandboxLang`.
 */
import type { Payment } from '../../contract/checkout.js';
import { escapeHtml, html, matchPath, MAX_BODY_BYTES } from '../http.js';
import type { SandboxPayoutProvider } from './payout-provider.js';
import type { SandboxPrepaidIssuer } from './prepaid-issuer.js';

const BRAND_TITLES: Record<string, string> = { webmoney: 'WebMoney', bitcash: 'BitCash', netcash: 'NET CASH', nanaco: 'nanaco' };
const WALLETS: Record<string, string> = { amazon: 'Amazon', aupay: 'au PAY' };

const STYLES = `body{font:16px/1.5 system-ui,'Hiragino Sans','Noto Sans JP',sans-serif;margin:0;padding:1rem;color:#1f2328}main{max-width:28rem;margin:auto}
.sandbox-badge{display:inline-block;background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.1rem .5rem;font-size:.8rem}
nav.lang{float:right;display:flex;gap:.75rem;font-size:.9rem}nav.lang a{color:#0b57d0}nav.lang a[aria-current]{font-weight:700;text-decoration:none;color:inherit}
form{margin:.75rem 0}button{font:inherit;width:100%;min-height:48px;border-radius:8px;border:1px solid #0b57d0;background:#0b57d0;color:#fff}
button.secondary{background:#fff;color:#0b57d0}input{font:inherit;display:block;width:100%;min-height:44px;box-sizing:border-box}
.amount{font-size:2rem;font-weight:600}h1{font-size:1.5rem;line-height:1.3}`;

/** No script at all, styles from the sandbox's own stylesheet; forms post here and may be sent on to a return URL. */
const PAGE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self' http: https:; base-uri 'none'; frame-ancestors 'none'";

export type SandboxLang = 'ja' | 'en';
const isLang = (value: string | null | undefined): value is SandboxLang => value === 'ja' || value === 'en';

function langOfUrl(url: string | null | undefined): SandboxLang | null {
  if (!url) return null;
  try {
    const lang = new URL(url).searchParams.get('lang');
    return isLang(lang) ? lang : null;
  } catch {
    return null;
  }
}

/** The first of ja and en in an Accept-Language header, by weight (`ja-JP;q=0.9, en;q=0.8`), or null. */
export function langOfAcceptLanguage(header: string | null): SandboxLang | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && (r.primary === 'ja' || r.primary === 'en'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.primary as SandboxLang | undefined) ?? null;
}

/**
 * The language of a sandbox page: `?lang=` on the page itself (its language switch), else the `lang` of the
 * page the user came from (the session's return URL: the widget's page carries `?lang=`), else the browser's
 * Accept-Language, else Japanese.
 */
export function sandboxLang(request: Request, returnUrl?: string | null): SandboxLang {
  return langOfUrl(request.url) ?? langOfUrl(returnUrl) ?? langOfAcceptLanguage(request.headers.get('accept-language')) ?? 'ja';
}

/** Yen as the widgets write it (`formatYen`): `3,000円` in Japanese, `¥3,000` in English. */
const yen = (n: number, lang: SandboxLang) => (lang === 'ja' ? `${n.toLocaleString('en-US')}円` : `¥${n.toLocaleString('en-US')}`);

/** The sandbox pages' copy (ja in a payment company's register). Arguments are escaped by the caller. */
const COPY = {
  ja: {
    badge: 'サンドボックス：実際のお金は動きません',
    languages: '言語',
    issuerTitle: (brand: string) => `${brand}（サンドボックス）`,
    issuerHeading: (brand: string) => `${brand}でのお支払い`,
    issuerAsk: (merchant: string, amount: string, order: string) =>
      `${merchant}のご注文（${order}）の代金<strong>${amount}</strong>をお支払いください。`,
    pay: (amount: string) => `${amount}を支払う`,
    cancel: 'キャンセルして戻る',
    walletTitle: (wallet: string) => `${wallet}にログイン（サンドボックス）`,
    walletAsk: (payer: string, amount: string, balance: string) =>
      `${payer}から<strong>${amount}</strong>が届いています。ログインして${balance}でお受け取りください。`,
    walletBalance: (method: string, wallet: string) => (method === 'amazon' ? 'Amazonギフトカード残高' : `${wallet} 残高`),
    receive: (amount: string) => `ログインして${amount}を受け取る`,
    quoTitle: 'QUOカードPay（サンドボックス）',
    quoHeading: 'QUOカードPay',
    barcode: 'バーコード',
    quoUse: '加盟店のレジでこのバーコードをご提示ください。オンラインではご利用いただけません。',
    atmTitle: 'セブン銀行ATM（サンドボックス）',
    atmSteps: 'ATMの画面で「スマートフォンでの取引」または「現金受取」を選び、お受け取りページに表示された番号をご入力ください。',
    atmDispensed: (amount: string) => `出金額：<strong>${amount}</strong>。現金をお取りください。`,
    atmNoMatch: 'ご入力の番号に一致するお受け取りはありません。番号をお確かめください。',
    receiptNumber: '受取番号',
    confirmationCode: '確認番号',
    withdraw: '現金を引き出す',
    ended: {
      payment: 'このお支払いの受付は終了しました。',
      login: 'このログインの受付は終了しました。',
      gift: 'このギフトは終了しました。',
    },
    endedTitle: '受付終了（サンドボックス）',
  },
  en: {
    badge: 'SANDBOX: no real money moves',
    languages: 'Language',
    issuerTitle: (brand: string) => `${brand} sandbox`,
    issuerHeading: (brand: string) => `Pay with ${brand}`,
    issuerAsk: (merchant: string, amount: string, order: string) =>
      `${merchant} asks you to pay <strong>${amount}</strong> for order ${order}.`,
    pay: (amount: string) => `Pay ${amount}`,
    cancel: 'Cancel and go back',
    walletTitle: (wallet: string) => `${wallet} sandbox login`,
    walletAsk: (payer: string, amount: string, balance: string) => `${payer} sends you <strong>${amount}</strong> to your ${balance}.`,
    walletBalance: (_method: string, wallet: string) => `${wallet} balance`,
    receive: (amount: string) => `Log in and receive ${amount}`,
    quoTitle: 'QUO Card Pay (sandbox)',
    quoHeading: 'QUO Card Pay',
    barcode: 'Barcode',
    quoUse: 'Show this barcode at the register of a member store. It cannot be used online.',
    atmTitle: 'Seven Bank ATM (sandbox)',
    atmSteps: 'Choose “Smartphone transaction” or “Cash pickup” (現金受取) and enter the numbers from the payout page.',
    atmDispensed: (amount: string) => `Cash dispensed: <strong>${amount}</strong>. Take your cash.`,
    atmNoMatch: 'These numbers do not match a payout waiting at the ATM.',
    receiptNumber: 'Receipt number',
    confirmationCode: 'Confirmation code',
    withdraw: 'Withdraw cash',
    ended: { payment: 'This sandbox payment has ended.', login: 'This sandbox login has ended.', gift: 'This sandbox gift has ended.' },
    endedTitle: 'Ended (sandbox)',
  },
} satisfies Record<SandboxLang, unknown>;

/** A link to the same page in each language (its own `?lang=`), the current one marked. */
function languageSwitch(request: Request, lang: SandboxLang): string {
  const links = (['ja', 'en'] as const).map((other) => {
    const url = new URL(request.url);
    url.searchParams.set('lang', other);
    const current = other === lang ? ' aria-current="true"' : '';
    return `<a href="${escapeHtml(url.pathname + url.search)}" lang="${other}" hreflang="${other}"${current}>${other === 'ja' ? '日本語' : 'English'}</a>`;
  });
  return `<nav class="lang" aria-label="${COPY[lang].languages}">${links.join(' ')}</nav>`;
}

function page(request: Request, lang: SandboxLang, title: string, body: string, status = 200): Response {
  return html(
    status,
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,"><link rel="stylesheet" href="/sandbox/sandbox.css"></head>
<body class="sandbox-issuer"><main>${request.method === 'GET' ? languageSwitch(request, lang) : ''}<p class="sandbox-badge">${COPY[lang].badge}</p>${body}</main></body></html>`,
    { 'content-security-policy': PAGE_CSP, 'content-language': lang, vary: 'Accept-Language' },
  );
}

const ended = (request: Request, lang: SandboxLang, what: 'payment' | 'login' | 'gift') =>
  page(request, lang, COPY[lang].endedTitle, `<p>${COPY[lang].ended[what]}</p>`, 404);
const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });

/** `action` on this page's forms: the path, with the page's `?lang=` so that the answer keeps it. */
const actionOf = (path: string, lang: SandboxLang) => `${path}?lang=${lang}`;

/** A barcode-looking SVG for the sandbox gift page (not a real symbology). */
function fakeBarcode(seed: string, label: string): string {
  let x = 0;
  let bars = '';
  for (const ch of seed.repeat(3)) {
    const w = (ch.charCodeAt(0) % 3) + 1;
    bars += `<rect x="${x}" y="0" width="${w}" height="60"/>`;
    x += w * 2 + 1;
  }
  return `<svg role="img" aria-label="${label}" viewBox="0 0 ${x} 60" width="100%" height="80">${bars}</svg>`;
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
      const lang = sandboxLang(request, session?.return_url);
      if (session?.state !== 'pending') return ended(request, lang, 'payment');
      const t = COPY[lang];
      const title = escapeHtml(BRAND_TITLES[session.brand] ?? session.brand);
      const id = encodeURIComponent(shown.id!);
      const amount = yen(session.amount, lang);
      return page(
        request,
        lang,
        t.issuerTitle(BRAND_TITLES[session.brand] ?? session.brand),
        `<h1>${t.issuerHeading(title)}</h1>
<p>${t.issuerAsk(escapeHtml(session.merchant_name), amount, escapeHtml(session.order_id))}</p>
<form method="post" action="${actionOf(`/sandbox/issuer/${id}/pay`, lang)}"><button type="submit">${t.pay(amount)}</button></form>
<form method="post" action="${actionOf(`/sandbox/issuer/${id}/cancel`, lang)}"><button type="submit" class="secondary">${t.cancel}</button></form>`,
      );
    }
    for (const action of ['pay', 'cancel'] as const) {
      const params = matchPath(`/sandbox/issuer/:id/${action}`, path);
      if (!params || request.method !== 'POST') continue;
      const session = await issuer.redirectSession(params.id!);
      if (!session || !(await issuer.endRedirect(params.id!, action === 'pay' ? 'paid' : 'canceled')))
        return ended(request, sandboxLang(request, session?.return_url), 'payment');
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
      const lang = sandboxLang(request, payout?.return_url);
      if (payout?.state !== 'pending' || payout.kind !== 'wallet') return ended(request, lang, 'login');
      const t = COPY[lang];
      const name = WALLETS[payout.method] ?? payout.method;
      const id = encodeURIComponent(wallet.id!);
      const amount = yen(payout.amount, lang);
      return page(
        request,
        lang,
        t.walletTitle(name),
        `<h1>${escapeHtml(t.walletTitle(name))}</h1>
<p>${t.walletAsk(escapeHtml(payout.payer_name), amount, escapeHtml(t.walletBalance(payout.method, name)))}</p>
<form method="post" action="${actionOf(`/sandbox/wallet/${id}/receive`, lang)}"><button type="submit">${t.receive(amount)}</button></form>
<form method="post" action="${actionOf(`/sandbox/wallet/${id}/cancel`, lang)}"><button type="submit" class="secondary">${t.cancel}</button></form>`,
      );
    }
    for (const action of ['receive', 'cancel'] as const) {
      const params = matchPath(`/sandbox/wallet/:id/${action}`, path);
      if (!params || request.method !== 'POST') continue;
      const returnUrl = await payouts.endWallet(params.id!, action);
      return returnUrl ? seeOther(returnUrl) : ended(request, sandboxLang(request), 'login');
    }
    const quo = matchPath('/sandbox/quo/:id', path);
    if (quo && request.method === 'GET') {
      const lang = sandboxLang(request);
      const payout = await payouts.payout(quo.id!);
      if (payout?.kind !== 'link') return ended(request, lang, 'gift');
      const t = COPY[lang];
      return page(
        request,
        lang,
        t.quoTitle,
        `<h1>${t.quoHeading}</h1><p class="amount">${yen(payout.amount, lang)}</p>${fakeBarcode(quo.id!, t.barcode)}
<p>${t.quoUse}</p>`,
      );
    }
    if (path === '/sandbox/atm' && (request.method === 'GET' || request.method === 'POST')) {
      const lang = sandboxLang(request);
      const t = COPY[lang];
      let message = '';
      if (request.method === 'POST') {
        const fields = await form(request);
        const amount = await payouts.withdraw(fields.get('receiptNumber')?.trim() ?? '', fields.get('confirmationCode')?.trim() ?? '');
        message =
          amount !== undefined ? `<p role="status">${t.atmDispensed(yen(amount, lang))}</p>` : `<p role="alert">${t.atmNoMatch}</p>`;
      }
      return page(
        request,
        lang,
        t.atmTitle,
        `<h1>${t.atmTitle}</h1><p>${t.atmSteps}</p>${message}
<form method="post" action="${actionOf('/sandbox/atm', lang)}">
<p><label>${t.receiptNumber} <input name="receiptNumber" inputmode="numeric" autocomplete="off" required></label></p>
<p><label>${t.confirmationCode} <input name="confirmationCode" inputmode="numeric" autocomplete="off" required></label></p>
<button type="submit">${t.withdraw}</button></form>`,
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
