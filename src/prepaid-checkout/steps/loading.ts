import { html } from 'lit';

/**
 * Loading, in the form's own layout: the title, the order summary, the brand choice and the Pay button as
 * placeholders of their final size, so that nothing jumps when the order arrives. Only the status is read out.
 */
export function renderCheckoutLoading(text: string) {
  const line = (cls: string) => html`<span class=${`skeleton ${cls}`}></span>`;
  return html`<div class="card loading" part="form" aria-busy="true">
    <p class="visually-hidden" role="status">${text}</p>
    <div class="skeleton-group" aria-hidden="true">
      ${line('title')}
      <div class="skeleton-rows">${line('row')}${line('row')}${line('row total')}</div>
      ${line('legend')}
      <div class="brand-list">${line('brand')}${line('brand')}${line('brand')}${line('brand')}</div>
      ${line('button')}
    </div>
  </div>`;
}
