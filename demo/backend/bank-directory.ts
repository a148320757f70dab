/**
 * Bank and branch names for the claim API's results and account checks. The demo server reads them from
 * the zengin-code data; tests in the browser use this small table of real codes.
 */
export interface BankDirectory {
  bankName(bankCode: string): string | undefined;
  branchName(bankCode: string, branchCode: string): string | undefined;
}

const SMALL: Record<string, { name: string; branches: Record<string, string> }> = {
  '0001': { name: 'みずほ銀行', branches: { '001': '東京営業部', '110': '渋谷中央' } },
  '0005': { name: '三菱ＵＦＪ銀行', branches: { '001': '本店', '135': '渋谷' } },
  '0009': { name: '三井住友銀行', branches: { '001': '本店営業部', '221': '渋谷' } },
  '0036': { name: '楽天銀行', branches: { '251': 'ロック' } },
  '9900': { name: 'ゆうちょ銀行', branches: { '019': '〇一九', '408': '四〇八' } },
};

export const smallBankDirectory: BankDirectory = {
  bankName: (bankCode) => SMALL[bankCode]?.name,
  branchName: (bankCode, branchCode) => SMALL[bankCode]?.branches[branchCode],
};
