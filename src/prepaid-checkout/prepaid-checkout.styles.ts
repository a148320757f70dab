import { css } from 'lit';

export const checkoutStyles = css`
  /* Two columns while a brand name fits in half the width and never more than two (in em, so a large font gets one column). */
  .brand-list {
    display: grid;
    /* Two columns only where every brand name fits on one line (names do not wrap): one column on phones. The
       widget is at most 34rem wide, so never three. */
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11.5rem), 1fr));
    gap: 0.5rem;
  }
  label.brand {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 48px;
    padding: 0.5rem;
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
  /*
   * The boxes of a code, sized for their script so that every character shows: Latin in a monospace face
   * (4ch a box), hiragana in the Japanese face (4 full-width characters a box). Where a row of all the
   * boxes would not fit (phones, a large root font), they stack two by two. The thresholds are in em of the
   * field, so they follow the shopper's font size.
   */
  .code-field {
    container: ppw-code / inline-size;
  }
  .segments {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.5rem;
  }
  .segments .dash {
    display: none;
  }
  @container ppw-code (min-width: 17em) {
    .segments.latin {
      display: flex;
      align-items: center;
      gap: 0.25rem;
    }
    .segments.latin .dash {
      display: inline;
    }
  }
  @container ppw-code (min-width: 27em) {
    .segments.hiragana {
      display: flex;
      align-items: center;
      gap: 0.25rem;
    }
    .segments.hiragana .dash {
      display: inline;
    }
  }
  .dash {
    color: var(--_muted);
  }
  input.segment {
    flex: 1 1 0;
    min-width: 0;
    width: 100%;
    min-height: 48px;
    padding: 0.25rem 0.125em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
    font-size: 1.125em;
    letter-spacing: 0.04em;
    text-align: center;
    color: var(--_text);
    background: var(--_surface);
  }
  .segments.hiragana input.segment {
    /* The widget's own (Japanese) face, as themed: monospace fonts rarely have kana. */
    font-family: inherit;
    letter-spacing: 0;
  }
  input.segment[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  input.segment[readonly] {
    background: var(--_subtle);
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
  .running-total {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  .running-total:empty {
    margin: 0;
  }
  /* The Pay button while paying: same name, a spinner before it. */
  button.primary {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
  }
  button.primary[aria-disabled='true'] {
    cursor: progress;
  }
  .spinner {
    flex: none;
    width: 1.1em;
    height: 1.1em;
    border: 0.15em solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
  }
  /* Loading: placeholders the size of the form's parts. */
  .skeleton {
    display: block;
    height: 1.6em;
    margin: 0 0 0.75rem;
    border-radius: var(--_radius);
    background: var(--_subtle);
  }
  .skeleton.short {
    width: 50%;
  }
  .skeleton.tall {
    height: 2.4em;
    margin-bottom: 1.25rem;
  }
  .loading .brand-list {
    margin: 0 0 1rem;
  }
  .loading .brand-list .skeleton,
  .skeleton.button {
    height: 48px;
    margin: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    .spinner {
      animation: ppw-spin 0.8s linear infinite;
    }
    .skeleton {
      animation: ppw-pulse 1.4s ease-in-out infinite alternate;
    }
  }
  @keyframes ppw-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @keyframes ppw-pulse {
    to {
      opacity: 0.45;
    }
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
  /* One payment: brand and amount on a line, then how it was paid (the issuer's site, the masked code). */
  ul.payments li {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0 1rem;
    padding: 0.375rem 0;
    border-top: 1px solid var(--_subtle);
  }
  .payment-amount {
    text-align: right;
  }
  .payment-note {
    grid-column: 1 / -1;
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  .masked {
    font-family: ui-monospace, Menlo, Consolas, monospace;
  }
`;
