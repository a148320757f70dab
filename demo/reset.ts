/**
 * The "Reset the sandbox" button (home page and the payout console): `POST /api/demo/reset` with `{}`
 * restores the sandbox codes' balances and the fixed demo orders and claims as first seeded, and the
 * page says so (or that it failed) in its status line.
 */
export function wireReset(form: HTMLFormElement, status: HTMLElement): void {
  const button = form.querySelector<HTMLButtonElement>('button')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void reset();
  });
  async function reset(): Promise<void> {
    button.disabled = true;
    status.textContent = 'Resetting the sandbox…';
    try {
      const response = await fetch('/api/demo/reset', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      status.textContent = response.ok
        ? 'The sandbox is reset: every test code holds its full balance again, and the fixed demo orders and claims are as they were first made.'
        : `The sandbox could not be reset (HTTP ${response.status}).`;
    } catch {
      status.textContent = 'The sandbox could not be reset: the demo server did not answer.';
    } finally {
      button.disabled = false;
    }
  }
}
