/**
 * Options page, "家人守护" (issue 9): elder mode, site-name sharing, the guardian PIN,
 * approval by phone, the setup code (export / import), the weekly summary and the
 * printable card. The background checks the PIN for every change; this only asks.
 */
import type { Locale } from '../engine/types';
import { ft, type FamilyKey } from '../i18n/family';
import type { Settings } from '../settings/schema';
import { validPin } from '../guardian/pin';
import { el } from './dom';
import type { Request } from './report-panel';

export interface FamilySectionDeps {
  locale: Locale;
  request: Request;
  settings: Settings;
  save: (patch: Partial<Settings>) => Promise<boolean>;
  open: (page: 'welcome' | 'welcome-totp' | 'summary' | 'card') => void;
  download: (name: string, type: string, text: string) => void;
  reload: () => void;
}

export async function renderFamilySection(box: HTMLElement, deps: FamilySectionDeps): Promise<void> {
  const { locale, request } = deps;
  const f = (k: FamilyKey) => ft(locale, k);
  const st = await request('ui-bg/guardian-status', {}).catch(() => null);
  const status = el('p', { role: 'status', class: 'status', 'data-testid': 'family-status' });
  const say = (k: FamilyKey) => (status.textContent = f(k));

  const check = (id: string, label: string, on: boolean, patch: (v: boolean) => Partial<Settings>) => {
    const input = el('input', { type: 'checkbox', id, 'data-testid': id });
    input.checked = on;
    input.addEventListener('change', async () => {
      if (!(await deps.save(patch(input.checked)))) input.checked = !input.checked;
    });
    return el('div', { class: 'choice' }, input, el('label', { for: id }, label));
  };
  const btn = (label: string, testid: string, fn: () => void | Promise<void>, cls = 'secondary') => {
    const b = el('button', { type: 'button', class: cls, 'data-testid': testid }, label);
    b.addEventListener('click', () => void fn());
    return b;
  };

  // PIN
  const pinNew = el('input', { type: 'password', id: 'family-pin-new', inputmode: 'numeric', maxlength: '8', autocomplete: 'new-password', 'data-testid': 'family-pin-new' });
  const pinBox = el(
    'div',
    {},
    el('h3', {}, f('opt.pin')),
    el('p', { 'data-testid': 'family-pin-state' }, st?.pinSet ? f('opt.pinSet') : f('opt.pinNone')),
    el('label', { for: 'family-pin-new' }, f('opt.pinNew')),
    pinNew,
    el(
      'div',
      { class: 'actions' },
      btn(f('opt.pinSave'), 'family-pin-save', async () => {
        if (!validPin(pinNew.value)) return void say('welcome.pin.invalid');
        const r = await request('ui-bg/guardian-set-pin', { pin: pinNew.value }).catch(() => null);
        if (r?.ok) deps.reload();
        else say(r?.error === 'locked' ? 'setup.error.locked' : 'setup.error.other');
      }),
      ...(st?.pinSet
        ? [
            btn(f('opt.pinRemove'), 'family-pin-remove', async () => {
              const r = await request('ui-bg/guardian-set-pin', { pin: '' }).catch(() => null);
              if (r?.ok) deps.reload();
              else say('setup.error.locked');
            }),
            btn(f('opt.lock'), 'family-lock', async () => {
              await request('ui-bg/guardian-lock', {}).catch(() => null);
              deps.reload();
            }),
          ]
        : []),
    ),
  );

  // Approval by phone
  const totpBox = el(
    'div',
    {},
    el('h3', {}, f('opt.totp')),
    el('p', { 'data-testid': 'family-totp-state' }, st?.totpSet ? f('opt.totpSet') : f('opt.totpNone')),
    el(
      'div',
      { class: 'actions' },
      btn(f('opt.totpSetup'), 'family-totp-setup', () => deps.open('welcome-totp')),
      ...(st?.totpSet
        ? [
            btn(f('opt.totpRemove'), 'family-totp-remove', async () => {
              const r = await request('ui-bg/guardian-totp-remove', {}).catch(() => null);
              if (r?.ok) deps.reload();
              else say('setup.error.locked');
            }),
          ]
        : []),
    ),
  );

  // Setup code
  const setupStatus = el('p', { role: 'alert', class: 'status', 'data-testid': 'family-setup-status' });
  const setupSay = (k: FamilyKey) => (setupStatus.textContent = f(k));
  const pass = el('input', { type: 'password', id: 'family-passphrase', autocomplete: 'new-password', maxlength: '200', 'data-testid': 'family-passphrase' });
  const file = el('input', { type: 'file', id: 'family-import-file', accept: '.json,application/json,text/plain', 'data-testid': 'family-import-file' });
  const importPass = el('input', { type: 'password', id: 'family-import-passphrase', autocomplete: 'off', maxlength: '200', 'data-testid': 'family-import-passphrase' });
  const KNOWN = ['not-setup-code', 'damaged', 'newer-version', 'wrong-passphrase', 'tampered', 'passphrase-short', 'locked'];
  const errorKey = (e: string | null | undefined): FamilyKey => `setup.error.${e && KNOWN.includes(e) ? e : 'other'}` as FamilyKey;
  const setup = el(
    'div',
    {},
    el('h3', {}, f('opt.setupTitle')),
    el('p', {}, f('opt.setupHelp')),
    el('label', { for: 'family-passphrase' }, f('opt.passphrase')),
    pass,
    el(
      'div',
      { class: 'actions' },
      btn(f('opt.export'), 'family-export', async () => {
        const r = await request('ui-bg/setup-export', { passphrase: pass.value }).catch(() => null);
        if (r?.ok && r.text) {
          deps.download('scam-sentinel-setup.json', 'application/json', r.text);
          setupSay('opt.exported');
        } else setupSay(errorKey(r?.error));
      }),
    ),
    el('label', { for: 'family-import-file' }, f('opt.importFile')),
    file,
    el('label', { for: 'family-import-passphrase' }, f('opt.passphrase')),
    importPass,
    el(
      'div',
      { class: 'actions' },
      btn(f('opt.import'), 'family-import', async () => {
        const chosen = file.files?.[0];
        if (!chosen) return void setupSay('setup.error.not-setup-code');
        if (chosen.size > 2_000_000) return void setupSay('setup.error.not-setup-code');
        const text = await chosen.text();
        const r = await request('ui-bg/setup-import', { text, passphrase: importPass.value }).catch(() => null);
        if (r?.ok) {
          setupSay('opt.imported');
          setTimeout(deps.reload, 1200);
        } else setupSay(errorKey(r?.error));
      }),
    ),
    setupStatus,
  );

  box.replaceChildren(
    el('legend', {}, f('opt.title')),
    check('family-elder', f('opt.elderMode'), deps.settings.elderMode, (v) => ({ elderMode: v })),
    check('family-share', f('opt.share'), deps.settings.shareSiteNames, (v) => ({ shareSiteNames: v })),
    el(
      'div',
      { class: 'actions' },
      btn(f('opt.welcome'), 'family-welcome', () => deps.open('welcome')),
      btn(f('opt.summary'), 'family-summary', () => deps.open('summary')),
      btn(f('opt.card'), 'family-card', () => deps.open('card')),
    ),
    status,
    pinBox,
    totpBox,
    setup,
  );
}
