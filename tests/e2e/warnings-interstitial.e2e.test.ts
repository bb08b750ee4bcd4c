/**
 * The interstitial (warning.html) in real Chromium: a blacklisted host is stopped
 * before it loads; back-to-safety, continue-once (after the cooling-off and a
 * confirmation) and always-allow work and survive a service-worker restart; undo;
 * the hostile `u` parameter; report + false alarm; axe; screenshots in zh-CN and en.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { launchWithExtension, screenshot, type ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { setUserBlocked, tabIdOf, WarningPage } from './support/pages';

let ext: ExtensionBrowser;
let server: FixtureServer;
const SCAM = 'scam-demo.example';
const SCAM_WWW = 'www.scam-demo.example';

beforeAll(async () => {
  server = await startServer();
  ext = await launchWithExtension({ mapHosts: [SCAM, SCAM_WWW] });
  // The bundled list reaches declarativeNetRequest on first run (onInstalled): wait for it.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const sw = await ext.worker();
    const domains = await sw.evaluate(async () => (await chrome.declarativeNetRequest.getDynamicRules()).flatMap((r) => r.condition.requestDomains ?? []));
    if (domains.includes(SCAM)) break;
    if (Date.now() > deadline) throw new Error('the bundled list never reached declarativeNetRequest');
    await new Promise((r) => setTimeout(r, 100));
  }
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const serious = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
const isWarning = (page: Page) => page.url().startsWith(ext.extensionUrl('warning.html'));

async function gotoBlocked(page: Page, url: string): Promise<void> {
  await page.goto(url).catch(() => undefined); // the redirect aborts the original navigation
  await page.waitForURL((u) => u.href.startsWith(ext.extensionUrl('warning.html')), { timeout: 10_000 });
  await page.getByTestId('warning-ready').waitFor({ state: 'attached' });
}

describe('blacklisted host', () => {
  test('is stopped before it loads; back to safety returns to the previous page', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/plain.html'));
    await gotoBlocked(page, server.url('/plain.html', SCAM));
    expect(server.requests.some((r) => r.host === SCAM)).toBe(false); // stopped before it loads
    expect(await page.getByTestId('target-host').innerText()).toBe(SCAM);
    await page.getByTestId('back-to-safety').click();
    await page.waitForURL(server.url('/plain.html'));
    await page.close();
  });

});

describe('reporting from the interstitial', () => {
  test('report this site and "this warning is wrong" are stored; the false alarm allows the site, undoably', async () => {
    const w = await WarningPage.open(ext, `?u=${encodeURIComponent(`https://${SCAM_WWW}/report`)}&k=blacklist`);
    await w.ready();
    await w.page.getByTestId('report-note').fill('冒充客服让我转账');
    await w.page.getByTestId('report-site').click();
    await w.page.getByTestId('report-status').filter({ hasText: /./ }).waitFor();
    const w2 = await WarningPage.open(ext, `?u=${encodeURIComponent(`https://${SCAM_WWW}/wrong`)}&k=blacklist`);
    await w2.ready();
    await w2.page.getByTestId('report-wrong').click();
    await w2.page.getByTestId('undo-allow').waitFor();
    const reports = (await (await import('./support/pages')).readStore(ext, 'reports')) as Array<{ kind: string; note?: string; url: string }>;
    expect(reports.map((r) => r.kind).sort()).toEqual(['false-alarm', 'scam']);
    expect(reports.find((r) => r.kind === 'scam')?.note).toBe('冒充客服让我转账');
    // Allowed now: the host opens without the interstitial …
    const open = await ext.context.newPage();
    await open.goto(server.url('/plain.html?fa=1', SCAM_WWW));
    expect(isWarning(open)).toBe(false);
    // … until the person undoes it.
    await w2.page.getByTestId('undo-allow').click();
    await w2.page.getByTestId('report-status').filter({ hasText: /撤销|Undone/ }).waitFor();
    await gotoBlocked(open, server.url('/plain.html?fa=2', SCAM_WWW));
    await Promise.all([open.close(), w.page.close(), w2.page.close()]);
  });
});

describe('blacklisted host: bypasses (a once-bypass of the domain covers its subdomains, so it runs last)', () => {
  test('always allow persists across a worker restart, and undo blocks again', async () => {
    const page = await ext.context.newPage();
    await gotoBlocked(page, server.url('/plain.html', SCAM_WWW));
    const always = page.getByTestId('always-allow');
    await expect.poll(() => always.isEnabled(), { timeout: 15_000, interval: 500 }).toBe(true);
    await always.click();
    await page.getByTestId('undo-allow-site').waitFor();

    await ext.stopServiceWorker();
    const other = await ext.context.newPage();
    await other.goto(server.url('/plain.html?always=1', SCAM_WWW));
    expect(isWarning(other)).toBe(false);
    await other.close();

    await page.getByTestId('undo-allow-site').click();
    await page.getByTestId('proceed-status').filter({ hasText: /./ }).waitFor();
    const after = await ext.context.newPage();
    await gotoBlocked(after, server.url('/plain.html?undone=1', SCAM_WWW));
    expect(isWarning(after)).toBe(true);
    await after.close();
    await page.close();
  });
  test('continue once: cooling-off, confirm, then allowed for the session, also after a worker restart', async () => {
    const page = await ext.context.newPage();
    // A query with several parts: the DNR redirect must carry all of it (#u=<raw url>).
    const target = server.url('/plain.html?b=1&c=2&k=page', SCAM);
    await gotoBlocked(page, target);
    expect(page.url()).toContain('#u=');
    const proceed = page.getByTestId('proceed');
    expect(await proceed.isDisabled()).toBe(true); // cooling-off
    await expect.poll(() => proceed.isEnabled(), { timeout: 15_000, interval: 500 }).toBe(true);
    await proceed.click();
    await page.getByTestId('proceed-confirm').dblclick(); // double clicks are harmless
    await page.waitForURL(target);
    expect(server.requests.some((r) => r.host === SCAM && r.path.includes('b=1&c=2&k=page'))).toBe(true);
    expect(server.requests.some((r) => r.host === SCAM)).toBe(true);

    await ext.stopServiceWorker();
    const again = await ext.context.newPage();
    await again.goto(server.url('/plain.html?again=1', SCAM));
    await again.waitForLoadState('domcontentloaded');
    expect(isWarning(again)).toBe(false);
    await again.close();
    await page.close();
  });

});

describe('the page in each language', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    test(`explains the list entry, what to do, passes axe (${lang})`, async () => {
      const w = await WarningPage.open(ext, `?u=${encodeURIComponent(`https://${SCAM}/pay`)}&k=blacklist&lang=${lang}`);
      await w.ready();
      const source = await w.page.getByTestId('list-source').innerText();
      expect(source).toContain(lang === 'en' ? 'Built-in list' : '内置名单'); // never the id "seed"
      expect(source).not.toMatch(/\bseed\b/);
      expect(await w.page.locator('body').innerText()).toContain('96110');
      expect(await serious(w.page)).toEqual([]);
      await w.page.setViewportSize({ width: 1000, height: 1400 });
      await screenshot(w.page, `warning-interstitial-${lang}`);
      await w.page.close();
    });
  }

  test('k=page shows the exact phrases from the page', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/warn/high.html'));
    await page.waitForFunction(() => document.querySelector('scam-sentinel-alert')?.getAttribute('data-level') === 'high');
    const sw = await ext.worker();
    const tabId = await sw.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? -1, page.url());
    const w = await WarningPage.open(ext, `?u=${encodeURIComponent(page.url())}&k=page&tab=${tabId}`);
    await w.ready();
    expect(await w.page.getByTestId('page-phrases').innerText()).toMatch(/安全/);
    await w.page.close();
    await page.close();
  });
});

describe('hostile u parameter', () => {
  test.each([
    ['javascript', 'javascript:alert(document.domain)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['malformed', 'http://'],
    ['100 KB', `https://${'a'.repeat(100_000)}.example/`],
    ['missing', ''],
  ])('%s → error state, nothing to proceed to', async (_name, u) => {
    const w = await WarningPage.open(ext, `?u=${encodeURIComponent(u)}`);
    await w.ready();
    expect(await w.page.getByTestId('warning-error').isVisible()).toBe(true);
    expect(await w.page.getByTestId('proceed').count()).toBe(0);
    expect(await w.page.getByTestId('back-to-safety').isVisible()).toBe(true);
    await w.page.close();
  });

  test.each([
    ['javascript', 'javascript:alert(document.domain)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['malformed', 'http://'],
    ['100 KB', `https://${'a'.repeat(100_000)}.example/`],
  ])('DNR form (#u=<raw>): %s → error state, nothing to proceed to', async (_name, u) => {
    const w = await WarningPage.open(ext, `?k=blacklist#u=${u}`);
    await w.ready();
    expect(await w.page.getByTestId('warning-error').isVisible()).toBe(true);
    expect(await w.page.getByTestId('proceed').count()).toBe(0);
    await w.page.close();
  });

  test('DNR form (#u=<raw>): a URL with & ? # in it proceeds to exactly that URL', async () => {
    // A listed host (the interstitial speaks only for those), already allowed once by the bypass test above.
    const exact = server.url('/plain.html?b=1&c=2#frag', SCAM);
    const w = await WarningPage.open(ext, `?k=blacklist#u=${exact}`);
    await w.ready();
    expect(await w.page.getByTestId('target-host').innerText()).toBe(SCAM);
    const proceed = w.page.getByTestId('proceed');
    await expect.poll(() => proceed.isEnabled(), { timeout: 15_000, interval: 500 }).toBe(true);
    await proceed.click();
    await w.page.getByTestId('proceed-confirm').click();
    await w.page.waitForURL(exact);
    expect(w.page.url()).toBe(exact);
    await w.page.close();
  });

  test('IDN homoglyphs are decoded and marked; HTML in the URL stays text', async () => {
    await setUserBlocked(ext, 'xn--80ak6aa92e.com'); // listed, so the interstitial may speak for it
    const w = await WarningPage.open(ext, `?u=${encodeURIComponent('https://xn--80ak6aa92e.com/<img src=x onerror=alert(1)>')}&lang=en`);
    await w.ready();
    expect(await w.page.getByTestId('target-host').innerText()).toBe('аррӏе.com');
    expect(await w.page.locator('mark.confusable').count()).toBeGreaterThan(0);
    expect(await w.page.getByTestId('confusable-note').isVisible()).toBe(true);
    expect(await w.page.locator('img[src="x"]').count()).toBe(0);
    expect(await serious(w.page)).toEqual([]);
    await screenshot(w.page, 'warning-idn-en');
    await w.page.close();
    await setUserBlocked(ext, 'xn--80ak6aa92e.com', false);
  });
});


/**
 * The spoofed interstitial (issue 12, first item): any web page can open our web-accessible
 * warning.html with any parameters. It must never call an unlisted site a scam, in any
 * parameter form, whether navigated to, framed or opened in a new window.
 */
describe('spoofed interstitial: a web page cannot make us call a real bank a scam site', () => {
  const BANK = 'https://www.icbc.com.cn/';
  const forms = () => [
    ['?u= form', `warning.html?k=blacklist&u=${encodeURIComponent(BANK)}`],
    ['#u= (DNR) form', `warning.html?k=blacklist#u=${BANK}`],
    ['nested encoding', `warning.html?k=blacklist&u=${encodeURIComponent(encodeURIComponent(BANK))}`],
    ['no k at all', `warning.html?u=${encodeURIComponent(BANK)}`],
    ['k=page without a tab', `warning.html?k=page&u=${encodeURIComponent(BANK)}`],
  ] as const;

  async function expectNeutral(page: Page): Promise<void> {
    await page.getByTestId('warning-ready').waitFor({ state: 'attached' });
    expect(await page.getByTestId('warning-unconfirmed').isVisible()).toBe(true);
    expect(await page.getByTestId('warning-title').count()).toBe(0);
    expect(await page.getByTestId('proceed').count()).toBe(0);
    const text = await page.locator('body').innerText();
    expect(text).not.toContain('icbc');
    expect(text).not.toMatch(/危险|诈骗网站名单|Danger/);
  }

  test('navigated to from a web page (location.href), every parameter form → neutral page', async () => {
    const page = await ext.context.newPage();
    for (const [, path] of forms()) {
      await page.goto(server.url('/plain.html'));
      const target = ext.extensionUrl(path);
      await page.evaluate((u) => {
        location.href = u;
      }, target);
      await page.waitForURL((u) => u.href.startsWith(ext.extensionUrl('warning.html')), { timeout: 10_000 });
      await expectNeutral(page);
    }
    await page.close();
  });

  test('k=page naming a real tab: only that tab\'s own URL and verdict count', async () => {
    const bank = await ext.context.newPage();
    await bank.goto(server.url('/plain.html?bank=1'));
    const tab = await tabIdOf(ext, bank);
    const page = await ext.context.newPage();
    await page.goto(server.url('/plain.html'));
    // The tab's URL is right but its verdict is none → neutral.
    await page.evaluate((u) => (location.href = u), ext.extensionUrl(`warning.html?k=page&tab=${tab}&u=${encodeURIComponent(bank.url())}`));
    await page.waitForURL((u) => u.href.startsWith(ext.extensionUrl('warning.html')));
    await page.getByTestId('warning-ready').waitFor({ state: 'attached' });
    expect(await page.getByTestId('warning-unconfirmed').isVisible()).toBe(true);
    // A tab with a high verdict, but another URL named → neutral.
    const scam = await ext.context.newPage();
    await scam.goto(server.url('/warn/high.html'));
    await scam.waitForFunction(() => document.querySelector('scam-sentinel-alert')?.getAttribute('data-level') === 'high');
    const scamTab = await tabIdOf(ext, scam);
    await page.goto(server.url('/plain.html'));
    await page.evaluate((u) => (location.href = u), ext.extensionUrl(`warning.html?k=page&tab=${scamTab}&u=${encodeURIComponent(BANK)}`));
    await page.waitForURL((u) => u.href.startsWith(ext.extensionUrl('warning.html')));
    await expectNeutral(page);
    await Promise.all([bank.close(), scam.close(), page.close()]);
  });

  test('framed by a web page (<iframe>), even for a listed host → refuses to render', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/plain.html'));
    const srcs = [...forms().map(([, p]) => ext.extensionUrl(p)), ext.extensionUrl(`warning.html?k=blacklist&u=${encodeURIComponent(`https://${SCAM}/`)}`)];
    await page.evaluate((list) => {
      for (const src of list) {
        const f = document.createElement('iframe');
        f.src = src;
        document.body.append(f);
      }
    }, srcs);
    await expect
      .poll(async () => {
        const frames = page.frames().filter((f) => f.url().startsWith(ext.extensionUrl('warning.html')));
        const states = await Promise.all(frames.map((f) => f.evaluate(() => document.getElementById('app')?.getAttribute('data-state') ?? '').catch(() => '')));
        return states.filter((s) => s === 'framed').length;
      }, { timeout: 10_000 })
      .toBe(srcs.length);
    for (const f of page.frames().filter((x) => x.url().startsWith(ext.extensionUrl('warning.html')))) {
      const text = await f.evaluate(() => document.body.innerText);
      expect(text).not.toMatch(/icbc|危险|Danger/);
      expect(await f.evaluate(() => document.querySelectorAll('button').length)).toBe(0);
    }
    await page.close();
  });

  test('opened in a new window (window.open) → neutral page', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/plain.html'));
    for (const [, path] of forms()) {
      const [popup] = await Promise.all([ext.context.waitForEvent('page'), page.evaluate((u) => void window.open(u, '_blank'), ext.extensionUrl(path))]);
      await popup.waitForURL((u) => u.href.startsWith(ext.extensionUrl('warning.html')), { timeout: 10_000 });
      await expectNeutral(popup);
      await popup.close();
    }
    await page.close();
  });
});
