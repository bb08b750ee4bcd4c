/**
 * The two big URL data tables, loaded on first need instead of being compiled into every
 * bundle that checks hosts. PURE: no extension APIs; whoever runs the code installs the
 * data (issue 11, "background.js ≤ 200 KB evaluated at start-up"):
 *   extension (worker, list builder)  fetches the packaged /url-data.json once
 *                                      (src/background/url-data-loader.ts)
 *   Node (CLI, unit tests)             installs it from the packages (url-data-source.ts)
 * The JSON is generated at build time from the same two packages (wxt.config.ts hook), so
 * the data is theirs, updated with them, never hand-edited:
 *   suffixes     the Public Suffix List as `tldts`'s flat trie (tldts/dist/…/data/trie.js)
 *   confusables  Unicode UTS #39 confusables.txt as `unhomoglyph`'s data.json
 *
 * publicSuffixIcann() is tldts's getPublicSuffix(host, { allowPrivateDomains: false })
 * (tldts-core's parseImpl with tldts's own suffix-trie walk, ported below over the loaded
 * arrays; MIT, Rémi Berson). tests/unit/url/url-data.test.ts pins it to tldts on a table of
 * hosts. confusableMap() is unhomoglyph() over the loaded table.
 */
import { fastPathLookup, getEmptyResult, parseImpl, resetResult, type IPublicSuffix, type ISuffixLookupOptions } from 'tldts-core';

export interface SuffixTrieData {
  nodeFlags: number[];
  edgeStart: number[];
  edgeLength: number[];
  edgeChild: number[];
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

export interface UrlData {
  format: 'sentinel-url-data';
  suffixes: SuffixTrieData;
  confusables: Record<string, string>;
}

interface Trie {
  nodeFlags: Uint8Array;
  edgeStart: Uint32Array;
  edgeLength: Uint8Array;
  edgeChild: Uint32Array;
  edgeOffset: Uint32Array;
  edgeHash: Uint32Array;
  wildcardEdge: Int32Array;
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

let trie: Trie | null = null;
let confusables: Record<string, string> | null = null;
let confusableRe: RegExp | null = null;
let loading: Promise<void> | null = null;

const isIntArray = (a: unknown): a is number[] => Array.isArray(a) && a.every((x) => Number.isInteger(x) && x >= 0);

/** Install the data (validated: a broken or foreign file is refused, nothing half-installed). */
export function installUrlData(raw: unknown): void {
  const d = raw as Partial<UrlData> | null;
  const s = d?.suffixes;
  if (!d || d.format !== 'sentinel-url-data' || !s || typeof s.labelText !== 'string' || typeof d.confusables !== 'object' || d.confusables === null) {
    throw new Error('URL data: not a sentinel-url-data file');
  }
  if (![s.nodeFlags, s.edgeStart, s.edgeLength, s.edgeChild].every(isIntArray) || !Number.isInteger(s.rulesRoot) || !Number.isInteger(s.exceptionsRoot)) {
    throw new Error('URL data: malformed suffix trie');
  }
  if (s.edgeStart.length !== s.nodeFlags.length + 1 || s.edgeLength.length !== s.edgeChild.length || s.edgeLength.reduce((a, b) => a + b, 0) !== s.labelText.length) {
    throw new Error('URL data: inconsistent suffix trie');
  }
  for (const [k, v] of Object.entries(d.confusables)) if (typeof v !== 'string' || !k) throw new Error('URL data: malformed confusables');
  trie = prepareTrie(s);
  confusables = d.confusables;
  confusableRe = null;
}

export function urlDataInstalled(): boolean {
  return trie !== null && confusables !== null;
}

/** Install once, whatever number of callers ask at the same time; a failed load is retried by the next caller. */
export function ensureUrlData(load: () => Promise<unknown>): Promise<void> {
  if (urlDataInstalled()) return Promise.resolve();
  loading ??= load()
    .then(installUrlData)
    .finally(() => {
      loading = null;
    });
  return loading;
}

function need<T>(x: T | null): T {
  if (x === null) throw new Error('URL data (public suffixes, confusables) is not loaded yet: await ensureUrlData() first');
  return x;
}

// ---------- public suffix (port of tldts 7.5.5 src/suffix-trie.ts over loaded arrays) ----------

function prepareTrie(s: SuffixTrieData): Trie {
  const nodeFlags = Uint8Array.from(s.nodeFlags);
  const edgeStart = Uint32Array.from(s.edgeStart);
  const edgeLength = Uint8Array.from(s.edgeLength);
  const edgeChild = Uint32Array.from(s.edgeChild);
  const nodes = nodeFlags.length;
  const edges = edgeLength.length;
  const edgeOffset = new Uint32Array(edges);
  const edgeHash = new Uint32Array(edges);
  const wildcardEdge = new Int32Array(nodes).fill(-1);
  const text = s.labelText;
  for (let node = 0, offset = 0; node < nodes; node += 1) {
    for (let edge = edgeStart[node]!; edge < edgeStart[node + 1]!; edge += 1) {
      edgeOffset[edge] = offset;
      const end = offset + edgeLength[edge]!;
      let hash = 5381;
      for (let i = end - 1; i >= offset; i -= 1) hash = (hash * 33) ^ text.charCodeAt(i);
      edgeHash[edge] = hash >>> 0;
      if (edgeLength[edge] === 1 && text.charCodeAt(offset) === 42 /* '*' */) wildcardEdge[node] = edge;
      offset = end;
    }
  }
  return { nodeFlags, edgeStart, edgeLength, edgeChild, edgeOffset, edgeHash, wildcardEdge, labelText: text, rulesRoot: s.rulesRoot, exceptionsRoot: s.exceptionsRoot };
}

let matchNode = -1;
let matchStart = 0;
let matchEnd = 0;

function labelEquals(t: Trie, edge: number, host: string, start: number, length: number): boolean {
  if (t.edgeLength[edge] !== length) return false;
  const offset = t.edgeOffset[edge]!;
  for (let i = 0; i < length; i += 1) if (t.labelText.charCodeAt(offset + i) !== host.charCodeAt(start + i)) return false;
  return true;
}

function findEdge(t: Trie, node: number, hash: number, host: string, start: number, length: number): number {
  let lo = t.edgeStart[node]!;
  let hi = t.edgeStart[node + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = t.edgeHash[mid]!;
    if (value < hash) lo = mid + 1;
    else if (value > hash) hi = mid;
    else {
      for (let e = mid; e >= lo && t.edgeHash[e] === hash; e -= 1) if (labelEquals(t, e, host, start, length)) return e;
      for (let e = mid + 1; e < hi && t.edgeHash[e] === hash; e += 1) if (labelEquals(t, e, host, start, length)) return e;
      return -1;
    }
  }
  return -1;
}

function walk(t: Trie, host: string, root: number, mask: number): boolean {
  let node = root;
  let end = host.length;
  let hash = 5381;
  matchNode = -1;
  for (let i = host.length - 1; i >= 0; i -= 1) {
    const code = host.charCodeAt(i);
    if (code === 46 /* '.' */) {
      const start = i + 1;
      let edge = findEdge(t, node, hash >>> 0, host, start, end - start);
      if (edge === -1 && end !== start) edge = t.wildcardEdge[node]!;
      if (edge === -1) return matchNode !== -1;
      node = t.edgeChild[edge]!;
      if ((t.nodeFlags[node]! & mask) !== 0) {
        matchNode = node;
        matchStart = start;
        matchEnd = end;
      }
      end = i;
      hash = 5381;
    } else {
      hash = (hash * 33) ^ code;
    }
  }
  let edge = findEdge(t, node, hash >>> 0, host, 0, end);
  if (edge === -1 && end !== 0) edge = t.wildcardEdge[node]!;
  if (edge !== -1) {
    node = t.edgeChild[edge]!;
    if ((t.nodeFlags[node]! & mask) !== 0) {
      matchNode = node;
      matchStart = 0;
      matchEnd = end;
    }
  }
  return matchNode !== -1;
}

function suffixLookup(host: string, options: ISuffixLookupOptions, out: IPublicSuffix): boolean {
  if (fastPathLookup(host, options, out)) return false;
  const t = need(trie);
  const mask = (options.allowPrivateDomains ? 2 : 0) | (options.allowIcannDomains ? 1 : 0);
  if (walk(t, host, t.exceptionsRoot, mask)) {
    out.isIcann = (t.nodeFlags[matchNode]! & 1) !== 0;
    out.isPrivate = (t.nodeFlags[matchNode]! & 2) !== 0;
    out.publicSuffix = host.slice(matchEnd + 1);
    return true;
  }
  if (walk(t, host, t.rulesRoot, mask)) {
    out.isIcann = (t.nodeFlags[matchNode]! & 1) !== 0;
    out.isPrivate = (t.nodeFlags[matchNode]! & 2) !== 0;
    out.publicSuffix = host.slice(matchStart);
    return false;
  }
  out.isIcann = false;
  out.isPrivate = false;
  const lastDot = host.lastIndexOf('.');
  out.publicSuffix = lastDot === -1 ? host : host.slice(lastDot + 1);
  return false;
}

const RESULT = getEmptyResult();
const ICANN_ONLY = { allowPrivateDomains: false } as const;

/** = tldts getPublicSuffix(host, { allowPrivateDomains: false }) ?? null. Throws if the data is not installed. */
export function publicSuffixIcann(host: string): string | null {
  need(trie);
  resetResult(RESULT);
  return parseImpl(host, 2 /* FLAG.PUBLIC_SUFFIX */, suffixLookup, ICANN_ONLY, RESULT).publicSuffix ?? null;
}

// ---------- confusables (= unhomoglyph 1.0.6 over the loaded table) ----------

/** Replace every UTS #39 confusable by its prototype. Throws if the data is not installed. */
export function confusableMap(s: string): string {
  const table = need(confusables);
  // One regex of every confusable (~6,000 alternatives): compiled on the first use.
  confusableRe ??= new RegExp(
    Object.keys(table)
      .map((k) => k.replace(/([.?*+^$[\]\\(){}|-])/g, '\\$1'))
      .join('|'),
    'g',
  );
  return s.replace(confusableRe, (m) => table[m]!);
}
