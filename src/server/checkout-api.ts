/**
 * The checkout calls of CONTRACT.md over a prepaid issuer, with the money path as a sequence of short
 * transactions around the provider calls (never a transaction held across one):
 *
 * 1. claim the order: `UPDATE orders SET attempt_id WHERE status = 'open' AND attempt_id IS NULL` and insert
 *    the attempt (state `reserving`, with a lease) in one transaction; a racing payment finds the order
 *    held (`409 idempotency_in_progress`) or paid (`409 order_not_open`), whatever its key;
 * 2. reserve each code at the issuer under an id derived from the attempt; on any refusal or failure,
 *    release what was reserved (state `releasing`, then `released`, the order open again);
 * 3. state `committing` with the reservations, then commit each at the issuer;
 * 4. the order `paid` and the attempt `paid` in one transaction.
 *
 * A process that dies anywhere in 2-4 leaves the attempt with its lease; once the lease has passed, the next
 * request on the order (or the start of a process) finishes it by asking the issuer: `reserving` and
 * `releasing` are released (every derived id; release is idempotent), `committing` is committed (idempotent)
 * and the order paid. Nothing is ever charged twice, and nothing held is lost.
 */
import type { Order, Payment } from '../contract/checkout.js';
import { isValidId } from '../contract/common.js';
import { balanceRequest, paymentRequest } from '../contract/checkout-requests.js';
import { maskCode } from '../japanese/prepaid-code.js';
import { checkReturnUrl, lockedOut, lockoutSubjects, type BackendContext, type Call } from './context.js';
import { apiError, checkBody, json } from './http.js';
import { inProgress } from './idempotency.js';
import { readOrder, reservationId, toOrder, type AttemptRow, type HeldCode, type OrderRow } from './orders.js';
import { ProviderUnavailable, type CodeRefusal, type PrepaidIssuer } from './providers.js';

const REFUSALS: Record<CodeRefusal, [number, string, string]> = {
  invalid: [422, 'invalid_code', 'This code does not exist.'],
  used: [422, 'code_used', 'This code has already been used.'],
  expired: [422, 'code_expired', 'This code has expired.'],
};

const unavailable = () => apiError(503, 'provider_unavailable', 'The prepaid issuer is not answering.');
const notFound = () => apiError(404, 'order_not_found', 'No such order.');
const notOpen = (row: OrderRow) => apiError(409, 'order_not_open', `The order is ${row.status}.`);

export function createCheckoutApi(ctx: BackendContext, issuer: PrepaidIssuer) {
  const { sql } = ctx;

  /** The order, after finishing an attempt whose process died (its lease passed). */
  async function current(orderId: string): Promise<OrderRow | undefined> {
    if (!isValidId(orderId)) return undefined;
    const row = await readOrder(sql, orderId);
    if (!row?.attempt_id) return row;
    const [attempt] = await sql.query<AttemptRow>('SELECT * FROM payment_attempts WHERE id = $1', [row.attempt_id]);
    if (attempt && attempt.lease_until <= ctx.now()) {
      await reconcile(attempt).catch((error: unknown) => {
        if (!(error instanceof ProviderUnavailable)) throw error;
      });
      return readOrder(sql, orderId);
    }
    return row;
  }

  /** Takes over a stale attempt (by its lease) and finishes it by asking the issuer. */
  async function reconcile(stale: AttemptRow): Promise<void> {
    const now = ctx.now();
    const [attempt] = await sql.query<AttemptRow>(
      `UPDATE payment_attempts SET lease_until = $3, updated_at = $2 WHERE id = $1 AND lease_until = $4
       AND state IN ('reserving', 'committing', 'releasing') RETURNING *`,
      [stale.id, now, now + ctx.leaseMs, stale.lease_until],
    );
    if (!attempt) return; // another process took it, or it finished
    if (attempt.state === 'committing') {
      await commitAll(attempt, attempt.reservations);
    } else {
      const ids = Array.from({ length: attempt.code_count }, (_, i) => reservationId(attempt.id, i));
      await releaseAll(attempt.id, ids);
    }
  }

  /** Unfinished attempts whose lease has passed (at start, after a crash). */
  async function reconcileStale(): Promise<number> {
    const stale = await sql.query<AttemptRow>(
      `SELECT * FROM payment_attempts WHERE state IN ('reserving', 'committing', 'releasing') AND lease_until <= $1 ORDER BY created_at LIMIT 100`,
      [ctx.now()],
    );
    for (const attempt of stale) await reconcile(attempt).catch(() => undefined);
    return stale.length;
  }

  /** The issuer failed mid-way: the next request on the order finishes the attempt (no need to wait for the lease). */
  async function finishLater(attemptId: string): Promise<void> {
    await sql.query('UPDATE payment_attempts SET lease_until = $2 WHERE id = $1', [attemptId, ctx.now()]);
  }

  async function releaseAll(attemptId: string, ids: readonly string[]): Promise<void> {
    await sql.query(`UPDATE payment_attempts SET state = 'releasing', updated_at = $2 WHERE id = $1`, [attemptId, ctx.now()]);
    for (const id of ids) await issuer.release(id);
    await sql.transaction(async (tx) => {
      await tx.query(`UPDATE payment_attempts SET state = 'released', updated_at = $2 WHERE id = $1`, [attemptId, ctx.now()]);
      await tx.query('UPDATE orders SET attempt_id = NULL WHERE attempt_id = $1', [attemptId]);
    });
  }

  async function commitAll(attempt: Pick<AttemptRow, 'id' | 'order_id' | 'brand'>, held: readonly HeldCode[]): Promise<Order> {
    const charged = held.filter((h) => h.amount > 0);
    await sql.query(`UPDATE payment_attempts SET state = 'committing', reservations = $2::jsonb, updated_at = $3 WHERE id = $1`, [
      attempt.id,
      JSON.stringify(held),
      ctx.now(),
    ]);
    for (const h of held) {
      if (h.amount > 0) await issuer.commit(h.id);
      else await issuer.release(h.id);
    }
    const payments: Payment[] = charged.map((h) => ({ brand: attempt.brand, amount: h.amount, masked: h.masked }));
    const row = await sql.transaction(async (tx) => {
      await tx.query(`UPDATE payment_attempts SET state = 'paid', updated_at = $2 WHERE id = $1`, [attempt.id, ctx.now()]);
      const [paid] = await tx.query<OrderRow>(
        `UPDATE orders SET status = 'paid', payments = $3::jsonb, paid_at = $4, attempt_id = NULL WHERE id = $1 AND attempt_id = $2 RETURNING *`,
        [attempt.order_id, attempt.id, JSON.stringify(payments), ctx.now()],
      );
      return paid;
    });
    return toOrder(row ?? (await readOrder(sql, attempt.order_id))!);
  }

  /** A retry (same key) of the payment that paid this order: answer the order as paid, not `order_not_open`. */
  async function paidByThisCall(row: OrderRow, call: Call): Promise<boolean> {
    if (row.status !== 'paid') return false;
    const rows = await sql.query(
      `SELECT 1 FROM payment_attempts WHERE order_id = $1 AND state = 'paid' AND idem_scope = $2 AND idem_key = $3`,
      [row.id, call.idem.scope, call.idem.key],
    );
    return rows.length > 0;
  }

  function refused(kind: CodeRefusal, field: string): Response {
    const [status, code, message] = REFUSALS[kind];
    return apiError(status, code, message, { field });
  }

  async function getOrder(orderId: string): Promise<Response> {
    const row = await current(orderId);
    return row ? json(200, toOrder(row)) : notFound();
  }

  async function balance(orderId: string, raw: unknown, call: Call): Promise<Response> {
    const row = await current(orderId);
    if (!row) return notFound();
    if (row.status !== 'open') return notOpen(row);
    const body = checkBody(raw, balanceRequest);
    if (!body.ok) return body.response;
    const { brand, code } = body.value;
    const terms = row.brands.find((b) => b.id === brand);
    if (terms?.mode !== 'collect' || !terms.balance) {
      return apiError(400, 'invalid_request', 'This brand offers no balance check for this order.', { field: 'brand' });
    }
    const locked = await lockedOut(ctx, `order:${orderId}`, call, 'codes');
    if (locked) return locked;
    let answer: Awaited<ReturnType<typeof issuer.balance>>;
    try {
      answer = await issuer.balance(brand, code);
    } catch (error) {
      if (error instanceof ProviderUnavailable) return unavailable();
      throw error;
    }
    if (answer.kind === 'invalid') await ctx.lockouts.fail(lockoutSubjects(ctx, `order:${orderId}`, call));
    if (answer.kind !== 'valid') return refused(answer.kind, 'code');
    if (brand === 'bitcash' && row.bitcash_ex_only && answer.rating !== 'EX') {
      return apiError(422, 'rating_not_allowed', 'This merchant accepts only BitCash cards rated EX.', { field: 'code' });
    }
    return json(200, { brand, balance: answer.balance, masked: maskCode(code) });
  }

  async function pay(orderId: string, raw: unknown, call: Call): Promise<Response> {
    const row = await current(orderId);
    if (!row) return notFound();
    if (row.status !== 'open') return (await paidByThisCall(row, call)) ? json(200, toOrder(row)) : notOpen(row);
    const body = checkBody(raw, paymentRequest);
    if (!body.ok) return body.response;
    const request = body.value;
    const terms = row.brands.find((b) => b.id === request.brand);
    if (!terms) return apiError(400, 'invalid_request', 'This brand is not offered for this order.', { field: 'brand' });

    if (!('codes' in request)) {
      if (terms.mode !== 'redirect' || !issuer.startRedirect)
        return apiError(400, 'invalid_request', 'This brand takes codes.', { field: 'codes' });
      const badReturn = checkReturnUrl(ctx, request.returnUrl);
      if (badReturn) return badReturn;
      try {
        const redirectUrl = await issuer.startRedirect({
          id: crypto.randomUUID(),
          orderId,
          brand: request.brand,
          amount: row.amount,
          merchantName: row.merchant_name,
          returnUrl: request.returnUrl,
        });
        return json(200, { redirectUrl });
      } catch (error) {
        if (error instanceof ProviderUnavailable) return unavailable();
        throw error;
      }
    }
    if (terms.mode !== 'collect') return apiError(400, 'invalid_request', 'This brand pays on the issuer’s page.', { field: 'returnUrl' });
    const { codes } = request;
    if (codes.length > (terms.maxCodes ?? 1)) {
      return apiError(400, 'invalid_request', `At most ${terms.maxCodes ?? 1} codes.`, { field: 'codes' });
    }
    const seen = new Set<string>();
    for (const [i, code] of codes.entries()) {
      if (seen.has(code)) return apiError(400, 'invalid_request', 'The same code twice.', { field: `codes.${i}` });
      seen.add(code);
    }
    const locked = await lockedOut(ctx, `order:${orderId}`, call, 'codes');
    if (locked) return locked;
    return collect(row, request.brand, codes, call);
  }

  async function collect(row: OrderRow, brand: string, codes: readonly string[], call: Call): Promise<Response> {
    const attemptId = crypto.randomUUID();
    const now = ctx.now();
    // 1. Hold the order: one attempt at a time, whatever the keys.
    const held = await sql.transaction(async (tx) => {
      const [claimed] = await tx.query(
        `UPDATE orders SET attempt_id = $2 WHERE id = $1 AND status = 'open' AND attempt_id IS NULL RETURNING id`,
        [row.id, attemptId],
      );
      if (!claimed) return false;
      await tx.query(
        `INSERT INTO payment_attempts (id, order_id, idem_scope, idem_key, brand, code_count, state, lease_until, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'reserving', $7, $8, $8)`,
        [attemptId, row.id, call.idem.scope, call.idem.key, brand, codes.length, now + ctx.leaseMs, now],
      );
      return true;
    });
    if (!held) {
      const now = await readOrder(sql, row.id);
      if (now && now.status !== 'open') return notOpen(now);
      return inProgress('Another payment for this order is in progress.');
    }

    // 2. Reserve each code; any refusal or failure releases what was reserved.
    const reserved: HeldCode[] = [];
    const giveBack = async (answer: Response): Promise<Response> => {
      try {
        await releaseAll(
          attemptId,
          codes.map((_, i) => reservationId(attemptId, i)),
        );
        return answer;
      } catch (error) {
        if (!(error instanceof ProviderUnavailable)) throw error;
        await finishLater(attemptId);
        return unavailable();
      }
    };
    let due = row.amount;
    try {
      for (const [i, code] of codes.entries()) {
        const id = reservationId(attemptId, i);
        const answer = await issuer.reserve({ id, brand, code, amount: due });
        if (answer.kind !== 'reserved') {
          if (answer.kind === 'invalid') await ctx.lockouts.fail(lockoutSubjects(ctx, `order:${row.id}`, call));
          return await giveBack(refused(answer.kind, `codes.${i}`));
        }
        if (brand === 'bitcash' && row.bitcash_ex_only && answer.rating !== 'EX') {
          return await giveBack(
            apiError(422, 'rating_not_allowed', 'This merchant accepts only BitCash cards rated EX.', { field: `codes.${i}` }),
          );
        }
        reserved.push({ id, amount: answer.amount, masked: maskCode(code) });
        due -= answer.amount;
      }
    } catch (error) {
      if (!(error instanceof ProviderUnavailable)) throw error; // left to the reconciler, by the lease
      // If the issuer is down for the release too, the next request on the order releases.
      await releaseAll(
        attemptId,
        codes.map((_, i) => reservationId(attemptId, i)),
      ).catch(() => finishLater(attemptId));
      return unavailable();
    }
    if (due > 0) {
      const total = row.amount - due;
      return giveBack(apiError(402, 'insufficient_balance', `The codes hold ${total} yen; ${due} more is needed.`, { shortfall: due }));
    }

    // 3-4. Commit, then the order is paid.
    let order: Order;
    try {
      order = await commitAll({ id: attemptId, order_id: row.id, brand }, reserved);
    } catch (error) {
      if (!(error instanceof ProviderUnavailable)) throw error;
      await finishLater(attemptId); // committing: the next request on the order commits the rest
      return unavailable();
    }
    await ctx.lockouts.succeed(`order:${row.id}`);
    return json(200, order);
  }

  /** The issuer's word that a redirect payment went through (the sandbox page, or a provider's notification). */
  async function completeRedirect(orderId: string, payment: Payment): Promise<boolean> {
    const rows = await sql.query(
      `UPDATE orders SET status = 'paid', payments = $2::jsonb, paid_at = $3 WHERE id = $1 AND status = 'open' AND attempt_id IS NULL RETURNING id`,
      [orderId, JSON.stringify([payment]), ctx.now()],
    );
    return rows.length > 0;
  }

  return { getOrder, balance, pay, reconcileStale, completeRedirect, current };
}

export type CheckoutApi = ReturnType<typeof createCheckoutApi>;
