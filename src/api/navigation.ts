/**
 * Leaving the page for an issuer's or wallet's site, and the URL to come back to.
 * One object so that tests can stand in for the browser's location.
 */
export const navigation = {
  assign(url: string): void {
    window.location.assign(url);
  },
  /** The current page URL without its fragment: the `returnUrl` sent to the backend. */
  returnUrl(): string {
    const url = new URL(window.location.href);
    url.hash = '';
    return url.href;
  },
};

/**
 * Marks, for this tab only, that the user left for an issuer's or wallet's page, so that the widget knows
 * on return that the result is news (and, for a wallet, which one). Holds no code, token or account. Storage may be off or full: then
 * coming back simply shows the current status.
 */
export const redirectMark = {
  set(key: string, value = '1'): void {
    try {
      sessionStorage.setItem(key, value);
    } catch {
      // ignored: see above
    }
  },
  /** The mark's value, or null when there was none; removes it. */
  take(key: string): string | null {
    try {
      const value = sessionStorage.getItem(key);
      sessionStorage.removeItem(key);
      return value;
    } catch {
      return null;
    }
  },
};
