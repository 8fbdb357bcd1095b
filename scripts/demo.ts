/**
 * `npm run demo [-- <url | file.html>]`: opens a news page in Chromium with the built extension.
 * With a display: a normal window, left open until you close it. Without one: headless; prints
 * the mentions found by category and saves screenshots of the page, a hover card and the popup.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { extensionId, launchWithExtension, ROOT } from '../test/support/browser';
import { startServer } from '../test/support/server';
import { hoverMention, registeredHighlights, waitForScan } from '../test/e2e/helpers';

async function main(): Promise<void> {
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const headed = !!process.env.DISPLAY && !process.argv.includes('--headless');
  const routes: Record<string, string> = {};
  let path = '/demo/news.html';
  routes[path] = readFileSync(join(ROOT, 'assets', 'demo', 'news.html'), 'utf8');
  let url: string | undefined;
  if (arg && /^https?:\/\//.test(arg)) url = arg;
  else if (arg) {
    const file = resolve(arg);
    if (!existsSync(file)) throw new Error(`no such file: ${file}`);
    path = `/page/${basename(file)}`;
    routes[path] = readFileSync(file, 'utf8');
  }
  const server = await startServer(routes);
  url ??= `${server.url}${path}`;
  const { context } = await launchWithExtension({ headless: !headed });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await waitForScan(page);
  const highlights = await registeredHighlights(page);
  const byCategory = new Map<string, Map<string, number>>();
  for (const h of highlights) {
    const m = byCategory.get(h.category) ?? new Map<string, number>();
    const text = h.text.replace(/\s+/g, ' ');
    m.set(text, (m.get(text) ?? 0) + 1);
    byCategory.set(h.category, m);
  }
  console.log(`\nDramatis on ${url}\n${highlights.length} mentions`);
  for (const [cat, m] of byCategory)
    console.log(`  ${cat.padEnd(10)} ${[...m].map(([t, n]) => (n > 1 ? `${t} ×${n}` : t)).join(', ')}`);

  if (headed) {
    console.log('\nHover a marked name to open its card. Close the browser window to finish.');
    await new Promise<void>((r) => context.on('close', () => r()));
    await server.close();
    return;
  }

  const out = join(ROOT, 'demo-output', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(out, { recursive: true });
  await page.screenshot({ path: join(out, 'page.png') });
  const target =
    highlights.find((h) => h.category === 'official')?.text ?? highlights.find((h) => h.text.length > 3)?.text;
  if (target) {
    await hoverMention(page, target);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(out, 'card.png') });
  }
  const id = await extensionId(context);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 440, height: 640 });
  await popup.goto(`chrome-extension://${id}/popup.html`);
  await popup.getByLabel('Search entities').fill('网信办');
  await popup.waitForTimeout(300);
  await popup.screenshot({ path: join(out, 'popup.png') });
  console.log(`\nScreenshots (page, card${target ? ` for “${target}”` : ''}, popup) saved in ${out}`);
  await context.close();
  await server.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
