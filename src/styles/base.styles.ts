/**
 * Tokens and base rules shared by both widgets. Every colour, radius and font is a `--ppw-` custom
 * property with a default, so a merchant can match their site (see README, Theming). The colour defaults
 * come from `--_ppw-*`, light unless `theme="dark"`, or `theme` is not `light` and the system is dark; a
 * `--ppw-*` set by the page wins over both. Rules use the resolved `--_text`, `--_primary`, ...
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    color-scheme: light;
    --_ppw-text: #1f2328;
    --_ppw-muted: #57606a;
    --_ppw-surface: #ffffff;
    --_ppw-subtle: #f4f6f8;
    --_ppw-border: #8c959f;
    --_ppw-primary: #0b57d0;
    --_ppw-on-primary: #ffffff;
    --_ppw-error: #b3261e;
    --_ppw-success: #146c2e;
  }
  :host([theme='dark']) {
    color-scheme: dark;
    --_ppw-text: #e6e8eb;
    --_ppw-muted: #a9b1bb;
    --_ppw-surface: #1b1d21;
    --_ppw-subtle: #2a2e35;
    --_ppw-border: #737b86;
    --_ppw-primary: #8ab4f8;
    --_ppw-on-primary: #0a1f44;
    --_ppw-error: #ffb4ab;
    --_ppw-success: #7ed99a;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      color-scheme: dark;
      --_ppw-text: #e6e8eb;
      --_ppw-muted: #a9b1bb;
      --_ppw-surface: #1b1d21;
      --_ppw-subtle: #2a2e35;
      --_ppw-border: #737b86;
      --_ppw-primary: #8ab4f8;
      --_ppw-on-primary: #0a1f44;
      --_ppw-error: #ffb4ab;
      --_ppw-success: #7ed99a;
    }
  }
  :host {
    --_text: var(--ppw-color-text, var(--_ppw-text));
    --_muted: var(--ppw-color-muted, var(--_ppw-muted));
    --_surface: var(--ppw-color-surface, var(--_ppw-surface));
    --_subtle: var(--ppw-color-subtle, var(--_ppw-subtle));
    --_border: var(--ppw-color-border, var(--_ppw-border));
    --_primary: var(--ppw-color-primary, var(--_ppw-primary));
    --_on-primary: var(--ppw-color-on-primary, var(--_ppw-on-primary));
    --_error: var(--ppw-color-error, var(--_ppw-error));
    --_success: var(--ppw-color-success, var(--_ppw-success));
    --_radius: var(--ppw-radius, 8px);
    --_focus: var(--ppw-color-focus, var(--_ppw-primary));
    display: block;
    box-sizing: border-box;
    max-width: var(--ppw-max-width, 34rem);
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--ppw-font-family, system-ui, -apple-system, 'Hiragino Sans', 'Noto Sans JP', 'Noto Sans CJK JP', sans-serif);
    font-size: var(--ppw-font-size, 1rem);
    line-height: 1.6;
    container-type: inline-size;
    /* Japanese: no line starting with a small kana or ー; a word too long for its line still breaks. */
    line-break: strict;
    overflow-wrap: break-word;
  }
  /* No lone last character. Japanese breaks between phrases instead (pretty would break inside words). */
  p,
  li,
  dd {
    text-wrap: pretty;
  }
  @supports (word-break: auto-phrase) {
    :lang(ja),
    slot[name='notice'] {
      word-break: auto-phrase;
    }
    :is(p, li, dd):lang(ja) {
      text-wrap-style: auto;
    }
  }
  /* Headings and labels: short, so balanced (ビットキャッシュの / ひらがなID, not a lone ID). */
  h2,
  h3,
  legend,
  label[for],
  .code-label {
    text-wrap: balance;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2 {
    font-size: 1.25em;
    line-height: 1.3;
    margin: 0 0 0.75rem;
  }
  h2:focus {
    outline: none;
  }
  p {
    margin: 0 0 0.75rem;
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  button.primary {
    width: 100%;
    border-color: var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  input:where(:not([type='radio'], [type='checkbox'])),
  select {
    min-height: 44px;
  }
  button.link {
    border: none;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    padding: 0.25rem 0.25rem;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  fieldset {
    border: none;
    margin: 0 0 1rem;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.5rem;
    padding: 0;
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 1rem;
  }
  @container (min-width: 30rem) {
    .card {
      padding: 1.5rem;
    }
  }
  dl.summary {
    margin: 0 0 1rem;
  }
  dl.summary > div {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: baseline;
    gap: 0 1rem;
    padding: 0.375rem 0;
    border-bottom: 1px solid var(--_subtle);
  }
  dl.summary dt {
    color: var(--_muted);
  }
  dl.summary dd {
    margin: 0 0 0 auto;
    min-width: 0;
    text-align: right;
    overflow-wrap: anywhere;
  }
  .amount {
    white-space: nowrap;
    font-size: 1.5em;
    font-weight: 700;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
  }
  .error:empty {
    margin: 0;
  }
  .notice {
    border-left: 4px solid var(--_error);
    background: var(--_subtle);
    padding: 0.5rem 0.75rem;
    margin: 0 0 1rem;
  }
  /*
   * The page's legal notices (slot "notice", light DOM): under the widget, in smaller muted text that the
   * slotted content inherits (colours follow the theme), wrapping at any width, spaced only when given.
   * It inherits auto-phrase too (above), which breaks only Japanese text (by its own lang) between phrases.
   */
  slot[name='notice'] {
    display: block;
    color: var(--_muted);
    font-size: 0.8125em;
    line-height: 1.6;
    overflow-wrap: anywhere;
  }
  ::slotted([slot='notice']) {
    margin: 1rem 0 0;
    max-width: 100%;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
    margin: 0.25rem 0 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .success {
    color: var(--_success);
  }
`;
