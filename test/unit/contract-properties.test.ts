// Properties of the wire schemas (src/contract/): hostile and very long input never throws, every string
// position has a length limit (found here by behaviour, whatever check implements it), and the URL, id,
// date and holder rules hold against reference predicates written here independently. Run counts are
// modest, so the file stays fast; the timing (linear time) is `npm run bench:schemas`, not a test.
import { expect } from '@open-wc/testing';
import * as fc from 'fast-check';
import type * as z from 'zod/mini';
import * as contract from '../../src/contract/index.js';

const {
  MAX_ID_LENGTH,
  MAX_URL_LENGTH,
  MAX_YEN,
  apiErrorBody,
  atmResult,
  balanceRequest,
  balanceResponse,
  bankAccount,
  bankResult,
  brands,
  claim,
  claimMethod,
  claimRequest,
  collectPaymentRequest,
  followUrl,
  isFollowableUrl,
  isPageUrl,
  isValidId,
  isoDate,
  isoDateTime,
  linkResult,
  methods,
  order,
  orderBrand,
  pageUrl,
  paymentRequest,
  prepaidCode,
  redirectPaymentRequest,
  redirectResponse,
  resourceId,
  verificationRequest,
  verificationSent,
  verifyRequest,
  walletResult,
  yen,
  zenginHolder,
} = contract;

type Schema = z.ZodMiniType;
interface CheckDef {
  check: string;
  maximum?: number;
  abort?: boolean;
}
interface Def {
  type: string;
  shape?: Record<string, Schema>;
  element?: Schema;
  innerType?: Schema;
  options?: Schema[];
  catchall?: Schema;
  checks?: { _zod: { def: CheckDef } }[];
}
const defOf = (schema: Schema) => schema._zod.def as unknown as Def;
const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && '_zod' in value;
const checksOf = (schema: Schema) => (defOf(schema).checks ?? []).map((check) => check._zod.def);
const isLengthCheck = (check: CheckDef) => check.check === 'max_length' || check.check === 'min_length';
/** The maximum an array schema checks before anything else (zod then refuses a longer array unread). */
function leadingMax(schema: Schema): CheckDef | undefined {
  for (const check of checksOf(schema)) {
    if (!isLengthCheck(check)) return undefined;
    if (check.check === 'max_length') return check;
  }
  return undefined;
}

/**
 * A limit may count UTF-16 units (a regex) or code points (zod's maxLength): a string is surely over a limit
 * when its code points are, and surely within it when its units are.
 */
const codePoints = (text: string) => [...text].length;

// A failed property shows the assertion that failed, not only the counterexample.
fc.configureGlobal({ includeErrorInReport: true });
const RUNS = { numRuns: 60 };
const FEW = { numRuns: 25 };

// ---- generators ------------------------------------------------------------------------------------

/** Characters that break parsers: whitespace of all kinds, URL delimiters, lone surrogates, astral, kana. */
const nastyChar = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  '\r',
  '\0',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '/',
  '\\',
  ':',
  '@',
  '#',
  '?',
  '%',
  '.',
  '-',
  '_',
  '~',
  '[',
  ']',
  '<',
  '"',
  "'",
  '`',
  'ｱ',
  'ﾞ',
  'ｦ',
  'ｧ',
  'ア',
  '\ud800',
  '\udfff',
  '😀',
  'A',
  'z',
  '0',
  '9',
  'T',
  'Z',
  '+',
);
const anyChar = fc.oneof(nastyChar, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
const shortHostile = fc.string({ unit: anyChar, maxLength: 40 });
/** Every limit in src/contract/, so that lengths right at and just past each one come up often. */
const LIMITS = [6, 7, 10, 30, 32, 40, 60, 64, 100, 128, 200, 500, 1000, 2048];
const hostileLength = fc.oneof(
  fc.constantFrom(...LIMITS).chain((n) => fc.integer({ min: n - 1, max: n + 1 })),
  fc.integer({ min: 1, max: 4096 }),
  fc.integer({ min: 10_000, max: 200_000 }),
);
/** A long string: a prefix that gets a parser going, then a short chunk repeated up to ~200 kB. */
const longHostile = fc
  .record({
    prefix: fc.constantFrom('', 'a', 'http://a', 'https://example.com/', 'javascript:', '2026-11-23T10:00', 'ｱ', '1'),
    chunk: fc.string({ unit: anyChar, minLength: 1, maxLength: 8 }),
    length: hostileLength,
  })
  .map(({ prefix, chunk, length }) => (prefix + chunk.repeat(Math.ceil(length / chunk.length))).slice(0, Math.max(length, prefix.length)));
const hostileString = fc.oneof(shortHostile, longHostile);

// ---- samples: one valid value of every schema that parses input, covering every optional field -------

const bankResultValue = {
  method: 'bank',
  bankName: 'みずほ銀行',
  branchName: '渋谷支店',
  type: 'ordinary',
  masked: '***4567',
  holder: 'ﾔﾏﾀﾞ ﾀﾛｳ',
};
const atmResultValue = { method: 'atm', receiptNumber: '1234567890', confirmationCode: '1234', expiresAt: '2026-11-30T23:59:00+09:00' };
const linkResultValue = { method: 'quo', giftUrl: 'https://gift.example.com/g/abc', expiresAt: '2027-11-23T00:00:00Z' };
const claimValue = {
  amount: 3000,
  currency: 'JPY',
  payer: { name: 'サンプル商店' },
  purpose: 'refund',
  message: 'ご返金です。',
  expiresAt: '2026-11-30T23:59:59+09:00',
  status: 'processing',
  methods: [{ method: 'bank', fee: 0, arrival: 'business_days', arrivalBy: '2026-11-26', max: 1_000_000 }],
  result: bankResultValue,
  failure: { code: 'holder_mismatch', retryable: true },
  next: { redirectUrl: 'https://wallet.example.com/login?x=1' },
  verification: { channel: 'sms', to: '090-****-5678', verified: false },
  savedAccounts: [{ id: 'acct_1', bankName: 'みずほ銀行', branchName: '渋谷支店', type: 'ordinary', masked: '***4567', holder: 'ﾔﾏﾀﾞ ﾀﾛｳ' }],
};
const accountValue = { bankCode: '0001', branchCode: '001', type: 'ordinary', number: '0123456', holder: 'ﾔﾏﾀﾞ ﾀﾛｳ' };
const SAMPLES: [name: string, schema: Schema, value: unknown][] = [
  [
    'order',
    order,
    {
      order: 'ord_123',
      amount: 1200,
      currency: 'JPY',
      description: 'Tシャツ',
      merchant: { name: 'サンプル商店' },
      status: 'paid',
      brands: [{ id: 'webmoney', mode: 'collect', maxCodes: 3, balance: true }],
      payments: [{ brand: 'webmoney', amount: 1200, masked: '••••••••••••abcd' }],
      paidAt: '2026-11-23T10:00:00+09:00',
      refundedAt: '2026-11-24T10:00:00.5Z',
    },
  ],
  ['claim', claim, claimValue],
  ['claim with an atm result', claim, { ...claimValue, result: atmResultValue }],
  ['claim with a link result', claim, { ...claimValue, result: linkResultValue }],
  ['bankResult', bankResult, bankResultValue],
  ['atmResult', atmResult, atmResultValue],
  ['linkResult', linkResult, linkResultValue],
  ['walletResult', walletResult, { method: 'amazon' }],
  // Reached from order and claim only through the refine that checks the entries this version knows.
  ['orderBrand', orderBrand, { id: 'nanaco', mode: 'redirect', maxCodes: 1, balance: false }],
  ['claimMethod', claimMethod, { method: 'atm', fee: 220, arrival: 'instant', arrivalBy: '2026-11-24', max: 500_000 }],
  ['balanceResponse', balanceResponse, { brand: 'webmoney', balance: 500, masked: '••••abcd' }],
  ['redirectResponse', redirectResponse, { redirectUrl: 'https://issuer.example.com/pay?session=1' }],
  ['verificationSent', verificationSent, { sentTo: '090-****-5678', resendAfter: 60 }],
  [
    'apiErrorBody',
    apiErrorBody,
    { error: { code: 'insufficient_balance', message: '残高が足りません', field: 'codes.0', retryAfter: 30, shortfall: 200 } },
  ],
  ['balanceRequest', balanceRequest, { brand: 'webmoney', code: 'abcd1234efgh5678' }],
  ['paymentRequest (collect)', paymentRequest, { brand: 'webmoney', codes: ['abcd1234efgh5678', '1234abcd5678efgh'] }],
  ['paymentRequest (redirect)', paymentRequest, { brand: 'nanaco', returnUrl: 'https://shop.example.com/checkout?order=1' }],
  ['claimRequest (new account)', claimRequest, { method: 'bank', account: accountValue, saveAccount: true }],
  ['claimRequest (saved account)', claimRequest, { method: 'bank', accountId: 'acct_1' }],
  ['claimRequest (codes)', claimRequest, { method: 'atm' }],
  ['claimRequest (wallet)', claimRequest, { method: 'aupay', returnUrl: 'http://localhost:8080/claim' }],
  ['verificationRequest', verificationRequest, {}],
  ['verifyRequest', verifyRequest, { code: '123456' }],
  ['bankAccount', bankAccount, accountValue],
  ['resourceId', resourceId, 'ord_123'],
  ['followUrl', followUrl, 'https://example.com/'],
  ['pageUrl', pageUrl, 'http://shop.example.com/'],
  ['isoDateTime', isoDateTime, '2026-11-23T10:00:00+09:00'],
  ['isoDate', isoDate, '2026-11-23'],
  ['zenginHolder', zenginHolder, 'ﾔﾏﾀﾞ ﾀﾛｳ'],
  ['prepaidCode', prepaidCode, 'abcd1234efgh5678'],
];

// ---- walking values and schemas ---------------------------------------------------------------------

type Path = (string | number)[];
const clone = <T>(value: T): T => structuredClone(value);
function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy;
}
function leaves(value: unknown, kind: 'string' | 'number', path: Path = [], out: Path[] = []): Path[] {
  if (typeof value === kind) out.push(path);
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) leaves(item, kind, [...path, i], out);
  } else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) leaves(item, kind, [...path, key], out);
  return out;
}
const shapeKey = (path: Path) => path.map((key) => (typeof key === 'number' ? '[]' : key)).join('.');

/** Optional and union layers off: for a union, the option the (valid) sample value fits. */
function unwrap(schema: Schema, value: unknown): Schema {
  const def = defOf(schema);
  if (def.type === 'optional') return unwrap(def.innerType!, value);
  if (def.type === 'union') return unwrap(def.options!.find((option) => option.safeParse(value).success) ?? def.options![0]!, value);
  return schema;
}
/** The schema that parses the value at `path` of a valid sample (undefined past a loose object's known fields). */
function leafSchema(schema: Schema, value: unknown, path: Path): Schema | undefined {
  let current = schema;
  let node = value as Record<string | number, unknown>;
  for (const key of path) {
    current = unwrap(current, node);
    const def = defOf(current);
    const next = def.type === 'object' ? def.shape![key] : def.type === 'array' ? def.element : undefined;
    if (!next) return undefined;
    current = next;
    node = node[key] as Record<string | number, unknown>;
  }
  return unwrap(current, node);
}
const getAt = (root: unknown, path: Path) => path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);

interface StringPosition {
  path: Path;
  /** The sample's string there. */
  base: string;
  /** The longest string the position takes when the sample's string grows by its last character. */
  limit: number;
  /** Whether the sample's string could grow at all (ids, URLs, text), rather than being a fixed shape (dates, enums). */
  grows: boolean;
  /** Whether the position takes any content (labels, messages, unknown codes and ids). */
  freeText: boolean;
}
/** Strings that only a position taking any content at all would take. */
const FREE_TEXT_PROBES = ['', 'x', ' \n\t', '<"\'&>', '😀', '\ud800', '\u0000', 'ｱ'];
const LIMIT_SEARCH = 4096;
/** Every string position of a sample, with its limit found by binary search over the grown sample string. */
function stringPositions(schema: Schema, value: unknown): StringPosition[] {
  return leaves(value, 'string').map((path) => {
    const base = getAt(value, path) as string;
    const fill = base.slice(-1);
    const takes = (text: string) => schema.safeParse(setAt(value, path, text)).success;
    const grown = (n: number) => takes(base + fill.repeat(n - base.length));
    let low = base.length;
    let high = LIMIT_SEARCH;
    if (grown(high)) low = high = Infinity;
    while (high - low > 1) {
      const mid = (low + high) >> 1;
      if (grown(mid)) low = mid;
      else high = mid;
    }
    return { path, base, limit: low, grows: low > base.length, freeText: FREE_TEXT_PROBES.every(takes) };
  });
}
const POSITIONS = new Map(SAMPLES.map(([name, schema, value]) => [name, stringPositions(schema, value)]));

/** Every string and array position of a schema, as `a.[].b`, with the schema there. */
function positions(schema: Schema, path = '', out = new Map<string, Schema[]>(), seen = new Set<Schema>()): Map<string, Schema[]> {
  const def = defOf(schema);
  if (def.type === 'string' || def.type === 'array') out.set(path, [...(out.get(path) ?? []), schema]);
  if (seen.has(schema)) return out;
  seen.add(schema);
  const join = (key: string) => (path ? `${path}.${key}` : key);
  if (def.type === 'optional') positions(def.innerType!, path, out, seen);
  if (def.type === 'union') for (const option of def.options!) positions(option, path, out, seen);
  if (def.type === 'array') positions(def.element!, join('[]'), out, seen);
  if (def.type === 'object') for (const [key, field] of Object.entries(def.shape!)) positions(field, join(key), out, seen);
  if (def.catchall && defOf(def.catchall).type !== 'never') positions(def.catchall, join('*'), out, seen);
  return out;
}

const exportedSchemas = Object.entries(contract as Record<string, unknown>).filter((entry): entry is [string, Schema] =>
  isSchema(entry[1]),
);

// ---- structure ---------------------------------------------------------------------------------------

describe('contract schemas: structure', () => {
  it('every string in every exported schema has a check, and every array checks a maximum length first', () => {
    const missing: string[] = [];
    let strings = 0;
    for (const [name, schema] of exportedSchemas) {
      for (const [path, found] of positions(schema)) {
        for (const at of found) {
          const type = defOf(at).type;
          if (type === 'string') strings++;
          // A bare z.string() takes any length; the limits themselves are measured below, by behaviour.
          if (type === 'string' ? checksOf(at).length === 0 : !leadingMax(at)) missing.push(`${name}${path ? `.${path}` : ''} (${type})`);
        }
      }
    }
    expect(strings).to.be.greaterThan(50);
    expect(missing).to.deep.equal([]);
  });

  it('every string position of every sample has a limit of at most 2048 characters and refuses 200 kB', () => {
    const unlimited: string[] = [];
    let grows = 0;
    for (const [name, schema, value] of SAMPLES) {
      for (const { path, base, limit, grows: canGrow } of POSITIONS.get(name)!) {
        const at = `${name}: ${path.join('.') || '(the value)'}`;
        if (!(limit <= MAX_URL_LENGTH)) unlimited.push(`${at} (${limit})`);
        const fill = base.slice(-1);
        for (const length of [limit + 1, limit + 2, limit + 1000, 200_000]) {
          if (schema.safeParse(setAt(value, path, base + fill.repeat(length - base.length))).success)
            unlimited.push(`${at} takes ${length}`);
        }
        if (schema.safeParse(setAt(value, path, 'a'.repeat(200_000))).success) unlimited.push(`${at} takes 200,000 × a`);
        if (canGrow) grows++;
      }
    }
    expect(unlimited).to.deep.equal([]);
    expect(grows, 'positions whose sample string can grow').to.be.greaterThan(30);
  });

  it('the samples cover every exported schema and every string position of the schemas they sample', () => {
    const reachable = new Set<Schema>();
    const reach = (schema: Schema) => {
      if (reachable.has(schema)) return;
      reachable.add(schema);
      const def = defOf(schema);
      for (const inner of [def.innerType, def.element, def.catchall, ...(def.options ?? []), ...Object.values(def.shape ?? {})])
        if (inner) reach(inner);
    };
    for (const [, schema] of SAMPLES) reach(schema);
    // Schemas reached only through a refine (results by method kind, known brands and methods) are sampled on their own above.
    const unsampled = exportedSchemas.filter(
      ([, schema]) => !reachable.has(schema) && defOf(schema).type !== 'literal' && defOf(schema).type !== 'enum',
    );
    expect(unsampled.map(([name]) => name)).to.deep.equal([]);

    for (const [name, schema, value] of SAMPLES) {
      expect(schema.safeParse(value).success, `${name} sample`).to.equal(true);
    }
    const bySchema = new Map<Schema, Set<string>>();
    for (const [, schema, value] of SAMPLES) {
      const keys = bySchema.get(schema) ?? new Set<string>();
      for (const path of leaves(value, 'string')) keys.add(shapeKey(path));
      bySchema.set(schema, keys);
    }
    const uncovered: string[] = [];
    for (const [schema, keys] of bySchema) {
      for (const [path, found] of positions(schema)) {
        if (found.every((at) => defOf(at).type !== 'string')) continue;
        if (path.endsWith('*')) continue; // a loose object's unknown fields: not parsed
        if (!keys.has(path)) uncovered.push(`${SAMPLES.find(([, s]) => s === schema)![0]}: ${path}`);
      }
    }
    expect(uncovered).to.deep.equal([]);
  });
});

// ---- (a) arbitrary and very long strings in every string position ----------------------------------

describe('contract schemas: hostile strings in every string position', () => {
  for (const [name, schema, value] of SAMPLES) {
    const paths = leaves(value, 'string');
    if (paths.length === 0) continue;
    it(`${name}: never throws, refuses past each limit (${paths.length} positions)`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...POSITIONS.get(name)!), hostileString, ({ path, limit, grows, freeText }, text) => {
          const result = schema.safeParse(setAt(value, path, text));
          const at = `${path.join('.')} = ${JSON.stringify(text.slice(0, 40))} (${text.length})`;
          // No position takes more than the longest limit in the contract, and a position that grows stops at its own.
          if (codePoints(text) > MAX_URL_LENGTH || (grows && codePoints(text) > limit)) expect(result.success, at).to.equal(false);
          // Free text (a label, a message, an unknown code): any content within the limit is fine.
          else if (freeText && text.length <= limit) expect(result.success, at).to.equal(true);
        }),
        RUNS,
      );
    });
  }

  it('free-text fields take exactly their limit of any character and refuse one more', () => {
    let checked = 0;
    for (const [name, schema, value] of SAMPLES) {
      for (const { path, limit, freeText } of POSITIONS.get(name)!) {
        if (!freeText) continue;
        const at = `${name}.${path.join('.')}`;
        expect(schema.safeParse(setAt(value, path, 'あ'.repeat(limit))).success, `${at} at ${limit}`).to.equal(true);
        expect(schema.safeParse(setAt(value, path, '\n'.repeat(limit))).success, `${at} at ${limit} newlines`).to.equal(true);
        expect(schema.safeParse(setAt(value, path, 'あ'.repeat(limit + 1))).success, `${at} at ${limit + 1}`).to.equal(false);
        // Counted in units or in code points, limit + 1 astral characters are over.
        expect(schema.safeParse(setAt(value, path, '😀'.repeat(limit + 1))).success, `${at} at ${limit + 1} astral`).to.equal(false);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(20);
  });
});

// ---- (b) the rules, against reference predicates ----------------------------------------------------

const LOCAL = ['localhost', '127.0.0.1', '[::1]'];
/**
 * What a browser would run as a script or a document from the string itself: URL parsers drop tabs and
 * newlines anywhere, and control characters and spaces in front.
 */
function scriptish(text: string): boolean {
  const squeezed = text.replace(/[\t\n\r]/g, '');
  let start = 0;
  while (start < squeezed.length && squeezed.charCodeAt(start) <= 0x20) start++;
  return /^(javascript|data|vbscript|file|blob):/i.test(squeezed.slice(start));
}

const scheme = fc.constantFrom(
  'https://',
  'HTTPS://',
  'http://',
  'HtTp://',
  'https:',
  'http:',
  'https:/',
  'https:\\\\',
  '//',
  ' https://',
  '\u0000https://',
  'ftp://',
  'ws://',
  'javascript:',
  'JavaScript:',
  ' javascript:',
  'java\tscript:',
  'java\nscript:',
  'data:',
  'DATA:',
  'data:text/html,',
  'vbscript:',
  'file://',
  'blob:https://',
);
const userinfo = fc.constantFrom('', '', '', 'user@', 'user:pass@', ':pass@', '@', 'localhost@', 'a%40b@');
const host = fc.oneof(
  fc.constantFrom(
    ...LOCAL,
    'LOCALHOST',
    'localhost.',
    'localhost:8080',
    '127.0.0.1:3000',
    '[::1]:443',
    '127.0.0.2',
    '0x7f.1',
    '2130706433',
    '[0:0:0:0:0:0:0:1]',
  ),
  fc.constantFrom(
    'example.com',
    'a',
    'xn--eckwd4c7c.xn--zckzah',
    'example.com.',
    '[::2]',
    '10.0.0.1',
    'localhost.example.com',
    'example.com@localhost',
  ),
  // No host at all, for the URL parser: a schema that takes these would hand location.assign something it throws on.
  fc.constantFrom(
    ':',
    'a:b',
    'a:99999',
    'localhost:65536',
    '%',
    'a%zz',
    '[',
    '[::1',
    'a]b',
    'a<b',
    'a^b',
    'a|b',
    'a\u0000b',
    'a／b',
    'xn--a',
    '\u200b',
  ),
  fc.domain(),
  shortHostile,
);
const rest = fc.oneof(fc.constant(''), fc.webPath(), fc.constantFrom('/', '/?q=1#x', '#', '?', '/a b', '\\evil.com', '/%0a'), shortHostile);
const urlish = fc.oneof(
  fc.tuple(scheme, userinfo, host, rest).map((parts) => parts.join('')),
  fc.webUrl({ validSchemes: ['https', 'http', 'javascript', 'data', 'ftp'], withQueryParameters: true, withFragments: true }),
  hostileString,
);

describe('contract schemas: URL rules', () => {
  it('followUrl accepts only https, or http to localhost, 127.0.0.1 or [::1], without user or password', () => {
    fc.assert(
      fc.property(urlish, (text) => {
        const accepted = followUrl.safeParse(text).success;
        expect(accepted).to.equal(isFollowableUrl(text));
        if (!accepted) return;
        const url = new URL(text);
        expect(text.length).to.be.at.most(MAX_URL_LENGTH);
        expect([url.username, url.password]).to.deep.equal(['', '']);
        expect(url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL.includes(url.hostname)), url.href).to.equal(true);
        expect(scriptish(text), text).to.equal(false);
      }),
      { numRuns: 300 },
    );
  });

  it('followUrl accepts every https URL without credentials, and http only to the local hosts', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true }), (text) => {
        expect(followUrl.safeParse(text).success, text).to.equal(text.length <= MAX_URL_LENGTH);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.constantFrom(...LOCAL), fc.option(fc.integer({ min: 1, max: 65535 })), fc.webPath(), (name, port, path) => {
        const text = `http://${name}${port === null ? '' : `:${port}`}${path}`;
        expect(followUrl.safeParse(text).success, text).to.equal(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http'] }), (text) => {
        expect(followUrl.safeParse(text).success, text).to.equal(LOCAL.includes(new URL(text).hostname));
        expect(pageUrl.safeParse(text).success, text).to.equal(text.length <= MAX_URL_LENGTH);
      }),
      RUNS,
    );
  });

  it('followUrl and pageUrl refuse credentials, javascript: and data:, however written', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('https', 'http'),
        fc.constantFrom(...LOCAL, 'example.com'),
        fc.constantFrom('u', 'u:p', ':p', 'u:'),
        fc.webPath(),
        (s, name, info, path) => {
          const text = `${s}://${info}@${name}${path}`;
          expect(followUrl.safeParse(text).success, text).to.equal(false);
          expect(pageUrl.safeParse(text).success, text).to.equal(false);
        },
      ),
      RUNS,
    );
    const obfuscated = fc
      .tuple(
        fc.constantFrom('javascript', 'data', 'vbscript'),
        fc.array(fc.boolean(), { maxLength: 10 }),
        fc.constantFrom('', ' ', '\t', '\u0001', '\n'),
        fc.constantFrom('', '\t', '\n', '\r'),
      )
      .map(([word, upper, lead, inner]) => {
        const cased = [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join('');
        return `${lead}${cased.slice(0, 4)}${inner}${cased.slice(4)}:`;
      });
    fc.assert(
      fc.property(
        obfuscated,
        fc.oneof(
          shortHostile,
          fc.constantFrom('alert(1)', '//https://example.com/%0aalert(1)', 'text/html;base64,PHNjcmlwdD4=', 'https://example.com/'),
        ),
        (start, body) => {
          const text = start + body;
          expect(scriptish(text), text).to.equal(true);
          expect(followUrl.safeParse(text).success, text).to.equal(false);
          expect(pageUrl.safeParse(text).success, text).to.equal(false);
        },
      ),
      RUNS,
    );
  });

  it('pageUrl accepts only absolute http(s) URLs without credentials', () => {
    fc.assert(
      fc.property(urlish, (text) => {
        const accepted = pageUrl.safeParse(text).success;
        expect(accepted).to.equal(isPageUrl(text));
        if (!accepted) return;
        const url = new URL(text);
        expect(['http:', 'https:']).to.include(url.protocol);
        expect([url.username, url.password]).to.deep.equal(['', '']);
        expect(text.length).to.be.at.most(MAX_URL_LENGTH);
      }),
      { numRuns: 200 },
    );
  });
});

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-';
const referenceId = (id: string) => /^[A-Za-z0-9._~-]{1,128}$/.test(id) && id !== '.' && id !== '..';
const idChar = fc.constantFrom(...ID_CHARS);
const idish = fc.oneof(
  fc.string({ unit: idChar, maxLength: 140 }),
  fc.constantFrom(
    '',
    '.',
    '..',
    '...',
    '.a',
    'a.',
    '~',
    '-',
    '_',
    'x'.repeat(MAX_ID_LENGTH),
    'x'.repeat(MAX_ID_LENGTH + 1),
    'ord\n',
    '\nord',
    'ord/..',
    '%2e%2e',
    'ｏｒｄ',
  ),
  fc.tuple(fc.string({ unit: idChar, maxLength: 60 }), anyChar, fc.string({ unit: idChar, maxLength: 60 })).map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom('a', '.'), fc.integer({ min: 1, max: 200_000 })).map(([ch, n]) => ch.repeat(n)),
  hostileString,
);

describe('contract schemas: ids', () => {
  it('resourceId and isValidId accept exactly ^[A-Za-z0-9._~-]{1,128}$ less . and ..', () => {
    fc.assert(
      fc.property(idish, (id) => {
        const expected = referenceId(id);
        expect(resourceId.safeParse(id).success, JSON.stringify(id.slice(0, 50))).to.equal(expected);
        expect(isValidId(id)).to.equal(expected);
        // An order id is an id wherever it appears.
        expect(order.safeParse(setAt(SAMPLES[0]![2], ['order'], id)).success).to.equal(expected);
      }),
      { numRuns: 300 },
    );
  });
});

/** ISO date-times by hand, field by field: the regex in common.ts is checked against this. */
function referenceDateTime(text: string): boolean {
  const digitsAt = (from: number, count: number) => {
    for (let i = from; i < from + count; i++) if (!(text[i]! >= '0' && text[i]! <= '9')) return -1;
    return count === 0 || text.length < from + count ? -1 : Number(text.slice(from, from + count));
  };
  if (!referenceDate(text.slice(0, 10)) || text[10] !== 'T') return false;
  const hour = digitsAt(11, 2);
  const minute = digitsAt(14, 2);
  if (text[13] !== ':' || hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  let at = 16;
  if (text[at] === ':') {
    const second = digitsAt(at + 1, 2);
    if (second < 0 || second > 59) return false;
    at += 3;
    if (text[at] === '.') {
      let end = at + 1;
      while (text[end]! >= '0' && text[end]! <= '9') end++;
      if (end - at - 1 < 1 || end - at - 1 > 9) return false;
      at = end;
    }
  }
  const offset = text.slice(at);
  if (offset === 'Z') return true;
  if (offset[0] !== '+' && offset[0] !== '-') return false;
  const colon = offset[3] === ':';
  if (offset.length !== (colon ? 6 : 5)) return false;
  const offsetHour = digitsAt(at + 1, 2);
  const offsetMinute = digitsAt(at + (colon ? 4 : 3), 2);
  return offsetHour >= 0 && offsetHour <= 23 && offsetMinute >= 0 && offsetMinute <= 59;
}
function referenceDate(text: string): boolean {
  if (text.length !== 10 || text[4] !== '-' || text[7] !== '-') return false;
  const parts = [text.slice(0, 4), text.slice(5, 7), text.slice(8, 10)];
  if (!parts.every((part) => [...part].every((ch) => ch >= '0' && ch <= '9'))) return false;
  const [, month, day] = parts.map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** A real instant written at some offset, in one of the forms the contract allows, with what it means. */
const validDateTime = fc
  .record({
    date: fc.date({ min: new Date('0001-01-02T00:00:00Z'), max: new Date('9999-12-30T00:00:00Z'), noInvalidDate: true }),
    offset: fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }),
    zulu: fc.boolean(),
    precision: fc.constantFrom('minutes', 'seconds', 'fraction'),
    fraction: fc.integer({ min: 1, max: 9 }),
    colon: fc.boolean(),
  })
  .map(({ date, offset, zulu, precision, fraction, colon }) => {
    const minutes = zulu ? 0 : offset;
    const local = new Date(date.getTime() + minutes * 60_000);
    const wholeMinute = local.getTime() - (local.getUTCSeconds() * 1000 + local.getUTCMilliseconds());
    let text = `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
    let kept = wholeMinute;
    if (precision !== 'minutes') {
      text += `:${pad(local.getUTCSeconds())}`;
      kept += local.getUTCSeconds() * 1000;
      if (precision === 'fraction') {
        text += `.${`${pad(local.getUTCMilliseconds(), 3)}000000`.slice(0, fraction)}`;
        kept += Math.floor(local.getUTCMilliseconds() / 10 ** (3 - Math.min(fraction, 3))) * 10 ** (3 - Math.min(fraction, 3));
      }
    }
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    text += zulu ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
    return { text, time: kept - minutes * 60_000 };
  });

/** A valid date-time with one character replaced, inserted or removed: mostly invalid, sometimes not. */
const mutatedDateTime = fc
  .tuple(
    validDateTime,
    fc.nat(),
    fc.constantFrom('replace', 'insert', 'remove'),
    fc.oneof(nastyChar, fc.constantFrom('0', '1', '2', '3', '5', '9', ':', '-', '+', 'Z', 'z', 't', '.')),
  )
  .map(([{ text }, at, how, ch]) => {
    const i = at % (text.length + 1);
    if (how === 'insert') return text.slice(0, i) + ch + text.slice(i);
    if (how === 'remove') return text.slice(0, i) + text.slice(i + 1);
    return text.slice(0, i) + ch + text.slice(i + 1);
  });

/** Every field two (or four) arbitrary digits: months 00-99, hours 00-99 and so on, in each allowed form. */
const twoDigits = fc.integer({ min: 0, max: 99 }).map((n) => pad(n));
const shapedDate = fc.tuple(fc.integer({ min: 0, max: 9999 }), twoDigits, twoDigits).map(([y, m, d]) => `${pad(y, 4)}-${m}-${d}`);
const shapedDateTime = fc
  .tuple(
    shapedDate,
    twoDigits,
    twoDigits,
    fc.option(twoDigits),
    fc.constantFrom('Z', '+', '-'),
    twoDigits,
    fc.constantFrom(':', ''),
    twoDigits,
  )
  .map(
    ([date, h, m, s, sign, oh, colon, om]) =>
      `${date}T${h}:${m}${s === null ? '' : `:${s}`}${sign === 'Z' ? 'Z' : `${sign}${oh}${colon}${om}`}`,
  );

describe('contract schemas: dates', () => {
  it('isoDateTime accepts real instants written with any offset, and means the same instant', () => {
    fc.assert(
      fc.property(validDateTime, ({ text, time }) => {
        expect(referenceDateTime(text), text).to.equal(true);
        expect(isoDateTime.safeParse(text).success, text).to.equal(true);
        expect(Date.parse(text), text).to.equal(time);
      }),
      { numRuns: 200 },
    );
  });

  it('isoDateTime agrees with the reference on near misses and arbitrary strings, and what it accepts is a date', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedDateTime, shapedDateTime, hostileString), (text) => {
        const accepted = isoDateTime.safeParse(text).success;
        expect(accepted, JSON.stringify(text.slice(0, 60))).to.equal(referenceDateTime(text));
        // The widgets format it with Intl, which throws on an invalid Date.
        if (accepted) expect(Number.isNaN(Date.parse(text)), text).to.equal(false);
      }),
      { numRuns: 400 },
    );
  });

  it('isoDate accepts calendar dates only', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          validDateTime.map(({ text }) => text.slice(0, 10)),
          mutatedDateTime.map((text) => text.slice(0, 10)),
          shapedDate,
          hostileString,
        ),
        (text) => {
          expect(isoDate.safeParse(text).success, text.slice(0, 60)).to.equal(referenceDate(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

const HOLDER_CHARS = [
  ...Array.from({ length: 0xff9f - 0xff71 + 1 }, (_, i) => String.fromCharCode(0xff71 + i)),
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ().-',
];
const referenceHolder = (text: string) => text.length >= 1 && text.length <= 30 && [...text].every((ch) => HOLDER_CHARS.includes(ch));

describe('contract schemas: bank account', () => {
  it('zenginHolder accepts 1-30 Zengin half-width characters and nothing else', () => {
    const holderChar = fc.constantFrom(...HOLDER_CHARS);
    const nearHolder = fc.oneof(
      fc.string({ unit: holderChar, maxLength: 34 }),
      fc
        .tuple(fc.string({ unit: holderChar, maxLength: 15 }), anyChar, fc.string({ unit: holderChar, maxLength: 15 }))
        .map((parts) => parts.join('')),
      fc.constantFrom('ｦ', 'ｧ', 'ｰ', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'yamada', 'ヤマダ', 'ﾔﾏﾀﾞ\n', ''),
      hostileString,
    );
    fc.assert(
      fc.property(nearHolder, (text) => {
        const expected = referenceHolder(text);
        expect(zenginHolder.safeParse(text).success, text.slice(0, 40)).to.equal(expected);
        expect(claimRequest.safeParse({ method: 'bank', account: { ...accountValue, holder: text } }).success).to.equal(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('bank, branch and account numbers are exactly 4, 3 and 7 ASCII digits; the one-time code 6', () => {
    const digitish = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 9 }),
      fc.string({ unit: fc.constantFrom(...'0123456789０１٣a -'), maxLength: 9 }),
      hostileString,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(['bankCode', 4], ['branchCode', 3], ['number', 7]) as fc.Arbitrary<[string, number]>,
        digitish,
        ([field, n], text) => {
          const expected = new RegExp(`^[0-9]{${n}}$`).test(text);
          expect(bankAccount.safeParse({ ...accountValue, [field]: text }).success, `${field} ${text.slice(0, 20)}`).to.equal(expected);
        },
      ),
      RUNS,
    );
    fc.assert(
      fc.property(digitish, (text) => {
        expect(verifyRequest.safeParse({ code: text }).success).to.equal(/^[0-9]{6}$/.test(text));
      }),
      RUNS,
    );
  });
});

// ---- (c) hostile shapes ------------------------------------------------------------------------------

function nest(depth: number, leaf: unknown, asArray: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}
/** Every field of a sample, at any depth, and the sample with that field replaced. */
const positionsOf = (value: unknown) => [...leaves(value, 'string'), ...leaves(value, 'number')];

/** An array of `length` copies of `element` that counts how often an element is read. */
function countingArray(length: number, element: unknown) {
  let reads = 0;
  const array = new Proxy(new Array(length).fill(element), {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { array, reads: () => reads };
}
const firstElement = (value: unknown, path: Path) => (getAt(value, path) as unknown[])[0];

describe('contract schemas: hostile shapes', () => {
  it('deeply nested arrays and objects anywhere are refused, or stripped as unknown fields, without a stack overflow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SAMPLES.length - 1 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.boolean(),
        fc.nat(),
        (index, depth, asArray, pick) => {
          const [, schema, value] = SAMPLES[index]!;
          const deep = nest(depth, 'x', asArray);
          // In a field's place: refused.
          const fields = positionsOf(value);
          if (fields.length) expect(schema.safeParse(setAt(value, fields[pick % fields.length]!, deep)).success).to.equal(false);
          // As the whole body: refused (no schema here takes a bare array or a one-key object).
          expect(schema.safeParse(deep).success).to.equal(false);
          // As an unknown field of an object: answers ignore it, requests refuse it.
          if (value && typeof value === 'object' && !Array.isArray(value)) {
            const result = schema.safeParse({ ...value, extra: deep });
            const strict =
              defOf(unwrap(schema, value)).catchall !== undefined && defOf(defOf(unwrap(schema, value)).catchall!).type === 'never';
            expect(result.success).to.equal(!strict);
            if (result.success) expect(result.data).to.not.have.property('extra');
          }
        },
      ),
      FEW,
    );
  });

  it('arrays over their limit are refused without reading a single element', () => {
    const arrays: [string, Schema, unknown, Path, number][] = [
      ['order.brands', order, SAMPLES[0]![2], ['brands'], 50],
      ['order.payments', order, SAMPLES[0]![2], ['payments'], 20],
      ['claim.methods', claim, claimValue, ['methods'], 50],
      ['claim.savedAccounts', claim, claimValue, ['savedAccounts'], 20],
      ['collectPaymentRequest.codes', collectPaymentRequest, { brand: 'webmoney', codes: ['abcd1234efgh5678'] }, ['codes'], 20],
      ['paymentRequest.codes', paymentRequest, { brand: 'webmoney', codes: ['abcd1234efgh5678'] }, ['codes'], 20],
    ];
    for (const [name, schema, value, path, limit] of arrays) {
      for (const length of [limit + 1, 10_000, 1_000_000]) {
        const counted = countingArray(length, firstElement(value, path));
        const result = schema.safeParse(setAt(value, path, counted.array));
        expect(result.success, `${name} × ${length}`).to.equal(false);
        expect(counted.reads(), `${name} × ${length}: elements read`).to.equal(0);
      }
      // At the limit every element is read and the body is fine: the counting works.
      const atLimit = countingArray(limit, firstElement(value, path));
      expect(schema.safeParse(setAt(value, path, atLimit.array)).success, `${name} at ${limit}`).to.equal(true);
      expect(atLimit.reads(), `${name} at ${limit}: elements read`).to.be.at.least(limit);
    }
  });

  it('__proto__, constructor and prototype keys: requests refuse them, answers drop them, nothing is polluted', () => {
    const keys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SAMPLES.length - 1 }),
        keys,
        fc.constantFrom('{"polluted":true}', '"x"', 'null', '[1]', '{"method":"bank"}'),
        (index, key, inner) => {
          const [name, schema, value] = SAMPLES[index]!;
          if (!value || typeof value !== 'object') return;
          const json = JSON.stringify(value).replace(/^\{/, `{"${key}":${inner}${Object.keys(value).length ? ',' : ''}`);
          const body: unknown = JSON.parse(json);
          expect(Object.hasOwn(body as object, key), json).to.equal(true);
          const result = schema.safeParse(body);
          const objectSchema = defOf(unwrap(schema, value));
          const strict = objectSchema.catchall !== undefined && defOf(objectSchema.catchall).type === 'never';
          if (strict) expect(result.success, `${name} with ${key}`).to.equal(false);
          else {
            expect(result.success, `${name} with ${key}`).to.equal(true);
            const data = result.data as object;
            expect(Object.getPrototypeOf(data), `${name}: prototype of the answer`).to.equal(Object.prototype);
            expect(Object.hasOwn(data, key), `${name} keeps ${key}`).to.equal(false);
          }
          expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a claim result keeps unknown fields but never takes __proto__ as its prototype', () => {
    for (const method of ['bank', 'future_wallet']) {
      const result = method === 'bank' ? bankResultValue : { method };
      const json = JSON.stringify({ ...claimValue, result }).replace(
        '"result":{',
        '"result":{"__proto__":{"polluted":true,"bankName":"x"},"constructor":{"prototype":{"polluted":true}},',
      );
      const parsed = claim.safeParse(JSON.parse(json));
      expect(parsed.success, method).to.equal(true);
      const data = parsed.data!.result as Record<string, unknown>;
      expect(Object.getPrototypeOf(data), method).to.equal(Object.prototype);
      expect(Object.hasOwn(data, '__proto__'), method).to.equal(false);
      expect(data.polluted, method).to.equal(undefined);
      expect(Object.hasOwn(data, 'constructor'), method).to.equal(true); // a loose object keeps unknown fields as plain data
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    }
  });

  it('brand and method ids named like Object.prototype members are not known brands or methods', () => {
    for (const id of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']) {
      expect(brands.has(id), id).to.equal(false);
      expect(methods.get(id), id).to.equal(undefined);
      expect(balanceRequest.safeParse({ brand: id, code: 'abcd1234efgh5678' }).success, id).to.equal(false);
      expect(paymentRequest.safeParse({ brand: id, returnUrl: 'https://shop.example.com/' }).success, id).to.equal(false);
      expect(claimRequest.safeParse({ method: id }).success, id).to.equal(false);
      expect(redirectPaymentRequest.safeParse({ brand: id, returnUrl: 'https://shop.example.com/' }).success, id).to.equal(false);
    }
  });

  it('yen: integers 0 to MAX_YEN in every amount, never NaN, Infinity, fractions or 1e308', () => {
    const special = fc.constantFrom(
      NaN,
      Infinity,
      -Infinity,
      1e308,
      -1e308,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      -0,
      0,
      0.5,
      -1,
      MAX_YEN,
      MAX_YEN + 1,
      2 ** 53,
      2 ** 53 + 2,
      Number.MAX_SAFE_INTEGER,
    );
    const notNumbers = fc.constantFrom<unknown>('100', '', null, true, [], {}, 100n);
    const yenPositions = SAMPLES.flatMap(([name, schema, value]) =>
      leaves(value, 'number')
        .filter((path) => leafSchema(schema, value, path) === yen)
        .map((path) => [name, schema, value, path] as const),
    );
    expect(yenPositions.length).to.be.at.least(8);
    fc.assert(
      fc.property(
        fc.constantFrom(...yenPositions),
        fc.oneof(special, fc.double(), fc.integer({ min: -10, max: MAX_YEN + 10 }), fc.maxSafeInteger(), notNumbers),
        ([name, schema, value, path], amount) => {
          const expected = typeof amount === 'number' && Number.isInteger(amount) && amount >= 0 && amount <= MAX_YEN;
          const result = schema.safeParse(setAt(value, path, amount));
          expect(result.success, `${name}.${path.join('.')} = ${String(amount)}`).to.equal(expected);
        },
      ),
      { numRuns: 300 },
    );
    // -0 is an integer and not below 0, so it is accepted; JSON has no -0 on the way out.
    expect(yen.safeParse(-0).success).to.equal(true);
    expect(JSON.stringify({ amount: yen.parse(-0) })).to.equal('{"amount":0}');
  });

  it('other numbers (retryAfter, resendAfter, maxCodes) refuse NaN, Infinity and 1e308', () => {
    const bad = [NaN, Infinity, -Infinity, 1e308, -1, '1'];
    for (const n of bad) {
      expect(apiErrorBody.safeParse({ error: { code: 'x', message: 'y', retryAfter: n } }).success, `retryAfter ${n}`).to.equal(false);
      expect(verificationSent.safeParse({ sentTo: 'x', resendAfter: n }).success, `resendAfter ${n}`).to.equal(false);
      expect(order.safeParse(setAt(SAMPLES[0]![2], ['brands', 0, 'maxCodes'], n)).success, `maxCodes ${n}`).to.equal(false);
    }
    expect(apiErrorBody.safeParse({ error: { code: 'x', message: 'y', retryAfter: 1.5 } }).success).to.equal(true);
  });
});
