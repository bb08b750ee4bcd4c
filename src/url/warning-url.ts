/**
 * THE warning-page URL format, built and parsed here only (dnr.ts, nav-guard.ts and the
 * warning page import it). PURE.
 *
 * Two forms reach warning.html:
 *   nav guard / code  warning.html?u=<encodeURIComponent(url)>&k=blacklist[&tab=<id>]
 *   DNR redirect      warning.html?k=blacklist#u=<RAW url>
 *                     (DNR's regexSubstitution cannot percent-encode, so, as uBO Lite's
 *                     strict block does, the raw URL goes in the fragment: everything
 *                     after `#u=` is the target, with all its `&`, `?` and `#`)
 * `k` says why the page is shown: 'blacklist' (a listed URL) or 'page' (a page verdict
 * recorded for tab `tab`; the warning page confirms either with the background before
 * saying anything — src/ui/warning.ts confirmWarning). Unknown `k` reads as 'blacklist'.
 * Everything read here is HOSTILE (anyone can link to warning.html): the target still
 * goes through src/ui/target-url.ts parseTarget.
 *
 *   buildWarningUrl('chrome-extension://id/warning.html', 'https://a.example/p?b=1')
 *     → 'chrome-extension://id/warning.html?u=https%3A%2F%2Fa.example%2Fp%3Fb%3D1&k=blacklist'
 *   parseWarningUrl('?k=blacklist', '#u=https://a.example/p?b=1&c=2#f')
 *     → { target: 'https://a.example/p?b=1&c=2#f', kind: 'blacklist', tab: null }
 */

export const WARNING_KINDS = ['blacklist', 'page'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export function buildWarningUrl(warningPage: string, target: string, kind: WarningKind = 'blacklist', tabId?: number): string {
  return `${warningPage}?u=${encodeURIComponent(target)}&k=${kind}${tabId !== undefined ? `&tab=${tabId}` : ''}`;
}

/** The DNR redirect rule's regexSubstitution: `\0` (the whole matched URL) lands raw in the fragment. */
export function warningRedirectSubstitution(warningPage: string): string {
  return `${warningPage}?k=blacklist#u=\\0`;
}

/**
 * The target as the warning page received it: everything after `#u=` when the fragment
 * carries it (the DNR redirect), else the `u` query parameter. Still hostile.
 */
export function targetParam(search: string, hash: string): string | null {
  if (hash.startsWith('#u=')) return hash.slice(3);
  return new URLSearchParams(search).get('u');
}

/** `k` = why the page was shown. Unknown values fall back to the blacklist wording. */
export function parseKind(raw: string | null): WarningKind {
  return raw === 'page' ? 'page' : 'blacklist';
}

/** Every part of a warning-page URL (search and hash as `location` gives them). */
export function parseWarningUrl(search: string, hash: string): { target: string | null; kind: WarningKind; tab: string | null } {
  const params = new URLSearchParams(search);
  return { target: targetParam(search, hash), kind: parseKind(params.get('k')), tab: params.get('tab') };
}
