/**
 * A static server on 127.0.0.1 for fixture pages, and the seed article rendered as a page.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { ROOT } from './browser';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'pages');
export const SEED_PATH = join(ROOT, '..', 'shared', 'seeds', '000_6a909c4f30d2f6ea.txt');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The seed article as a news page: headline, paragraphs, plus form fields and a script that name entities. */
export function seedArticleHtml(): string | undefined {
  if (!existsSync(SEED_PATH)) return undefined;
  const text = readFileSync(SEED_PATH, 'utf8');
  const [title = '', ...paras] = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:18px/1.6 Georgia,serif;max-width:720px;margin:40px auto;padding:0 16px}</style></head>
<body><article><h1>${escapeHtml(title)}</h1>
${paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<form><label>Comment <textarea id="comment">Alibaba Group and the CAC in a textarea</textarea></label>
<input id="field" value="Tencent Holdings in an input"></form>
<script id="data">window.__seed = "Didi Global in a script";</script>
</body></html>`;
}

/** Library files that fixture pages import (served read-only from node_modules). */
const VENDOR: Record<string, string> = {
  '/vendor/preact.mjs': join(ROOT, 'node_modules', 'preact', 'dist', 'preact.mjs'),
  '/vendor/hooks.mjs': join(ROOT, 'node_modules', 'preact', 'hooks', 'dist', 'hooks.mjs'),
  '/vendor/axe.min.js': join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'),
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (routes[path] !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html; charset=utf-8' });
      res.end(routes[path]);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const vendor = VENDOR[path];
    if (vendor && existsSync(vendor)) {
      res.writeHead(200, { 'content-type': TYPES[extname(vendor)] ?? 'text/javascript; charset=utf-8' });
      res.end(readFileSync(vendor));
      return;
    }
    if (path === '/seed.html') {
      const html = seedArticleHtml();
      res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html ?? 'seed missing');
      return;
    }
    const file = normalize(join(FIXTURES, path));
    if (!file.startsWith(FIXTURES) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        // Browsers keep connections alive; do not wait for them.
        server.closeAllConnections();
      }),
  };
}
