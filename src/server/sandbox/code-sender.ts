/**
 * The sandbox's SMS and email service: it sends nothing, and keeps what it would have sent in an outbox
 * (in memory, the latest 200 messages), so that the demo can show the code "as a phone would". A code
 * outlives no restart here, by design: the plain code is kept nowhere durable; after a restart, ask again.
 */
import type { CodeMessage, CodeSender } from '../providers.js';
import { sleep } from '../http.js';

/** Verifies any claim of the sandbox in place of the code sent (still counted by the lockout). */
export const SANDBOX_VERIFICATION_CODE = '000000';

export interface SentMessage {
  channel: CodeMessage['channel'];
  to: string;
  text: string;
  /** ISO 8601. */
  sentAt: string;
}

const KEPT = 200;

export class SandboxCodeSender implements CodeSender {
  readonly #outbox: SentMessage[] = [];
  readonly #now: () => number;
  readonly #latencyMs: number;

  constructor({ now = Date.now, latencyMs = 0 }: { now?: () => number; latencyMs?: number } = {}) {
    this.#now = now;
    this.#latencyMs = latencyMs;
  }

  async send({ channel, to, text }: CodeMessage): Promise<void> {
    if (this.#latencyMs) await sleep(this.#latencyMs);
    this.#outbox.unshift({ channel, to, text, sentAt: new Date(this.#now()).toISOString() });
    this.#outbox.length = Math.min(this.#outbox.length, KEPT);
  }

  /** The messages sent to `to`, latest first. */
  messagesTo(to: string): SentMessage[] {
    return this.#outbox.filter((m) => m.to === to);
  }

  /** The code in the latest message to `to` (tests). */
  latestCode(to: string): string | undefined {
    return /コード (\d{6})/.exec(this.messagesTo(to)[0]?.text ?? '')?.[1];
  }
}
