import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToPassages } from '../../../src/engine/html-text';

describe('htmlToPassages', () => {
  it('keeps title, meta description, visible blocks and placeholders; drops script/style/hidden', () => {
    const html = `<!doctype html><html><head><title>标题 &amp; 副题</title><meta name="description" content="页面描述">
      <style>.x{color:red}</style><script>var secret = "保本保息";</script></head>
      <body><p>第一段 &lt;正文&gt;</p><div style="display:none">隐藏文字</div><div hidden><span>也隐藏</span></div>
      <!-- 注释 --><ul><li>列表一</li><li>列表&#x4E8C;</li></ul><input placeholder="请输入验证码"><noscript>noscript</noscript>
      <template><p>模板</p></template><p>最后&nbsp;一段</p></body></html>`;
    const p = htmlToPassages(html);
    expect(p).toEqual(['标题 & 副题', '页面描述', '第一段 <正文>', '列表一', '列表二', '请输入验证码', '最后 一段']);
  });
  it('handles broken and hostile markup without throwing', () => {
    for (const h of ['<p>unclosed', '<<<>>>', '<script>never closed', '<div hidden><div>x', '&#xFFFFFFF; &#0; &bogus;', '']) {
      expect(() => htmlToPassages(h)).not.toThrow();
    }
  });
  it('is bounded on huge input', () => {
    const p = htmlToPassages(`<p>${'字'.repeat(3_000_000)}</p>`, 1000);
    expect(p.join('').length).toBeLessThanOrEqual(1000);
  });
});

describe('decodeEntities', () => {
  it.each([
    ['&amp;&lt;&gt;&quot;&#39;', '&<>"\''],
    ['&#20445;&#x672C;', '保本'],
    ['&#xD800;', '\ufffd'],
    ['&unknown;', '&unknown;'],
  ])('%s', (a, b) => expect(decodeEntities(a)).toBe(b));
});
