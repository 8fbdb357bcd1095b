/**
 * An HTTP proxy that records every request the browser makes and forwards only those to the
 * allowed origins (the test's own server); everything else is refused and recorded. Chromium is
 * pointed at it with `--proxy-server` and `--proxy-bypass-list=<-loopback>`, so every network
 * request of every context (pages, frames, the service worker, extension pages) passes through it.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Absolute URL, or host:port for a CONNECT tunnel (HTTPS, WebSocket over TLS). */
  target: string;
  allowed: boolean;
}

export interface RecordingProxy {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function startRecordingProxy(allowedOrigins: string[]): Promise<RecordingProxy> {
  const requests: RecordedRequest[] = [];
  const allowed = new Set(allowedOrigins.map((o) => new URL(o).host));
  const server: Server = createServer((req, res) => {
    const target = req.url ?? '';
    let url: URL | undefined;
    try {
      url = new URL(target);
    } catch {
      url = undefined;
    }
    const ok = !!url && url.protocol === 'http:' && allowed.has(url.host);
    requests.push({ method: req.method ?? 'GET', target, allowed: ok });
    if (!ok || !url) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the test proxy');
      return;
    }
    const upstream = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: req.method, headers: req.headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', target: req.url ?? '', allowed: false });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    requests.push({ method: 'UPGRADE', target: req.url ?? '', allowed: false });
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
