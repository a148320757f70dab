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
