// Collects Content-Security-Policy and Trusted Types violations of this page for the test in the parent.
const seen: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective}: ${e.blockedURI}`));
(window as unknown as { cspViolations: string[] }).cspViolations = seen;
export {};
