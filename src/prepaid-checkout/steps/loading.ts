import { html } from 'lit';

/**
 * Loading, in the form's own layout: the title, the order summary, the brand choice and the Pay button as
 * placeholders of their final size, so that nothing jumps when the order arrives. Only the status is read out.
 */
export function renderCheckoutLoading(text: string) {
  const line = (cls = '') => html`<span class=${`skeleton ${cls}`}></span>`;
  return html`<div class="card loading" part="form" aria-busy="true">
    <p class="visually-hidden" role="status">${text}</p>
    <div aria-hidden="true">
      ${line('short')}${line()}${line()}${line('tall')}${line('short')}
      <div class="brand-list">${line()}${line()}${line()}${line()}</div>
      ${line('button')}
    </div>
  </div>`;
}
