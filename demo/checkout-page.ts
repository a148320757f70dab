/**
 * The demo checkout page: the order and language come from the query string, as a merchant's page
 * would set them from its own order. Events are shown below the widget.
 *
 * Below it, once the order is paid, the merchant's side: "Refund this order" (all, or the amount typed) through
 * the demo route `POST /api/demo/orders/{id}/refund` (what a merchant's admin does with `backend.refundOrder`);
 * the widget is then loaded again and shows the refunded receipt.
 */
import '../src/prepaid-checkout.js';
import { logEvents } from './event-log.js';

const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'ja';
document.documentElement.lang = lang;
let checkout = document.querySelector('prepaid-checkout')!;
const orderId = params.get('order') ?? 'demo-1200';
checkout.setAttribute('order', orderId);
for (const notice of checkout.querySelectorAll<HTMLElement>('[slot="notice"][data-lang]')) notice.hidden = notice.dataset.lang !== lang;

for (const other of ['ja', 'en']) {
  const link = document.querySelector<HTMLAnchorElement>(`#lang-${other}`)!;
  const url = new URL(location.href);
  url.searchParams.set('lang', other);
  link.href = url.href;
  if (other === lang) link.setAttribute('aria-current', 'page');
}

const log = document.querySelector('#log')!;
const EVENTS = ['prepaid-checkout-complete', 'prepaid-checkout-error'];
logEvents(checkout, EVENTS, log);

const yen = (amount: number) => (lang === 'ja' ? `${amount.toLocaleString('en-US')}円` : `¥${amount.toLocaleString('en-US')}`);

const WORDS = {
  ja: {
    heading: '店舗側の操作：返金（デモ）',
    lead: '店舗の管理画面から返金する場合と同じく、サーバーモジュールの返金処理（backend.refundOrder）を呼び出します。',
    label: '返金する金額（円）',
    hint: (left: number) => `空欄のままなら残り全額（${yen(left)}）を返金します。`,
    submit: 'この注文を返金する',
    working: '返金しています…',
    done: (amount: number) => `${yen(amount)}を返金しました。上の画面に返金内容が表示されています。`,
    notNumber: '金額は1円以上の整数で入力してください。空欄なら残り全額です。',
    tooMuch: (left: number) => `返金できるのは残り${yen(left)}までです。`,
    nothingLeft: 'この注文は全額返金済みです。',
    failed: (code: string) => `返金できませんでした（${code}）。もう一度お試しください。`,
    offline: '返金できませんでした。デモサーバーが応答しません。もう一度お試しください。',
  },
  en: {
    heading: 'The store’s side: refund (demo)',
    lead: 'Calls the server module’s refund (backend.refundOrder), as a store’s admin page would.',
    label: 'Amount to refund (yen)',
    hint: (left: number) => `Leave it empty to refund all that is left (${yen(left)}).`,
    submit: 'Refund this order',
    working: 'Refunding…',
    done: (amount: number) => `Refunded ${yen(amount)}. The receipt above shows the refund.`,
    notNumber: 'Enter a whole number of yen, at least 1, or leave it empty for all that is left.',
    tooMuch: (left: number) => `At most ${yen(left)} is left to refund.`,
    nothingLeft: 'This order has been refunded in full.',
    failed: (code: string) => `The refund did not go through (${code}). Please try again.`,
    offline: 'The refund did not go through: the demo server did not answer. Please try again.',
  },
}[lang];

const section = document.querySelector<HTMLElement>('#refund')!;
const form = document.querySelector<HTMLFormElement>('#refund-form')!;
const input = document.querySelector<HTMLInputElement>('#refund-amount')!;
const error = document.querySelector<HTMLElement>('#refund-error')!;
const hint = document.querySelector<HTMLElement>('#refund-hint')!;
const submit = document.querySelector<HTMLButtonElement>('#refund-submit')!;
const status = document.querySelector<HTMLElement>('#refund-status')!;
document.querySelector('#refund-heading')!.textContent = WORDS.heading;
document.querySelector('#refund-lead')!.textContent = WORDS.lead;
document.querySelector('#refund-label')!.textContent = WORDS.label;
submit.textContent = WORDS.submit;

interface OrderAnswer {
  status: string;
  amount: number;
  refundedAmount?: number;
}

/** Shows the form while something is left to refund; says so when nothing is. */
function showFor(order: OrderAnswer): void {
  if (order.status !== 'paid' && order.status !== 'refunded') return;
  const left = order.amount - (order.status === 'refunded' ? (order.refundedAmount ?? order.amount) : 0);
  section.hidden = false;
  form.hidden = left <= 0;
  hint.textContent = WORDS.hint(left);
  if (left <= 0 && !status.textContent) status.textContent = WORDS.nothingLeft;
}

async function loadOrder(): Promise<void> {
  const response = await fetch(`/api/checkout/orders/${encodeURIComponent(orderId)}`).catch(() => null);
  if (response?.ok) showFor((await response.json()) as OrderAnswer);
}

function fieldError(text: string): void {
  error.textContent = text;
  input.setAttribute('aria-invalid', String(Boolean(text)));
  if (text) input.focus();
}

/** Full-width digits, commas, a yen sign: what a person types as an amount. Empty: all that is left. */
function parseAmount(raw: string): number | undefined | null {
  const typed = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[,，\s¥￥円]/g, '');
  if (typed === '') return undefined;
  return /^\d{1,10}$/.test(typed) && Number(typed) >= 1 ? Number(typed) : null;
}

/** One key per attempt: a retry of the same amount after no answer sends the same key, so it cannot refund twice. */
let attempt: { amount: number | undefined; key: string } | null = null;

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void refund();
});

async function refund(): Promise<void> {
  const amount = parseAmount(input.value);
  if (amount === null) return fieldError(WORDS.notNumber);
  fieldError('');
  const key = attempt && attempt.amount === amount ? attempt.key : crypto.randomUUID();
  attempt = { amount, key };
  submit.disabled = true;
  status.textContent = WORDS.working;
  try {
    const response = await fetch(`/api/demo/orders/${encodeURIComponent(orderId)}/refund`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(amount === undefined ? {} : { amount }),
    });
    const body = (await response.json()) as {
      refund?: { amount: number };
      order?: OrderAnswer;
      error?: { code: string; refundable?: number };
    };
    if (response.ok && body.refund && body.order) {
      attempt = null;
      input.value = '';
      status.textContent = WORDS.done(body.refund.amount);
      showFor(body.order);
      reloadWidget();
      return;
    }
    if (response.status < 500) attempt = null; // a definite answer: a new try is a new refund
    status.textContent = '';
    const code = body.error?.code ?? `HTTP ${response.status}`;
    if (code === 'refund_exceeds_paid') {
      if (body.error?.refundable === 0) {
        status.textContent = WORDS.nothingLeft;
        form.hidden = true;
      } else fieldError(WORDS.tooMuch(body.error?.refundable ?? 0));
    } else status.textContent = WORDS.failed(code);
  } catch {
    status.textContent = WORDS.offline;
  } finally {
    submit.disabled = false;
  }
}

/** The widget loaded afresh, as the shopper would see it on opening the page again. */
function reloadWidget(): void {
  const fresh = checkout.cloneNode(true) as typeof checkout; // with its light DOM: the notice
  checkout.replaceWith(fresh);
  checkout = fresh;
  logEvents(checkout, EVENTS, log);
}

checkout.addEventListener('prepaid-checkout-complete', () => void loadOrder());
void loadOrder();
