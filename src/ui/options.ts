/**
 * Options page: sensitivity, categories on/off, language, family contact, the blacklist
 * section (src/ui/options-lists.ts, owned by the blacklist work), and the report log
 * with JSON/CSV export. Large, calm, one column. Saved as soon as something changes.
 */
import { CATEGORIES, SENSITIVITIES, type Category, type Locale } from '../engine/types';
import { t, type MessageKey } from '../i18n';
import { LANGUAGE_CHOICES, type Settings } from '../settings/schema';
import { loadSettings, saveSettings, type StorageArea } from '../settings/store';
import { reportsToCsv, reportsToJson } from './report-export';
import type { Report } from '../messaging/protocol';
import { el } from './dom';
import type { Request } from './report-panel';
import { renderListsSection } from './options-lists';
import { renderFamilySection } from './options-family';
import { unlockForm } from './family-guard';
import { ft } from '../i18n/family';

export interface OptionsDeps {
  root: HTMLElement;
  locale: Locale;
  storage: StorageArea;
  request: Request;
  /** Offer a file to the person (Blob + <a download>). */
  download: (name: string, type: string, text: string) => void;
  reload: () => void;
  /** Open one of our family pages (issue 9): welcome (first-run), summary, card. */
  openPage?: (page: 'welcome' | 'welcome-totp' | 'summary' | 'card') => void;
  formatDate?: (ms: number) => string;
}

/** Only digits, spaces, + - ( ) and 3+ digits: a phone number we can put in a tel: link. */
export function validPhone(phone: string): boolean {
  return /^[\d\s+\-()]{3,30}$/.test(phone) && /\d{3,}/.test(phone.replace(/\D/g, ''));
}

export async function renderOptions(deps: OptionsDeps): Promise<void> {
  const { root, locale } = deps;
  const tx = (k: MessageKey, p?: Record<string, string | number>) => t(locale, k, p);
  const fmt = deps.formatDate ?? ((ms: number) => new Date(ms).toLocaleString(locale));
  let settings: Settings = await loadSettings(deps.storage);
  const status = el('p', { role: 'status', class: 'status', 'data-testid': 'options-status' });
  // With a guardian PIN set and not entered, the background refuses changes: ask for it first (issue 9).
  const guardian = await deps.request('ui-bg/guardian-status', {}).catch(() => null);
  if (guardian?.locked) {
    root.replaceChildren(el('h1', {}, tx('options.title')), unlockForm({ locale, request: deps.request, onUnlocked: deps.reload }));
    root.setAttribute('data-ready', 'true');
    root.setAttribute('data-locked', 'true');
    return;
  }
  // Settings go through the background (it checks the guardian PIN); without a background
  // answer (unit tests, a dead worker) they are written directly as before.
  const save = async (patch: Partial<Omit<Settings, 'version'>>): Promise<boolean> => {
    const res = guardian ? await deps.request('ui-bg/settings-save', { patch }).catch(() => null) : null;
    if (guardian && !res?.ok) {
      status.textContent = res?.error === 'locked' ? ft(locale, 'welcome.locked') : ft(locale, 'approve.failed');
      return false;
    }
    settings = guardian ? { ...settings, ...patch } : await saveSettings(deps.storage, patch);
    status.textContent = tx('options.saved');
    return true;
  };

  // Sensitivity
  const sens = el('fieldset', { 'data-testid': 'sensitivity' }, el('legend', {}, tx('options.sensitivity')));
  for (const s of SENSITIVITIES) {
    const input = el('input', { type: 'radio', name: 'sensitivity', id: `sens-${s}`, value: s, 'data-testid': `sensitivity-${s}` });
    input.checked = settings.sensitivity === s;
    input.addEventListener('change', () => void save({ sensitivity: s }));
    sens.append(el('div', { class: 'choice' }, input, el('label', { for: `sens-${s}` }, tx(`options.sens.${s}` as MessageKey))));
  }

  // Categories on/off
  const cats = el('fieldset', { 'data-testid': 'categories' }, el('legend', {}, tx('options.categories')));
  for (const c of CATEGORIES) {
    const input = el('input', { type: 'checkbox', id: `cat-${c}`, 'data-testid': `category-${c}` });
    input.checked = !settings.disabledCategories.includes(c);
    input.addEventListener('change', () => {
      const off = new Set<Category>(settings.disabledCategories);
      if (input.checked) off.delete(c);
      else off.add(c);
      void save({ disabledCategories: CATEGORIES.filter((x) => off.has(x)) });
    });
    cats.append(el('div', { class: 'choice' }, input, el('label', { for: `cat-${c}` }, tx(`category.${c}` as MessageKey))));
  }

  // Language
  const lang = el('select', { id: 'language', 'data-testid': 'language' });
  for (const l of LANGUAGE_CHOICES) {
    const o = el('option', { value: l }, tx(`options.lang.${l}` as MessageKey));
    o.selected = settings.language === l;
    lang.append(o);
  }
  lang.addEventListener('change', async () => {
    await save({ language: lang.value as Settings['language'] });
    deps.reload();
  });
  const langSet = el('fieldset', {}, el('legend', {}, tx('options.language')), el('label', { for: 'language', class: 'small' }, tx('options.language')), lang);

  // Family contact
  const famName = el('input', { id: 'family-name', maxlength: '40', 'data-testid': 'family-name', autocomplete: 'off' });
  const famPhone = el('input', { id: 'family-phone', type: 'tel', maxlength: '30', 'data-testid': 'family-phone', autocomplete: 'off' });
  famName.value = settings.familyContact?.name ?? '';
  famPhone.value = settings.familyContact?.phone ?? '';
  const famSave = el('button', { type: 'button', 'data-testid': 'family-save' }, tx('options.save'));
  const famClear = el('button', { type: 'button', class: 'secondary', 'data-testid': 'family-clear' }, tx('options.familyClear'));
  const famError = el('p', { class: 'caution', role: 'alert', 'data-testid': 'family-error' });
  famSave.addEventListener('click', () => {
    const name = famName.value.trim().slice(0, 40);
    const phone = famPhone.value.trim().slice(0, 30);
    if (!validPhone(phone)) {
      famError.textContent = tx('options.phoneInvalid');
      famPhone.setAttribute('aria-invalid', 'true');
      return;
    }
    famError.textContent = '';
    famPhone.removeAttribute('aria-invalid');
    void save({ familyContact: { name, phone, ...(settings.familyContact?.relation ? { relation: settings.familyContact.relation } : {}) } });
  });
  famClear.addEventListener('click', () => {
    famName.value = famPhone.value = '';
    famError.textContent = '';
    void save({ familyContact: null });
  });
  const family = el(
    'fieldset',
    { 'data-testid': 'family' },
    el('legend', {}, tx('options.family')),
    el('p', { class: 'small' }, tx('options.familyHelp')),
    el('label', { for: 'family-name' }, tx('options.familyName')),
    famName,
    el('label', { for: 'family-phone' }, tx('options.familyPhone')),
    famPhone,
    famError,
    el('div', { class: 'actions' }, famSave, famClear),
  );

  // Blacklist section (allow/block lists with undo, subscriptions)
  const lists = el('section', { 'data-testid': 'lists-section' });

  // Report log
  const reportsBox = el('section', { 'aria-labelledby': 'reports-h', 'data-testid': 'report-log' }, el('h2', { id: 'reports-h' }, tx('options.reports')));
  let reports: Report[] = [];
  try {
    reports = (await deps.request('ui-bg/report-list', { limit: 500 })).reports;
  } catch {
    reports = [];
  }
  if (!reports.length) reportsBox.append(el('p', { 'data-testid': 'reports-empty' }, tx('options.reportsEmpty')));
  else {
    const table = el(
      'table',
      {},
      el('thead', {}, el('tr', {}, ...(['options.col.time', 'options.col.site', 'options.col.kind', 'options.col.note'] as const).map((k) => el('th', { scope: 'col' }, tx(k))))),
    );
    const body = el('tbody');
    for (const r of reports.slice(0, 200)) {
      body.append(
        el('tr', { 'data-testid': 'report-row' }, el('td', {}, fmt(r.time)), el('td', { dir: 'ltr' }, r.url), el('td', {}, tx(`options.kind.${r.kind}` as MessageKey)), el('td', {}, r.note ?? '')),
      );
    }
    table.append(body);
    reportsBox.append(table);
  }
  const exportJson = el('button', { type: 'button', class: 'secondary', 'data-testid': 'export-json' }, tx('options.exportJson'));
  const exportCsv = el('button', { type: 'button', class: 'secondary', 'data-testid': 'export-csv' }, tx('options.exportCsv'));
  exportJson.addEventListener('click', () => deps.download('scam-sentinel-reports.json', 'application/json', reportsToJson(reports)));
  exportCsv.addEventListener('click', () => deps.download('scam-sentinel-reports.csv', 'text/csv;charset=utf-8', reportsToCsv(reports)));
  reportsBox.append(el('div', { class: 'actions' }, exportJson, exportCsv));

  const familyBox = el('fieldset', { 'data-testid': 'family-section' });
  root.replaceChildren(el('h1', {}, tx('options.title')), el('p', {}, tx('options.intro')), status, familyBox, sens, cats, langSet, family, lists, reportsBox);
  await renderFamilySection(familyBox, { locale, request: deps.request, settings, save, open: (p) => deps.openPage?.(p), download: deps.download, reload: deps.reload }).catch(() => familyBox.remove());
  try {
    await renderListsSection(lists, { locale, request: deps.request });
  } catch {
    lists.replaceChildren();
  }
  root.setAttribute('data-ready', 'true');
}
