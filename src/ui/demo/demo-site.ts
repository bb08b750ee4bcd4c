/**
 * The warning page's demo branch (issue 10). The gallery arms a one-time token with the
 * background (`ui-bg/demo-arm`) and opens
 *   warning.html?k=blacklist&u=https://demo.scamsentinel.invalid/<case>&demo=<token>
 * The background confirms it only for the reserved demo host and an armed, unexpired
 * token (src/background/demo.ts); a page that opens warning.html with `demo=` itself has
 * no token and gets the neutral page. Nothing here records, reports or allows anything.
 */
import type { Category, Locale } from '../../engine/types';
import { dt } from '../../i18n/demo';
import type { Request } from '../report-panel';
import { el } from '../dom';

export type DemoConfirmation = { kind: 'demo'; caseId: string; category: Category } | null;

export async function confirmDemoSite(request: Request, targetHref: string, token: string): Promise<DemoConfirmation> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const res = await request('ui-bg/demo-site-verdict', { url: targetHref, token }).catch(() => null);
  if (!res?.confirmed || !res.caseId) return null;
  // The case's kind comes from the gallery's own data (loaded only in demo mode).
  const { findCase } = await import('../../demo/cases');
  const found = findCase(res.caseId);
  return found ? { kind: 'demo', caseId: found.id, category: found.category } : null;
}

/** The large "演示页面 · 不是真网站" mark, on every demo screen. */
export function demoMark(locale: Locale): HTMLElement {
  return el('p', { class: 'demo-mark', 'data-testid': 'demo-mark', role: 'note' }, dt(locale, 'mark'));
}

export function demoListSource(locale: Locale): HTMLElement {
  return el('p', { 'data-testid': 'list-source' }, dt(locale, 'warning.demoList'));
}
