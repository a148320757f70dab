/**
 * The segmented code input: one prepaid code as boxes of its brand's printed grouping, rendered into the
 * host's shadow root (so labels, hints and errors stay in one tree for assistive technology).
 * The edit rules are pure (code-segments.ts); this controller wires DOM events to them and puts the
 * caret where the next character goes.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import type { CodeFormat } from '../contract/brands.js';
import { normalizeCode } from '../japanese/prepaid-code.js';
import { deleteBefore, editSegment, segmentCount, toSegments, type Caret } from './code-segments.js';

export interface CodeFieldView {
  /** Which code of the order (0-based). */
  index: number;
  format: CodeFormat;
  code: string;
  label: string;
  segmentLabel: (segment: number) => string;
  hint: string;
  lookAlikeHint: string | null;
  /** A message shown next to the field and announced, or null. */
  error: string | null;
  disabled: boolean;
  /** While paying: the boxes keep focus (a disabled box would drop it to the page) but take no edits. */
  readOnly?: boolean;
}

type Host = ReactiveControllerHost & HTMLElement;

export class CodeFieldController implements ReactiveController {
  #pendingCaret: { index: number; caret: Caret } | null = null;

  constructor(
    private readonly host: Host,
    private readonly onChange: (index: number, code: string) => void,
    private readonly codeAt: (index: number) => string,
    private readonly format: () => CodeFormat,
    private readonly onLeave: (index: number) => void = () => {},
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const pending = this.#pendingCaret;
    if (!pending) return;
    this.#pendingCaret = null;
    const input = this.#segmentInput(pending.index, pending.caret.segment);
    if (!input) return;
    input.focus();
    const offset = Math.min(pending.caret.offset, input.value.length);
    input.setSelectionRange(offset, offset);
  }

  /** Focuses the first box of a code (after an error that names it). */
  focus(index: number, segment = 0): void {
    this.#segmentInput(index, segment)?.focus();
  }

  #segmentInput(index: number, segment: number): HTMLInputElement | null {
    return this.host.shadowRoot?.querySelector<HTMLInputElement>(`#code-${index}-${segment}`) ?? null;
  }

  #apply(index: number, code: string, caret: Caret): void {
    this.#pendingCaret = { index, caret };
    this.onChange(index, code);
    // Even when the normalized code did not change, the box must show it again (e.g. a dropped hyphen).
    this.host.requestUpdate();
  }

  #edit(index: number, segment: number, typed: string, caretInTyped: number): void {
    const format = this.format();
    const result = editSegment(format, this.codeAt(index), segment, typed, caretInTyped, (t) => normalizeCode(format, t));
    this.#apply(index, result.code, result.caret);
  }

  #onInput = (event: InputEvent): void => {
    if (event.isComposing) return; // IME: leave the text alone until composition ends
    const input = event.target as HTMLInputElement;
    this.#edit(Number(input.dataset.index), Number(input.dataset.segment), input.value, input.selectionStart ?? input.value.length);
  };

  #onCompositionEnd = (event: CompositionEvent): void => {
    const input = event.target as HTMLInputElement;
    this.#edit(Number(input.dataset.index), Number(input.dataset.segment), input.value, input.selectionStart ?? input.value.length);
  };

  #onPaste = (event: ClipboardEvent): void => {
    const text = event.clipboardData?.getData('text/plain');
    if (text === undefined) return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    const typed = input.value.slice(0, start) + text + input.value.slice(end);
    this.#edit(Number(input.dataset.index), Number(input.dataset.segment), typed, start + text.length);
  };

  /** Focus left the code's boxes altogether (not just moved to the next box). */
  #onFocusOut = (event: FocusEvent): void => {
    const group = event.currentTarget as HTMLElement;
    if (event.relatedTarget instanceof Node && group.contains(event.relatedTarget)) return;
    this.onLeave(Number(group.dataset.index));
  };

  #onKeyDown = (event: KeyboardEvent): void => {
    const input = event.target as HTMLInputElement;
    const index = Number(input.dataset.index);
    const segment = Number(input.dataset.segment);
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    if (event.key === 'Backspace' && atStart && segment > 0) {
      const result = deleteBefore(this.format(), this.codeAt(index), segment);
      event.preventDefault();
      if (result) this.#apply(index, result.code, result.caret);
      else this.#pendingCaret = { index, caret: { segment: segment - 1, offset: Infinity } };
      this.host.requestUpdate();
    } else if (event.key === 'ArrowLeft' && atStart && segment > 0) {
      event.preventDefault();
      this.#pendingCaret = { index, caret: { segment: segment - 1, offset: Infinity } };
      this.host.requestUpdate();
    } else if (event.key === 'ArrowRight' && atEnd && segment < segmentCount(this.format()) - 1) {
      event.preventDefault();
      this.#pendingCaret = { index, caret: { segment: segment + 1, offset: 0 } };
      this.host.requestUpdate();
    }
  };

  render(view: CodeFieldView) {
    const { index, format } = view;
    const segments = toSegments(format, view.code);
    const labelId = `code-${index}-label`;
    const hintId = `code-${index}-hint`;
    const errorId = `code-${index}-error`;
    const describedBy = [view.error ? errorId : '', hintId].filter(Boolean).join(' ');
    return html`
      <div class="code-field" role="group" aria-labelledby=${labelId} data-index=${index} @focusout=${this.#onFocusOut}>
        <div class="code-label" id=${labelId}>${view.label}</div>
        <div class=${`segments ${format.script}`} part="code">
          ${segments.map(
            (text, segment) => html`${segment > 0 ? html`<span class="dash" aria-hidden="true">-</span>` : nothing}<input
                id=${`code-${index}-${segment}`}
                part="input"
                class="segment"
                data-index=${index}
                data-segment=${segment}
                .value=${live(text)}
                aria-label=${view.segmentLabel(segment)}
                aria-describedby=${describedBy}
                aria-invalid=${view.error ? 'true' : 'false'}
                inputmode="text"
                autocomplete="off"
                autocapitalize="off"
                autocorrect="off"
                spellcheck="false"
                enterkeyhint=${segment === segments.length - 1 ? 'done' : 'next'}
                lang=${format.script === 'hiragana' ? 'ja' : 'en'}
                ?disabled=${view.disabled}
                ?readonly=${view.readOnly === true}
                aria-disabled=${view.readOnly ? 'true' : nothing}
                @input=${this.#onInput}
                @compositionend=${this.#onCompositionEnd}
                @paste=${this.#onPaste}
                @keydown=${this.#onKeyDown}
              />`,
          )}
        </div>
        <p class="error" id=${errorId} role="alert" part="error">${view.error ?? ''}</p>
        <p class="hint" id=${hintId}>${view.hint}${view.lookAlikeHint ? html`<br />${view.lookAlikeHint}` : nothing}</p>
      </div>
    `;
  }
}
