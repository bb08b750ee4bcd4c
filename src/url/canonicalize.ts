/**
 * URL canonicalization and lookup expressions, the way Safe Browsing's Update API
 * specifies them (developers.google.com/safe-browsing/v4/urls-hashing), following the
 * reference Go client (google/safebrowsing urls.go) step by step. PURE: no extension
 * APIs; `URL` is used only for IDNA (UTS #46) of non-ASCII host names.
 *
 * Worked example (pinned first in tests/unit/url/canonicalize.test.ts):
 *
 *   input       " http://A.B.c.d.e.f.g/1/./2/../2/3.html?p=1#frag"
 *   canonical   "http://a.b.c.d.e.f.g/1/2/3.html?p=1"
 *   hosts       a.b.c.d.e.f.g   (exact host)
 *               c.d.e.f.g  d.e.f.g  e.f.g  f.g   (last 5 components, leading one removed each time; ≤ 4)
 *   paths       /1/2/3.html?p=1  /1/2/3.html   (exact path with, then without, the query)
 *               /1/2/  /1/  /                  (directory prefixes, deepest first, root last; ≤ 4)
 *   expressions hosts × paths: "a.b.c.d.e.f.g/1/2/3.html?p=1", …, "f.g/1/2/" (5 × 5 = 25 here; ≤ 30)
 *
 * Steps of `canonicalize` (each one is a row group in the test table):
 *   1. drop the fragment, trim surrounding whitespace, remove embedded TAB/CR/LF;
 *   2. percent-unescape repeatedly until nothing changes, then escape exactly once the
 *      bytes ≤ 0x20, ≥ 0x7F, '#' and '%' (uppercase hex);
 *   3. scheme: missing → http; present but not followed by "//" → invalid;
 *   4. host: strip userinfo and port, IDN → punycode, collapse and trim dots,
 *      IPv4 in decimal/octal/hex/short forms → dotted quad, otherwise lowercase;
 *   5. path: "\" read as "/" (as browsers do), resolve "/./" and "/../", collapse "//",
 *      keep a trailing "/"; query kept as is.
 *
 * Everything works on UTF-8 bytes held in a "binary string" (one char per byte), as the
 * Go client does, and the result is pure ASCII.
 */
import { toASCII as punycodeToAscii } from 'punycode/punycode.es6.js';

/** Inputs longer than this (in UTF-16 code units) are refused rather than processed. */
export const MAX_URL_LENGTH = 65_536;

export interface CanonicalUrl {
  /** "scheme://host/path[?query]" */
  canonical: string;
  /** Lowercased scheme ('http' when the input had none). */
  scheme: string;
  /** ASCII host: punycode, lowercase, or a dotted-quad IPv4, or "[v6]". */
  host: string;
  /** Starts with "/". */
  path: string;
  /** Query without "?"; undefined when the URL had no "?". */
  query?: string;
  /** host is an IPv4 or bracketed IPv6 literal. */
  isIp: boolean;
}

export type CanonicalizeError = 'empty' | 'too-long' | 'invalid-scheme-path' | 'missing-host' | 'bad-host';

export type CanonicalizeResult = { ok: true; url: CanonicalUrl } | { ok: false; error: CanonicalizeError };

const HEX = '0123456789ABCDEF';

function isHexCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

function hexVal(c: number): number {
  if (c <= 57) return c - 48;
  if (c <= 70) return c - 55;
  return c - 87;
}

/** One pass of %XX decoding on a binary string. */
export function unescapeOnce(s: string): string {
  if (s.indexOf('%') < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 37 && i + 2 < s.length && isHexCode(s.charCodeAt(i + 1)) && isHexCode(s.charCodeAt(i + 2))) {
      out += String.fromCharCode((hexVal(s.charCodeAt(i + 1)) << 4) | hexVal(s.charCodeAt(i + 2)));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/**
 * Unescape until stable, in ONE pass. Repeated passes (as the Go client does) take
 * O(n²) on "%252525…" — a hostile URL could stall the background. The rewriting
 * "%XX" → byte is orthogonal ('%' is not a hex digit, so two patterns never overlap),
 * hence has a unique normal form; a stack that decodes as soon as its top three chars
 * form %XX reaches it, because the stack never holds a pattern except at its top.
 *   "%2%35" → "%25" → "%"   ·   "%%32%35" → "%25" → "%"   ·   "%" + "25" × 30000 → "%"
 */
export function recursiveUnescape(s: string): string {
  if (s.indexOf('%') < 0) return s;
  const out = new Uint16Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    out[n++] = s.charCodeAt(i);
    while (n >= 3 && out[n - 3] === 37 && isHexCode(out[n - 2]!) && isHexCode(out[n - 1]!)) {
      const v = (hexVal(out[n - 2]!) << 4) | hexVal(out[n - 1]!);
      n -= 3;
      out[n++] = v;
    }
  }
  let r = '';
  for (let i = 0; i < n; i += 8192) r += String.fromCharCode(...out.subarray(i, Math.min(n, i + 8192)));
  return r;
}

const NEEDS_ESCAPE = /[\x00-\x20\x7f-\uffff#%]/;

/** Escape bytes ≤ 0x20, ≥ 0x7F, '#' and '%' as %XX (uppercase), everything else as is. */
export function escapeBytes(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 35 || c === 37) out += '%' + HEX[c >> 4] + HEX[c & 15];
    else out += s[i];
  }
  return out;
}

function toBinaryString(s: string): string {
  // Fast path: ASCII input needs no UTF-8 encoding.
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  const bytes = new TextEncoder().encode(s);
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

function fromBinaryString(s: string): string {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** Split a leading scheme off, as the Go client's getScheme does ("www.a.com:80/" has no scheme). */
function splitScheme(url: string): [string, string] {
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) continue;
    if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
      if (i === 0) return ['', url];
      continue;
    }
    if (c === 58) {
      // "host:1234/…" or "host:1234": a port, not a scheme.
      let j = i + 1;
      while (j < url.length && url.charCodeAt(j) >= 48 && url.charCodeAt(j) <= 57) j++;
      if (j > i + 1 && (j === url.length || url.charCodeAt(j) === 47)) return ['', url];
      return [url.slice(0, i), url.slice(i + 1)];
    }
    return ['', url];
  }
  return ['', url];
}

/**
 * IPv4 host in any form the Windows/legacy resolvers accept → dotted quad, or '' if not an IP.
 * "3279880203" → "195.127.0.11", "0x45.0x2c.05.0101" → "69.44.5.65", "1.2.3" → "1.2.0.3".
 * A non-final part above 255 makes it a non-IP (WHATWG), where the Go client keeps the low byte.
 */
export function parseIPv4(host: string): string {
  const first = host.charCodeAt(0);
  if (!(first >= 48 && first <= 57)) return ''; // every IPv4 form starts with a digit
  if (host.length <= 15) {
    const m = /^(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}) /.exec(host);
    if (m) host = m[1]!;
  }
  if (!/^(?:0x[0-9a-f]+|[0-9.])+$/i.test(host)) return '';
  const parts = host.split('.');
  if (parts.length > 4) return '';
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const bytes = i === parts.length - 1 ? 5 - parts.length : 1;
    const v = parseUint32(parts[i]!);
    if (v === null) return '';
    // Deviation from the Go client (which keeps the low byte): "256.1.1.1" is not an IP,
    // as in WHATWG URL parsing, so browsers never navigate there.
    if (bytes === 1 && v > 255) return '';
    for (let b = bytes - 1; b >= 0; b--) out.push(String(Math.floor(v / 2 ** (8 * b)) & 0xff));
  }
  return out.join('.');
}

/** Go's strconv.ParseUint(s, 0, 32): "0x…" hex, "0…" octal, else decimal; null if invalid or ≥ 2^32. */
function parseUint32(s: string): number | null {
  let digits: string;
  let base: number;
  if (/^0x/i.test(s)) {
    digits = s.slice(2);
    base = 16;
    if (!/^[0-9a-f]+$/i.test(digits)) return null;
  } else if (s.length > 1 && s[0] === '0') {
    digits = s.slice(1);
    base = 8;
    if (!/^[0-7]+$/.test(digits)) return null;
  } else {
    digits = s;
    base = 10;
    if (!/^[0-9]+$/.test(digits)) return null;
  }
  const v = parseInt(digits, base);
  return Number.isFinite(v) && v <= 0xffffffff ? v : null;
}

/** Non-ASCII host (already percent-decoded, UTF-8 decoded) → punycode ASCII via UTS #46. */
export function hostToAscii(unicodeHost: string): string | null {
  try {
    return new URL(`http://${unicodeHost}/`).hostname;
  } catch {
    try {
      return punycodeToAscii(unicodeHost.normalize('NFKC').toLowerCase());
    } catch {
      return null;
    }
  }
}

function parseHost(hostish: string): string | null {
  const at = hostish.lastIndexOf('@');
  let host = at < 0 ? hostish : hostish.slice(at + 1);
  if (host.startsWith('[')) {
    const end = host.lastIndexOf(']');
    if (end < 0) return null;
    const v6 = host.slice(0, end + 1);
    try {
      return new URL(`http://${unescapeOnce(v6)}/`).hostname;
    } catch {
      return v6.toLowerCase();
    }
  }
  if (host.includes(':')) host = host.replace(/:\d*$/, '');
  const raw = recursiveUnescape(host);
  let unicode = false;
  for (let i = 0; i < raw.length; i++) {
    // As in the Go client, 0x80 itself does not count as Unicode (legacy).
    if (raw.charCodeAt(i) > 0x80) {
      unicode = true;
      break;
    }
  }
  if (unicode) {
    const ascii = hostToAscii(fromBinaryString(raw));
    if (ascii === null) return null;
    host = ascii;
  }
  if (host.includes('..') || host.startsWith('.') || host.endsWith('.')) host = host.replace(/\.\.+/g, '.').replace(/^\.+|\.+$/g, '');
  const ip = parseIPv4(host);
  return ip || (/[A-Z]/.test(host) ? host.toLowerCase() : host);
}

const DOT_OR_DOUBLE_SLASH = /\/\/|\/\.\.?(?:\/|$)/;

function isDottedQuad(host: string): boolean {
  const c = host.charCodeAt(0);
  return c >= 48 && c <= 57 && /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) && parseIPv4(host) === host;
}

/** Go's path.Clean: collapse "//", resolve "." and "..", no trailing slash (except root). */
function cleanPath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/**
 * Canonicalize a URL. Most URLs a browser hands us are already canonical, so
 * `canonicalizeFast` answers those in one scan; everything else (and everything it is
 * unsure of) takes the full Safe Browsing path, `canonicalizeFull`. Both give the same
 * result wherever the fast path answers (property-tested in tests/unit/url).
 */
export function canonicalize(input: string): CanonicalizeResult {
  const fast = canonicalizeFast(input);
  return fast ? { ok: true, url: fast } : canonicalizeFull(input);
}

/**
 * The fast path: one scan of a URL that canonicalization would leave unchanged (except
 * for a dropped "#fragment" and a "/" added to an empty path), or null to decline. It
 * answers only when every step of canonicalizeFull is the identity:
 *   - scheme "http://" or "https://" in lower case;
 *   - host of [a-z0-9._-], non-empty, no leading/trailing/double dot, not an IPv4 form
 *     (no userinfo, port, upper case, IDN, IPv6, "%" or "\");
 *   - path and query (up to the first '#') of printable ASCII 0x21–0x7E without '%',
 *     the path without '\', "//", "/./" or "/../" (nor ending in "/." or "/..").
 *   canonicalizeFast("https://www.example.com/a/b.html?q=1#top") → host "www.example.com"
 *   canonicalizeFast("https://WWW.example.com/") → null (the full path lowercases it)
 */
export function canonicalizeFast(input: string): CanonicalUrl | null {
  const len = input.length;
  if (len > MAX_URL_LENGTH || len < 8) return null;
  // "http://" or "https://"
  if (input.charCodeAt(0) !== 104 || input.charCodeAt(1) !== 116 || input.charCodeAt(2) !== 116 || input.charCodeAt(3) !== 112) return null;
  let i = 4;
  const secure = input.charCodeAt(4) === 115;
  if (secure) i = 5;
  if (input.charCodeAt(i) !== 58 || input.charCodeAt(i + 1) !== 47 || input.charCodeAt(i + 2) !== 47) return null;
  i += 3;
  const hostStart = i;
  let prev = 46; // a leading '.' declines
  let c = 0;
  for (; i < len; i++) {
    c = input.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95) prev = c;
    else if (c === 46) {
      if (prev === 46) return null;
      prev = c;
    } else if (c === 47 || c === 63 || c === 35) break;
    else return null;
  }
  const hostEnd = i;
  if (hostEnd === hostStart || prev === 46) return null;
  const host = input.slice(hostStart, hostEnd);
  const h0 = host.charCodeAt(0);
  if (h0 >= 48 && h0 <= 57 && parseIPv4(host) !== '') return null;
  // Path: up to '?' or '#'.
  for (; i < len; i++) {
    c = input.charCodeAt(i);
    if (c === 63 || c === 35) break;
    if (c <= 0x20 || c >= 0x7f || c === 37 || c === 92) return null;
    if (c === 47) {
      const n1 = i + 1 < len ? input.charCodeAt(i + 1) : -1;
      if (n1 === 47) return null;
      if (n1 === 46) {
        const n2 = i + 2 < len ? input.charCodeAt(i + 2) : -1;
        if (n2 === -1 || n2 === 47 || n2 === 63 || n2 === 35) return null;
        if (n2 === 46) {
          const n3 = i + 3 < len ? input.charCodeAt(i + 3) : -1;
          if (n3 === -1 || n3 === 47 || n3 === 63 || n3 === 35) return null;
        }
      }
    }
  }
  const pathEnd = i;
  let end = len;
  let query: string | undefined;
  if (c === 63 && i < len) {
    // Query: up to '#'.
    for (i++; i < len; i++) {
      c = input.charCodeAt(i);
      if (c === 35) break;
      if (c <= 0x20 || c >= 0x7f || c === 37) return null;
    }
    end = i;
    query = input.slice(pathEnd + 1, end);
  } else end = pathEnd;
  const scheme = secure ? 'https' : 'http';
  let path: string;
  let canonical: string;
  if (pathEnd > hostEnd) {
    path = input.slice(hostEnd, pathEnd);
    canonical = end === len ? input : input.slice(0, end);
  } else {
    path = '/';
    canonical = `${input.slice(0, hostEnd)}/${query === undefined ? '' : '?' + query}`;
  }
  return query === undefined ? { canonical, scheme, host, path, isIp: false } : { canonical, scheme, host, path, query, isIp: false };
}

/** The full canonicalization (steps 1–5 above). */
export function canonicalizeFull(input: string): CanonicalizeResult {
  if (input.length > MAX_URL_LENGTH) return { ok: false, error: 'too-long' };
  const hash = input.indexOf('#');
  let rest = (hash < 0 ? input : input.slice(0, hash)).trim();
  if (/[\t\r\n]/.test(rest)) rest = rest.replace(/[\t\r\n]/g, '');
  if (rest === '') return { ok: false, error: 'empty' };
  rest = escapeBytes(recursiveUnescape(toBinaryString(rest)));
  let [scheme, afterScheme] = splitScheme(rest);
  const q = afterScheme.indexOf('?');
  const query = q < 0 ? undefined : afterScheme.slice(q + 1);
  // Browsers (WHATWG URL) read "\" as "/" before the query in http(s) URLs; so do we.
  afterScheme = q < 0 ? afterScheme : afterScheme.slice(0, q);
  if (afterScheme.includes('\\')) afterScheme = afterScheme.replace(/\\/g, '/');
  let hostPart: string;
  if (scheme === '') {
    scheme = 'http';
    hostPart = afterScheme;
  } else {
    if (!afterScheme.startsWith('//')) return { ok: false, error: 'invalid-scheme-path' };
    hostPart = afterScheme.slice(2);
    scheme = scheme.toLowerCase();
  }
  const slash = hostPart.indexOf('/');
  const hostish = slash < 0 ? hostPart : hostPart.slice(0, slash);
  const rawPath = slash < 0 ? '' : hostPart.slice(slash);
  if (hostish === '') return { ok: false, error: 'missing-host' };
  const host = parseHost(hostish);
  if (!host) return { ok: false, error: host === null ? 'bad-host' : 'missing-host' };
  let path: string;
  if (rawPath.length > 0 && !DOT_OR_DOUBLE_SLASH.test(rawPath)) path = rawPath; // already clean
  else {
    path = cleanPath(rawPath);
    if (rawPath.endsWith('/') && !path.endsWith('/')) path += '/';
  }
  const isIp = host.startsWith('[') || isDottedQuad(host);
  const canonical = `${scheme}://${host}${path}${query === undefined ? '' : '?' + query}`;
  return { ok: true, url: query === undefined ? { canonical, scheme, host, path, isIp } : { canonical, scheme, host, path, query, isIp } };
}

/** Host suffixes to look up: the exact host, then up to 4 formed from the last 5 components. IPs: only themselves. */
export function lookupHosts(url: CanonicalUrl): string[] {
  if (url.isIp) return [url.host];
  const parts = url.host.split('.');
  const hosts = [url.host];
  for (let i = Math.max(1, parts.length - 5); i < parts.length - 1; i++) hosts.push(parts.slice(i).join('.'));
  return hosts;
}

/**
 * Path prefixes to look up, most specific first: exact path with query, exact path, then
 * up to 3 directory prefixes "/a/b/c/", "/a/b/", "/a/" (deepest first), then "/".
 */
export function lookupPaths(url: CanonicalUrl): string[] {
  const paths: string[] = [];
  if (url.query) paths.push(`${url.path}?${url.query}`);
  if (url.path !== '/') paths.push(url.path);
  const comps = url.path.split('/').filter((c) => c !== '');
  const n = Math.min(comps.length, 4);
  for (let i = n - 1; i >= 1; i--) {
    const prefix = '/' + comps.slice(0, i).join('/') + '/';
    if (prefix !== url.path) paths.push(prefix);
  }
  paths.push('/');
  return paths;
}

/** All host-suffix × path-prefix expressions (scheme dropped), most specific first; ≤ 5 × 6 = 30. */
export function lookupExpressions(url: CanonicalUrl): string[] {
  const out: string[] = [];
  const paths = lookupPaths(url);
  for (const h of lookupHosts(url)) for (const p of paths) out.push(h + p);
  return out;
}
