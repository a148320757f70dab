// The floor for `npm run bench`: the least a lit + zod/mini widget does before its first input shows. It fetches
// a small JSON answer, checks it with a zod/mini object schema, and renders a form with one input. Built with the
// same vite settings as the widgets (scripts/bench-first-view.mjs).
import { css, html, LitElement } from 'lit';
import * as z from 'zod/mini';

const Order = z.object({
  order: z.string().check(z.minLength(1)),
  merchant: z.object({ name: z.string() }),
  amount: z.number().check(z.int(), z.positive()),
  currency: z.literal('JPY'),
});
type Order = z.infer<typeof Order>;

export class FloorForm extends LitElement {
  static override styles = css`
    :host { display: block; font-family: system-ui, sans-serif; max-width: 34rem; }
    .card { border: 1px solid #8c959f; border-radius: 8px; padding: 1rem; }
    input { font: inherit; padding: 0.5rem; }
  `;
  static override properties = { order: { state: true } };
  declare order: Order | null;

  constructor() {
    super();
    this.order = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void fetch(new URL('order.json', import.meta.url))
      .then((response) => response.json())
      .then((body: unknown) => {
        const parsed = Order.safeParse(body);
        if (parsed.success) this.order = parsed.data;
      });
  }

  override render() {
    if (!this.order) return html`<div class="card" aria-busy="true"><p role="status">…</p></div>`;
    return html`<form class="card" @submit=${(e: Event) => e.preventDefault()}>
      <p>${this.order.merchant.name}: ${this.order.amount}円</p>
      <label>コード <input name="code" autocomplete="off" /></label>
      <button type="submit">支払う</button>
    </form>`;
  }
}

if (!customElements.get('floor-form')) customElements.define('floor-form', FloorForm);
