/**
 * Bank and branch names for the claim API's results and account checks. The demo server reads them from
 * the zengin-code data; tests in the browser use this small table of real codes.
 */
export interface BankDirectory {
  bankName(bankCode: string): string | undefined;
  branchName(bankCode: string, branchCode: string): string | undefined;
}

/** A few real entries, named as the zengin-code data names them. */
const SMALL: Record<string, { name: string; branches: Record<string, string> }> = {
  '0001': { name: 'みずほ', branches: { '001': '東京営業部', '210': '渋谷' } },
  '0005': { name: '三菱ＵＦＪ', branches: { '001': '本店', '135': '渋谷' } },
  '0009': { name: '三井住友', branches: { '001': '神保町' } },
  '0036': { name: '楽天', branches: { '251': '第一営業' } },
  '9900': { name: 'ゆうちょ', branches: { '019': '〇一九', '408': '四〇八' } },
};

export const smallBankDirectory: BankDirectory = {
  bankName: (bankCode) => SMALL[bankCode]?.name,
  branchName: (bankCode, branchCode) => SMALL[bankCode]?.branches[branchCode],
};
