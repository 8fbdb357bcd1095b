/**
 * Regenerates the README's screenshots (docs/screenshots/) from the demo page with the built
 * extension: the hover card in light and dark themes, and the popup. `npm run screenshots`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionId, launchWithExtension, ROOT } from '../test/support/browser';
import { startServer } from '../test/support/server';
import { hoverMention, waitForScan } from '../test/e2e/helpers';

const OUT = join(ROOT, 'docs', 'screenshots');

async function shoot(scheme: 'light' | 'dark', url: string): Promise<void> {
  const { context } = await launchWithExtension({ colorScheme: scheme, viewport: { width: 1100, height: 760 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    if (scheme === 'dark')
      await page.addStyleTag({
        content:
          'body{background:#15171c!important;color:#e6e6e6!important} aside{background:#23262d!important} .dek,.byline{color:#a0a7b4!important}',
      });
    await waitForScan(page);
    await hoverMention(page, 'Niu Yibing');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, `card-${scheme}.png`) });
    if (scheme === 'light') {
      const id = await extensionId(context);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 440, height: 560 });
      await popup.goto(`chrome-extension://${id}/popup.html`);
      await popup.getByLabel('Search entities').fill('securities');
      await popup.waitForTimeout(300);
      await popup.screenshot({ path: join(OUT, 'popup.png') });
    }
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer({
    '/demo/news.html': readFileSync(join(ROOT, 'assets', 'demo', 'news.html'), 'utf8'),
  });
  try {
    await shoot('light', `${server.url}/demo/news.html`);
    await shoot('dark', `${server.url}/demo/news.html`);
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await server.close();
  }
}

void main();
