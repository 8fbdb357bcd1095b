/**
 * The bench's static server on 127.0.0.1: fixed routes (pages, texts, index bytes). Every answer
 * allows any origin, so the extension's service worker can fetch texts and a synthetic index from
 * it (the extension has no host permissions), and nothing is cached.
 */
import { createServer } from 'node:http';

export interface Route {
  body: string | Uint8Array;
  type: string;
}

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

export async function startBenchServer(routes: Record<string, Route>): Promise<BenchServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const r = routes[path];
    const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
    if (!r) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': r.type });
    res.end(r.body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

export const html = (body: string): Route => ({ body, type: 'text/html; charset=utf-8' });
export const json = (value: unknown): Route => ({ body: JSON.stringify(value), type: 'application/json' });
export const bytes = (body: Uint8Array): Route => ({ body, type: 'application/octet-stream' });
