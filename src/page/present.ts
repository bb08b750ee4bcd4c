/**
 * Presentation of a page verdict on the page (in-page alert host, highlights,
 * dissuasion hooks). Called by src/page/main.ts after every (re)scan.
 */
import { levelRank, type Locale, type Verdict } from '../engine/types';
import type { Passage } from './visible-text';
import { mountAlert, type AlertHandle } from './alert';

export interface PresentDeps {
  doc: Document;
  locale: Locale;
  /** The person dismissed the alert for this site (persisted by the background). */
  onDismiss: () => void;
}

export function createPresenter(deps: PresentDeps) {
  let alert: AlertHandle | null = null;
  let dismissed = false;
  return {
    /** `dismissedBySite`: the background says this site's alert was dismissed this session. */
    show(verdict: Verdict, _passages: readonly Passage[], dismissedBySite: boolean): void {
      dismissed ||= dismissedBySite;
      if (!dismissed && levelRank(verdict.level) >= levelRank('medium')) {
        alert ??= mountAlert(deps.doc, () => {
          dismissed = true;
          alert?.remove();
          alert = null;
          deps.onDismiss();
        });
        if (!alert.host.isConnected) (deps.doc.body ?? deps.doc.documentElement).append(alert.host);
        alert.update(verdict, deps.locale);
      } else if (alert) {
        alert.update(verdict, deps.locale);
      }
    },
  };
}
