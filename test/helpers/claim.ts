import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/payout-claim/payout-claim.define.js';
import type { PayoutClaim } from '../../src/payout-claim/payout-claim.js';
import { byRole } from './dom.js';

export async function mountClaim(token: string | null, lang: string | null = 'en'): Promise<PayoutClaim> {
  const el = await fixture<PayoutClaim>(
    html`<payout-claim endpoint="/api/claims" token=${token ?? undefined} lang=${lang ?? undefined}></payout-claim>`,
  );
  await waitUntil(() => el.state.status !== 'loading', 'claim loaded');
  await el.updateComplete;
  return el;
}

export async function chooseMethod(el: PayoutClaim, name: string | RegExp): Promise<void> {
  byRole<HTMLInputElement>(el, 'radio', name).click();
  await el.updateComplete;
}

export async function press(el: PayoutClaim, name: string | RegExp): Promise<void> {
  byRole<HTMLButtonElement>(el, 'button', name).click();
  await el.updateComplete;
}

export async function waitForStatus(el: PayoutClaim, status: PayoutClaim['state']['status'], timeout = 4000): Promise<void> {
  await waitUntil(() => el.state.status === status, `waiting for ${status}, is ${el.state.status}`, { timeout });
  await el.updateComplete;
}

export function fill(el: PayoutClaim, label: string | RegExp, value: string): void {
  const input = byRole<HTMLInputElement>(el, 'textbox', label);
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}
