/**
 * Loads the bank and branch files (CONTRACT.md "Bank data files"): `index.json` when the bank form first
 * shows, `{bankCode}.json` when a bank is picked. Each load has a status shaped like `@lit/task`'s
 * (initial, pending, complete with its value, error). One request per load, no retry loop: an error stays
 * until the recipient asks again (`retry*`).
 */
import { bankList, type BankEntry } from './bank-search.js';

export const LoadStatus = { INITIAL: 'initial', PENDING: 'pending', COMPLETE: 'complete', ERROR: 'error' } as const;

export type Load<T> =
  | { status: typeof LoadStatus.INITIAL }
  | { status: typeof LoadStatus.PENDING }
  | { status: typeof LoadStatus.COMPLETE; value: T }
  | { status: typeof LoadStatus.ERROR };

/** The base URL with exactly one trailing slash, so that file names join cleanly. */
export function dataBase(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

async function fetchList(url: string, signal: AbortSignal): Promise<BankEntry[] | null> {
  try {
    const response = await fetch(url, { signal });
    const parsed = bankList.safeParse(response.ok ? await response.json() : null);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class BankDataLoader {
  banks: Load<BankEntry[]> = { status: LoadStatus.INITIAL };
  branches: Load<BankEntry[]> = { status: LoadStatus.INITIAL };
  /** The bank whose branches `branches` holds (or is loading). */
  branchesOf = '';
  #branchRequest: AbortController | null = null;

  /** `changed` is called after every status change (the form asks its host to render). */
  constructor(private readonly changed: () => void) {}

  /** Loads the bank index once; does nothing while it is pending, complete or failed. */
  loadBanks(baseUrl: string): void {
    if (this.banks.status === LoadStatus.INITIAL) void this.#loadBanks(baseUrl);
  }

  /** The recipient asked again after a failure. */
  retryBanks(baseUrl: string): void {
    if (this.banks.status === LoadStatus.ERROR) void this.#loadBanks(baseUrl);
  }

  async #loadBanks(baseUrl: string): Promise<void> {
    this.banks = { status: LoadStatus.PENDING };
    this.changed();
    const list = await fetchList(`${dataBase(baseUrl)}index.json`, new AbortController().signal);
    this.banks = list ? { status: LoadStatus.COMPLETE, value: list } : { status: LoadStatus.ERROR };
    this.changed();
  }

  /** Loads a bank's branches (an earlier bank's answer, if still on its way, is dropped). */
  loadBranches(baseUrl: string, bankCode: string): void {
    this.#branchRequest?.abort();
    this.branchesOf = bankCode;
    if (!bankCode) {
      this.branches = { status: LoadStatus.INITIAL };
      this.changed();
      return;
    }
    const request = new AbortController();
    this.#branchRequest = request;
    this.branches = { status: LoadStatus.PENDING };
    this.changed();
    void fetchList(`${dataBase(baseUrl)}${encodeURIComponent(bankCode)}.json`, request.signal).then((list) => {
      if (request.signal.aborted) return;
      this.branches = list ? { status: LoadStatus.COMPLETE, value: list } : { status: LoadStatus.ERROR };
      this.changed();
    });
  }

  retryBranches(baseUrl: string): void {
    if (this.branches.status === LoadStatus.ERROR) this.loadBranches(baseUrl, this.branchesOf);
  }
}
