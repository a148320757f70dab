/**
 * Bodies of the demo routes (`DEMO=1` only), checked like every other route:
 *
 * - `POST /api/demo/orders` `{"template": "gems-500" | "gems-1200" | "album-3000" | "pass-12000", "brands"?: [OrderBrand], "lang"?: "ja" | "en"}`
 *   → `201 Order` (a fresh open order from the template, its description in `lang`, English without;
 *   `GET /api/demo/orders?lang=` lists the templates, descriptions in that language);
 * - `POST /api/demo/reset` `{}` → `200 {"reset": true, "orders", "claims"}` (sandbox balances, fixed orders and claims as seeded);
 * - `POST /api/demo/orders/{order}/refund` `{"amount"?: yen}` (header `Idempotency-Key` optional: without it, a new
 *   refund each time) → `200 {"refund", "order"}` (`backend.refundOrder`; the errors of refunds.ts with their status);
 * - `POST /api/demo/claims` `{"amount": yen, "purpose", "message"?, "methods"?: [method id or {method, fee, arrival, max?}], "payer"?,
 *   "validHours"?, "recipient"?, "verification"?: "sms" | "email" | "none"}` → `201 {"token", "claim"}` (`recipient`: the
 *   merchant's id for the person; claims for one recipient list the accounts saved by the earlier ones;
 *   `demo-recipient` has two seeded);
 * - `GET /api/demo/claims/{token}/messages` → `200 {"messages": [{"channel", "to", "text", "sentAt"}]}` (the sandbox
 *   phone or mailbox of the claim's destination, latest first).
 */
import * as z from 'zod/mini';
import { orderBrand } from '../contract/checkout.js';
import { claimMethod, methods, PURPOSES, wireMethodId } from '../contract/claim.js';

const knownMethod = wireMethodId.check(z.refine((id) => methods.has(id), { message: 'Unknown method.' }));

/** The demo's languages (order descriptions, the sandbox's pages). */
export const DEMO_LANGS = ['ja', 'en'] as const;
export type DemoLang = (typeof DEMO_LANGS)[number];

export const ORDER_TEMPLATE_IDS = ['gems-500', 'gems-1200', 'album-3000', 'pass-12000'] as const;

/** `brands` replaces the template's brands (for a brand registered at run time). */
export const demoOrderRequest = z.strictObject({
  template: z.enum(ORDER_TEMPLATE_IDS),
  brands: z.optional(z.array(orderBrand).check(z.minLength(1), z.maxLength(20))),
  lang: z.optional(z.enum(DEMO_LANGS)),
});
export type DemoOrderRequest = z.infer<typeof demoOrderRequest>;

export const demoClaimRequest = z.strictObject({
  amount: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  purpose: z.enum(PURPOSES),
  message: z.optional(z.string().check(z.maxLength(200))),
  /** Method ids (with the demo's default terms), or full terms (for a method registered at run time). */
  methods: z.optional(z.array(z.union([knownMethod, claimMethod])).check(z.minLength(1), z.maxLength(10))),
  payer: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  validHours: z.optional(z.int().check(z.minimum(1), z.maximum(24 * 90))),
  recipient: z.optional(z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9._~@+-]+$/))),
  /** A one-time code before any method: by SMS to the sandbox phone, by email to the sandbox address, or none. */
  verification: z.optional(z.enum(['sms', 'email', 'none'])),
});
export type DemoClaimRequest = z.infer<typeof demoClaimRequest>;

/** A refund from the demo checkout page: `amount` omitted refunds what is left. */
export const demoRefundRequest = z.strictObject({
  amount: z.optional(z.int().check(z.minimum(1), z.maximum(10_000_000))),
});

/** The reset takes no options: an empty object. */
export const demoResetRequest = z.strictObject({});
