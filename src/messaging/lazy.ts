/**
 * Built on first use, not at import. zod schemas cost real time to construct (the whole
 * message protocol ~30 ms), and every cold service-worker wake evaluates every module
 * (issue 11): schemas a wake does not use should cost it nothing.
 */
export function lazy<T>(make: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= make());
}
