/**
 * Every fixture page in tests/e2e/fixtures/pages/engine/ through the pure HTML → text
 * extractor and the engine, checked against the page's own expectation:
 *   <meta name="sentinel-expect" content="silent | medium+ | high">
 *   <meta name="sentinel-category" content="…">   (scam pages)
 * "silent" means level none (not even a badge). Pages marked sentinel-dynamic inject
 * their text from <script type="text/plain" id="payload"> after load (the real-Chromium
 * spec sees it via the change observer); here the payload is appended as a passage.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelRank, scanPassages } from '../../../src/engine';
import { CATEGORIES } from '../../../src/engine/types';
import { decodeEntities, htmlToPassages } from '../../../src/engine/html-text';

const DIR = join(import.meta.dirname, '../../e2e/fixtures/pages/engine');

interface Fixture {
  name: string;
  expect: string;
  category: string | null;
  passages: string[];
}

function meta(html: string, name: string): string | null {
  const m = new RegExp(`<meta\\s+name="${name}"\\s+content="([^"]*)"`, 'i').exec(html);
  return m ? m[1]! : null;
}

const fixtures: Fixture[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => {
    const html = readFileSync(join(DIR, f), 'utf8');
    const passages = htmlToPassages(html);
    if (meta(html, 'sentinel-dynamic') === 'true') {
      const payload = /<script type="text\/plain" id="payload">([\s\S]*?)<\/script>/.exec(html);
      if (payload) passages.push(decodeEntities(payload[1]!));
    }
    return { name: f, expect: meta(html, 'sentinel-expect') ?? '?', category: meta(html, 'sentinel-category'), passages };
  });

const warns = fixtures.filter((f) => f.expect === 'medium+' || f.expect === 'high');
const silent = fixtures.filter((f) => f.expect === 'silent');

describe('fixture pages: well-formed', () => {
  it('every page declares a known expectation, scam pages a known category', () => {
    expect(fixtures.length).toBeGreaterThan(20);
    for (const f of fixtures) {
      expect(['silent', 'medium+', 'high'], f.name).toContain(f.expect);
      if (f.expect !== 'silent') expect(CATEGORIES as readonly string[], f.name).toContain(f.category);
    }
  });
  it('has several scam pages per category and several hard negatives', () => {
    for (const c of CATEGORIES) expect(warns.filter((f) => f.category === c).length, c).toBeGreaterThanOrEqual(2);
    expect(silent.length).toBeGreaterThanOrEqual(10);
  });
});

describe('fixture pages: warns', () => {
  it.each(warns.map((f) => [f.name, f] as const))('%s', (_n, f) => {
    const v = scanPassages(f.passages);
    const min = f.expect === 'high' ? 'high' : 'medium';
    expect(levelRank(v.level), `${v.level} ${v.score} ${v.evidence.map((e) => e.ruleId).join(',')}`).toBeGreaterThanOrEqual(levelRank(min));
    expect(v.categories).toContain(f.category);
    // evidence points into the passages we gave
    for (const e of v.evidence) e.spans.forEach((s, k) => expect(f.passages[s.passage!]!.slice(s.start, s.end)).toBe(e.quotes[k]));
  });
});

describe('fixture pages: stays silent', () => {
  it.each(silent.map((f) => [f.name, f] as const))('%s', (_n, f) => {
    const v = scanPassages(f.passages);
    expect(v.level, `${v.score} ${v.evidence.map((e) => `${e.ruleId}:${e.quotes.join('|')}`).join(', ')}`).toBe('none');
  });
});
