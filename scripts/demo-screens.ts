/**
 * `npm run demo:screens`: a screenshot of every step of every outreach case, in each
 * language, in presenter mode at 1280×720 (projector size), for volunteers' slides.
 * Writes demo-screens/<lang>/<case>/<nn>-<step>.png (git-ignored). Every shot is the
 * live extension: the same walk as tests/e2e/demo-gallery.e2e.test.ts.
 *   npm run demo:screens                       # all languages
 *   npm run demo:screens -- en pension-house   # one language, one case (any filters)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchWithExtension } from '../tests/e2e/support/browser';
import { walkCase } from '../tests/e2e/support/demo';
import { DEMO_CASES } from '../src/demo/cases';
import { LOCALES } from '../src/engine/types';

const outDir = resolve(import.meta.dirname, '..', 'demo-screens');
const filters = process.argv.slice(2);
const langs = LOCALES.filter((l) => !filters.some((f) => (LOCALES as readonly string[]).includes(f)) || filters.includes(l));
const cases = DEMO_CASES.filter((c) => !filters.some((f) => DEMO_CASES.some((d) => d.id === f)) || filters.includes(c.id));

if (process.env.SENTINEL_BUILT !== '1') execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
const ext = await launchWithExtension();
let count = 0;
const t0 = Date.now();
try {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  for (const lang of langs) {
    const gallery = ext.extensionUrl(`demo.html?lang=${lang}`);
    await page.goto(gallery);
    await page.evaluate(() => sessionStorage.setItem('scamsentinel-demo-presenter', '1'));
    await page.reload();
    for (const c of cases) {
      const dir = join(outDir, lang, c.id);
      mkdirSync(dir, { recursive: true });
      let n = 0;
      await walkCase(page, gallery, c.id, async (step) => {
        n++;
        await page.evaluate(() => window.scrollTo(0, 0)); // clicks scroll; a presenter's keys do not
        await page.screenshot({ path: join(dir, `${String(n).padStart(2, '0')}-${step}.png`) });
        count++;
      });
      process.stdout.write(`${lang} ${c.id}: ${n} screens\n`);
    }
  }
} finally {
  await ext.close();
}
process.stdout.write(`${count} screenshots in ${((Date.now() - t0) / 1000).toFixed(0)} s → ${outDir}\n`);
