export {};
/**
 * The demo's landing page: lists the order templates and starts a fresh order from one.
 */
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
    body: JSON.stringify({ template }),
  });
  const { order } = (await response.json()) as { order: string };
  location.assign(`./checkout.html?order=${encodeURIComponent(order)}&lang=${lang}`);
}

const templates = (await (await fetch('/api/demo/orders')).json()) as Template[];
for (const t of templates) {
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
    button.setAttribute('aria-label', `${text}: ${t.description}`);
    button.addEventListener('click', () => void start(t.id, lang));
    item.append(button);
  }
  list.append(item);
}
