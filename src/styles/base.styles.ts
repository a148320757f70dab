/**
 * Tokens and base rules shared by both widgets. Every colour, radius and font is a `--ppw-` custom
 * property with a default, so a merchant can match their site (see README, Theming).
 */
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --_text: var(--ppw-color-text, #1f2328);
    --_muted: var(--ppw-color-muted, #57606a);
    --_surface: var(--ppw-color-surface, #ffffff);
    --_subtle: var(--ppw-color-subtle, #f4f6f8);
    --_border: var(--ppw-color-border, #8c959f);
    --_primary: var(--ppw-color-primary, #0b57d0);
    --_on-primary: var(--ppw-color-on-primary, #ffffff);
    --_error: var(--ppw-color-error, #b3261e);
    --_success: var(--ppw-color-success, #146c2e);
    --_radius: var(--ppw-radius, 8px);
    --_focus: var(--ppw-color-focus, #0b57d0);
    display: block;
    box-sizing: border-box;
    max-width: var(--ppw-max-width, 34rem);
    color: var(--_text);
    background: var(--_surface);
    font-family: var(--ppw-font-family, system-ui, -apple-system, 'Hiragino Sans', 'Noto Sans JP', 'Noto Sans CJK JP', sans-serif);
    font-size: var(--ppw-font-size, 1rem);
    line-height: 1.6;
    container-type: inline-size;
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
  button.link {
    min-height: 44px;
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
