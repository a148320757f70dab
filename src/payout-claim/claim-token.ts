/**
 * Where the claim token comes from: the `token` attribute, else the page's fragment (`#token=...`, which
 * never reaches server logs or Referer). A token from the fragment is taken out of the address bar and kept
 * in sessionStorage for this tab, so that a reload or a wallet round trip still finds it.
 */
const STORAGE_KEY = 'ppw-claim-token';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export function resolveToken(attribute: string | null): string | null {
  if (attribute) return attribute;
  const hash = window.location.hash.replace(/^#/, '');
  const params = new URLSearchParams(hash);
  const fromFragment = params.get('token');
  if (fromFragment) {
    storage()?.setItem(STORAGE_KEY, fromFragment);
    params.delete('token');
    const rest = params.toString();
    const url = `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`;
    window.history.replaceState(window.history.state, '', url);
    return fromFragment;
  }
  return storage()?.getItem(STORAGE_KEY) ?? null;
}
