/**
 * The reserved demo site. `.invalid` is reserved by RFC 2606 / RFC 6761: it never
 * resolves, so no real site can ever live here, and a demo interstitial for it can never
 * stand for real browsing. The one URL format of a demo site:
 *   https://demo.scamsentinel.invalid/<case id>      e.g. …/pension-house
 * PURE (used by the gallery, the warning page and the background).
 */
export const DEMO_HOST = 'demo.scamsentinel.invalid';

const CASE_ID = /^[a-z0-9-]{1,64}$/;

export function demoSiteUrl(caseId: string): string {
  return `https://${DEMO_HOST}/${caseId}`;
}

/** The case id of a demo-site URL, or null for anything else (other hosts, ports, credentials, sub-paths). */
export function demoCaseIdOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' || u.hostname !== DEMO_HOST || u.port || u.username || u.password || u.search || u.hash) return null;
  const id = u.pathname.slice(1);
  return CASE_ID.test(id) ? id : null;
}
