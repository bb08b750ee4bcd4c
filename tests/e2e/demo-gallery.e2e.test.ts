/**
 * The outreach gallery (issue 10) in real Chromium with the built extension:
 *   - every case produces its warning through the real page pipeline (alert with marked
 *     phrases, highlights on the sample page, cooling-off pause at the card field, the
 *     demo interstitial confirmed by the background);
 *   - presenter mode by keyboard alone (≥ 32 px text);
 *   - quiz scoring, audience mode, random order;
 *   - the handout prints as exactly one A4 page in every language;
 *   - demo mode leaves no events or reports in IndexedDB (and a real scam page does, as a control);
 *   - axe: no serious or critical violations on every demo screen.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { launchWithExtension, screenshot, type ExtensionBrowser } from './support/browser';
import { startServer, type FixtureServer } from './support/server';
import { readStore, waitForAlertLevel } from './support/pages';
import { stageAlert, stageFrame, stageReady, walkCase, type CaseWalk } from './support/demo';
import { DEMO_CASES } from '../../src/demo/cases';
import { QUIZ_ITEMS } from '../../src/demo/quiz';
import { DEMO_HOST } from '../../src/demo/host';
import { LOCALES } from '../../src/engine/types';

let ext: ExtensionBrowser;
let server: FixtureServer;
let localBefore: string[] = [];

const serious = async (page: Page, include?: string) => {
  const builder = new AxeBuilder({ page });
  const r = await (include ? builder.include(include) : builder).analyze();
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
};

const gallery = (lang = 'zh-CN') => ext.extensionUrl(`demo.html?lang=${lang}`);

async function freshPage(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  return page;
}

const storageKeys = async (area: 'local' | 'session') => {
  const sw = await ext.worker();
  return sw.evaluate(async (a) => Object.keys(await chrome.storage[a].get(null)).sort(), area);
};

beforeAll(async () => {
  server = await startServer();
  ext = await launchWithExtension();
  // Let the first-run work (seed list) settle, then remember what is stored.
  await new Promise((r) => setTimeout(r, 1500));
  localBefore = await storageKeys('local');
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

describe('every gallery case produces its warning through the real code path', () => {
  const walks = new Map<string, CaseWalk>();
  for (const c of DEMO_CASES) {
    test(`${c.id}: live alert with marked phrases, pause at the card field, demo interstitial`, async () => {
      const page = await freshPage();
      const walk = await walkCase(page, gallery(), c.id, async (step) => {
        if (c.id === 'authority-safe-account' && step === 'live') await screenshot(page, 'demo-case-live-zh-CN');
      });
      walks.set(c.id, walk);
      expect(['medium', 'high']).toContain(walk.alert?.level);
      expect(['dialog', 'banner']).toContain(walk.alert?.mode);
      expect(walk.marks.length).toBeGreaterThan(0);
      // The alert quotes the sample page itself (not a picture): every marked phrase is on the page.
      const pageText = await stageFrame(page).evaluate(() => document.title + document.body.innerText); // the engine reads the title too
      for (const m of walk.marks) expect(pageText.replace(/\s+/g, '')).toContain(m.replace(/^「|」$/g, '').replace(/\s+/g, ''));
      expect(walk.pause).toEqual({ open: 'true', action: 'bankCard' });
      expect(walk.interstitial).toEqual({ state: 'ready', demo: true, host: DEMO_HOST });
      await page.close();
    });
  }

  for (const lang of ['zh-TW', 'en'] as const) {
    test(`${lang}: every case warns live, with highlights painted on the sample page and the demo mark`, async () => {
      const page = await freshPage();
      for (const c of DEMO_CASES) {
        await page.goto(`${gallery(lang)}#/case/${c.id}/live`);
        await page.reload(); // a fresh stage for every case
        await stageReady(page);
        await page.waitForFunction(() => {
          const f = document.querySelector<HTMLIFrameElement>('iframe[data-testid=stage]');
          return f?.contentDocument?.querySelector('scam-sentinel-alert[data-mode="dialog"], scam-sentinel-alert[data-mode="banner"]') ?? null;
        });
        expect(['medium', 'high'], c.id).toContain((await stageAlert(page))?.level);
        const frame = stageFrame(page);
        await expect.poll(() => frame.evaluate(() => document.querySelectorAll('[data-scam-sentinel-hl]').length), { message: c.id }).toBeGreaterThan(0);
        expect(await frame.getByTestId('demo-mark').textContent()).toBe(lang === 'en' ? 'DEMO PAGE · NOT A REAL WEBSITE' : '演示頁面 · 不是真網站');
        expect(await frame.evaluate(() => document.documentElement.lang)).toBe(lang);
      }
      if (lang === 'en') await screenshot(page, 'demo-case-live-en');
      await page.close();
    });
  }
});

describe('demo mode records nothing', () => {
  test('no events, no reports, no tab state; only demo tokens in the session; a real scam page still records (control)', async () => {
    expect(await readStore(ext, 'events')).toEqual([]);
    expect(await readStore(ext, 'reports')).toEqual([]);
    // Nothing new in storage.local but the blacklist's own upkeep (lists:*), which runs on its own schedule.
    const notLists = (keys: string[]) => keys.filter((k) => !k.startsWith('lists:'));
    expect(notLists(await storageKeys('local'))).toEqual(notLists(localBefore));
    // No dismissals recorded for the demo host (the stage's "继续看" stays in the stage).
    expect((await storageKeys('session')).filter((k) => k.startsWith('dismiss:'))).toEqual([]);
    // Tab state only for real tabs that the content script reported: the demo never reports.
    const sw = await ext.worker();
    const tabStates = await sw.evaluate(async () => Object.entries(await chrome.storage.session.get(null)).filter(([k]) => k.startsWith('tab:')).map(([, v]) => v));
    expect(tabStates).toEqual([]);

    // Control: the same check sees a real detection.
    const real = await freshPage();
    await real.goto(server.url('/fraud-investment.html'));
    await waitForAlertLevel(real, ['medium', 'high']);
    await expect.poll(async () => (await readStore(ext, 'events')).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await real.close();
  });

  test('a page cannot get a demo interstitial on its own: a forged or replayed-elsewhere token shows the neutral page', async () => {
    const page = await freshPage();
    const forged = encodeURIComponent(`https://${DEMO_HOST}/pension-house`);
    await page.goto(ext.extensionUrl(`warning.html?k=blacklist&u=${forged}&demo=AAAAAAAAAAAAAAAAAAAAAAAA`));
    await page.getByTestId('warning-ready').waitFor({ state: 'attached' });
    expect(await page.getByTestId('warning-root').getAttribute('data-state')).toBe('unconfirmed');
    // A real token for one case does not confirm another host.
    const token = await page.evaluate(async () => {
      const r = (await chrome.runtime.sendMessage({ type: 'ui-bg/demo-arm', payload: { caseId: 'pension-house' } })) as { ok: boolean };
      return r.ok;
    });
    expect(token).toBe(false); // arming is only for the gallery page
    await page.close();
  });
});

describe('presenter mode by keyboard alone', () => {
  test('Tab + Enter into presenter mode; → PageDown Space forward, ← PageUp back, B blanks, Esc leaves; text ≥ 32 px', async () => {
    const page = await freshPage();
    await page.goto(gallery());
    await page.getByTestId('case-list').waitFor();
    const step = () => page.getByTestId('slide').getAttribute('data-step');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('presenter-toggle');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.body.classList.contains('presenter'))).toBe(true);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    // Every visible piece of gallery text is at least 32 px.
    const smallest = () =>
      page.evaluate(() => {
        let min = Infinity;
        let where = '';
        for (const el of document.querySelectorAll<HTMLElement>('body *')) {
          const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
          if (!own || !el.getClientRects().length || el.closest('[hidden], .sr-only')) continue;
          const size = parseFloat(getComputedStyle(el).fontSize);
          if (size < min) [min, where] = [size, `${el.tagName}.${el.className}: ${el.textContent!.slice(0, 30)}`];
        }
        return { min, where };
      });
    expect((await smallest()).min, (await smallest()).where).toBeGreaterThanOrEqual(32);
    await screenshot(page, 'demo-presenter-list-zh-CN');
    expect(await serious(page)).toEqual([]); // high contrast holds in presenter mode

    await page.keyboard.press('ArrowRight');
    await page.getByTestId('slide').waitFor();
    expect(await step()).toBe('hook');
    const firstCase = await page.getByTestId('slide').getAttribute('data-case');
    expect(firstCase).toBe(DEMO_CASES[0]!.id);
    await page.keyboard.press('PageDown');
    await expect.poll(step).toBe('turn');
    await page.keyboard.press(' ');
    await expect.poll(step).toBe('ask');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(step).toBe('turn');
    await page.keyboard.press('PageUp');
    await expect.poll(step).toBe('hook');
    expect((await smallest()).min, (await smallest()).where).toBeGreaterThanOrEqual(32);

    await page.keyboard.press('b');
    expect(await page.getByTestId('blank').isVisible()).toBe(true);
    await page.keyboard.press('B');
    expect(await page.getByTestId('blank').isVisible()).toBe(false);

    // Two presses in one task (a clicker's quick double press) move two steps, not one.
    await page.evaluate(() => {
      for (let i = 0; i < 2; i++) document.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
    });
    await expect.poll(step).toBe('ask');
    // Into the live step: the warning takes focus inside the stage; the keys still move the slides.
    await page.keyboard.press('ArrowRight');
    await expect.poll(step).toBe('live');
    await page.waitForFunction(() => document.querySelector<HTMLIFrameElement>('iframe[data-testid=stage]')?.contentDocument?.querySelector('scam-sentinel-alert[data-mode="dialog"], scam-sentinel-alert[data-mode="banner"]') ?? null);
    await page.waitForTimeout(300);
    await screenshot(page, 'demo-presenter-live-zh-CN');
    await page.keyboard.press('ArrowRight');
    await expect.poll(step).toBe('pay');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(step).toBe('live');
    // Esc: first closes the warning dialog if it has focus, then leaves presenter mode.
    for (let i = 0; i < 3 && (await page.evaluate(() => document.body.classList.contains('presenter'))); i++) await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.body.classList.contains('presenter'))).toBe(false);
    await page.close();
  });

  test('session timer runs and "reset for the next audience" restarts it and returns to the list', async () => {
    const page = await freshPage();
    await page.goto(`${gallery()}#/case/${DEMO_CASES[1]!.id}/turn`);
    await page.getByTestId('slide').waitFor();
    await expect.poll(() => page.getByTestId('session-timer').textContent(), { timeout: 5_000 }).not.toBe('00:00');
    await page.getByTestId('reset').click();
    await page.getByTestId('case-list').waitFor();
    expect(await page.getByTestId('session-timer').textContent()).toBe('00:00');
    await page.close();
  });
});

describe('speaker notes in a second window', () => {
  test('the notes window follows the gallery step by step', async () => {
    const page = await freshPage();
    await page.goto(`${gallery()}#/case/${DEMO_CASES[0]!.id}/hook`);
    await page.getByTestId('slide').waitFor();
    const opened = ext.context.waitForEvent('page');
    await page.getByTestId('notes-window').click();
    const notes = await opened;
    await notes.getByTestId('notes-window-view').waitFor();
    await page.getByTestId('next').click();
    await expect.poll(() => notes.getByTestId('notes-window-view').innerText()).toContain(DEMO_CASES[0]!.text['zh-CN'].notes.turn);
    await page.getByTestId('next').click();
    await expect.poll(() => notes.getByTestId('notes-window-view').innerText()).toContain(DEMO_CASES[0]!.text['zh-CN'].notes.ask);
    await notes.close();
    await page.close();
  });
});

describe('quiz', () => {
  test('solo: random order, one answer per button, giveaways marked, the score is right', async () => {
    const page = await freshPage();
    const orders: string[][] = [];
    for (let run = 0; run < 2; run++) {
      await page.goto(`${gallery()}#/quiz`);
      await page.reload();
      await page.getByTestId('quiz-solo').click();
      const order: string[] = [];
      let expected = 0;
      for (let i = 0; i < QUIZ_ITEMS.length; i++) {
        const id = (await page.getByTestId('quiz-item').getAttribute('data-item'))!;
        order.push(id);
        const item = QUIZ_ITEMS.find((q) => q.id === id)!;
        expect(await page.getByTestId('giveaway').count()).toBe(0); // not before the answer
        const answerRight = i % 3 !== 0; // deliberately wrong on every third item
        const saysScam = answerRight ? item.scam : !item.scam;
        await page.getByTestId(saysScam ? 'answer-scam' : 'answer-real').click();
        if (answerRight) expected++;
        expect(await page.getByTestId('quiz-result').getAttribute('data-right')).toBe(String(answerRight));
        expect(await page.getByTestId('giveaway').count()).toBe(item.text['zh-CN'].parts.filter((p) => p.tell).length);
        if (run === 0 && i === 0) await screenshot(page, 'demo-quiz-zh-CN');
        await page.getByTestId(i === QUIZ_ITEMS.length - 1 ? 'quiz-finish' : 'quiz-next').click();
      }
      const score = page.getByTestId('quiz-score');
      expect(await score.getAttribute('data-score')).toBe(String(expected));
      expect(await score.getAttribute('data-total')).toBe(String(QUIZ_ITEMS.length));
      expect(await score.textContent()).toContain(`${expected} / ${QUIZ_ITEMS.length}`);
      orders.push(order);
    }
    expect(new Set(orders[0]).size).toBe(QUIZ_ITEMS.length);
    expect(orders[0]).not.toEqual(orders[1]); // 1 in 22! to fail by chance
    await page.close();
  });

  test('audience mode: no per-person answer buttons; the presenter reveals', async () => {
    const page = await freshPage();
    await page.goto(`${gallery()}#/quiz`);
    await page.getByTestId('quiz-room').click();
    for (let i = 0; i < QUIZ_ITEMS.length; i++) {
      expect(await page.getByTestId('answer-scam').count()).toBe(0);
      expect(await page.getByTestId('answer-real').count()).toBe(0);
      await page.getByTestId('reveal').click();
      expect(await page.getByTestId('quiz-feedback').isVisible()).toBe(true);
      expect(await page.getByTestId('quiz-result').count()).toBe(0);
      expect(await page.getByTestId('giveaway').count()).toBeGreaterThan(0);
      await page.getByTestId(i === QUIZ_ITEMS.length - 1 ? 'quiz-finish' : 'quiz-next').click();
    }
    await page.getByTestId('quiz-room-done').waitFor();
    await page.close();
  });
});

describe('handout', () => {
  for (const lang of LOCALES) {
    test(`${lang}: prints as exactly one A4 page with the numbers, the App and the family blanks`, async () => {
      const page = await freshPage();
      await page.goto(`${gallery(lang)}#/handout`);
      const sheet = page.getByTestId('handout');
      await sheet.waitFor();
      const text = await sheet.innerText();
      for (const s of ['96110', '110', '12321', '国家反诈中心'.slice(0, 2)]) expect(text).toContain(lang === 'zh-TW' && s === '国家' ? '國家' : s);
      expect(await sheet.locator('ol li').count()).toBe(5);
      expect(await sheet.locator('.blank-line').count()).toBe(2);
      await page.emulateMedia({ media: 'print' });
      expect(await sheet.locator('li').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(22); // 17 pt
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
      expect(pages.length).toBe(1);
      if (lang === 'zh-CN') {
        await page.emulateMedia({ media: 'screen' });
        await screenshot(page, 'demo-handout-zh-CN');
      }
      await page.close();
    });
  }
});

describe('entry points and accessibility', () => {
  test('popup and options open the gallery', async () => {
    for (const path of ['popup.html', 'options.html']) {
      const page = await freshPage();
      await page.goto(ext.extensionUrl(path));
      const opened = ext.context.waitForEvent('page');
      await page.getByTestId('open-demo').click();
      const tab = await opened;
      await tab.waitForURL(/\/demo\.html/);
      await tab.getByTestId('case-list').waitFor();
      await tab.close();
      await page.close();
    }
  });

  test('axe: no serious or critical violations on the gallery, a live case (normal and presenter), the stage, the quiz, the handout and the demo interstitial', async () => {
    const page = await freshPage();
    await page.goto(gallery());
    await page.getByTestId('case-list').waitFor();
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'demo-gallery-zh-CN');
    await page.goto(`${gallery('en')}#/case/phishing-subsidy/live`);
    await page.reload();
    await stageReady(page);
    expect(await serious(page)).toEqual([]);
    const stage = await freshPage();
    await stage.goto(ext.extensionUrl('demo-stage.html?case=phishing-subsidy&lang=zh-CN&live=0'));
    expect(await serious(stage)).toEqual([]);
    await stage.close();
    await page.goto(`${gallery()}#/quiz`);
    await page.getByTestId('quiz-solo').click();
    await page.getByTestId('answer-scam').click();
    expect(await serious(page)).toEqual([]);
    await page.goto(`${gallery()}#/handout`);
    await page.getByTestId('handout').waitFor();
    expect(await serious(page)).toEqual([]);
    // presenter mode (high contrast)
    await page.evaluate(() => sessionStorage.setItem('scamsentinel-demo-presenter', '1'));
    await page.goto(`${gallery()}#/case/pension-house/signs`);
    await page.reload();
    await page.getByTestId('slide').waitFor();
    expect(await serious(page)).toEqual([]);
    // the demo interstitial
    await page.goto(`${gallery()}#/case/pension-house/site`);
    await page.getByTestId('open-interstitial').click();
    await page.waitForURL(/warning\.html/);
    await page.getByTestId('warning-ready').waitFor({ state: 'attached' });
    expect(await serious(page)).toEqual([]);
    await screenshot(page, 'demo-interstitial-zh-CN');
    await page.close();
  });
});
