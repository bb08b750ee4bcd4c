/**
 * 长辈模式 on our extension pages (issue 9): one class on <html> switches src/ui/elder.css
 * on. Pages call applyElderMode() after reading settings; tests may force it with
 * `?elder=1` (a display choice only: it unlocks nothing).
 */
import type { Settings } from '../settings/schema';

export function elderModeOn(settings: Pick<Settings, 'elderMode'>, search = ''): boolean {
  return settings.elderMode || new URLSearchParams(search).get('elder') === '1';
}

export function applyElderMode(doc: Document, on: boolean): boolean {
  doc.documentElement.classList.toggle('elder', on);
  return on;
}
