// `npm run bench:schemas`: how long the contract schemas (src/contract/) take on their worst inputs, at
// 1 kB, 10 kB and 100 kB. A benchmark, not a test: it prints a table for the notes. Linear time shows as
// a ratio 100 kB / 10 kB of about 10 or less; a limit that refuses first shows as about 1: an anchored
// regex with a bounded quantifier stops after the limit, while zod's maxLength counts the code points of
// an over-long string, one pass over it (about 10). The old URL regex (9532cec) runs on the same input
// for comparison: quadratic, a ratio near 100.
import { performance } from 'node:perf_hooks';
import { runnerImport } from 'vite';

const { module: contract } = await runnerImport('./src/contract/index.ts');
const {
  order,
  claim,
  followUrl,
  pageUrl,
  redirectResponse,
  paymentRequest,
  resourceId,
  isoDateTime,
  zenginHolder,
  bankAccount,
  apiErrorBody,
} = contract;

/** The `httpUrl` regex of src/contract/common.ts at 9532cec: nested `+` then `*` over the same characters. */
const OLD_HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/**
 * Milliseconds per call. A call that takes over 100 ms is timed once; otherwise the batch size doubles until a
 * batch takes 10 ms (which also warms the JIT up), and the answer is the median of seven such batches.
 */
function perCall(fn) {
  const start = performance.now();
  fn();
  const first = performance.now() - start;
  if (first > 100) return first;
  const batch = (runs) => {
    const begin = performance.now();
    for (let i = 0; i < runs; i++) fn();
    return performance.now() - begin;
  };
  let runs = 1;
  while (batch(runs) < 10) runs *= 2;
  const times = Array.from({ length: 7 }, () => batch(runs) / runs);
  return times.sort((x, y) => x - y)[3];
}

const KB = 1000;
const SIZES = [1 * KB, 10 * KB, 100 * KB];
const accepted = (schema, value) => schema.safeParse(value).success;
const baseOrder = { order: 'ord_1', amount: 1, currency: 'JPY', merchant: { name: 'm' }, status: 'open', brands: [] };
const baseClaim = {
  amount: 1,
  currency: 'JPY',
  payer: { name: 'p' },
  purpose: 'refund',
  expiresAt: '2026-11-30T23:59:59+09:00',
  status: 'completed',
  methods: [],
  result: { method: 'bank', bankName: 'b', branchName: 'b', type: 'ordinary', masked: '***1', holder: 'ﾔﾏﾀﾞ' },
};
/** `http://a` + non-space characters + a space: the input that made the old regex backtrack. */
const badUrl = (n) => `http://a${'a'.repeat(n - 9)} `;

// [what, input at size n, the call; what the call answers at 100 kB is printed too]
const cases = [
  ['OLD regex httpUrl: http://a + n chars + space', badUrl, (s) => OLD_HTTP_URL.test(s)],
  ['paymentRequest returnUrl: same input', badUrl, (s) => accepted(paymentRequest, { brand: 'webmoney', returnUrl: s })],
  ['redirectResponse redirectUrl: same input', badUrl, (s) => accepted(redirectResponse, { redirectUrl: s })],
  ['followUrl: https://a.example/ + n chars', (n) => `https://a.example/${'a'.repeat(n - 18)}`, (s) => accepted(followUrl, s)],
  ['pageUrl: n chars of 😀 after http://a/', (n) => `http://a/${'😀'.repeat((n - 9) / 2)}`, (s) => accepted(pageUrl, s)],
  ['resourceId: n × a', (n) => 'a'.repeat(n), (s) => accepted(resourceId, s)],
  ['order.order id: n × .', (n) => '.'.repeat(n), (s) => accepted(order, { ...baseOrder, order: s })],
  ['isoDateTime: 2026-11-23T10:00:00. + n digits', (n) => `2026-11-23T10:00:00.${'1'.repeat(n - 20)}Z`, (s) => accepted(isoDateTime, s)],
  [
    'order.paidAt: n × 2026-11-23T10:00Z',
    (n) => '2026-11-23T10:00Z'.repeat(n / 17 + 1).slice(0, n),
    (s) => accepted(order, { ...baseOrder, paidAt: s }),
  ],
  ['zenginHolder: n × ｱ', (n) => 'ｱ'.repeat(n), (s) => accepted(zenginHolder, s)],
  [
    'bankAccount.holder: n × ｱ + !',
    (n) => `${'ｱ'.repeat(n - 1)}!`,
    (s) => accepted(bankAccount, { bankCode: '0001', branchCode: '001', type: 'ordinary', number: '0000001', holder: s }),
  ],
  ['order.merchant.name: n chars', (n) => 'あ'.repeat(n), (s) => accepted(order, { ...baseOrder, merchant: { name: s } })],
  [
    'apiErrorBody message: n astral chars (2n units)',
    (n) => '😀'.repeat(n),
    (s) => accepted(apiErrorBody, { error: { code: 'x', message: s } }),
  ],
  [
    'claim.result.bankName: n chars',
    (n) => 'b'.repeat(n),
    (s) => accepted(claim, { ...baseClaim, result: { ...baseClaim.result, bankName: s } }),
  ],
];
const code = 'abcd1234efgh5678';
// Arrays: n codes of 16 characters, n = 100, 1,000, 10,000 (about 2 kB, 20 kB, 200 kB of JSON).
const arrayCases = [
  ['paymentRequest codes: n × 16-char code', (n) => Array(n).fill(code), (codes) => accepted(paymentRequest, { brand: 'webmoney', codes })],
  [
    'order.brands: n brands',
    (n) => Array(n).fill({ id: 'webmoney', mode: 'collect' }),
    (brands) => accepted(order, { ...baseOrder, brands }),
  ],
];

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toPrecision(2));
const header = (first, sizes) => `${first.padEnd(50)} ${sizes.map((s) => s.padStart(10)).join(' ')} ${'ratio'.padStart(7)}  answer`;
function row(what, input, call, sizes) {
  const times = sizes.map((n) => {
    const value = input(n);
    return perCall(() => call(value));
  });
  const answer = call(input(sizes[sizes.length - 1])) ? 'accepted' : 'refused';
  const ratio = times[2] / times[1];
  console.log(`${what.padEnd(50)} ${times.map((t) => fmt(t).padStart(10)).join(' ')} ${ratio.toFixed(1).padStart(7)}  ${answer}`);
}

console.log(
  'ms per parse (median of 7 batches of >= 10 ms; one call when it takes > 100 ms); ratio = 100 kB / 10 kB (arrays: 10,000 / 1,000)\n',
);
console.log(header('input', ['1 kB', '10 kB', '100 kB']));
for (const [what, input, call] of cases) row(what, input, call, SIZES);
console.log(`\n${header('array', ['100', '1,000', '10,000'])}`);
for (const [what, input, call] of arrayCases) row(what, input, call, [100, 1000, 10_000]);
