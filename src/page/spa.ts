/**
 * Notices when a single-page app changes the URL without a navigation.
 *
 * Content scripts live in an isolated world: wrapping the page's history.pushState
 * would need a script injected into the page's world (which the page could see and
 * break), so we don't. popstate and hashchange are real events we can hear; for
 * pushState/replaceState we compare location.href on every mutation batch (an app
 * that changes views changes the DOM) and on a slow poll (1 s) as a backstop. Each
 * check is one string comparison.
 */
export interface UrlWatcherDeps {
  win: Pick<Window, 'addEventListener' | 'removeEventListener' | 'setInterval' | 'clearInterval'>;
  href: () => string;
  onChange: (href: string, previous: string) => void;
  pollMs?: number;
}

export function watchUrl(deps: UrlWatcherDeps) {
  let current = deps.href();
  const check = () => {
    const now = deps.href();
    if (now === current) return false;
    const previous = current;
    current = now;
    deps.onChange(now, previous);
    return true;
  };
  const onEvent = () => void check();
  deps.win.addEventListener('popstate', onEvent);
  deps.win.addEventListener('hashchange', onEvent);
  const timer = deps.win.setInterval(onEvent, deps.pollMs ?? 1_000);
  return {
    /** Call from cheap hot paths (mutation callbacks); true when the URL changed. */
    check,
    current: () => current,
    stop() {
      deps.win.removeEventListener('popstate', onEvent);
      deps.win.removeEventListener('hashchange', onEvent);
      deps.win.clearInterval(timer);
    },
  };
}
