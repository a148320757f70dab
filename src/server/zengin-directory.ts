/**
 * Bank and branch names from the zengin-code package (Node only; about 5 MB, loaded on first use).
 */
import { createRequire } from 'node:module';
import type { BankDirectory } from './sandbox/bank-directory.js';

type Zengin = Record<string, { name: string; branches: Record<string, { name: string }> }>;
let data: Zengin | undefined;
const zengin = (): Zengin => (data ??= createRequire(import.meta.url)('zengin-code') as Zengin);

export const zenginDirectory: BankDirectory = {
  bankName: (bankCode) => zengin()[bankCode]?.name,
  branchName: (bankCode, branchCode) => zengin()[bankCode]?.branches[branchCode]?.name,
};
