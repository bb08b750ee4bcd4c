/**
 * List work in slices (src/lists/slices.ts): the sliced run gives the event loop back
 * while it works, and produces exactly what the one-go run produces.
 */
import { describe, expect, it } from 'vitest';
import { jsonArraySteps, mapSteps, runSliced, runSync, type SliceStats, type Steps } from '../../../src/lists/slices';
import { parseTextList, parseTextListSteps } from '../../../src/lists/formats';
import { buildIndex, buildIndexSteps } from '../../../src/lists/lookup';
import { buildHitMeta, buildHitMetaSteps, encodeEntries, encodeEntriesSteps, decodeEntries } from '../../../src/background/list-store';
import { dnrPlanFrom, dnrPlanSteps } from '../../../src/background/list-service';

const N = 12_000;
const text = ['# a list', ...Array.from({ length: N }, (_, k) => `d${k}.example`), '@@ok.d7.example', 'not a host!', '1.2.3.4'].join('\n');
const opts = { source: 's', now: 1000 };

/** Runs `steps` sliced while a timer is pending: did the timer fire before the work ended? */
async function timerFiresDuring<T>(steps: Steps<T>, budgetMs = 1): Promise<{ value: T; fired: boolean; stats: SliceStats }> {
  let fired = false;
  let done = false;
  setTimeout(() => (fired = !done), 0);
  const stats: SliceStats = { slices: 0, longestMs: 0 };
  const value = await runSliced(steps, budgetMs, stats);
  done = true;
  return { value, fired, stats };
}

describe('sliced list work', () => {
  it('parses to the same list as parseTextList, giving the event loop back meanwhile', async () => {
    const one = parseTextList(text, 'plain', opts);
    const { value, fired, stats } = await timerFiresDuring(parseTextListSteps(text, 'plain', opts));
    expect(value).toEqual(one);
    expect(one.ok && one.list.entries.length).toBeGreaterThan(N - 1);
    expect(fired).toBe(true);
    expect(stats.slices).toBeGreaterThan(1);
  });

  it('builds the same index bytes as buildIndex', async () => {
    const parsed = parseTextList(text, 'plain', opts);
    if (!parsed.ok) throw new Error('parse');
    const { value, fired } = await timerFiresDuring(buildIndexSteps(parsed.list.entries, parsed.list.identifiers));
    expect(value.toBytes()).toEqual(buildIndex(parsed.list.entries, parsed.list.identifiers).toBytes());
    expect(fired).toBe(true);
  });

  it('encodes entries, hit metadata and the DNR plan exactly as the one-go versions', async () => {
    const parsed = parseTextList(text, 'plain', opts);
    if (!parsed.ok) throw new Error('parse');
    const entries = parsed.list.entries.map((e, i) => (i % 3 ? e : { ...e, expires: 5000 + i }));
    const bytes = await runSliced(encodeEntriesSteps(entries), 1);
    // Compared as text: a deep equal of megabytes of typed arrays is slow.
    const txt = (b: Uint8Array) => new TextDecoder().decode(b);
    expect(txt(bytes)).toBe(txt(encodeEntries(entries)));
    expect(decodeEntries(bytes, 's')).toEqual(entries);
    expect((await runSliced(buildHitMetaSteps(entries), 1)).map(txt)).toEqual(buildHitMeta(entries).map(txt));
    expect(await runSliced(dnrPlanSteps(entries, 6000), 1)).toEqual(dnrPlanFrom(entries, 6000));
  });

  it('keeps empty and tiny inputs right', () => {
    expect(new TextDecoder().decode(runSync(jsonArraySteps([], (x) => x)))).toBe('[]');
    expect(new TextDecoder().decode(runSync(jsonArraySteps([1, 'a', null], (x) => x)))).toBe('[1,"a",null]');
    expect(runSync(mapSteps([1, 2, 3], (x) => x * 2))).toEqual([2, 4, 6]);
  });
});
