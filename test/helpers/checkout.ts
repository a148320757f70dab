import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/prepaid-checkout/prepaid-checkout.define.js';
import type { PrepaidCheckout } from '../../src/prepaid-checkout/prepaid-checkout.js';
import { allByRole, findByRole, typeInto } from './dom.js';
import { alertsText, choose, press } from './harness.js';

export async function mountCheckout(order: string, lang: string | null = 'en', brands?: string): Promise<PrepaidCheckout> {
  const el = await fixture<PrepaidCheckout>(
    html`<prepaid-checkout endpoint="/api/checkout" order=${order} lang=${lang ?? undefined} brands=${brands ?? undefined}></prepaid-checkout>`,
  );
  await waitUntil(() => el.state.status !== 'loading', 'order loaded');
  await el.updateComplete;
  return el;
}

export const chooseBrand: (el: PrepaidCheckout, name: string | RegExp) => Promise<void> = choose;

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

export function pressPay(el: PrepaidCheckout): Promise<void> {
  return press(el, /^Pay|支払う$/);
}

export async function receipt(el: PrepaidCheckout): Promise<HTMLElement> {
  return findByRole(el, 'heading', /Payment complete|お支払いが完了しました/);
}

export { alertsText };
