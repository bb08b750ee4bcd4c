/** The warning page's demo branch asks the background and trusts nothing in the URL (src/ui/demo/demo-site.ts). */
import { describe, expect, test } from 'vitest';
import { confirmDemoSite } from '../../../src/ui/demo/demo-site';
import { demoSiteUrl } from '../../../src/demo/host';
import type { Request } from '../../../src/ui/report-panel';

const TOKEN = 'tok_0123456789abcdefABCDEF';

/** A background that confirms `caseId` for TOKEN only, and counts the questions it got. */
function background(caseId: string | null) {
  const asked: unknown[] = [];
  const request = (async (type: string, payload: { url: string; token: string }) => {
    asked.push([type, payload]);
    if (type !== 'ui-bg/demo-site-verdict') throw new Error(`unexpected ${type}`);
    return payload.token === TOKEN && caseId ? { confirmed: true, caseId } : { confirmed: false, caseId: null };
  }) as unknown as Request;
  return { request, asked };
}

describe('confirms', () => {
  test('a case the background confirms, with its kind from the gallery data', async () => {
    const { request } = background('pension-house');
    expect(await confirmDemoSite(request, demoSiteUrl('pension-house'), TOKEN)).toEqual({ kind: 'demo', caseId: 'pension-house', category: 'pension' });
  });
});

describe('refuses (→ neutral page)', () => {
  test('a malformed token, without even asking', async () => {
    const { request, asked } = background('pension-house');
    for (const token of ['', 'short', 'x'.repeat(65), 'has spaces in it here!!', '<script>alert(1)</script>']) expect(await confirmDemoSite(request, demoSiteUrl('pension-house'), token)).toBeNull();
    expect(asked).toEqual([]);
  });
  test('a token the background does not know', async () => {
    const { request } = background('pension-house');
    expect(await confirmDemoSite(request, demoSiteUrl('pension-house'), 'tok_forged_forged_forged')).toBeNull();
  });
  test('a confirmed id that is not a gallery case', async () => {
    const { request } = background('no-such-case');
    expect(await confirmDemoSite(request, demoSiteUrl('no-such-case'), TOKEN)).toBeNull();
  });
  test('a background that fails', async () => {
    const failing = (async () => {
      throw new Error('no background');
    }) as unknown as Request;
    expect(await confirmDemoSite(failing, demoSiteUrl('pension-house'), TOKEN)).toBeNull();
  });
});
