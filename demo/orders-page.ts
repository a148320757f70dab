/**
 * The demo's landing page: lists the order templates (descriptions in the page's language) and starts a
 * fresh order from one, its description in the language of the checkout page it opens.
 */
import { wireReset } from './reset.js';

interface Template {
  id: string;
  amount: number;
  description: string;
}

const list = document.querySelector<HTMLUListElement>('#templates')!;

async function start(template: string, lang: string): Promise<void> {
  const response = await fetch('/api/demo/orders', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template, lang }),
  });
  if (!response.ok) return;
  const { order } = (await response.json()) as { order: string };
  location.assign(`./checkout.html?order=${encodeURIComponent(order)}&lang=${lang}`);
}

wireReset(document.querySelector<HTMLFormElement>('#reset')!, document.querySelector<HTMLElement>('#reset-status')!);

const pageLang = document.documentElement.lang === 'ja' ? 'ja' : 'en';
const listed = async (lang: string) => (await (await fetch(`/api/demo/orders?lang=${lang}`)).json()) as Template[];
const [templates, japanese] = await Promise.all([listed(pageLang), listed('ja')]);
for (const t of templates) {
  const inJapanese = japanese.find((j) => j.id === t.id)?.description ?? t.description;
  const item = document.createElement('li');
  const label = document.createElement('span');
  label.textContent = `${t.description}: ¥${t.amount.toLocaleString('en-US')} `;
  item.append(label);
  for (const [lang, text] of [
    ['ja', '日本語で支払う'],
    ['en', 'Pay in English'],
  ] as const) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    if (lang === 'ja') button.lang = 'ja';
    button.setAttribute('aria-label', `${text}: ${lang === 'ja' ? inJapanese : t.description}`);
    button.addEventListener('click', () => void start(t.id, lang));
    item.append(button);
  }
  list.append(item);
}
