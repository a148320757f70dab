// dist/openapi.json: an OpenAPI 3.1 document of both APIs of CONTRACT.md, generated from the zod contract
// (src/contract/, zod/mini schemas through zod 4's toJSONSchema), so that a merchant writing the backend in
// another language generates it from the same source. `node scripts/openapi.mjs [file]` writes it alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runnerImport } from 'vite';
import * as z from 'zod';

export async function openApiDocument() {
  const { module: c } = await runnerImport('./src/contract/index.ts');
  const { module: pkg } = await runnerImport('./package.json');
  const schemas = {
    Order: c.order,
    BalanceRequest: c.balanceRequest,
    BalanceResponse: c.balanceResponse,
    PaymentRequest: c.paymentRequest,
    RedirectResponse: c.redirectResponse,
    Claim: c.claim,
    ClaimRequest: c.claimRequest,
    VerificationRequest: c.verificationRequest,
    VerificationSent: c.verificationSent,
    VerifyRequest: c.verifyRequest,
    Error: c.apiErrorBody,
  };
  const components = { schemas: {} };
  for (const [name, schema] of Object.entries(schemas)) {
    const { $schema: _drop, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' });
    components.schemas[name] = json;
  }
  const ref = (name) => ({ $ref: `#/components/schemas/${name}` });
  const body = (name) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
  const ok = (name, description) => ({ description, content: { 'application/json': { schema: ref(name) } } });
  const errors = (codes) => ({
    default: {
      description: `Error: ${codes.join(', ')}; also 413 payload_too_large (bodies over 16 KiB) and 415 unsupported_media_type (not JSON).`,
      content: { 'application/json': { schema: ref('Error') } },
    },
  });
  const idempotencyKey = {
    name: 'Idempotency-Key',
    in: 'header',
    required: true,
    description:
      'A random UUID per user attempt; the same key and body again replays the first answer (2xx or 4xx, 429 excepted) with Idempotent-Replayed: true; another body is 422 idempotency_key_reused; while the first still runs, 409 idempotency_in_progress with retryAfter. Kept 24 hours, scoped to the path.',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  };
  const idParam = (name, description) => ({
    name,
    in: 'path',
    required: true,
    description,
    schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^(?!\\.\\.?$)[A-Za-z0-9._~-]+$' },
  });
  const order = idParam('order', "The merchant's order id.");
  const token = idParam('token', 'The claim token (from the link the recipient got).');
  const checkoutErrors = errors([...c.CHECKOUT_ERROR_CODES]);
  const claimErrors = errors([...c.CLAIM_ERROR_CODES]);
  return {
    openapi: '3.1.0',
    info: {
      title: 'prepaid-payout-widgets merchant backend',
      version: pkg.default?.version ?? pkg.version,
      description:
        'The HTTP calls the <prepaid-checkout> and <payout-claim> elements make to the merchant backend (CONTRACT.md). Generated from the zod schemas in src/contract/.',
    },
    paths: {
      '/orders/{order}': {
        servers: [{ url: '/api/checkout' }],
        get: { operationId: 'getOrder', parameters: [order], responses: { 200: ok('Order', 'The order'), ...checkoutErrors } },
      },
      '/orders/{order}/balance': {
        servers: [{ url: '/api/checkout' }],
        post: {
          operationId: 'checkBalance',
          parameters: [order, idempotencyKey],
          requestBody: body('BalanceRequest'),
          responses: { 200: ok('BalanceResponse', 'What the code holds'), ...checkoutErrors },
        },
      },
      '/orders/{order}/payments': {
        servers: [{ url: '/api/checkout' }],
        post: {
          operationId: 'pay',
          parameters: [order, idempotencyKey],
          requestBody: body('PaymentRequest'),
          responses: {
            200: {
              description: 'Collect mode: the paid Order; redirect mode: where to send the shopper',
              content: { 'application/json': { schema: { oneOf: [ref('Order'), ref('RedirectResponse')] } } },
            },
            ...checkoutErrors,
          },
        },
      },
      '/{token}': {
        servers: [{ url: '/api/claims' }],
        get: {
          operationId: 'getClaim',
          parameters: [token],
          description:
            "savedAccounts: the recipient's saved bank accounts (at most 20, newest first; [] when none), present only when the claim has a recipient and the backend keeps accounts.",
          responses: { 200: ok('Claim', 'The claim'), ...claimErrors },
        },
      },
      '/{token}/claim': {
        servers: [{ url: '/api/claims' }],
        post: {
          operationId: 'claim',
          description:
            "Bank: a new account (with saveAccount: true, saved for the recipient once the payout starts; ignored where the claim has no savedAccounts), or accountId, one of this claim's savedAccounts (another id: 422 invalid_account, field accountId, counted by the lockout).",
          parameters: [token, idempotencyKey],
          requestBody: body('ClaimRequest'),
          responses: { 200: ok('Claim', 'The claim, processing or completed'), ...claimErrors },
        },
      },
      '/{token}/verification': {
        servers: [{ url: '/api/claims' }],
        post: {
          operationId: 'sendVerificationCode',
          description:
            "Sends a 6-digit one-time code to where the claim's verification says (masked in sentTo). Another code may be asked for after resendAfter seconds; earlier, or too often, 429 too_many_attempts with retryAfter. A new code replaces the old one.",
          parameters: [token, idempotencyKey],
          requestBody: body('VerificationRequest'),
          responses: { 200: ok('VerificationSent', 'The code is on its way'), ...claimErrors },
        },
      },
      '/{token}/verify': {
        servers: [{ url: '/api/claims' }],
        post: {
          operationId: 'verifyCode',
          description:
            'Checks the one-time code. A wrong code is 422 verification_failed (field code); a lapsed one (or none sent) also 422 verification_failed; too many wrong codes 429 too_many_attempts with retryAfter, after which every try is refused until then. Until verified, POST {token}/claim answers 403 verification_required.',
          parameters: [token, idempotencyKey],
          requestBody: body('VerifyRequest'),
          responses: { 200: ok('Claim', 'The claim, with verification.verified true'), ...claimErrors },
        },
      },
    },
    components,
  };
}

export async function writeOpenApi(file) {
  const document = await openApiDocument();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
  return document;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const file = process.argv[2] ?? 'dist/openapi.json';
  await writeOpenApi(file);
  console.log(`wrote ${file}`);
}
