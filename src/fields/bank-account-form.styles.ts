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
  .post-numbers {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
  }
  .post-numbers > .field {
    flex: 1 1 9rem;
    min-width: 0;
  }
  .post-numbers > .post-digit {
    flex: 0 1 7rem;
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
