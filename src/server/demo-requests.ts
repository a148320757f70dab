/**
 * Bodies of the demo routes (`DEMO=1` only), checked like every other route:
 *
 * - `POST /api/demo/orders` `{"template": "gems-500" | "gems-1200" | "album-3000" | "pass-12000"}` → `201 Order`
 *   (a fresh open order from the template; `GET /api/demo/orders` lists the templates);
 * - `POST /api/demo/claims` `{"amount": yen, "purpose", "message"?, "methods"?: [method ids], "payer"?,
 *   "validHours"?}` → `201 {"token", "claim"}`.
 */
import * as z from 'zod/mini';
import { methods, PURPOSES, wireMethodId } from '../contract/claim.js';

const knownMethod = wireMethodId.check(z.refine((id) => methods.has(id), { message: 'Unknown method.' }));

export const ORDER_TEMPLATE_IDS = ['gems-500', 'gems-1200', 'album-3000', 'pass-12000'] as const;

export const demoOrderRequest = z.strictObject({ template: z.enum(ORDER_TEMPLATE_IDS) });
export type DemoOrderRequest = z.infer<typeof demoOrderRequest>;

export const demoClaimRequest = z.strictObject({
  amount: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  purpose: z.enum(PURPOSES),
  message: z.optional(z.string().check(z.maxLength(200))),
  methods: z.optional(z.array(knownMethod).check(z.minLength(1), z.maxLength(5))),
  payer: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  validHours: z.optional(z.int().check(z.minimum(1), z.maximum(24 * 90))),
});
export type DemoClaimRequest = z.infer<typeof demoClaimRequest>;
