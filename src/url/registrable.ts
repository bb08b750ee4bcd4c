/**
 * Registrable domain ("eTLD+1") from the Public Suffix List through `tldts` (maintained,
 * ships the PSL as data; no hand-written suffix table here). PURE.
 *   registrableDomain("a.b.icbc.com.cn")        → "icbc.com.cn"
 *   registrableDomain("x.github.io")             → "x.github.io"   (private PSL section counts)
 *   registrableDomain("x.github.io", false)      → "github.io"
 *   registrableDomain("203.0.113.7")             → null
 */
import { getDomain, getPublicSuffix } from 'tldts';

export function registrableDomain(host: string, allowPrivateDomains = true): string | null {
  if (!host || host.startsWith('[') || /^[\d.]+$/.test(host)) return null;
  return getDomain(host, { allowPrivateDomains }) ?? null;
}

export function publicSuffix(host: string, allowPrivateDomains = true): string | null {
  return getPublicSuffix(host, { allowPrivateDomains }) ?? null;
}
