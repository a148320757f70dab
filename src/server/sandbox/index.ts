/**
 * The backend with the sandbox providers (the demo's, and the tests'): the prepaid issuer, the payout
 * provider and their pages, all on the backend's own database.
 */
import { createMerchantBackend, type MerchantBackend, type MerchantBackendOptions } from '../backend.js';
import { smallBankDirectory, type BankDirectory } from './bank-directory.js';
import { createSandboxPages } from './pages.js';
import { SandboxPayoutProvider } from './payout-provider.js';
import { SandboxPrepaidIssuer } from './prepaid-issuer.js';
import { SANDBOX_VERIFICATION_CODE, SandboxCodeSender } from './code-sender.js';

export interface SandboxBackendOptions extends Omit<MerchantBackendOptions, 'issuer' | 'payouts' | 'banks'> {
  banks?: BankDirectory;
  /** A delay inside every sandbox provider call (`SANDBOX_LATENCY_MS`), so that races are real. */
  latencyMs?: number;
  /** How long a sandbox bank transfer takes (default 20 s), and how long ATM codes last (default 72 h). */
  bankDelayMs?: number;
  atmValidMs?: number;
}

export interface SandboxBackend extends MerchantBackend {
  issuer: SandboxPrepaidIssuer;
  payouts: SandboxPayoutProvider;
  codes: SandboxCodeSender;
}

/** The sandbox's always-good code (`000000`, or the one given): never with a real code sender plugged in. */
function sandboxCode(options: SandboxBackendOptions): string | undefined {
  if (options.codes) {
    if (options.sandboxVerificationCode) throw new Error('sandboxVerificationCode cannot be used with a real code sender (codes)');
    return undefined;
  }
  // Given, or by default only in the demo (where the README documents it); a sandbox without DEMO has none.
  return options.sandboxVerificationCode ?? (options.demo ? SANDBOX_VERIFICATION_CODE : undefined);
}

export async function createSandboxBackend(options: SandboxBackendOptions): Promise<SandboxBackend> {
  const now = options.now ?? Date.now;
  const publicOrigin = new URL(options.publicOrigin).origin;
  const latency = options.latencyMs ? { latencyMs: options.latencyMs } : {};
  const issuer = new SandboxPrepaidIssuer(options.sql, { now, publicOrigin, ...latency });
  const payouts = new SandboxPayoutProvider(options.sql, {
    now,
    publicOrigin,
    ...latency,
    ...(options.bankDelayMs !== undefined ? { bankDelayMs: options.bankDelayMs } : {}),
    ...(options.atmValidMs !== undefined ? { atmValidMs: options.atmValidMs } : {}),
  });
  const codes = new SandboxCodeSender({ now, ...latency });
  let backend: MerchantBackend | undefined;
  const pages = createSandboxPages({
    issuer,
    payouts,
    completeRedirect: (orderId, payment) => backend!.checkout.completeRedirect(orderId, payment),
  });
  backend = await createMerchantBackend({
    ...options,
    issuer,
    payouts,
    banks: options.banks ?? smallBankDirectory,
    routes: [...(options.routes ?? []), pages],
    codes: options.codes ?? codes,
    // The always-good code only while codes go to the sandbox's own outbox: never with a real SMS or email service.
    ...(sandboxCode(options) ? { sandboxVerificationCode: sandboxCode(options)! } : {}),
    demoOutbox: (to) => codes.messagesTo(to),
  });
  return { ...backend, issuer, payouts, codes };
}

export { SandboxPrepaidIssuer, SANDBOX_CODES } from './prepaid-issuer.js';
export { SandboxPayoutProvider, SANDBOX_ACCOUNTS } from './payout-provider.js';
export { smallBankDirectory, type BankDirectory } from './bank-directory.js';
export { SandboxCodeSender, SANDBOX_VERIFICATION_CODE, type SentMessage } from './code-sender.js';
