/**
 * Local fixture server on 127.0.0.1. Serves tests/e2e/fixtures/pages; records every
 * request (host + path) so tests can prove a blocked page was never requested.
 * Any Host header is accepted, so names mapped with --host-resolver-rules work.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'pages');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

export interface RequestRecord {
  host: string;
  path: string;
  time: number;
}

export type DynamicRoute = (path: string, host: string) => { status?: number; type?: string; body: string | Buffer; headers?: Record<string, string> } | undefined;

export interface FixtureServer {
  port: number;
  origin: string;
  requests: RequestRecord[];
  /** URL of a fixture page on 127.0.0.1 (or on `host`, which must be mapped to 127.0.0.1). */
  url(path: string, host?: string): string;
  route(prefix: string, handler: DynamicRoute): void;
  close(): Promise<void>;
}

export async function startServer(): Promise<FixtureServer> {
  const requests: RequestRecord[] = [];
  const routes: Array<[string, DynamicRoute]> = [];
  const server: Server = createServer(async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    requests.push({ host, path: req.url ?? '/', time: Date.now() });
    for (const [prefix, handler] of routes) {
      if (!path.startsWith(prefix)) continue;
      const out = handler(req.url ?? '/', host);
      if (!out) continue;
      res.writeHead(out.status ?? 200, { 'content-type': out.type ?? 'text/html; charset=utf-8', ...out.headers });
      res.end(out.body);
      return;
    }
    const file = normalize(join(FIXTURES, path === '/' ? 'index.html' : path));
    if (!file.startsWith(FIXTURES)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    requests,
    url: (path, host = '127.0.0.1') => `http://${host}:${port}${path.startsWith('/') ? path : `/${path}`}`,
    route: (prefix, handler) => void routes.push([prefix, handler]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
