/**
 * A small, pure HTML → visible-text extractor for Node (the CLI and the fixture-page
 * tests); the extension itself reads the live DOM (src/page/visible-text.ts).
 * Drops <script>, <style>, <noscript>, <template>, <svg>, comments and elements with
 * the `hidden` attribute or an inline display:none, keeps <title>, meta description,
 * alt/placeholder/title attributes of form fields, decodes entities, and returns one
 * passage per block element. Not a full HTML parser: bounded, regex-free scanning.
 */
const DROP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head-ignored', 'iframe', 'object', 'canvas']);
const BLOCK = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'td', 'th', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer',
  'nav', 'aside', 'main', 'blockquote', 'br', 'hr', 'form', 'label', 'button', 'title', 'dt', 'dd', 'figcaption', 'pre', 'option', 'body',
]);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr']);
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', yen: '¥', copy: '©', reg: '®', times: '×' };

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}

function attr(tag: string, name: string): string | null {
  const re = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
  const m = re.exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4] ?? '') : null;
}

function isHiddenTag(tag: string): boolean {
  if (/\shidden(\s|=|>|\/)/i.test(tag)) return true;
  if (/aria-hidden\s*=\s*["']?true/i.test(tag)) return true;
  const style = attr(tag, 'style');
  return !!style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Visible text of an HTML document as passages (title and meta description first). */
export function htmlToPassages(html: string, maxChars = 2_000_000): string[] {
  const out: string[] = [];
  let total = 0;
  const push = (t: string) => {
    const s = decodeEntities(t).replace(/\s+/g, ' ').trim();
    if (!s || total >= maxChars) return;
    const c = s.slice(0, maxChars - total);
    total += c.length;
    out.push(c);
  };
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  if (title) push(title[1]!);
  const metas = html.match(/<meta\s[^>]*>/gi) ?? [];
  for (const m of metas) {
    const name = (attr(m, 'name') ?? attr(m, 'property') ?? '').toLowerCase();
    if (name === 'description' || name === 'og:description') push(attr(m, 'content') ?? '');
  }
  const bodyAt = html.search(/<body[\s>]/i);
  let i = bodyAt >= 0 ? bodyAt : 0;
  let buf = '';
  const hiddenStack: string[] = []; // tag names opened while hidden
  let hiddenDepth = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (hiddenDepth === 0 && textEnd > i) buf += html.slice(i, textEnd);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const e = html.indexOf('-->', lt + 4);
      i = e < 0 ? n : e + 3;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt < 0) break;
    const tag = html.slice(lt, gt + 1);
    const m = /^<\/?\s*([a-zA-Z][a-zA-Z0-9-]*)/.exec(tag);
    i = gt + 1;
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    const closing = tag[1] === '/';
    if (!closing && DROP_CONTENT.has(name)) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      i = close < 0 ? n : html.indexOf('>', close) + 1 || n;
      continue;
    }
    if (hiddenDepth > 0) {
      if (VOID.has(name) || tag.endsWith('/>')) continue;
      if (closing) {
        if (hiddenStack[hiddenStack.length - 1] === name) {
          hiddenStack.pop();
          hiddenDepth--;
        }
      } else {
        hiddenStack.push(name);
        hiddenDepth++;
      }
      continue;
    }
    if (!closing && isHiddenTag(tag) && !VOID.has(name)) {
      hiddenStack.push(name);
      hiddenDepth = 1;
      continue;
    }
    if (BLOCK.has(name)) {
      push(buf);
      buf = '';
    }
    if (!closing && (name === 'input' || name === 'textarea' || name === 'img')) {
      const extra = attr(tag, 'placeholder') ?? attr(tag, 'alt') ?? '';
      if (extra) {
        push(buf);
        buf = '';
        push(extra);
      }
    }
  }
  push(buf);
  return out;
}
