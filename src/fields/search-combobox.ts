/**
 * A search box with a list of matches, as the WAI-ARIA combobox pattern describes: the input has
 * role="combobox" and aria-activedescendant; ArrowDown/ArrowUp move through the options, Enter picks,
 * Escape closes (then clears); the number of matches is announced. Rendered into the host's shadow root.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { search, type BankEntry, type SearchIndex } from './bank-search.js';

export interface ComboboxView {
  label: string;
  hint: string;
  error: string | null;
  /** The error is read out by moving focus to the box (a refusal): not also an alert. */
  errorQuiet?: boolean;
  /** Shown under the box (and announced) when nothing matches what was typed. */
  noMatches: (query: string) => string;
  /** Announced after each search. */
  count: (n: number) => string;
  /** The text of an option and of the input once picked. */
  format: (entry: BankEntry) => string;
  disabled?: boolean;
}

type Host = ReactiveControllerHost & HTMLElement;

export class SearchCombobox {
  query = '';
  expanded = false;
  active = -1;
  results: BankEntry[] = [];
  index: SearchIndex | null = null;
  /** The entry picked (its text is shown in the box, in the page's current language), or null while typing. */
  picked: BankEntry | null = null;
  #announce = '';

  constructor(
    private readonly host: Host,
    readonly id: string,
    private readonly onPick: (entry: BankEntry | null) => void,
  ) {}

  /** Shows a picked entry in the box (or clears it). */
  show(entry: BankEntry | null, format: (e: BankEntry) => string): void {
    this.picked = entry;
    this.query = entry ? format(entry) : '';
    this.expanded = false;
    this.active = -1;
  }

  focus(): void {
    this.host.shadowRoot?.querySelector<HTMLInputElement>(`#${this.id}`)?.focus();
  }

  #view: ComboboxView | null = null;

  /** A list arrived (or changed): search again for what is already typed. */
  setIndex(index: SearchIndex | null): void {
    this.index = index;
    if (this.query && this.#view) this.#run(this.#view);
  }

  #run(view: ComboboxView): void {
    this.results = this.index ? search(this.index, this.query) : [];
    this.expanded = this.query.trim().length > 0;
    this.active = -1;
    this.#announce = this.expanded ? (this.results.length ? view.count(this.results.length) : view.noMatches(this.query.trim())) : '';
  }

  pick(entry: BankEntry, view: ComboboxView): void {
    this.show(entry, view.format);
    this.#announce = '';
    this.onPick(entry);
    this.host.requestUpdate();
  }

  #onInput(event: InputEvent, view: ComboboxView): void {
    this.query = (event.target as HTMLInputElement).value;
    this.picked = null;
    this.#run(view);
    this.onPick(null); // the text no longer names what was picked
    this.host.requestUpdate();
  }

  #onKeyDown(event: KeyboardEvent, view: ComboboxView): void {
    const count = this.results.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.expanded && this.query) this.#run(view);
        this.expanded = this.query.length > 0;
        if (count) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Enter': {
        const entry = this.results[this.active] ?? (this.expanded ? this.results[0] : undefined);
        if (entry) {
          event.preventDefault();
          this.pick(entry, view);
        }
        return;
      }
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          this.expanded = false;
          this.active = -1;
        } else if (this.query) {
          event.preventDefault();
          this.query = '';
          this.picked = null;
          this.onPick(null);
        }
        break;
      case 'Tab':
        this.expanded = false;
        break;
      default:
        return;
    }
    this.host.requestUpdate();
    void this.host.updateComplete.then(() =>
      this.host.shadowRoot?.querySelector(`#${this.id}-listbox [aria-selected="true"]`)?.scrollIntoView({ block: 'nearest' }),
    );
  }

  render(view: ComboboxView) {
    this.#view = view;
    // A picked entry reads in the page's language of the moment (its romaji comes and goes with it).
    if (this.picked) this.query = view.format(this.picked);
    // Said on screen, not only to screen readers; it stays while the box holds what found nothing.
    const noMatch = !this.picked && this.query.trim() !== '' && this.results.length === 0 && this.index !== null;
    const listId = `${this.id}-listbox`;
    const activeId = this.active >= 0 && this.results[this.active] ? `${this.id}-option-${this.results[this.active]!.code}` : '';
    return html`<div class="field combobox">
      <label for=${this.id} id=${`${this.id}-label`}>${view.label}</label>
      <input
        id=${this.id}
        part="input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls=${listId}
        aria-activedescendant=${activeId || nothing}
        aria-invalid=${view.error ? 'true' : 'false'}
        aria-describedby=${`${this.id}-error ${noMatch ? `${this.id}-none ` : ''}${this.id}-hint`}
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        lang="ja"
        ?disabled=${view.disabled}
        .value=${live(this.query)}
        @input=${(e: InputEvent) => this.#onInput(e, view)}
        @keydown=${(e: KeyboardEvent) => this.#onKeyDown(e, view)}
        @blur=${() => {
          this.expanded = false;
          this.host.requestUpdate();
        }}
      />
      <ul id=${listId} role="listbox" aria-labelledby=${`${this.id}-label`} class="listbox" ?hidden=${!this.expanded || this.results.length === 0}>
        ${this.results.map(
          (entry, i) => html`<li
            id=${`${this.id}-option-${entry.code}`}
            role="option"
            aria-selected=${i === this.active ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.pick(entry, view)}
          >
            ${view.format(entry)}
          </li>`,
        )}
      </ul>
      ${noMatch ? html`<p class="hint no-matches" id=${`${this.id}-none`}>${view.noMatches(this.query.trim())}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.#announce}</p>
      <p class="error" id=${`${this.id}-error`} role=${view.errorQuiet ? nothing : 'alert'} part="error">${view.error ?? ''}</p>
      <p class="hint" id=${`${this.id}-hint`}>${view.hint}</p>
    </div>`;
  }
}
