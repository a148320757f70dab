/**
 * The bank account form of `<payout-claim>` (the view): bank and branch search, or Japan Post Bank's 記号・番号
 * (with the middle digit of a 振替口座 in its own box, and 通常貯金 / 通常貯蓄貯金 as a choice), account type,
 * number and holder name with a preview of what the bank receives. The rules are pure
 * (`account-draft.ts`, `src/japanese/`), the files come from `bank-data-loader.ts`; this file renders, wires
 * the events, and turns problem kinds into words. What the recipient typed stays in memory only.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { ACCOUNT_TYPES, type AccountType, type SavedAccount } from '../contract/claim.js';
import type { BankAccount } from '../contract/claim-requests.js';
import type { ClaimMessages, Lang } from '../i18n/index.js';
import {
  JAPAN_POST_BANK_CODE,
  JAPAN_POST_GENERAL_TYPES,
  japanPostKind,
  spreadJapanPost,
  spreadJapanPostNumber,
  type JapanPostGeneralType,
} from '../japanese/japan-post.js';
import { CORPORATE_ABBREVIATIONS, HOLDER_MAX_LENGTH, toZenginName } from '../japanese/zengin.js';
import {
  checkDraft,
  draftNames,
  emptyDraft,
  fieldShown,
  holderProblems,
  isJapanPost,
  japanPostMapping,
  MISSING_KINDS,
  type AccountDraft,
  type AccountField,
  type AccountProblem,
} from './account-draft.js';
import { BankDataLoader, LoadStatus } from './bank-data-loader.js';
import { displayName, entryLabel, halfWidthLatin } from './bank-names.js';
import { buildIndex, POPULAR_BANKS, type BankEntry } from './bank-search.js';
import { SearchCombobox, type ComboboxView } from './search-combobox.js';

export { fieldOfFailure, type AccountDraft, type AccountField } from './account-draft.js';

type Host = ReactiveControllerHost & HTMLElement;
type ClaimText = ClaimMessages['claim'];
type FormText = ClaimText['bankForm'];
type TextField = 'number' | 'symbol' | 'middleDigit' | 'postNumber' | 'holder';

/** A problem kind in the page's language. */
export function problemText(problem: AccountProblem, f: FormText): string {
  switch (problem.kind) {
    case 'holder_unsendable':
      return f.problems.holder_unsendable(problem.chars);
    case 'holder_too_long':
      return f.problems.holder_too_long(problem.length, problem.max);
    default:
      return f.problems[problem.kind];
  }
}

/** The kanji forms of each corporate abbreviation, for the help table. */
const CORPORATE_ROWS = CORPORATE_ABBREVIATIONS.map(({ abbreviation, written }) => ({
  abbreviation,
  forms: written.filter((w) => /\p{Script=Han}/u.test(w) && !w.startsWith('(') && [...w].length > 1).join('・'),
}));

const formatEntry = (entry: BankEntry) => entryLabel(entry, false);

/** The saved accounts around the form (`Claim.savedAccounts`), as the choice step gives them. */
export interface SavedAccountsView {
  /** Undefined: a backend without saved accounts (no group, no checkbox); empty: only the checkbox. */
  accounts: readonly SavedAccount[] | undefined;
  /** The saved account chosen; null: another account (the form). */
  chosen: string | null;
  save: boolean;
  /** A refusal of the chosen saved account, in words. */
  error: string | null;
  choose(accountId: string | null): void;
  setSave(save: boolean): void;
}

export class BankAccountForm implements ReactiveController {
  draft: AccountDraft = { ...emptyDraft };
  /** Fields left (blurred after a change): their problems show, except "missing". */
  #touched = new Set<AccountField>();
  /**
   * Fields left while a pointer is pressed: their messages wait for the release, so that nothing moves under
   * the press (a message appearing on blur would push the radio or button being clicked away from the pointer).
   */
  #leftWhilePressed = new Set<AccountField>();
  #pressed = false;
  /** After Next: every problem shows. */
  #submitted = false;
  /**
   * A field the server or the bank refused, with the text to show, until that field is edited. Focus moves
   * to it (`focusRefused`), which reads the text out: it is not also an alert, so that it is said once.
   */
  #refused: { field: AccountField; text: string } | null = null;
  /** English: names with their romaji (みずほ (Mizuho, 0001)). */
  #withRoma = false;
  #dataUrl = '';
  readonly #loader = new BankDataLoader(() => this.#loaded());
  #popular: BankEntry[] = [];
  readonly #bankBox: SearchCombobox;
  readonly #branchBox: SearchCombobox;

  constructor(
    private readonly host: Host,
    /** The current bank-data base URL (it may change between a failure and a retry). */
    private readonly dataUrl: () => string,
  ) {
    host.addController(this);
    this.#bankBox = new SearchCombobox(host, 'account-bankCode', (entry) => this.#pickBank(entry));
    this.#branchBox = new SearchCombobox(host, 'account-branchCode', (entry) => this.#pickBranch(entry));
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', this.#onPress, true);
    window.addEventListener('pointerup', this.#onRelease, true);
    window.addEventListener('pointercancel', this.#onRelease, true);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', this.#onPress, true);
    window.removeEventListener('pointerup', this.#onRelease, true);
    window.removeEventListener('pointercancel', this.#onRelease, true);
  }

  readonly #onPress = (): void => {
    this.#pressed = true;
  };

  readonly #onRelease = (): void => {
    if (!this.#pressed) return;
    this.#pressed = false;
    // After the click that this release makes has reached its target.
    setTimeout(() => {
      if (!this.#leftWhilePressed.size) return;
      for (const field of this.#leftWhilePressed) this.#touched.add(field);
      this.#leftWhilePressed.clear();
      this.host.requestUpdate();
    });
  };

  /** Loads the bank list once from the bank-data base URL (a failure stays until `retry`). */
  load(dataUrl: string): void {
    this.#dataUrl = dataUrl;
    this.#loader.loadBanks(dataUrl);
  }

  /** The recipient asked to load the list again. */
  retry(dataUrl: string): void {
    this.#dataUrl = dataUrl;
    this.#loader.retryBanks(dataUrl);
  }

  #loaded(): void {
    const { banks, branches } = this.#loader;
    if (banks.status === LoadStatus.COMPLETE && !this.#bankBox.index) {
      this.#bankBox.setIndex(buildIndex(banks.value, POPULAR_BANKS));
      this.#popular = POPULAR_BANKS.flatMap((code) => banks.value.filter((b) => b.code === code)).slice(0, 8);
    }
    if (this.#loader.branchesOf === this.draft.bankCode) {
      this.#branchBox.setIndex(branches.status === LoadStatus.COMPLETE ? buildIndex(branches.value) : null);
    }
    this.host.requestUpdate();
  }

  #pickBank(entry: BankEntry | null): void {
    const code = entry?.code ?? '';
    const changed = code !== this.draft.bankCode;
    this.draft = { ...this.draft, bankCode: code, bankName: entry?.name ?? '' };
    if (changed) {
      this.draft = { ...this.draft, branchCode: '', branchName: '' };
      this.#branchBox.show(null, formatEntry);
      this.#loader.loadBranches(this.#dataUrl, code && code !== JAPAN_POST_BANK_CODE ? code : '');
    }
    this.#edited('bankCode');
    // Request the render first, so that focus waits for the branch box it enables.
    this.host.requestUpdate();
    if (entry) this.#focusAfterUpdate(code === JAPAN_POST_BANK_CODE ? 'account-symbol' : 'account-branchCode');
  }

  #pickBranch(entry: BankEntry | null): void {
    this.draft = { ...this.draft, branchCode: entry?.code ?? '', branchName: entry?.name ?? '' };
    this.#edited('branchCode');
    this.host.requestUpdate();
    if (entry) this.#focusAfterUpdate('account-type');
  }

  #focusAfterUpdate(id: string, caretAtEnd = false): void {
    void this.host.updateComplete.then(() => {
      const target = this.host.shadowRoot?.getElementById(id);
      if (!(target instanceof HTMLElement)) return;
      target.focus();
      if (caretAtEnd && target instanceof HTMLInputElement) target.setSelectionRange(target.value.length, target.value.length);
    });
  }

  /** Validates; on success returns the account, otherwise shows every problem and focuses the first field. */
  submit(): BankAccount | null {
    const checked = checkDraft(this.draft);
    this.#submitted = true;
    this.host.requestUpdate();
    if (checked.ok) return checked.account;
    this.#focusAfterUpdate(`account-${checked.problems[0]!.field}`);
    return null;
  }

  /** The bank and branch of what was entered, for the confirm step: name (romaji in English) and code. */
  names(lang: Lang): { bank: string; branch: string } {
    const withRoma = lang === 'en';
    const names = draftNames(this.draft);
    const bankPicked = this.#bankBox.picked;
    const branchPicked = this.#branchBox.picked;
    const bank = bankPicked ? entryLabel(bankPicked, withRoma) : `${halfWidthLatin(names.bank)} (${this.draft.bankCode})`;
    if (isJapanPost(this.draft)) {
      const mapped = japanPostMapping(this.draft);
      return { bank, branch: mapped ? `${mapped.branchName} (${mapped.branchCode})` : '' };
    }
    const branch = branchPicked ? entryLabel(branchPicked, withRoma) : `${halfWidthLatin(names.branch)} (${this.draft.branchCode})`;
    return { bank, branch };
  }

  /**
   * A bank or branch name of a result as shown (half-width Latin), with its romaji in English when it is the
   * bank or branch picked in this form (the result names them, without codes).
   */
  resultName(name: string, which: 'bank' | 'branch', lang: Lang): string {
    const picked = (which === 'bank' ? this.#bankBox : this.#branchBox).picked;
    return picked && picked.name === name ? displayName(picked, lang === 'en') : halfWidthLatin(name);
  }

  /** Marks a field the server or the bank refused, keeping everything typed (for Japan Post Bank, on the 記号・番号). */
  mark(field: AccountField, message: string): void {
    this.#refused = { field: fieldShown(this.draft, field), text: message };
    this.host.requestUpdate();
  }

  /** Scrolls the refused field to the middle of the screen and focuses it (its message is read with it). */
  focusRefused(): boolean {
    const field = this.#refused?.field;
    const target = field ? this.host.shadowRoot?.getElementById(`account-${field}`) : null;
    if (!(target instanceof HTMLElement) || (target instanceof HTMLInputElement && target.disabled)) return false;
    (target.closest('.field') ?? target).scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    return true;
  }

  /** An error text's role: an alert, but for a refusal, which focus reads out. */
  #errorRole(field: AccountField) {
    return this.#refused?.field === field ? nothing : 'alert';
  }

  /** The problem to show next to a field now, in words, or null. */
  #problemOf(field: AccountField, f: FormText): string | null {
    if (this.#refused?.field === field) return this.#refused.text;
    const shown = (p: AccountProblem) => p.field === field && (this.#submitted || (this.#touched.has(field) && !MISSING_KINDS.has(p.kind)));
    // The holder name is checked as it is typed: a character that cannot be sent is named at once.
    const live = field === 'holder' ? holderProblems(this.draft.holder).filter((p) => !MISSING_KINDS.has(p.kind)) : [];
    const problem = live[0] ?? (this.#problemsNow().find(shown) || null);
    return problem ? problemText(problem, f) : null;
  }

  #checked: { draft: AccountDraft; problems: AccountProblem[] } | null = null;

  #problemsNow(): AccountProblem[] {
    if (this.#checked?.draft !== this.draft) {
      const checked = checkDraft(this.draft);
      this.#checked = { draft: this.draft, problems: checked.ok ? [] : checked.problems };
    }
    return this.#checked.problems;
  }

  /** A field was changed: a refusal of it is answered; its own problem waits until it is left again. */
  #edited(field: AccountField): void {
    if (this.#refused?.field === field) this.#refused = null;
    this.#touched.delete(field);
    this.#leftWhilePressed.delete(field);
  }

  #set<K extends 'type' | 'generalType' | TextField>(field: K, value: AccountDraft[K]): void {
    this.draft = { ...this.draft, [field]: value };
    this.#edited(field);
    this.host.requestUpdate();
  }

  #leave(field: AccountField): void {
    if (this.#pressed) return void this.#leftWhilePressed.add(field);
    this.#touched.add(field);
    this.host.requestUpdate();
  }

  /** Typing or pasting into a 記号・番号 box: a whole 00120-3-12345 is spread over the boxes. */
  #typePost(field: 'symbol' | 'middleDigit' | 'postNumber', value: string): void {
    const spread =
      field === 'symbol'
        ? spreadJapanPost(value)
        : field === 'postNumber'
          ? spreadJapanPostNumber(value, japanPostKind(this.draft.symbol))
          : null;
    if (!spread) {
      this.#set(field, value);
      return;
    }
    const next = {
      symbol: spread.symbol ?? this.draft.symbol,
      middleDigit: spread.middleDigit || this.draft.middleDigit,
      postNumber: spread.number || (field === 'postNumber' ? '' : this.draft.postNumber),
    };
    this.draft = { ...this.draft, ...next };
    for (const f of ['symbol', 'middleDigit', 'postNumber'] as const) this.#edited(f);
    this.host.requestUpdate();
    // On to the box that comes next after what was spread, caret at its end.
    const transfer = japanPostKind(next.symbol) === 'transfer';
    const into = spread.number || spread.middleDigit ? 'postNumber' : transfer ? 'middleDigit' : 'symbol';
    this.#focusAfterUpdate(`account-${into}`, true);
  }

  #onInput(field: TextField, event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    // While an IME composes (full-width digits), keep the text as it is; spread it once composed.
    if ((field === 'symbol' || field === 'postNumber') && !event.isComposing) {
      this.#typePost(field, value);
      return;
    }
    this.#set(field, value);
  }

  /** A text box with its label; `#error` and `#hint` render its message and hint (beside it, or under a row of boxes). */
  #input(field: TextField, label: unknown, f: FormText, inputmode = 'text') {
    const id = `account-${field}`;
    const problem = this.#problemOf(field, f);
    return html`<label for=${id}>${label}</label>
      <input
        id=${id}
        part="input"
        type="text"
        .value=${live(this.draft[field])}
        inputmode=${inputmode}
        autocomplete="off"
        autocapitalize="off"
        spellcheck="false"
        lang=${field === 'holder' ? 'ja' : nothing}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${field === 'holder' ? `${id}-error ${id}-hint ${id}-preview` : `${id}-error ${id}-hint`}
        @input=${(e: InputEvent) => this.#onInput(field, e)}
        @compositionend=${
          field === 'symbol' || field === 'postNumber'
            ? (e: CompositionEvent) => this.#typePost(field, (e.target as HTMLInputElement).value)
            : nothing
        }
        @change=${() => this.#leave(field)}
      />`;
  }

  #error(field: TextField, f: FormText) {
    return html`<p class="error" id=${`account-${field}-error`} role=${this.#errorRole(field)} part="error">${this.#problemOf(field, f) ?? ''}</p>`;
  }

  #hint(field: TextField, hint: string) {
    return html`<p class="hint" id=${`account-${field}-hint`}>${hint}</p>`;
  }

  #text(field: TextField, label: string, hint: string, f: FormText, inputmode = 'text') {
    return html`<div class="field">${this.#input(field, label, f, inputmode)} ${this.#error(field, f)} ${this.#hint(field, hint)}</div>`;
  }

  /**
   * 記号・番号 as the passbook and the 払込取扱票 write them: 記号 － 1桁 － 番号 in one row (the middle box only
   * for a 振替口座), then what is wrong with each box, then the hints.
   */
  #japanPost(m: ClaimText) {
    const f = m.bankForm;
    const jp = f.japanPost;
    const kind = japanPostKind(this.draft.symbol);
    const transfer = kind === 'transfer';
    const mapped = japanPostMapping(this.draft);
    const boxes: ('symbol' | 'middleDigit' | 'postNumber')[] = transfer
      ? ['symbol', 'middleDigit', 'postNumber']
      : ['symbol', 'postNumber'];
    const label = {
      symbol: jp.symbol,
      middleDigit: html`<span class="visually-hidden">${jp.middleDigit.before}</span>${jp.middleDigit.visible}<span class="visually-hidden"
          >${jp.middleDigit.after}</span
        >`,
      postNumber: jp.number,
    };
    const hint = { symbol: jp.symbolHint, middleDigit: jp.middleDigitHint, postNumber: kind ? jp.numberHint[kind] : jp.numberHint.unknown };
    return html`<fieldset class="japan-post">
      <legend>${jp.legend}</legend>
      <p class="hint">${jp.intro}</p>
      <div class="post-row">
        ${boxes.map(
          (field, i) => html`${i > 0 ? html`<span class="post-dash" aria-hidden="true">－</span>` : nothing}
            <div class="field post-box post-${field}">${this.#input(field, label[field], f, 'numeric')}</div>`,
        )}
      </div>
      ${boxes.map((field) => this.#error(field, f))} ${boxes.map((field) => this.#hint(field, hint[field]))}
      ${
        transfer
          ? nothing
          : html`<fieldset class="choice" id="account-generalType">
            <legend>${jp.generalType}</legend>
            ${JAPAN_POST_GENERAL_TYPES.map(
              (type: JapanPostGeneralType) => html`<label class="choice-option">
                <input
                  type="radio"
                  name="account-generalType"
                  value=${type}
                  .checked=${live(this.draft.generalType === type)}
                  @change=${() => this.#set('generalType', type)}
                />
                <span>${jp.generalTypes[type]} → ${m.accountTypes[type]}</span>
              </label>`,
            )}
          </fieldset>`
      }
      <p class="mapped" aria-live="polite">
        ${mapped ? jp.maps(mapped.branchName, mapped.branchCode, m.accountTypes[mapped.type], mapped.number) : nothing}
      </p>
    </fieldset>`;
  }

  #holderPreview(f: FormText) {
    const holder = toZenginName(this.draft.holder);
    const blocked = holder.invalid.length > 0;
    return html`<div class="holder-preview" id="account-holder-preview" aria-live="polite">
      ${
        holder.parts.length
          ? html`<p>
              ${f.holderPreview}
              <span class="zengin" lang="ja"
                >${holder.parts.map((part) =>
                  part.sendable
                    ? part.text
                    : html`<mark class="unsendable">${part.text}<span class="visually-hidden">${f.holderUnsendable}</span></mark>`,
                )}</span
              >
              <span class="count" ?data-over=${holder.length > HOLDER_MAX_LENGTH}>${f.holderCount(holder.length, HOLDER_MAX_LENGTH)}</span>
            </p>
            ${blocked ? html`<p class="preview-note">${f.holderPreviewBlocked}</p>` : nothing}`
          : nothing
      }
    </div>`;
  }

  #branchView(f: FormText): ComboboxView {
    return {
      label: f.branch,
      hint: f.branchHint,
      error: this.#problemOf('branchCode', f) ?? (this.#loader.branches.status === LoadStatus.ERROR ? f.branchLoadFailed : null),
      errorQuiet: this.#refused?.field === 'branchCode',
      noMatches: f.noMatches,
      count: f.count,
      format: (entry) => entryLabel(entry, this.#withRoma),
      // Not disabled while the branches load: focus moves here when a bank is picked, and what is typed
      // meanwhile is searched as soon as they arrive.
      disabled: !this.draft.bankCode,
    };
  }

  /**
   * The bank method's panel: the saved accounts first (a radio group, with "another account"), then, for
   * another account, the form and its "save for next time" box.
   */
  renderPanel(m: ClaimText, lang: Lang, saved: SavedAccountsView) {
    const s = m.savedAccounts;
    const { accounts } = saved;
    const newAccount = saved.chosen === null || !accounts?.some((a) => a.id === saved.chosen);
    const option = (id: string | null, body: unknown) => html`<label class="choice-option saved-option">
      <input
        type="radio"
        name="saved-account"
        value=${id ?? 'another'}
        .checked=${live(id === null ? newAccount : saved.chosen === id)}
        aria-describedby="saved-error"
        @change=${() => saved.choose(id)}
      />
      <span class="saved-text">${body}</span>
    </label>`;
    const group = accounts?.length
      ? html`<fieldset class="choice saved-accounts" id="saved-accounts" aria-invalid=${saved.error ? 'true' : 'false'}>
          <legend>${s.legend}</legend>
          ${accounts.map((a) =>
            option(
              a.id,
              html`<span class="saved-bank" lang="ja">${halfWidthLatin(a.bankName)} ${halfWidthLatin(a.branchName)}</span>
                <span class="saved-details">${m.accountTypes[a.type]} ${a.masked} <span class="zengin" lang="ja">${a.holder}</span></span>`,
            ),
          )}
          ${option(null, html`<span class="saved-bank">${s.another}</span>`)}
          <p class="error" id="saved-error" role="alert" part="error">${saved.error ?? ''}</p>
        </fieldset>`
      : nothing;
    // One template either way, so that the radio with the focus stays the same element when the form opens or closes.
    return html`${group}${
      newAccount
        ? html`${this.render(m, lang)}
          ${
            accounts
              ? html`<label class="choice-option save-account">
                <input type="checkbox" id="account-save" .checked=${live(saved.save)} @change=${(e: Event) => saved.setSave((e.target as HTMLInputElement).checked)} />
                <span>${s.save}</span>
              </label>`
              : nothing
          }`
        : nothing
    }`;
  }

  render(m: ClaimText, lang: Lang) {
    this.#withRoma = lang === 'en';
    const f = m.bankForm;
    const post = isJapanPost(this.draft);
    const banks = this.#loader.banks.status;
    const bankView: ComboboxView = {
      label: f.bank,
      hint: banks === LoadStatus.PENDING ? f.loadingBanks : f.bankHint,
      error: this.#problemOf('bankCode', f) ?? (banks === LoadStatus.ERROR ? f.loadFailed : null),
      errorQuiet: this.#refused?.field === 'bankCode',
      noMatches: f.noMatches,
      count: f.count,
      format: (entry) => entryLabel(entry, this.#withRoma),
      disabled: banks === LoadStatus.PENDING,
    };
    return html`<fieldset class="bank-form">
      <legend>${f.legend}</legend>
      ${
        this.#popular.length
          ? html`<div class="quick" role="group" aria-label=${f.popular}>
            ${this.#popular.map(
              (
                bank,
              ) => html`<button type="button" class="quick-bank" aria-pressed=${this.draft.bankCode === bank.code ? 'true' : 'false'} @click=${() => this.#bankBox.pick(bank, bankView)}>
                ${halfWidthLatin(bank.name)}
              </button>`,
            )}
          </div>`
          : nothing
      }
      ${this.#bankBox.render(bankView)}
      ${banks === LoadStatus.ERROR ? html`<button type="button" class="link" @click=${() => this.retry(this.dataUrl())}>${f.retryLoad}</button>` : nothing}
      ${
        post
          ? this.#japanPost(m)
          : html`${this.#branchBox.render(this.#branchView(f))}
            ${
              this.#loader.branches.status === LoadStatus.ERROR
                ? html`<button type="button" class="link" @click=${() => this.#loader.retryBranches(this.dataUrl())}>${f.retryBranches}</button>`
                : nothing
            }
            <div class="field">
              <label for="account-type">${f.type}</label>
              <select
                id="account-type"
                part="input"
                aria-invalid=${this.#problemOf('type', f) ? 'true' : 'false'}
                aria-describedby="account-type-error"
                @change=${(e: Event) => this.#set('type', (e.target as HTMLSelectElement).value as AccountType)}
              >
                ${ACCOUNT_TYPES.map((t) => html`<option value=${t} ?selected=${this.draft.type === t}>${m.accountTypes[t]}</option>`)}
              </select>
              <p class="error" id="account-type-error" role=${this.#errorRole('type')} part="error">${this.#problemOf('type', f) ?? ''}</p>
            </div>
            ${this.#text('number', f.number, f.numberHint, f, 'numeric')}`
      }
      ${this.#text('holder', f.holder, f.holderHint, f)} ${this.#holderPreview(f)}
      <details class="corporate">
        <summary>${f.corporateTitle}</summary>
        <p>${f.corporateHelp}</p>
        <table class="abbreviations">
          <thead>
            <tr><th scope="col">${f.corporateForm}</th><th scope="col">${f.corporateAbbreviation}</th></tr>
          </thead>
          <tbody>
            ${CORPORATE_ROWS.map((row) => html`<tr><td>${row.forms}</td><td class="zengin" lang="ja">${row.abbreviation}</td></tr>`)}
          </tbody>
        </table>
      </details>
    </fieldset>`;
  }
}
