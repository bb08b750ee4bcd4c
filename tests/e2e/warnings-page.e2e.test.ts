/**
 * In-page warnings in real Chromium: banner on a medium page, interrupting dialog on
 * a high page (focus in, trapped, restored), phrases highlighted, a hostile page that
 * removes/covers/reads/clicks our alert, and the cooling-off dialog at the moment of
 * payment (present on a scam page's bank-card field, absent on a genuine checkout).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, screenshot, type ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { waitForAlertLevel } from './support/pages';
import { axeShadowContent, clickInShadow, shadowText } from './support/closed-shadow';
import ruleTexts from '../../assets/public/rule-texts.json';

let ext: ExtensionBrowser;
let server: FixtureServer;

beforeAll(async () => {
  server = await startServer();
  ext = await launchWithExtension({ mapHosts: ['www.icbc.com.cn', 'icbc-kefu.example', 'dismiss-demo.example', 'family-allowed.example'] });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const PAUSE = 'scam-sentinel-pause';
const ALERT = 'scam-sentinel-alert';
const mode = (page: Page) => page.evaluate(() => document.querySelector('scam-sentinel-alert')?.getAttribute('data-mode') ?? 'absent');
const pauseState = (page: Page) =>
  page.evaluate(() => {
    const el = document.querySelector('scam-sentinel-pause');
    return el ? { open: el.getAttribute('data-open'), action: el.getAttribute('data-action'), ready: el.getAttribute('data-ready') } : null;
  });
const seriousViolations = (r: Awaited<ReturnType<typeof axeShadowContent>>) =>
  r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);

async function openWith(lang: 'zh-CN' | 'en', path: string, host?: string, familyContact: { name: string; phone: string } | null = null): Promise<Page> {
  const page = await ext.context.newPage();
  // The content script follows the settings' language; pin it (and the family contact) per page.
  const sw = await ext.worker();
  await sw.evaluate(
    async ([language, contact]) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { version: 1, sensitivity: 'standard', disabledCategories: [], ...(settings ?? {}), language, familyContact: contact } });
    },
    [lang, familyContact] as const,
  );
  await page.goto(server.url(path, host));
  return page;
}

describe('warns', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    test(`medium page → banner with highlighted phrases (${lang})`, async () => {
      const page = await openWith(lang, '/warn/medium.html');
      expect(await waitForAlertLevel(page, ['medium'])).toBe('medium');
      await expect.poll(() => mode(page)).toBe('banner');
      // The banner lives in the top layer: the page's own layout did not move.
      const h1Top = await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().top);
      expect(h1Top).toBeLessThan(40);
      // Highlights are painted in the task after the alert opens (src/page/present.ts).
      await expect.poll(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('scam-sentinel-phrase'))).toBe(true);
      // The highlight rule applies only to the few elements holding a phrase (no whole-page restyle).
      expect(await page.evaluate(() => document.querySelectorAll('[data-scam-sentinel-hl]').length)).toBeGreaterThan(0);
      expect(await page.evaluate(() => [...document.styleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.startsWith('[data-scam-sentinel-hl]::highlight('))))).toBe(true);
      expect(await shadowText(page, ALERT)).toContain('保本保息');
      // Why, phrase by phrase, in the page's language: the page carries no explanations;
      // it asked the background for these rule ids when the alert opened (cs-bg/rule-texts).
      expect(await shadowText(page, ALERT)).toContain(ruleTexts.rules['inv.guaranteed-product'].explanation[lang]);
      expect(seriousViolations(await axeShadowContent(page, ALERT, lang))).toEqual([]);
      await screenshot(page, `warn-banner-${lang}`);
      await page.close();
    });

    test(`high page → interrupting alertdialog, focus trapped and restored (${lang})`, async () => {
      const page = await openWith(lang, '/warn/high.html');
      await page.focus('#page-button').catch(() => undefined);
      expect(await waitForAlertLevel(page, ['high'])).toBe('high');
      await expect.poll(() => mode(page)).toBe('dialog');
      const html = await shadowText(page, ALERT);
      expect(html).toContain('安全');
      expect(html).toContain(ruleTexts.rules['auth.safe-account'].explanation[lang]);
      // Focus is inside our dialog (the host is the active element from the page's view).
      expect(await page.evaluate(() => document.activeElement?.closest('scam-sentinel-alert')?.localName)).toBe('scam-sentinel-alert');
      await screenshot(page, `warn-dialog-${lang}`);
      for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('scam-sentinel-alert')?.localName)).toBe('scam-sentinel-alert');
      expect(seriousViolations(await axeShadowContent(page, ALERT, lang))).toEqual([]);
      // Escape closes the interruption and leaves the calmer banner.
      await page.keyboard.press('Escape');
      await expect.poll(() => mode(page)).toBe('banner');
      await page.close();
    });
  }

  for (const lang of ['zh-CN', 'en'] as const) {
    test(`lookalike host → caution banner naming the imitated brand (${lang})`, async () => {
      const page = await openWith(lang, '/plain.html', 'icbc-kefu.example');
      await expect.poll(() => mode(page), { timeout: 10_000 }).toBe('caution');
      expect(await page.evaluate(() => document.querySelector('scam-sentinel-alert')?.hasAttribute('data-lookalike'))).toBe(true);
      expect(await shadowText(page, ALERT)).toContain(lang === 'en' ? 'ICBC' : '中国工商银行');
      expect(seriousViolations(await axeShadowContent(page, ALERT, lang))).toEqual([]);
      await screenshot(page, `warn-caution-${lang}`);
      await page.close();
    });
  }

  test('"dismiss" hides the alert for this site for the session, also after a reload', async () => {
    // Its own host: dismissal is per site, and the other fixtures share 127.0.0.1.
    const page = await openWith('zh-CN', '/warn/medium.html', 'dismiss-demo.example');
    await waitForAlertLevel(page, ['medium']);
    await expect.poll(() => mode(page)).toBe('banner');
    await clickInShadow(page, ALERT, '.panel .actions button.secondary');
    await expect.poll(() => mode(page)).toBe('hidden');
    await page.reload();
    await waitForAlertLevel(page, ['medium']);
    await page.waitForTimeout(500);
    expect(await mode(page)).toBe('hidden');
    await page.close();
  });

  test('a hostile page cannot read, hide, click away or cover the alert, and focus spam does not loop', async () => {
    const page = await openWith('zh-CN', '/warn/hostile.html');
    await waitForAlertLevel(page, ['medium', 'high'], 15_000);
    await page.waitForFunction(() => (window as unknown as { __attempts: { removed: number } }).__attempts.removed >= 3);
    const attempts = await page.evaluate(() => (window as unknown as { __attempts: { shadow: string; text: string } }).__attempts);
    expect(attempts.shadow).toBe('null');
    expect(attempts.text).toBe('');
    // It comes back after being removed, and it is the top-most thing at its place.
    await page.waitForFunction(() => ['banner', 'dialog'].includes(document.querySelector('scam-sentinel-alert')?.getAttribute('data-mode') ?? ''), undefined, {
      timeout: 15_000,
    });
    if ((await mode(page)) === 'dialog') await page.keyboard.press('Escape'); // leaves the banner
    // Above the page's full-screen cover: our banner (bottom of the viewport) is in the top layer.
    await expect
      .poll(() => page.evaluate(() => document.elementFromPoint(640, innerHeight - 40)?.closest('scam-sentinel-alert')?.localName), { timeout: 5000 })
      .toBe('scam-sentinel-alert');
    // The matched phrase with HTML in it renders as text, not markup. Polled: the page
    // removes our host every 50 ms and we put it back on the next frame, so a single
    // read can land in that gap and see no host at all (seen on main before issue 11 too).
    await expect.poll(() => shadowText(page, ALERT), { timeout: 5000 }).toContain('保本保息');
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    expect(ext.swErrors).toEqual([]);
    await page.close();
  });
});

describe('the moment of payment', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    test(`scam page: focusing the bank-card field opens the cooling-off dialog (${lang})`, async () => {
      const page = await openWith(lang, '/warn/scam-pay.html', undefined, { name: lang === 'en' ? 'Daughter' : '女儿', phone: '138 0013 8000' });
      await waitForAlertLevel(page, ['medium', 'high']);
      if ((await mode(page)) === 'dialog') await page.keyboard.press('Escape');
      await page.click('#card');
      await expect.poll(() => pauseState(page)).toMatchObject({ open: 'true', action: 'bankCard', ready: 'false' });
      const pauseText = await shadowText(page, PAUSE);
      expect(pauseText).toContain('96110');
      expect(pauseText).toContain('138 0013 8000'); // the family contact from options
      expect(seriousViolations(await axeShadowContent(page, PAUSE, lang))).toEqual([]);
      await screenshot(page, `warn-pause-${lang}`);
      if (lang === 'zh-CN') {
        // "Continue" unlocks only after the countdown; then focus returns to the field.
        await expect.poll(() => pauseState(page), { timeout: 20_000, interval: 500 }).toMatchObject({ ready: 'true' });
        await clickInShadow(page, PAUSE, 'button.secondary');
        await expect.poll(() => pauseState(page)).toBeNull();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('card');
        await page.keyboard.type('6212262010000000007');
        expect(await pauseState(page)).toBeNull(); // confirmed once: not asked again for this field kind
      } else {
        await clickInShadow(page, PAUSE, 'button:not(.secondary)');
        await expect.poll(() => pauseState(page)).toBeNull();
      }
      await page.close();
    });
  }

  test('scam page: clicking an APK download pauses first and does not download', async () => {
    const page = await openWith('zh-CN', '/warn/scam-pay.html');
    await waitForAlertLevel(page, ['medium', 'high']);
    if ((await mode(page)) === 'dialog') await page.keyboard.press('Escape');
    await page.click('#apk');
    await expect.poll(() => pauseState(page)).toMatchObject({ open: 'true', action: 'apk' });
    await page.waitForTimeout(300);
    expect(server.requests.some((r) => r.path.endsWith('.apk'))).toBe(false);
    await clickInShadow(page, PAUSE, 'button:not(.secondary)'); // leave
    await expect.poll(() => pauseState(page)).toBeNull();
    await page.close();
  });

  test('scam page: a Luhn-valid number typed in an unlabeled field also pauses', async () => {
    const page = await openWith('zh-CN', '/warn/scam-pay.html');
    await waitForAlertLevel(page, ['medium', 'high']);
    if ((await mode(page)) === 'dialog') await page.keyboard.press('Escape');
    await page.click('#memo');
    expect(await pauseState(page)).toBeNull();
    await page.keyboard.type('6212262010000000007');
    await expect.poll(() => pauseState(page)).toMatchObject({ open: 'true', action: 'bankCard' });
    await page.close();
  });
});

describe('stays silent', () => {
  test('genuine checkout: card and SMS fields get no cooling-off dialog', async () => {
    const page = await openWith('zh-CN', '/warn/checkout.html');
    await page.waitForTimeout(1500);
    await page.click('#card');
    await page.keyboard.type('6212262010000000007');
    await page.click('#sms');
    await page.keyboard.type('123456');
    await page.waitForTimeout(500);
    expect(await pauseState(page)).toBeNull();
    expect(['absent', 'none', 'low']).toContain(await page.evaluate(() => document.querySelector('scam-sentinel-alert')?.getAttribute('data-level') ?? 'absent'));
    await page.close();
  });

  test('the same scam wording on a genuine bank domain gets no cooling-off dialog', async () => {
    const page = await openWith('zh-CN', '/warn/scam-pay.html', 'www.icbc.com.cn');
    await waitForAlertLevel(page, ['medium', 'high']);
    if ((await mode(page)) === 'dialog') await page.keyboard.press('Escape');
    await page.click('#card');
    await page.keyboard.type('6212262010000000007');
    await page.waitForTimeout(500);
    expect(await pauseState(page)).toBeNull();
    await page.close();
  });

  test('a site the person allowed ("always allow"): the same scam page gets no alert and no cooling-off', async () => {
    const opts = await ext.context.newPage();
    await opts.goto(ext.extensionUrl('options.html'));
    const res = await opts.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg/lists-user-set', payload: { host: 'family-allowed.example', action: 'allow', present: true } }));
    expect(res).toMatchObject({ ok: true, data: { ok: true } });
    await opts.close();
    const page = await openWith('zh-CN', '/warn/scam-pay.html', 'family-allowed.example');
    // The scan still runs (the host element carries the level for automation) …
    await waitForAlertLevel(page, ['medium', 'high']);
    await page.waitForTimeout(500);
    // … but nothing is shown, and typing a card number does not pause.
    expect(await mode(page)).toBe('hidden');
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has('scam-sentinel-phrase'))).toBe(false);
    await page.click('#card');
    await page.keyboard.type('6212262010000000007');
    await page.waitForTimeout(500);
    expect(await pauseState(page)).toBeNull();
    await page.close();
  });

  test('a page script cannot open the cooling-off dialog with synthetic events', async () => {
    const page = await openWith('zh-CN', '/warn/scam-pay.html');
    await waitForAlertLevel(page, ['medium', 'high']);
    await page.evaluate(() => {
      const card = document.getElementById('card') as HTMLInputElement;
      card.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      card.value = '6212262010000000007';
      card.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.waitForTimeout(500);
    expect(await pauseState(page)).toBeNull();
    await page.close();
  });
});
