/**
 * Bank business days and `arrivalBy` (src/server/business-days.ts) with fixed clocks, in Node (where the
 * backend runs, with the holiday data read from the package, no network); then the Claim answers that carry
 * the date: computed at GET time from the backend's clock, and kept from the moment the transfer was asked
 * while it is processing.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { claim as claimSchema } from '../../src/contract/claim.js';
import {
  arrivalTerms,
  bankArrivalBy,
  HOLIDAYS_KNOWN_UNTIL,
  inJapan,
  isBankBusinessDay,
  nextBankBusinessDay,
  transferStartDay,
} from '../../src/server/business-days.js';
import { seedDemo } from '../../src/server/demo.js';
import { call, type TestClock, useBackend } from './helpers.js';

/** An instant given as JST wall-clock time. */
const jst = (local: string) => Date.parse(`${local}+09:00`);
const oneDay = arrivalTerms({ businessDays: 1 });

describe('bank business days', () => {
  const table: [string, boolean, string][] = [
    ['2026-11-27', true, 'a Friday'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-11-23', false, '勤労感謝の日'],
    ['2026-05-06', false, 'こどもの日 振替休日 (5/5 is a Tuesday, 5/3 a Sunday)'],
    ['2026-09-22', false, '国民の休日 between 敬老の日 and 秋分の日'],
    ['2027-03-22', false, '春分の日 振替休日 in 2027'],
    ['2028-03-20', false, '春分の日 2028'],
    ['2028-11-23', false, '勤労感謝の日 2028'],
    ['2026-12-30', true, 'the last business day of 2026'],
    ['2026-12-31', false, 'the banks’ year end'],
    ['2027-01-01', false, '元日'],
    ['2027-01-02', false, 'the banks’ New Year (a Saturday anyway)'],
    ['2029-01-03', false, 'the banks’ New Year on a Wednesday'],
    ['2029-01-04', true, 'the first business day of 2029'],
  ];
  for (const [date, business, what] of table) {
    it(`${date}: ${what}`, () => assert.equal(isBankBusinessDay(date), business));
  }

  it('the holiday data covers at least 2027 and 2028', () => {
    assert.ok(HOLIDAYS_KNOWN_UNTIL >= '2028-12-31', HOLIDAYS_KNOWN_UNTIL);
  });

  it('the JST date, whatever the server’s zone: 15:00 UTC is midnight in Japan', () => {
    assert.deepEqual(inJapan(Date.parse('2026-11-26T14:59:00Z')), { date: '2026-11-26', minutes: 23 * 60 + 59 });
    assert.deepEqual(inJapan(Date.parse('2026-11-26T15:00:00Z')), { date: '2026-11-27', minutes: 0 });
  });

  it('the next business day skips Golden Week', () => {
    assert.equal(nextBankBusinessDay('2026-04-30'), '2026-05-01');
    assert.equal(nextBankBusinessDay('2026-05-01'), '2026-05-07');
  });
});

describe('arrivalBy', () => {
  const table: [string, string, number, string][] = [
    ['Thursday before the cut-off', '2026-11-26T14:59', 1, '2026-11-27'],
    ['Thursday at the cut-off', '2026-11-26T15:00', 1, '2026-11-30'],
    ['Friday after the cut-off → Tuesday', '2026-11-27T16:00', 1, '2026-12-01'],
    ['Friday after the cut-off, three days', '2026-11-27T16:00', 3, '2026-12-03'],
    ['Saturday morning starts on Monday', '2026-11-28T09:00', 1, '2026-12-01'],
    ['before Golden Week', '2026-04-30T10:00', 3, '2026-05-08'],
    ['into Golden Week', '2026-05-01T16:00', 1, '2026-05-08'],
    ['over the 振替休日 5/6', '2026-05-02T10:00', 0, '2026-05-07'],
    ['over the 国民の休日 9/22', '2026-09-18T16:00', 1, '2026-09-25'],
    ['the year end', '2026-12-30T16:00', 1, '2027-01-05'],
    ['the year end, three days', '2026-12-30T16:00', 3, '2027-01-07'],
    ['the year end, before the cut-off', '2026-12-30T10:00', 1, '2027-01-04'],
    ['over 2027’s 春分の日 振替休日', '2027-03-19T16:00', 1, '2027-03-24'],
    ['over 2028’s Golden Week', '2028-05-02T16:00', 1, '2028-05-09'],
    ['a midnight between days in JST, late evening in UTC', '2026-11-26T23:59', 1, '2026-11-30'],
  ];
  for (const [what, local, businessDays, expected] of table) {
    it(`${what}: ${local} JST, ${businessDays} business day(s) → ${expected}`, () => {
      assert.equal(bankArrivalBy(jst(local), arrivalTerms({ businessDays })), expected);
    });
  }

  it('the start day follows the cut-off', () => {
    assert.equal(transferStartDay(jst('2026-11-27T14:00'), oneDay), '2026-11-27');
    assert.equal(transferStartDay(jst('2026-11-27T14:00'), arrivalTerms({ businessDays: 1, cutoffMinutes: 13 * 60 })), '2026-11-30');
  });

  it('three business days by default', () => {
    assert.equal(bankArrivalBy(jst('2026-11-27T16:00')), '2026-12-03');
  });

  it('no date past the holiday data, rather than a guess', () => {
    const lastYear = Number(HOLIDAYS_KNOWN_UNTIL.slice(0, 4));
    assert.equal(bankArrivalBy(jst(`${lastYear}-12-30T16:00`), oneDay), undefined);
  });

  it('refuses terms out of bounds', () => {
    assert.throws(() => arrivalTerms({ businessDays: 11 }), RangeError);
    assert.throws(() => arrivalTerms({ businessDays: 1.5 }), RangeError);
    assert.throws(() => arrivalTerms({ cutoffMinutes: -1 }), RangeError);
  });
});

describe('arrivalBy in Claim answers', () => {
  const shared = useBackend({ bankDelayMs: 10 * 24 * 3_600_000 }, (b) => seedDemo(b.context));
  let clock: TestClock;
  beforeEach(() => {
    clock = shared.clock;
  });
  const get = async (token: string) => claimSchema.parse((await call(shared.backend, 'GET', `/api/claims/${token}`)).body);
  const bank = (claim: { methods: { method: string; arrivalBy?: string }[] }) => claim.methods.find((m) => m.method === 'bank');
  const account = { bankCode: '0005', branchCode: '001', type: 'ordinary', number: '1234567', holder: 'ﾔﾏﾀﾞ ﾀﾛｳ' };

  it('the bank method carries the date from the clock at GET time; instant methods none', async () => {
    clock.ms = jst('2026-11-27T16:00');
    const claim = await get('demo-refund');
    assert.equal(bank(claim)?.arrivalBy, '2026-12-03');
    for (const m of claim.methods.filter((m) => m.method !== 'bank')) assert.equal(m.arrivalBy, undefined, m.method);
    clock.ms = jst('2026-12-30T16:00');
    assert.equal(bank(await get('demo-refund'))?.arrivalBy, '2027-01-07');
  });

  it('while processing, the date from when the transfer was asked, not from now', async () => {
    clock.ms = jst('2026-11-27T16:00');
    const posted = await call(shared.backend, 'POST', '/api/claims/demo-refund/claim', { method: 'bank', account }, crypto.randomUUID());
    assert.equal(posted.status, 200);
    const answer = claimSchema.parse(posted.body);
    assert.equal(answer.status, 'processing');
    assert.equal(bank(answer)?.arrivalBy, '2026-12-03');
    clock.ms = jst('2026-12-01T11:00');
    const later = await get('demo-refund');
    assert.equal(later.status, 'processing');
    assert.equal(bank(later)?.arrivalBy, '2026-12-03');
    // Another claim, still open, is dated from now.
    assert.equal(bank(await get('demo-payout'))?.arrivalBy, '2026-12-04');
  });

  it('a transfer whose process died before the answer: recovered later, still dated from when it was asked', async () => {
    clock.ms = jst('2026-11-27T16:00');
    const start = shared.backend.payouts.start.bind(shared.backend.payouts);
    let reached!: () => void;
    const started = new Promise<void>((resolve) => (reached = resolve));
    shared.backend.payouts.start = async (request) => {
      await start(request);
      reached();
      return new Promise(() => undefined); // the process never writes the answer
    };
    try {
      void call(shared.backend, 'POST', '/api/claims/demo-refund/claim', { method: 'bank', account }, crypto.randomUUID());
      await started;
    } finally {
      shared.backend.payouts.start = start;
    }
    // Found on Wednesday, long after the lease: finished from the provider's word.
    clock.ms = jst('2026-12-02T10:00');
    const recovered = await get('demo-refund');
    assert.equal(recovered.status, 'processing');
    assert.equal(bank(recovered)?.arrivalBy, '2026-12-03');
  });
});
