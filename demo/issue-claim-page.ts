/**
 * The merchant's side of a payout: issues a claim on the demo backend and shows the link as an email or
 * SMS would carry it, with a QR code to open it on a phone. The token travels in the fragment.
 */
import qrcode from 'qrcode-generator';
import { wireReset } from './reset.js';

const form = document.querySelector<HTMLFormElement>('#issue')!;
const issued = document.querySelector<HTMLElement>('#issued')!;
const link = document.querySelector<HTMLAnchorElement>('#link')!;
const qr = document.querySelector<HTMLImageElement>('#qr')!;

wireReset(document.querySelector<HTMLFormElement>('#reset')!, document.querySelector<HTMLElement>('#reset-status')!);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void issue();
});

async function issue(): Promise<void> {
  const data = new FormData(form);
  const body = {
    amount: Number(data.get('amount')),
    purpose: data.get('purpose'),
    message: data.get('message') || undefined,
    methods: data.getAll('methods'),
    recipient: data.get('recipient') || undefined,
    verification: data.get('verification') ?? 'none',
  };
  const response = await fetch('/api/demo/claims', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) return;
  const { token } = (await response.json()) as { token: string };
  const url = new URL(`./claim.html#token=${encodeURIComponent(token)}`, location.href).href;
  link.href = url;
  link.textContent = url;
  const code = qrcode(0, 'M');
  code.addData(url);
  code.make();
  qr.src = code.createDataURL(6, 8);
  issued.hidden = false;
}
