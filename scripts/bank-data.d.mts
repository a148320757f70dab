import type { IncomingMessage, ServerResponse } from 'node:http';

export interface BankFileEntry {
  code: string;
  name: string;
  kana: string;
  hira: string;
  roma: string;
}
export function bankIndex(): BankFileEntry[];
export function branchesOf(bankCode: string): BankFileEntry[] | undefined;
export function writeBankData(dir: string): number;
export function bankDataMiddleware(prefix?: string): (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
