import { css } from 'lit';

export const checkoutStyles = css`
  .brand-list {
    display: grid;
    /* Two columns only where a brand name fits on one line (one column on phones). */
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11.5rem), 1fr));
    gap: 0.5rem;
  }
  label.brand {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 48px;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
    overflow-wrap: break-word;
  }
  label.brand:has(input:checked) {
    border: 2px solid var(--_primary);
    background: var(--_subtle);
    font-weight: 600;
  }
  label.brand input {
    margin: 0;
    width: 1.1rem;
    height: 1.1rem;
    flex: none;
    accent-color: var(--_primary);
  }
  .codes {
    margin: 0 0 1rem;
  }
  .code-row {
    margin: 0 0 0.75rem;
  }
  .code-label {
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .segments {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }
  .dash {
    color: var(--_muted);
  }
  input.segment {
    flex: 1 1 0;
    min-width: 0;
    width: 100%;
    min-height: 48px;
    padding: 0.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Noto Sans Mono CJK JP', monospace;
    font-size: 1.125rem;
    letter-spacing: 0.08em;
    text-align: center;
    color: var(--_text);
    background: var(--_surface);
  }
  input.segment[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  input.segment:focus-visible {
    outline-offset: 0;
  }
  .code-field .error {
    margin: 0.25rem 0 0;
  }
  .code-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  .balance {
    margin: 0;
  }
  .add-code {
    margin-bottom: 0.5rem;
  }
  .general-error {
    margin: 0 0 0.75rem;
  }
  .progress {
    margin: 0.5rem 0 0;
    color: var(--_muted);
  }
  .receipt h3 {
    font-size: 1em;
    margin: 0 0 0.25rem;
  }
  ul.payments {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  ul.payments li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1rem;
    padding: 0.25rem 0;
    border-top: 1px solid var(--_subtle);
  }
  .masked {
    font-family: ui-monospace, Menlo, Consolas, monospace;
  }
`;
