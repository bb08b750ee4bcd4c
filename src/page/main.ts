/**
 * Page-side wiring: extract visible text → engine → report to background → alert.
 * Dependencies come in as parameters; entrypoints/content.ts passes the real ones.
 */
import { scanPassages } from '../engine';
import type { Locale, Verdict } from '../engine/types';
import type { RequestOf, ResponseOf } from '../messaging/protocol';
import type { Settings } from '../settings/schema';
import { extractPassages } from './visible-text';
import { createPresenter } from './present';
import { ALERT_TAG } from './alert';

export interface ContentDeps {
  doc: Document;
  url: () => string;
  locale: (settings: Settings) => Locale;
  loadSettings: () => Promise<Settings>;
  pageScanned: (payload: RequestOf<'cs-bg/page-scanned'>) => Promise<ResponseOf<'cs-bg/page-scanned'>>;
  dismiss: (payload: RequestOf<'cs-bg/dismiss-alert'>) => Promise<unknown>;
  /** Debounce for re-scans after DOM changes. */
  rescanDelayMs?: number;
}

/** Keep what we send within the protocol's caps. */
export function capVerdict(v: Verdict): Verdict {
  return {
    ...v,
    evidence: v.evidence.slice(0, 50).map((e) => ({
      ...e,
      spans: e.spans.slice(0, 50),
      quotes: e.quotes.slice(0, 50).map((q) => q.slice(0, 200)),
    })),
  };
}

export async function startContentScript(deps: ContentDeps) {
  const settings = await deps.loadSettings();
  const locale = deps.locale(settings);
  const presenter = createPresenter({ doc: deps.doc, locale, onDismiss: () => void deps.dismiss({ url: deps.url() }) });
  let lastKey = '';

  const scan = async () => {
    const passages = extractPassages(deps.doc);
    const verdict = capVerdict(
      scanPassages(
        passages.map((p) => p.text),
        { sensitivity: settings.sensitivity, disabledCategories: settings.disabledCategories },
      ),
    );
    const key = `${deps.url()}|${verdict.level}|${verdict.categories.join(',')}|${verdict.evidence.length}`;
    if (key === lastKey) return verdict;
    lastKey = key;
    const response = await deps.pageScanned({ url: deps.url(), verdict });
    presenter.show(verdict, passages, response.dismissed);
    return verdict;
  };

  await scan();

  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver((records) => {
    // Ignore our own alert's changes.
    if (records.every((r) => r.target instanceof Element && r.target.closest(ALERT_TAG))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void scan().catch(() => undefined), deps.rescanDelayMs ?? 500);
  });
  if (deps.doc.body) observer.observe(deps.doc.body, { childList: true, subtree: true, characterData: true });
  return { scan, stop: () => observer.disconnect() };
}
