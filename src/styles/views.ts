/**
 * The two views both widgets show the same way: loading, and a load that failed (with a retry).
 */
import { html, nothing } from 'lit';

export function renderLoading(text: string) {
  return html`<div class="card" aria-busy="true"><p role="status">${text}</p></div>`;
}

export function renderUnavailable(title: string, message: string, retry: { label: string; run: () => void } | null) {
  return html`<div class="card">
    <h2 tabindex="-1">${title}</h2>
    <p class="error" role="alert" part="error">${message}</p>
    ${retry ? html`<button type="button" @click=${retry.run}>${retry.label}</button>` : nothing}
  </div>`;
}
