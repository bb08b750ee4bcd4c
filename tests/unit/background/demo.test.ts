/** The demo interstitial's background check: armed only from the gallery, confirmed only for the reserved host + its token; records nothing. */
import { describe, expect, test } from 'vitest';
import { createDemoHandlers, TOKEN_TTL_MS, MAX_TOKENS } from '../../../src/background/demo';
import { demoSiteUrl } from '../../../src/demo/host';
import { memoryArea } from '../support/memory-area';

const ORIGIN = 'chrome-extension://abc/';
const gallery = { id: 'abc', url: `${ORIGIN}demo.html#/case/pension-house/site` };
const warning = { id: 'abc', url: `${ORIGIN}warning.html?k=blacklist` };

function setup() {
  let now = 1_000_000;
  let n = 0;
  const session = memoryArea();
  const { handlers } = createDemoHandlers({ session, extensionOrigin: ORIGIN, now: () => now, randomToken: () => `token-${String(++n).padStart(20, '0')}` });
  return { session, handlers, advance: (ms: number) => (now += ms) };
}

describe('demo interstitial: confirms', () => {
  test('the armed case on the reserved host, from the warning page', async () => {
    const { handlers } = setup();
    const { token } = await handlers['ui-bg/demo-arm']!({ caseId: 'pension-house' }, gallery);
    expect(await handlers['ui-bg/demo-site-verdict']!({ url: demoSiteUrl('pension-house'), token }, warning)).toEqual({ confirmed: true, caseId: 'pension-house' });
  });
});

describe('demo interstitial: refuses', () => {
  test('arming from any page but the gallery', async () => {
    const { handlers } = setup();
    await expect(handlers['ui-bg/demo-arm']!({ caseId: 'pension-house' }, warning)).rejects.toThrow();
    await expect(handlers['ui-bg/demo-arm']!({ caseId: 'pension-house' }, { id: 'abc', url: 'https://evil.example/demo.html' })).rejects.toThrow();
  });
  test('a guessed token, another case, another host, another sender, an expired token', async () => {
    const { handlers, advance } = setup();
    const { token } = await handlers['ui-bg/demo-arm']!({ caseId: 'pension-house' }, gallery);
    const no = { confirmed: false, caseId: null };
    const verdict = handlers['ui-bg/demo-site-verdict']!;
    expect(await verdict({ url: demoSiteUrl('pension-house'), token: 'token-99999999999999999999' }, warning)).toEqual(no);
    expect(await verdict({ url: demoSiteUrl('loan-unfreeze'), token }, warning)).toEqual(no);
    expect(await verdict({ url: 'https://www.icbc.com.cn/pension-house', token }, warning)).toEqual(no);
    expect(await verdict({ url: demoSiteUrl('pension-house'), token }, { id: 'abc', url: `${ORIGIN}popup.html` })).toEqual(no);
    expect(await verdict({ url: demoSiteUrl('pension-house'), token: 'short' }, warning)).toEqual(no);
    advance(TOKEN_TTL_MS + 1);
    expect(await verdict({ url: demoSiteUrl('pension-house'), token }, warning)).toEqual(no);
  });
});

describe('demo interstitial: keeps nothing else', () => {
  test('only demo tokens in session storage, bounded, stale ones dropped', async () => {
    const { handlers, session, advance } = setup();
    for (let i = 0; i < MAX_TOKENS + 5; i++) await handlers['ui-bg/demo-arm']!({ caseId: 'pension-house' }, gallery);
    expect(Object.keys(session.data).every((k) => k.startsWith('demo:'))).toBe(true);
    expect(Object.keys(session.data).length).toBeLessThanOrEqual(MAX_TOKENS);
    advance(TOKEN_TTL_MS + 1);
    await handlers['ui-bg/demo-arm']!({ caseId: 'loan-unfreeze' }, gallery);
    expect(Object.keys(session.data)).toHaveLength(1);
  });
});
