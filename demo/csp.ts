/**
 * The Content-Security-Policy the demo pages are served with: no inline script or style, and Trusted
 * Types enforced (lit creates its own `lit-html` policy). Merchants can copy it as a starting point.
 */
export function contentSecurityPolicy(dev: boolean): string {
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
    'trusted-types lit-html',
  ].join('; ');
}
