/**
 * The options page's "名单订阅" (list subscriptions) section: every list with its
 * freshness ("名单更新于 3 小时前") and last error in plain words, add / remove /
 * update now, and the person's own allow and block lists. Mounted by the options page:
 *
 *   await renderListsSection(root, { locale, request: createClient(send) });
 *
 * Stable test hooks: data-testid="list-url" (input), "list-add" (button), "list-status"
 * (one per list, inside data-testid="list-item" with data-list-id), "list-update",
 * "list-remove", "list-format", "list-key", "list-add-error", "user-host",
 * "user-allow-add", "user-block-add", "user-allow-list", "user-block-list", "user-remove".
 * All text goes in through textContent (el()), never innerHTML: list names, URLs and
 * error details come from the network.
 */
import type { Locale } from '../engine/types';
import { t, type MessageKey } from '../i18n';
import type { ListStatus, MessageType, RequestOf, ResponseOf } from '../messaging/protocol';
import { LIST_FORMAT_NAMES } from '../messaging/protocol';
import { el } from './dom';
import { LIST_ERROR_CODES } from '../lists/vocabulary';

export type RequestFn = <T extends MessageType>(type: T, payload: RequestOf<T>) => Promise<ResponseOf<T>>;

export interface ListsSectionDeps {
  locale: Locale;
  request: RequestFn;
  now?: () => number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "名单更新于 3 小时前" and friends. Pure (tested in tests/unit/background/blacklist.test.ts). */
export function freshnessText(locale: Locale, s: Pick<ListStatus, 'kind' | 'lastSuccess'>, now: number): string {
  if (s.kind === 'seed') return t(locale, 'lists.fresh.bundled');
  if (s.lastSuccess === null) return t(locale, 'lists.fresh.never');
  const age = Math.max(0, now - s.lastSuccess);
  if (age < MINUTE) return t(locale, 'lists.fresh.justNow');
  if (age < HOUR) return t(locale, 'lists.fresh.minutes', { n: Math.floor(age / MINUTE) });
  if (age < 2 * DAY) return t(locale, 'lists.fresh.hours', { n: Math.floor(age / HOUR) });
  return t(locale, 'lists.fresh.days', { n: Math.floor(age / DAY) });
}

// The same codes the store writes: one list, so a new code cannot be forgotten here.
const ERROR_KEYS: ReadonlySet<string> = new Set(LIST_ERROR_CODES);

/** The last error in plain words, or '' when the last update worked. */
export function errorText(locale: Locale, s: Pick<ListStatus, 'lastError' | 'lastSuccess' | 'entryCount'>): string {
  if (!s.lastError) return '';
  const key = (ERROR_KEYS.has(s.lastError.code) ? `lists.error.${s.lastError.code}` : 'lists.error.unknown') as MessageKey;
  // Only the HTTP status is shown from the detail (digits), never free text from a server.
  const detail = /^\d{3}$/.test(s.lastError.detail ?? '') ? s.lastError.detail! : '?';
  const still = s.entryCount > 0 ? t(locale, 'lists.keepOld') : t(locale, 'lists.notActive');
  const gap = locale === 'en' ? ' ' : '';
  return [t(locale, 'lists.failed'), t(locale, key, { detail }), still].join(gap);
}

export function statusText(locale: Locale, s: ListStatus, now: number): string {
  // The problem first (that is the news), then how old the list in use is.
  const err = errorText(locale, s);
  const fresh = freshnessText(locale, s, now);
  return err ? `${err}${locale === 'en' ? ' ' : ''}${fresh}${locale === 'en' ? '.' : '。'}` : fresh;
}

const ADD_ERRORS: Record<string, MessageKey> = { url: 'lists.addError.url', key: 'lists.addError.key', exists: 'lists.addError.exists', full: 'lists.addError.full' };

export async function renderListsSection(root: HTMLElement, deps: ListsSectionDeps): Promise<{ refresh(): Promise<void> }> {
  const { locale, request } = deps;
  const now = deps.now ?? (() => Date.now());
  const tr = (key: MessageKey, params?: Record<string, string | number>) => t(locale, key, params);

  const heading = el('h2', { id: 'lists-heading' }, tr('lists.title'));
  const items = el('ul', { 'data-testid': 'list-items', class: 'lists-items' });
  const addError = el('p', { 'data-testid': 'list-add-error', role: 'alert', class: 'lists-error' });

  const urlInput = el('input', { 'data-testid': 'list-url', id: 'list-url', type: 'url', inputmode: 'url', autocomplete: 'off', spellcheck: 'false', maxlength: '2000', placeholder: 'https://' });
  const format = el('select', { 'data-testid': 'list-format', id: 'list-format' });
  for (const f of LIST_FORMAT_NAMES) format.append(el('option', { value: f }, tr(`lists.format.${f}` as MessageKey)));
  const keyInput = el('textarea', { 'data-testid': 'list-key', id: 'list-key', rows: '2', maxlength: '2000', spellcheck: 'false' });
  const keyRow = el('p', { class: 'lists-key-row', hidden: '' }, el('label', { for: 'list-key' }, tr('lists.key.label')), el('br'), keyInput);
  format.addEventListener('change', () => {
    keyRow.hidden = format.value !== 'feed';
  });
  const addButton = el('button', { 'data-testid': 'list-add', type: 'submit' }, tr('lists.add'));
  const form = el(
    'form',
    { 'data-testid': 'list-add-form', class: 'lists-add' },
    el('p', {}, el('label', { for: 'list-url' }, tr('lists.url.label')), el('br'), urlInput),
    el('p', {}, el('label', { for: 'list-format' }, tr('lists.format.label')), el('br'), format),
    keyRow,
    el('p', {}, addButton),
    addError,
  );

  const userHost = el('input', { 'data-testid': 'user-host', id: 'user-host', type: 'text', autocomplete: 'off', spellcheck: 'false', maxlength: '300', placeholder: 'example.com' });
  const userError = el('p', { 'data-testid': 'user-error', role: 'alert', class: 'lists-error' });
  const allowList = el('ul', { 'data-testid': 'user-allow-list' });
  const blockList = el('ul', { 'data-testid': 'user-block-list' });
  const userAllowAdd = el('button', { 'data-testid': 'user-allow-add', type: 'button', class: 'secondary' }, tr('lists.user.addAllow'));
  const userBlockAdd = el('button', { 'data-testid': 'user-block-add', type: 'button', class: 'secondary' }, tr('lists.user.addBlock'));

  const section = el(
    'section',
    { 'data-testid': 'lists-section', 'aria-labelledby': 'lists-heading', class: 'lists-section' },
    heading,
    el('p', {}, tr('lists.intro')),
    items,
    form,
    el('h3', {}, tr('lists.user.title')),
    el('p', {}, el('label', { for: 'user-host' }, tr('lists.user.host')), el('br'), userHost, ' ', userAllowAdd, ' ', userBlockAdd),
    userError,
    el('h4', {}, tr('lists.user.allow')),
    allowList,
    el('h4', {}, tr('lists.user.block')),
    blockList,
  );
  root.replaceChildren(section);

  function renderItem(s: ListStatus): HTMLLIElement {
    const status = el('p', { 'data-testid': 'list-status', role: 'status', 'data-state': s.lastError ? 'error' : s.lastSuccess === null && s.kind !== 'seed' ? 'never' : 'fresh' }, statusText(locale, s, now()));
    const li = el(
      'li',
      { 'data-testid': 'list-item', 'data-list-id': s.id, class: 'lists-item' },
      el('strong', {}, s.kind === 'seed' ? tr('lists.seedName') : s.name),
      ' ',
      el('span', { class: 'lists-count' }, tr('lists.entries', { count: s.entryCount })),
    );
    if (s.url) li.append(el('br'), el('span', { class: 'lists-url', 'data-testid': 'list-item-url' }, s.url));
    li.append(status);
    if (s.kind === 'subscription') {
      const update = el('button', { 'data-testid': 'list-update', type: 'button', class: 'secondary' }, tr('lists.updateNow'));
      const remove = el('button', { 'data-testid': 'list-remove', type: 'button', class: 'secondary' }, tr('lists.remove'));
      update.addEventListener('click', async () => {
        update.disabled = true;
        status.textContent = tr('lists.updating');
        try {
          await request('ui-bg/lists-update', { id: s.id });
        } finally {
          await refresh();
        }
      });
      remove.addEventListener('click', async () => {
        remove.disabled = true;
        await request('ui-bg/lists-remove', { id: s.id }).catch(() => undefined);
        await refresh();
      });
      li.append(el('p', { class: 'lists-actions' }, update, ' ', remove));
    }
    return li;
  }

  function renderUserList(ul: HTMLUListElement, hosts: string[], action: 'allow' | 'block') {
    ul.replaceChildren();
    if (!hosts.length) ul.append(el('li', { class: 'lists-none' }, tr('lists.user.empty')));
    for (const host of hosts) {
      const remove = el('button', { 'data-testid': 'user-remove', type: 'button', class: 'secondary' }, tr('lists.user.remove'));
      remove.addEventListener('click', async () => {
        remove.disabled = true;
        await request('ui-bg/lists-user-set', { host, action, present: false }).catch(() => undefined);
        await refresh();
      });
      ul.append(el('li', { 'data-host': host }, el('span', {}, host), ' ', remove));
    }
  }

  async function refresh(): Promise<void> {
    const { lists, user } = await request('ui-bg/lists-get', {});
    items.replaceChildren(...lists.map(renderItem));
    if (!lists.some((l) => l.kind === 'subscription')) items.append(el('li', { class: 'lists-none' }, tr('lists.empty')));
    renderUserList(allowList, user.allow, 'allow');
    renderUserList(blockList, user.block, 'block');
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (addButton.disabled) return;
    addError.textContent = '';
    addButton.disabled = true;
    addButton.textContent = tr('lists.adding');
    try {
      const fmt = format.value as (typeof LIST_FORMAT_NAMES)[number];
      const r = await request('ui-bg/lists-add', { url: urlInput.value.trim(), format: fmt, ...(fmt === 'feed' ? { publicKey: keyInput.value.trim() } : {}) });
      if (r.ok) urlInput.value = '';
      else addError.textContent = tr(ADD_ERRORS[r.error ?? ''] ?? 'lists.addError.failed');
    } catch {
      addError.textContent = tr('lists.addError.url');
    } finally {
      addButton.disabled = false;
      addButton.textContent = tr('lists.add');
      await refresh();
    }
  });

  const setUser = async (action: 'allow' | 'block') => {
    userError.textContent = '';
    const r = await request('ui-bg/lists-user-set', { host: userHost.value.trim(), action, present: true }).catch(() => ({ ok: false, error: 'host' }));
    if (r.ok) userHost.value = '';
    else userError.textContent = tr('lists.user.badHost');
    await refresh();
  };
  userAllowAdd.addEventListener('click', () => void setUser('allow'));
  userBlockAdd.addEventListener('click', () => void setUser('block'));

  await refresh();
  return { refresh };
}
