/**
 * Measures how large a domain blacklist Chromium's declarativeNetRequest can hold as
 * dynamic redirect rules merged by domain lists (requestDomains), the way the nav guard
 * installs them (src/background/dnr.ts). Run by hand; prints one JSON object:
 *
 *   npx tsx tests/perf/dnr-capacity.ts [maxDomains]
 *
 * For each size N it installs ceil(N / chunk) rules of `chunk` synthetic domains, times
 * updateDynamicRules, then navigates to the LAST domain of the list and checks that the
 * navigation was redirected to the extension page. A throwaway extension in a temp dir is
 * used so the figure does not depend on our build. Reported, never asserted.
 *
 * Measured on this machine (Chromium 156, headless, chunk 100,000 domains per rule):
 *   1,280,000 domains: 13 rules, updateDynamicRules 3.8–6.4 s, redirect works
 *   20,480,000 domains: 205 rules, 180 s, redirect works
 *   40,960,000 domains: the service worker was restarted during the call (memory)
 * So no DNR rule limit binds (MAX_NUMBER_OF_DYNAMIC_RULES 30,000, unsafe/redirect
 * 5,000, regex 1,000): the worker's memory and the install time do.
 */
import { chromium } from 'playwright-core';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const max = Number(process.argv[2] ?? 4_000_000);
const CHUNK = Number(process.env.DNR_CHUNK ?? 100_000);

async function main() {
  const ext = await mkdtemp(join(tmpdir(), 'dnr-cap-ext-'));
  const profile = await mkdtemp(join(tmpdir(), 'dnr-cap-profile-'));
  await writeFile(
    join(ext, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'dnr capacity probe',
      version: '1.0',
      permissions: ['declarativeNetRequestWithHostAccess', 'unlimitedStorage'],
      host_permissions: ['<all_urls>'],
      background: { service_worker: 'sw.js' },
      web_accessible_resources: [{ resources: ['hit.html'], matches: ['<all_urls>'] }],
    }),
  );
  await writeFile(join(ext, 'sw.js'), 'self.addEventListener("install", () => {});');
  await writeFile(join(ext, 'hit.html'), '<!doctype html><title>hit</title>hit');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const limits = await sw.evaluate(() => ({
    MAX_NUMBER_OF_DYNAMIC_RULES: (chrome.declarativeNetRequest as unknown as Record<string, number>).MAX_NUMBER_OF_DYNAMIC_RULES,
    MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES: (chrome.declarativeNetRequest as unknown as Record<string, number>).MAX_NUMBER_OF_UNSAFE_DYNAMIC_RULES,
    MAX_NUMBER_OF_REGEX_RULES: chrome.declarativeNetRequest.MAX_NUMBER_OF_REGEX_RULES,
  }));
  const results: Array<Record<string, unknown>> = [];
  let largestOk = 0;
  for (let n = 10_000; n <= max; n *= 2) {
    const r = await sw
      .evaluate(
      async ({ n, chunk }) => {
        const old = await chrome.declarativeNetRequest.getDynamicRules();
        const rules: chrome.declarativeNetRequest.Rule[] = [];
        for (let start = 0, rid = 1; start < n; start += chunk, rid++) {
          const domains: string[] = [];
          for (let i = start; i < Math.min(n, start + chunk); i++) domains.push(`d${i}-scam.example`);
          rules.push({
            id: rid,
            priority: 10,
            action: { type: 'redirect' as chrome.declarativeNetRequest.RuleActionType, redirect: { regexSubstitution: `${chrome.runtime.getURL('hit.html')}?k=blacklist#u=\\0` } },
            condition: { regexFilter: '^https?://.*', requestDomains: domains, resourceTypes: ['main_frame' as chrome.declarativeNetRequest.ResourceType] },
          });
        }
        const t0 = performance.now();
        try {
          await chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: old.map((x) => x.id), addRules: rules });
          return { ok: true, ms: Math.round(performance.now() - t0), rules: rules.length };
        } catch (e) {
          return { ok: false, ms: Math.round(performance.now() - t0), rules: rules.length, error: String(e).slice(0, 200) };
        }
      },
      { n, chunk: CHUNK },
    )
      // A worker that dies under the load (memory) is the practical ceiling: record it.
      .catch((e: unknown) => ({ ok: false, ms: -1, rules: Math.ceil(n / CHUNK), error: String(e).slice(0, 200) }));
    let redirected = false;
    if (r.ok) {
      const page = await context.newPage();
      await page.goto(`http://d${n - 1}-scam.example/some/page?x=1`).catch(() => undefined);
      redirected = page.url().startsWith(`chrome-extension://${id}/hit.html`);
      await page.close();
    }
    results.push({ domains: n, ...r, redirected });
    process.stderr.write(`${JSON.stringify(results.at(-1))}\n`);
    if (!r.ok || !redirected) break;
    largestOk = n;
  }
  await context.close();
  await rm(ext, { recursive: true, force: true });
  await rm(profile, { recursive: true, force: true });
  console.log(JSON.stringify({ chromium: CHROMIUM, chunk: CHUNK, limits, largestCoveredDomains: largestOk, results }));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
