import { html, nothing } from 'lit';
import { formatTime } from '../../i18n/index.js';
import { CODE_INPUT_MAX, normalizeCode, type Verification } from '../claim-flow.js';
import type { StepContext } from './context.js';

/**
 * The one-time code before the methods: where it goes, "Send code", then one field for the 6 digits
 * (full-width digits, spaces and hyphens accepted, typed or pasted), "Verify", and "Send again" once
 * `resendAfter` has passed (a visible countdown; said aloud only when it is sent and when it is ready).
 * `summary` is the claim's summary, rendered by the element (so that summary.ts stays in the first view's chunk).
 */
export function renderVerify(v: Verification, ctx: StepContext, summary: unknown) {
  const t = ctx.m.claim.verify;
  const channel = v.claim.verification?.channel ?? 'sms';
  const to = v.sent?.sentTo ?? v.claim.verification?.to ?? '';
  const lockedUntil = v.lockedUntil !== null && v.lockedUntil > ctx.now ? v.lockedUntil : null;
  const waitS = v.sent ? Math.max(0, Math.ceil((v.sent.resendAt - ctx.now) / 1000)) : 0;
  const busy = v.pending !== null;
  const lockText = lockedUntil ? ctx.m.common.lockedUntil(formatTime(lockedUntil, ctx.lang)) : '';
  const sendError = v.errorAt === 'send' && v.error ? ctx.error(v.error) : '';
  const codeError = v.problem ? t.problems[v.problem] : v.errorAt === 'code' && v.error ? ctx.error(v.error) : '';
  const fieldInvalid = !!codeError || !!lockedUntil;
  const status = busy ? (v.pending === 'send' ? t.sending : t.checking) : v.sent ? (waitS > 0 ? t.sent(channel, to) : t.resendReady) : '';

  const onInput = (e: InputEvent) => {
    if (e.isComposing) return;
    tidy(e.target as HTMLInputElement);
  };
  const onSubmit = (e: Event) => {
    e.preventDefault();
    const input = (e.target as HTMLFormElement).querySelector('input');
    ctx.verifyCode(input?.value ?? '');
  };

  return html`<form class="card verify" part="form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${onSubmit}>
    <h2 tabindex="-1">${t.title}</h2>
    ${summary}
    ${v.notice ? html`<p class="notice" role="alert">${ctx.m.claim.notices[v.notice]}</p>` : nothing}
    <p class="verify-lead">${t.lead(channel, to)}</p>
    ${
      v.sent
        ? html`<div class="field">
            <label for="otp">${t.codeLabel}</label>
            <input
              id="otp"
              part="input"
              name="one-time-code"
              inputmode="numeric"
              autocomplete="one-time-code"
              enterkeyhint="done"
              maxlength=${CODE_INPUT_MAX}
              .value=${v.code}
              aria-invalid=${fieldInvalid ? 'true' : 'false'}
              aria-describedby="otp-hint otp-error"
              @input=${onInput}
              @compositionend=${(e: CompositionEvent) => tidy(e.target as HTMLInputElement)}
            />
            <p class="hint" id="otp-hint">${t.codeHint}</p>
            <div id="otp-error" role="alert" part="error">
              ${codeError ? html`<p class="error">${codeError}</p>` : nothing}
              ${lockText ? html`<p class="error">${lockText}</p>` : nothing}
            </div>
          </div>
          <button class="primary" type="submit" part="submit" ?disabled=${busy || !!lockedUntil}>${t.submit}</button>
          <div class="resend">
            <button type="button" aria-describedby="resend-wait" ?disabled=${busy || waitS > 0 || !!lockedUntil} @click=${ctx.sendCode}>
              ${t.resend}
            </button>
            <span class="hint" id="resend-wait">${waitS > 0 ? t.resendIn(waitS) : ''}</span>
          </div>
          <div role="alert" part="error">${sendError ? html`<p class="error">${sendError}</p>` : nothing}</div>`
        : html`<div role="alert" part="error">
            ${sendError ? html`<p class="error">${sendError}</p>` : nothing}
            ${lockText ? html`<p class="error">${lockText}</p>` : nothing}
          </div>
          <button class="primary" type="button" part="submit" ?disabled=${busy || !!lockedUntil} @click=${ctx.sendCode}>${t.send}</button>`
    }
    <p class="progress" role="status">${status}</p>
  </form>`;
}

/** Shows the code as it will be sent (half-width digits, no spaces or hyphens), keeping the caret at the end. */
function tidy(input: HTMLInputElement): void {
  const tidied = normalizeCode(input.value);
  if (tidied !== input.value) input.value = tidied;
}
