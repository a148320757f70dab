// The refund extension of the order schema (refundedAmount, payments[].refunded: optional, so that answers of
// CONTRACT.md 0.2 stay valid) and what the receipt reads from it: yen back per payment.
import { expect } from '@open-wc/testing';
import { order as orderSchema, type Order } from '../../src/contract/checkout.js';
import { refundedPerPayment } from '../../src/prepaid-checkout/steps/receipt.js';
import { openOrder } from '../helpers/fixtures.js';

const paid: Order = {
  ...openOrder([{ id: 'webmoney', mode: 'collect', maxCodes: 2 }]),
  status: 'paid',
  payments: [
    { brand: 'webmoney', amount: 500, masked: '••••0500' },
    { brand: 'webmoney', amount: 700, masked: '••••1000' },
  ],
  paidAt: '2026-12-01T01:00:00Z',
};

describe('the refund extension of Order', () => {
  it('parses answers with and without it, and refuses negative or fractional yen', () => {
    expect(orderSchema.safeParse(paid).success).to.equal(true);
    const refunded = { ...paid, status: 'refunded', refundedAt: '2026-12-02T01:00:00Z' };
    expect(orderSchema.safeParse(refunded).success, 'a 0.2 answer').to.equal(true);
    const partial = {
      ...refunded,
      refundedAmount: 300,
      payments: [
        { ...paid.payments![0]!, refunded: 0 },
        { ...paid.payments![1]!, refunded: 300 },
      ],
    };
    expect(orderSchema.safeParse(partial).success).to.equal(true);
    for (const bad of [
      { ...partial, refundedAmount: -1 },
      { ...partial, refundedAmount: 1.5 },
      { ...partial, refundedAmount: '300' },
      { ...partial, payments: [{ ...paid.payments![0]!, refunded: -300 }] },
    ]) {
      expect(orderSchema.safeParse(bad).success, JSON.stringify(bad)).to.equal(false);
    }
  });

  const table: [string, Partial<Order>, number[]][] = [
    ['paid: nothing back', {}, [0, 0]],
    ['refunded, a 0.2 answer: all back', { status: 'refunded' }, [500, 700]],
    [
      'refunded in part',
      { status: 'refunded', refundedAmount: 300, payments: [paid.payments![0]!, { ...paid.payments![1]!, refunded: 300 }] },
      [0, 300],
    ],
    [
      'more than paid, as a backend might say: capped at the payment',
      { status: 'refunded', refundedAmount: 1200, payments: [{ ...paid.payments![0]!, refunded: 900 }, paid.payments![1]!] },
      [500, 0],
    ],
  ];
  for (const [name, change, expected] of table) {
    it(`yen back per payment: ${name}`, () => {
      expect(refundedPerPayment({ ...paid, ...change })).to.deep.equal(expected);
    });
  }
});
