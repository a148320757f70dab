/**
 * The Content-Security-Policy the demo pages are served with: no inline script or style, and Trusted
 * Types enforced. Merchants can copy it as a starting point.
 *
 * Each widget bundle carries its own lit, and every copy of lit creates a Trusted Types policy named
 * `lit-html`. A page that loads two bundles (or our widget beside its own lit app) needs
 * `'allow-duplicates'`; a page with one bundle can leave it out (`duplicates: false`).
 */
export function contentSecurityPolicy(dev: boolean, { duplicates = true }: { duplicates?: boolean } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "form-action 'self' http: https:",
    "base-uri 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types lit-html${duplicates ? " 'allow-duplicates'" : ''}`,
  ].join('; ');
}
