import { describe, expect, test, vi } from 'vitest';
import { watchUrl } from '../../../src/page/spa';

function fakeWindow() {
  const listeners = new Map<string, () => void>();
  let tick: (() => void) | null = null;
  return {
    win: {
      addEventListener: (type: string, fn: () => void) => void listeners.set(type, fn),
      removeEventListener: (type: string) => void listeners.delete(type),
      setInterval: (fn: () => void) => ((tick = fn), 1),
      clearInterval: () => void (tick = null),
    } as unknown as Pick<Window, 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval'>,
    fire: (type: string) => listeners.get(type)?.(),
    poll: () => tick?.(),
    listening: () => listeners.size,
  };
}

describe('watchUrl', () => {
  test('reports pushState (seen by check/poll), popstate and hashchange once each', () => {
    let href = 'https://app.example/home';
    const w = fakeWindow();
    const onChange = vi.fn();
    const watcher = watchUrl({ win: w.win, href: () => href, onChange });
    expect(watcher.check()).toBe(false);
    href = 'https://app.example/offer'; // history.pushState: no event in our world
    w.poll();
    expect(onChange).toHaveBeenLastCalledWith('https://app.example/offer', 'https://app.example/home');
    expect(watcher.check()).toBe(false); // already reported
    href = 'https://app.example/home';
    w.fire('popstate');
    href = 'https://app.example/home#faq';
    w.fire('hashchange');
    expect(onChange).toHaveBeenCalledTimes(3);
    watcher.stop();
    expect(w.listening()).toBe(0);
  });
});
