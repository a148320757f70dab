import { css } from 'lit';

/** The bank account form's own rules (the shared field, combobox and quick-bank rules are in the claim's styles). */
export const bankAccountFormStyles = css`
  fieldset.japan-post {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 0 0 0.75rem;
    min-width: 0;
  }
  fieldset.japan-post > legend {
    font-weight: 600;
    padding: 0 0.25rem;
  }
  /* 記号 － 1桁 － 番号 in one row, as on the passbook and the 払込取扱票. */
  .post-row {
    display: flex;
    align-items: flex-end;
    gap: 0.375rem;
  }
  .post-row > .post-box {
    margin-bottom: 0;
    min-width: 0;
  }
  .post-row > .post-symbol {
    flex: 5 1 0;
  }
  .post-row > .post-middleDigit {
    flex: 2 1 0;
    min-width: 3rem; /* a touch target even on a 320px phone */
  }
  .post-row > .post-postNumber {
    flex: 6 1 0;
  }
  .post-dash {
    flex: none;
    line-height: 44px;
  }
  /* Kept in the page while empty (a live region must exist before it speaks), but taking no room. */
  fieldset.japan-post > .error {
    margin: 0;
  }
  fieldset.japan-post > .error:not(:empty) {
    margin-top: 0.25rem;
  }
  fieldset.japan-post > .hint {
    margin: 0.25rem 0;
  }
  fieldset.choice {
    border: 0;
    padding: 0;
    margin: 0 0 0.75rem;
    min-width: 0;
  }
  fieldset.choice > legend {
    font-weight: 600;
    margin-bottom: 0.25rem;
    padding: 0;
  }
  .choice-option {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 44px;
    cursor: pointer;
  }
  .saved-option {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
    margin-bottom: 0.5rem;
  }
  .saved-option:has(input:checked) {
    border-color: var(--_primary);
    background: var(--_subtle);
  }
  .saved-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .saved-bank {
    font-weight: 600;
  }
  /* The holder's name moves to the next line whole rather than breaking between family and given name. */
  .saved-details .zengin {
    display: inline-block;
  }
  .save-account {
    margin-top: 0.5rem;
  }
  .choice-option input {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
    flex: none;
    accent-color: var(--_primary);
  }
  .holder-preview p {
    margin: 0 0 0.5rem;
    overflow-wrap: anywhere;
  }
  mark.unsendable {
    background: transparent;
    color: var(--_error);
    border: 2px solid var(--_error);
    border-radius: 2px;
    text-decoration: line-through;
    padding: 0 0.1em;
    margin: 0 0.1em;
  }
  .holder-preview .count[data-over] {
    color: var(--_error);
    font-weight: 600;
  }
  .preview-note {
    color: var(--_error);
  }
  table.abbreviations {
    border-collapse: collapse;
    margin-top: 0.5rem;
    width: 100%;
  }
  table.abbreviations th,
  table.abbreviations td {
    text-align: start;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    overflow-wrap: anywhere;
  }
`;
