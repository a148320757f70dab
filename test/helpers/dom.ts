/**
 * Finding things as a person (and a screen reader) would: by role and accessible name, inside the
 * widget's shadow root.
 */
import { waitUntil } from '@open-wc/testing';

export function shadow(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error(`${el.localName} has no shadow root`);
  return el.shadowRoot;
}

/** The accessible name the way these widgets give it: aria-label, aria-labelledby, a wrapping label, or text. */
export function accessibleName(node: Element): string {
  const root = node.getRootNode() as ShadowRoot | Document;
  const labelledBy = node.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  const label = node.getAttribute('aria-label');
  if (label) return label.trim();
  const wrapping = node.closest('label');
  if (wrapping) return (wrapping.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (node.id) {
    const forLabel = root.querySelector?.(`label[for="${node.id}"]`);
    if (forLabel) return (forLabel.textContent ?? '').replace(/\s+/g, ' ').trim();
  }
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const ROLE_SELECTORS: Record<string, string> = {
  button: 'button, [role="button"]',
  textbox: 'input:not([type]):not([role]), input[type="text"]:not([role]), input[type="url"], textarea, [role="textbox"]',
  radio: 'input[type="radio"], [role="radio"]',
  heading: 'h1, h2, h3, h4, [role="heading"]',
  alert: '[role="alert"]',
  status: '[role="status"]',
  link: 'a[href]',
  group: '[role="group"], fieldset',
};

export function allByRole(el: Element, role: string, name?: string | RegExp): HTMLElement[] {
  const found = [...shadow(el).querySelectorAll<HTMLElement>(ROLE_SELECTORS[role] ?? `[role="${role}"]`)];
  if (name === undefined) return found;
  return found.filter((node) => {
    const accessible = accessibleName(node);
    return typeof name === 'string' ? accessible === name : name.test(accessible);
  });
}

export function byRole<T extends HTMLElement = HTMLElement>(el: Element, role: string, name?: string | RegExp): T {
  const found = allByRole(el, role, name);
  if (found.length === 0) {
    const names = allByRole(el, role).map(accessibleName);
    throw new Error(`no ${role} named ${String(name)} in <${el.localName}>; there are: ${JSON.stringify(names)}`);
  }
  return found[0] as T;
}

export async function findByRole<T extends HTMLElement = HTMLElement>(
  el: Element,
  role: string,
  name?: string | RegExp,
  timeout = 3000,
): Promise<T> {
  await waitUntil(() => allByRole(el, role, name).length > 0, `waiting for ${role} ${String(name)}`, { timeout });
  return byRole<T>(el, role, name);
}

/** All the text a user sees in the widget (shadow root), whitespace folded. */
export function visibleText(el: Element): string {
  return (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
}

/** Types into a box the way an input event delivers it (the whole new value, caret at its end). */
export function typeInto(input: HTMLInputElement, value: string): void {
  input.focus();
  input.value = value;
  input.setSelectionRange(value.length, value.length);
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}

export function pasteInto(input: HTMLInputElement, text: string): void {
  input.focus();
  const data = new DataTransfer();
  data.setData('text/plain', text);
  input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
}
