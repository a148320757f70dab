/**
 * The demo merchant's orders: templates to start a fresh order from, and fixed orders in final states.
 */
import type { BrandId, Order, OrderBrand } from '../../src/contract/checkout.js';

export interface OrderRecord {
  order: Order;
  /** BitCash cards rated ST are refused (an EX-only merchant). */
  bitcashExOnly: boolean;
}

export interface OrderTemplate {
  id: string;
  amount: number;
  description: string;
  brands: OrderBrand[];
  bitcashExOnly?: boolean;
}

const MERCHANT = { name: 'Sandbox Game Store' };

const STANDARD_BRANDS: OrderBrand[] = [
  { id: 'webmoney', mode: 'collect', maxCodes: 3, balance: true },
  { id: 'bitcash', mode: 'collect', maxCodes: 2, balance: true },
  { id: 'netcash', mode: 'redirect' },
  { id: 'nanaco', mode: 'collect', maxCodes: 2 },
];

export const ORDER_TEMPLATES: OrderTemplate[] = [
  { id: 'gems-500', amount: 500, description: 'Starter gem pack (500 gems)', brands: STANDARD_BRANDS },
  { id: 'gems-1200', amount: 1200, description: 'Gem pack (1,200 gems)', brands: STANDARD_BRANDS },
  {
    id: 'album-3000',
    amount: 3000,
    description: 'Album download (EX-rated BitCash only)',
    brands: [
      { id: 'bitcash', mode: 'collect', maxCodes: 2, balance: true },
      { id: 'webmoney', mode: 'collect', maxCodes: 3, balance: true },
      { id: 'netcash', mode: 'collect', maxCodes: 2 },
      { id: 'nanaco', mode: 'collect' },
    ],
    bitcashExOnly: true,
  },
  {
    id: 'pass-12000',
    amount: 12000,
    description: 'Annual season pass',
    brands: [{ id: 'webmoney', mode: 'collect', maxCodes: 5, balance: true }],
  },
];

export class OrderBook {
  readonly #orders = new Map<string, OrderRecord>();
  #serial = 0;

  constructor(now: () => Date) {
    for (const template of ORDER_TEMPLATES) this.#put(`demo-${template.amount}`, template, 'open');
    const paidAt = new Date(now().getTime() - 3_600_000).toISOString();
    this.#orders.set('demo-paid', {
      order: {
        order: 'demo-paid',
        amount: 800,
        currency: 'JPY',
        description: 'Costume set',
        merchant: MERCHANT,
        status: 'paid',
        brands: STANDARD_BRANDS,
        payments: [{ brand: 'webmoney' satisfies BrandId, amount: 800, masked: '••••••••••••k7p2' }],
        paidAt,
      },
      bitcashExOnly: false,
    });
    this.#put('demo-expired', ORDER_TEMPLATES[1]!, 'expired');
    this.#put('demo-canceled', ORDER_TEMPLATES[0]!, 'canceled');
  }

  #put(id: string, template: OrderTemplate, status: Order['status']): Order {
    const order: Order = {
      order: id,
      amount: template.amount,
      currency: 'JPY',
      description: template.description,
      merchant: MERCHANT,
      status,
      brands: template.brands,
    };
    this.#orders.set(id, { order, bitcashExOnly: template.bitcashExOnly ?? false });
    return order;
  }

  get(id: string): OrderRecord | undefined {
    return this.#orders.get(id);
  }

  /** A fresh open order from a template, so the demo can be paid again and again; `brands` replaces the template's. */
  create(templateId: string, brands?: OrderBrand[]): Order | undefined {
    const template = ORDER_TEMPLATES.find((t) => t.id === templateId);
    if (!template) return undefined;
    this.#serial += 1;
    return this.#put(`${template.id}-${Date.now().toString(36)}${this.#serial}`, brands ? { ...template, brands } : template, 'open');
  }

  /** Adds an order as given (tests use this for edge cases). */
  add(order: Order, bitcashExOnly = false): void {
    this.#orders.set(order.order, { order, bitcashExOnly });
  }
}
