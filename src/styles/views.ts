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

/** Before the element's language is there (its chunk is loading): a card without words, or a retry when it failed. */
export function renderSkeleton(retry: (() => void) | null) {
  return html`<div class="card" aria-busy=${retry ? 'false' : 'true'}>
    <p role="status">${retry ? html`<button type="button" @click=${retry} lang="ja">再読み込み / Retry</button>` : nothing}</p>
  </div>`;
}
