import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/prepaid-checkout/prepaid-checkout.define.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { allByRole, byRole, findByRole, typeInto } from './dom.js';

export async function mountCheckout(order: string, lang: string | null = 'en', brands?: string): Promise<PrepaidCheckout> {
  const el = await fixture<PrepaidCheckout>(
    html`<prepaid-checkout endpoint="/api/checkout" order=${order} lang=${lang ?? undefined} brands=${brands ?? undefined}></prepaid-checkout>`,
  );
  await waitUntil(() => el.state.status !== 'loading', 'order loaded');
  await el.updateComplete;
  return el;
}

export async function chooseBrand(el: PrepaidCheckout, name: string | RegExp): Promise<void> {
  byRole<HTMLInputElement>(el, 'radio', name).click();
  await el.updateComplete;
}

/** The four boxes of code number `n` (1-based) of a brand. */
export function codeBoxes(el: PrepaidCheckout, brand: string, n = 1): HTMLInputElement[] {
  const all = allByRole(el, 'textbox', new RegExp(`^${brand}`)) as HTMLInputElement[];
  return all.slice((n - 1) * 4, n * 4);
}

export async function typeCode(el: PrepaidCheckout, brand: string, code: string, n = 1): Promise<void> {
  const [first] = codeBoxes(el, brand, n);
  if (!first) throw new Error(`no code boxes for ${brand} ${n}`);
  typeInto(first, code);
  await el.updateComplete;
}

export async function pressPay(el: PrepaidCheckout): Promise<void> {
  byRole<HTMLButtonElement>(el, 'button', /^Pay|支払う$/).click();
  await el.updateComplete;
}

export async function receipt(el: PrepaidCheckout): Promise<HTMLElement> {
  return findByRole(el, 'heading', /Payment complete|お支払いが完了しました/);
}

export function alertsText(el: PrepaidCheckout): string {
  return allByRole(el, 'alert')
    .map((a) => a.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}
