/**
 * The bank account form of `<payout-claim>`: bank, branch (or Japan Post Bank 記号・番号), account type,
 * number and holder name. It keeps what the recipient typed as a draft (in memory only, never in storage),
 * checks it with the pure Zengin and Japan Post rules, and hands the flow a contract-shaped account.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { live } from 'lit/directives/live.js';
import { ACCOUNT_TYPES, type AccountType } from '../contract/claim.js';
import type { BankAccount } from '../contract/claim-requests.js';
import type { ClaimMessages } from '../i18n/index.js';
import { fromJapanPostNumbers, JAPAN_POST_BANK_CODE, type JapanPostProblem } from '../japanese/japan-post.js';
import { HOLDER_MAX_LENGTH, padAccountNumber, toDigits, toZenginName } from '../japanese/zengin.js';

export type AccountField = 'bankCode' | 'branchCode' | 'type' | 'number' | 'holder' | 'symbol' | 'postNumber';

export interface AccountDraft {
  bankCode: string;
  branchCode: string;
  type: AccountType;
  number: string;
  holder: string;
  /** Japan Post Bank: 記号 and 番号 as the recipient knows them. */
  symbol: string;
  postNumber: string;
}

export type AccountProblems = Partial<Record<AccountField, string>>;

export const emptyDraft: AccountDraft = { bankCode: '', branchCode: '', type: 'ordinary', number: '', holder: '', symbol: '', postNumber: '' };

export function isJapanPost(draft: AccountDraft): boolean {
  return draft.bankCode === JAPAN_POST_BANK_CODE;
}

/** Checks a draft; returns the account to send, or what is wrong with which field. */
export function checkDraft(draft: AccountDraft, m: ClaimMessages['claim']['bankForm']): { account: BankAccount } | { problems: AccountProblems } {
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

export class BankAccountForm implements ReactiveController {
  draft: AccountDraft = { ...emptyDraft };
  problems: AccountProblems = {};

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Validates; on success returns the account, otherwise marks the fields and focuses the first. */
  submit(m: ClaimMessages['claim']['bankForm']): BankAccount | null {
    const checked = checkDraft(this.draft, m);
    if ('account' in checked) {
      this.problems = {};
      return checked.account;
    }
    this.problems = checked.problems;
    this.host.requestUpdate();
    const first = Object.keys(checked.problems)[0];
    void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>(`#account-${first}`)?.focus());
    return null;
  }

  /** Marks a field the server or the bank refused, keeping everything typed. */
  mark(field: AccountField, message: string): void {
    this.problems = { [field]: message };
  }

  #set(field: keyof AccountDraft, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    if (this.problems[field as AccountField]) {
      const { [field as AccountField]: _gone, ...rest } = this.problems;
      this.problems = rest;
    }
    this.host.requestUpdate();
  }

  #text(field: Exclude<AccountField, 'type'>, label: string, hint: string, options: { inputmode?: string; autocomplete?: string; lang?: string } = {}) {
    const problem = this.problems[field];
    const id = `account-${field}`;
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        part="input"
        type="text"
        .value=${live(this.draft[field])}
        inputmode=${options.inputmode ?? 'text'}
        autocomplete=${options.autocomplete ?? 'off'}
        autocapitalize="off"
        spellcheck="false"
        lang=${options.lang ?? nothing}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${`${id}-error ${id}-hint`}
        @input=${(e: InputEvent) => this.#set(field, (e.target as HTMLInputElement).value)}
      />
      <p class="error" id=${`${id}-error`} role="alert" part="error">${problem ?? ''}</p>
      <p class="hint" id=${`${id}-hint`}>${hint}</p>
    </div>`;
  }

  render(m: ClaimMessages['claim']) {
    const f = m.bankForm;
    const post = isJapanPost(this.draft);
    const holder = toZenginName(this.draft.holder);
    return html`<fieldset class="bank-form">
      <legend>${f.legend}</legend>
      ${this.#text('bankCode', f.bankCode, f.bankCodeHint, { inputmode: 'numeric' })}
      ${post
        ? html`${this.#text('symbol', f.symbol, f.symbolHint, { inputmode: 'numeric' })}
          ${this.#text('postNumber', f.postNumber, f.postNumberHint, { inputmode: 'numeric' })}`
        : html`${this.#text('branchCode', f.branchCode, f.branchCodeHint, { inputmode: 'numeric' })}
            <div class="field">
              <label for="account-type">${f.type}</label>
              <select id="account-type" part="input" @change=${(e: Event) => this.#set('type', (e.target as HTMLSelectElement).value)}>
                ${ACCOUNT_TYPES.map((t) => html`<option value=${t} ?selected=${this.draft.type === t}>${m.accountTypes[t]}</option>`)}
              </select>
            </div>
            ${this.#text('number', f.number, f.numberHint, { inputmode: 'numeric' })}`}
      ${this.#text('holder', f.holder, f.holderHint, { lang: 'ja' })}
      <p class="holder-preview" aria-live="polite">
        ${holder.name ? html`${f.holderPreview} <span class="zengin" lang="ja">${holder.name}</span> (${f.holderCount(holder.length, HOLDER_MAX_LENGTH)})` : nothing}
      </p>
    </fieldset>`;
  }
}

export type { JapanPostProblem };
