import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/payout-claim/payout-claim.define.js';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import { allByRole, byRole, findByRole } from './dom.js';
import { choose, press, waitForStatus as waitForAnyStatus } from './harness.js';

export async function mountClaim(token: string | null, lang: string | null = 'en'): Promise<PayoutClaim> {
  const el = await fixture<PayoutClaim>(
    html`<payout-claim endpoint="/api/claims" bank-data="/banks/" token=${token ?? undefined} lang=${lang ?? undefined}></payout-claim>`,
  );
  await waitUntil(() => el.state.status !== 'loading', 'claim loaded');
  await el.updateComplete;
  return el;
}

export const chooseMethod: (el: PayoutClaim, name: string | RegExp) => Promise<void> = choose;
export { press };

export const waitForStatus: (el: PayoutClaim, status: PayoutClaim['state']['status'], timeout?: number) => Promise<void> = waitForAnyStatus;

export function fill(el: PayoutClaim, label: string | RegExp, value: string): void {
  const input = byRole<HTMLInputElement>(el, 'textbox', label);
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Types into a search box (combobox) and picks the option whose name matches. */
export async function searchAndPick(el: PayoutClaim, label: string | RegExp, query: string, option: string | RegExp): Promise<void> {
  await waitUntil(() => allByRole(el, 'combobox', label).some((box) => !(box as HTMLInputElement).disabled), `${String(label)} ready`);
  const box = byRole<HTMLInputElement>(el, 'combobox', label);
  box.focus();
  box.value = query;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
  (await findByRole(el, 'option', option)).click();
  await el.updateComplete;
}
