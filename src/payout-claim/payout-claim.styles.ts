import { css } from 'lit';

export const payoutClaimStyles = css`
  .message {
    background: var(--_subtle);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    overflow-wrap: anywhere;
  }
  .method-item {
    margin-bottom: 0.5rem;
  }
  label.method {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  /* Once a method is chosen, the others fold to one line: still radios, chosen by name or arrow keys. */
  label.method[data-folded] {
    align-items: center;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
  }
  label.method[data-folded] input {
    margin: 0;
  }
  label.method[data-folded] .method-name {
    font-weight: 400;
  }
  /* The chosen method's form opens right under its card, as one piece with it. */
  .method-item[data-open] > label.method {
    border-bottom-left-radius: 0;
    border-bottom-right-radius: 0;
  }
  .method-panel {
    border: 2px solid var(--_primary);
    border-top: 0;
    border-radius: 0 0 var(--_radius) var(--_radius);
    padding: 0.75rem 0.75rem 0.25rem;
    margin-bottom: 0.75rem;
  }
  @container (max-width: 22rem) {
    .method-panel {
      padding-inline: 0.5rem;
    }
  }
  .method-panel > .bank-form {
    margin-bottom: 0;
  }
  label.method:has(input:checked) {
    border: 2px solid var(--_primary);
    background: var(--_subtle);
  }
  label.method[data-disabled] {
    cursor: not-allowed;
    color: var(--_muted);
    border-style: dashed;
  }
  label.method input {
    margin: 0.3rem 0 0;
    width: 1.1rem;
    height: 1.1rem;
    flex: none;
    accent-color: var(--_primary);
  }
  .method-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
  }
  .method-name {
    font-weight: 600;
  }
  .method-details {
    display: flex;
    flex-direction: column;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .method-details[hidden] {
    display: none;
  }
  .unavailable {
    color: var(--_error);
  }
  .field {
    margin-bottom: 0.75rem;
  }
  .field label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .field input,
  .field select {
    font: inherit;
    width: 100%;
    min-height: 44px;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .field input[aria-invalid='true'] {
    border: 2px solid var(--_error);
  }
  .field .error {
    margin: 0.25rem 0 0;
  }
  .quick {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    margin-bottom: 0.75rem;
  }
  .quick-bank {
    min-height: 44px;
    min-width: 44px;
    padding: 0.25rem 0.75rem;
    font-size: 0.9em;
  }
  .quick-bank[aria-pressed='true'] {
    border: 2px solid var(--_primary);
    background: var(--_subtle);
    font-weight: 600;
  }
  .combobox {
    position: relative;
  }
  .listbox {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0.25rem 0;
    max-height: 16rem;
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .listbox[hidden] {
    display: none;
  }
  .listbox li {
    padding: 0.5rem 0.75rem;
    min-height: 44px;
    display: flex;
    align-items: center;
    cursor: pointer;
    overflow-wrap: anywhere; /* a long romaji (Nagasakimitsubishishinkumi) on a 320px phone */
  }
  .listbox li[aria-selected='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .mapped {
    margin: 0 0 0.75rem;
    font-weight: 600;
  }
  details.corporate {
    margin-top: 0.5rem;
    font-size: 0.9em;
  }
  details.corporate summary {
    cursor: pointer;
    min-height: 44px;
    padding: 0.625rem 0;
  }
  .holder-preview {
    margin: 0 0 0.75rem;
  }
  .zengin {
    font-family: ui-monospace, 'Noto Sans Mono CJK JP', monospace;
    font-weight: 600;
    letter-spacing: 0.05em;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
  }
  .actions button.primary {
    flex: 1;
  }
  .method-chosen {
    font-weight: 600;
  }
  .code-box {
    display: grid;
    justify-items: start;
    gap: 0.25rem;
    padding: 0.5rem 0.75rem;
    margin-bottom: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .code-label {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .code-value {
    font-family: ui-monospace, Menlo, Consolas, monospace;
    /* Large for reading at the ATM, but never wider than a 320 px phone (with a 20 px root font too); if it still
       does not fit, it wraps between the groups. */
    font-size: min(1.6em, 7vw);
    font-weight: 700;
    letter-spacing: 0.08em;
    user-select: all;
  }
  /* The gift link as text: any length wraps inside the box, never sideways. */
  .code-box[data-kind='link'] .code-value {
    font-size: 0.9em;
    font-weight: 400;
    white-space: normal;
    overflow-wrap: anywhere;
  }
  button.copy[data-copied] {
    border-color: var(--_success);
    color: var(--_success);
  }
  .no-matches {
    color: var(--_text);
  }
  .steps {
    padding-left: 1.25rem;
  }
  .expiry {
    font-weight: 600;
  }
  a.button-link {
    display: inline-block;
    padding: 0.6rem 1rem;
    border-radius: var(--_radius);
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    text-decoration: none;
  }
  .amount-line {
    font-size: 1.25em;
    font-weight: 700;
  }
  h3 {
    font-size: 1em;
    margin: 1rem 0 0.25rem;
  }
  .progress {
    margin: 0.5rem 0 0;
    color: var(--_muted);
  }
  .field #otp {
    max-width: 12em;
    font-size: 1.25em;
    letter-spacing: 0.15em;
  }
  .resend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    margin-top: 0.75rem;
  }
`;
