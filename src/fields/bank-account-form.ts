/**
 * The bank account form of `<payout-claim>`: bank and branch search (or Japan Post Bank 記号・番号),
 * account type, number and holder name. It keeps what the recipient typed as a draft (in memory only, never
 * in storage), checks it with the pure Zengin and Japan Post rules, and hands the flow a contract-shaped
 * account. The bank list is loaded when this form first shows; a bank's branches when that bank is picked.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { ACCOUNT_TYPES, type AccountType } from '../contract/claim.js';
import type { BankAccount } from '../contract/claim-requests.js';
import type { ClaimMessages } from '../i18n/index.js';
import { fromJapanPostNumbers, JAPAN_POST_BANK_CODE, japanPostBranchName } from '../japanese/japan-post.js';
import { HOLDER_MAX_LENGTH, padAccountNumber, toDigits, toZenginName } from '../japanese/zengin.js';
import { bankList, buildIndex, POPULAR_BANKS, type BankEntry } from './bank-search.js';
import { SearchCombobox } from './search-combobox.js';

export type AccountField = 'bankCode' | 'branchCode' | 'type' | 'number' | 'holder' | 'symbol' | 'postNumber';

export interface AccountDraft {
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  type: AccountType;
  number: string;
  holder: string;
  /** Japan Post Bank: 記号 and 番号 as the recipient knows them. */
  symbol: string;
  postNumber: string;
}

export type AccountProblems = Partial<Record<AccountField, string>>;
type FormMessages = ClaimMessages['claim']['bankForm'];

export const emptyDraft: AccountDraft = {
  bankCode: '',
  bankName: '',
  branchCode: '',
  branchName: '',
  type: 'ordinary',
  number: '',
  holder: '',
  symbol: '',
  postNumber: '',
};

export function isJapanPost(draft: AccountDraft): boolean {
  return draft.bankCode === JAPAN_POST_BANK_CODE;
}

/** Checks a draft; returns the account to send, or what is wrong with which field. */
export function checkDraft(draft: AccountDraft, m: FormMessages): { account: BankAccount } | { problems: AccountProblems } {
  const problems: AccountProblems = {};
  const bankCode = toDigits(draft.bankCode);
  if (!bankCode || bankCode.length !== 4) problems.bankCode = m.problems.bankCode;
  let branchCode = toDigits(draft.branchCode) ?? '';
  let type = draft.type;
  let number = padAccountNumber(draft.number);
  if (bankCode === JAPAN_POST_BANK_CODE) {
    const post = fromJapanPostNumbers(draft.symbol, draft.postNumber);
    if (post.ok) ({ branchCode, type, number } = post);
    else problems[post.problem === 'number_digits' ? 'postNumber' : 'symbol'] = m.problems[post.problem];
  } else {
    if (branchCode.length !== 3) problems.branchCode = m.problems.branchCode;
    if (!number) problems.number = m.problems.number;
  }
  const holder = toZenginName(draft.holder);
  if (holder.invalid.length) problems.holder = m.problems.holderInvalid(holder.invalid.join(' '));
  else if (!holder.name) problems.holder = m.problems.holderEmpty;
  else if (holder.length > HOLDER_MAX_LENGTH) problems.holder = m.problems.holderLong(holder.length, HOLDER_MAX_LENGTH);
  if (Object.keys(problems).length) return { problems };
  return { account: { bankCode: bankCode!, branchCode, type, number: number!, holder: holder.name } };
}

/** Which field a refusal or a returned transfer points at. */
export function fieldOfFailure(code: string, field?: string): AccountField | null {
  if (field?.startsWith('account.')) return field.slice('account.'.length) as AccountField;
  if (code === 'holder_mismatch') return 'holder';
  if (code === 'account_not_found') return 'number';
  return null;
}

type Host = ReactiveControllerHost & HTMLElement;
type Loading = 'idle' | 'loading' | 'ready' | 'failed';

const formatEntry = (entry: BankEntry) => `${entry.name} (${entry.code})`;

export class BankAccountForm implements ReactiveController {
  draft: AccountDraft = { ...emptyDraft };
  problems: AccountProblems = {};
  #dataUrl = '';
  #banks: Loading = 'idle';
  #branches: Loading = 'idle';
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

  hostConnected(): void {}

  /** Loads the bank list once from the bank-data base URL (a failure stays until `retry`). */
  load(dataUrl: string): void {
    this.#dataUrl = dataUrl.endsWith('/') ? dataUrl : `${dataUrl}/`;
    if (this.#banks === 'idle') void this.#loadBanks();
  }

  /** The recipient asked to load the list again. */
  retry(dataUrl: string): void {
    this.#banks = 'idle';
    this.load(dataUrl);
  }

  async #fetchList(file: string): Promise<BankEntry[] | null> {
    try {
      const response = await fetch(`${this.#dataUrl}${file}`);
      const parsed = bankList.safeParse(response.ok ? await response.json() : null);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  async #loadBanks(): Promise<void> {
    this.#banks = 'loading';
    this.host.requestUpdate();
    const list = await this.#fetchList('index.json');
    if (list) {
      this.#bankBox.setIndex(buildIndex(list, POPULAR_BANKS));
      this.#popular = POPULAR_BANKS.flatMap((code) => list.filter((b) => b.code === code)).slice(0, 8);
    }
    this.#banks = list ? 'ready' : 'failed';
    this.host.requestUpdate();
  }

  async #loadBranches(bankCode: string): Promise<void> {
    this.#branches = 'loading';
    this.#branchBox.setIndex(null);
    const list = await this.#fetchList(`${bankCode}.json`);
    if (this.draft.bankCode !== bankCode) return; // another bank was picked meanwhile
    if (list) this.#branchBox.setIndex(buildIndex(list));
    this.#branches = list ? 'ready' : 'failed';
    this.host.requestUpdate();
  }

  #pickBank(entry: BankEntry | null): void {
    const changed = (entry?.code ?? '') !== this.draft.bankCode;
    this.draft = { ...this.draft, bankCode: entry?.code ?? '', bankName: entry?.name ?? '' };
    if (changed) {
      this.draft = { ...this.draft, branchCode: '', branchName: '' };
      this.#branchBox.show(null, formatEntry);
    }
    this.#clear('bankCode');
    if (entry && changed && entry.code !== JAPAN_POST_BANK_CODE) void this.#loadBranches(entry.code);
    // Request the render first, so that focus waits for the branch box it enables.
    this.host.requestUpdate();
    if (entry) this.#focusAfterUpdate(entry.code === JAPAN_POST_BANK_CODE ? '#account-symbol' : '#account-branchCode');
  }

  #focusAfterUpdate(selector: string): void {
    void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  #pickBranch(entry: BankEntry | null): void {
    this.draft = { ...this.draft, branchCode: entry?.code ?? '', branchName: entry?.name ?? '' };
    this.#clear('branchCode');
    this.host.requestUpdate();
    if (entry) this.#focusAfterUpdate('#account-type');
  }

  /** Validates; on success returns the account, otherwise marks the fields and focuses the first. */
  submit(m: FormMessages): BankAccount | null {
    const checked = checkDraft(this.draft, m);
    if ('account' in checked) {
      this.problems = {};
      return checked.account;
    }
    this.problems = checked.problems;
    this.host.requestUpdate();
    this.#focusAfterUpdate(`#account-${Object.keys(checked.problems)[0]}`);
    return null;
  }

  /** The bank and branch names of what was entered, for the confirm step. */
  names(): { bank: string; branch: string } {
    const branch = isJapanPost(this.draft)
      ? (() => {
          const post = fromJapanPostNumbers(this.draft.symbol, this.draft.postNumber);
          return post.ok ? japanPostBranchName(post.branchCode) : '';
        })()
      : this.draft.branchName;
    return { bank: this.draft.bankName, branch };
  }

  /** Marks a field the server or the bank refused, keeping everything typed. */
  mark(field: AccountField, message: string): void {
    this.problems = { [field]: message };
  }

  #clear(field: AccountField): void {
    if (!this.problems[field]) return;
    const { [field]: _gone, ...rest } = this.problems;
    this.problems = rest;
  }

  #set(field: Exclude<keyof AccountDraft, 'bankName' | 'branchName'>, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    this.#clear(field as AccountField);
    this.host.requestUpdate();
  }

  #text(field: 'number' | 'holder' | 'symbol' | 'postNumber', label: string, hint: string, inputmode = 'text') {
    const problem = this.problems[field];
    const id = `account-${field}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
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
        aria-describedby=${`${id}-error ${id}-hint`}
        @input=${(e: InputEvent) => this.#set(field, (e.target as HTMLInputElement).value)}
      />
      <p class="error" id=${`${id}-error`} role="alert" part="error">${problem ?? ''}</p>
      <p class="hint" id=${`${id}-hint`}>${hint}</p>
    </div>`;
  }

  #japanPost(m: ClaimMessages['claim']) {
    const f = m.bankForm;
    const mapped = fromJapanPostNumbers(this.draft.symbol, this.draft.postNumber);
    return html`${this.#text('symbol', f.symbol, f.symbolHint, 'numeric')} ${this.#text('postNumber', f.postNumber, f.postNumberHint, 'numeric')}
      <p class="mapped" aria-live="polite">
        ${mapped.ok
          ? f.japanPostMaps(japanPostBranchName(mapped.branchCode), mapped.branchCode, m.accountTypes[mapped.type], mapped.number)
          : nothing}
      </p>`;
  }

  render(m: ClaimMessages['claim']) {
    const f = m.bankForm;
    const post = isJapanPost(this.draft);
    const holder = toZenginName(this.draft.holder);
    const bankView = {
      label: f.bank,
      hint: f.bankHint,
      error: this.problems.bankCode ?? (this.#banks === 'failed' ? f.loadFailed : null),
      noMatches: f.noMatches,
      count: f.count,
      format: formatEntry,
      disabled: this.#banks === 'loading',
    };
    return html`<fieldset class="bank-form">
      <legend>${f.legend}</legend>
      ${this.#popular.length
        ? html`<div class="quick" role="group" aria-label=${f.popular}>
            ${this.#popular.map(
              (bank) => html`<button type="button" class="quick-bank" aria-pressed=${this.draft.bankCode === bank.code ? 'true' : 'false'} @click=${() => this.#bankBox.pick(bank, bankView)}>
                ${bank.name}
              </button>`,
            )}
          </div>`
        : nothing}
      ${this.#bankBox.render(bankView)}
      ${this.#banks === 'failed' ? html`<button type="button" class="link" @click=${() => this.retry(this.dataUrl())}>${m.bankForm.retryLoad}</button>` : nothing}
      ${post
        ? this.#japanPost(m)
        : html`${this.#branchBox.render({
              label: f.branch,
              hint: f.branchHint,
              error: this.problems.branchCode ?? (this.#branches === 'failed' ? f.loadFailed : null),
              noMatches: f.noMatches,
              count: f.count,
              format: formatEntry,
              disabled: !this.draft.bankCode,
            })}
            <div class="field">
              <label for="account-type">${f.type}</label>
              <select id="account-type" part="input" @change=${(e: Event) => this.#set('type', (e.target as HTMLSelectElement).value)}>
                ${ACCOUNT_TYPES.map((t) => html`<option value=${t} ?selected=${this.draft.type === t}>${m.accountTypes[t]}</option>`)}
              </select>
            </div>
            ${this.#text('number', f.number, f.numberHint, 'numeric')}`}
      ${this.#text('holder', f.holder, f.holderHint)}
      <p class="holder-preview" aria-live="polite">
        ${holder.name
          ? html`${f.holderPreview} <span class="zengin" lang="ja">${holder.name}</span> (${f.holderCount(holder.length, HOLDER_MAX_LENGTH)})`
          : nothing}
      </p>
      <details class="corporate">
        <summary>${f.corporateTitle}</summary>
        <p>${f.corporateHelp}</p>
      </details>
    </fieldset>`;
  }
}
