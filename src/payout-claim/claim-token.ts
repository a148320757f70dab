/**
 * Where the claim token comes from: the `token` attribute, else the page's fragment (`#token=...`, which
 * never reaches server logs or Referer). A token from the fragment is taken out of the address bar and kept
 * in sessionStorage for this tab, so that a reload or a wallet round trip still finds it. A fragment token
 * always wins over the stored one (a second link opened in the same tab is a new claim), and the stored
 * token is forgotten once its claim is final.
 */
const STORAGE_KEY = 'ppw-claim-token';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function remember(token: string): void {
  try {
    storage()?.setItem(STORAGE_KEY, token);
  } catch {
    // Storage full or blocked: a reload will then need the link again.
  }
}

/** The token in the fragment, if any; it is taken out of the address bar and remembered for this tab. */
export function takeFragmentToken(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const token = params.get('token');
  if (!token) return null;
  remember(token);
  params.delete('token');
  const rest = params.toString();
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`);
  return token;
}

export function resolveToken(attribute: string | null): string | null {
  if (attribute) return attribute;
  return takeFragmentToken() ?? storage()?.getItem(STORAGE_KEY) ?? null;
}

/** The claim is final: the tab no longer needs its token. */
export function forgetToken(token: string): void {
  try {
    if (storage()?.getItem(STORAGE_KEY) === token) storage()?.removeItem(STORAGE_KEY);
  } catch {
    // nothing kept
  }
}
