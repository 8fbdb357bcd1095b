/**
 * Regenerates the README's screenshots (docs/screenshots/) from the demo page with the built
 * extension: the hover card in light and dark themes and the popup, in English and in Simplified
 * Chinese (the browser started in zh-CN). `npm run screenshots`.
 */
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { extensionId, launchWithExtension, ROOT } from '../test/support/browser';
import { startServer } from '../test/support/server';
import { hoverMention, waitForScan } from '../test/e2e/helpers';

const OUT = join(ROOT, 'docs', 'screenshots');

const LANGUAGES = [
  { lang: undefined, tag: 'en', search: 'securities' },
  { lang: 'zh-CN', tag: 'zh', search: '证券' },
] as const;

async function shoot(language: (typeof LANGUAGES)[number], scheme: 'light' | 'dark', url: string): Promise<void> {
  const { context, userDataDir } = await launchWithExtension({
    colorScheme: scheme,
    viewport: { width: 1100, height: 760 },
    ...(language.lang ? { lang: language.lang } : {}),
  });
  try {
    const page = await context.newPage();
    await page.goto(url);
    if (scheme === 'dark')
      await page.addStyleTag({
        content:
          'body{background:#15171c!important;color:#e6e6e6!important} aside{background:#23262d!important} .dek,.byline{color:#a0a7b4!important}',
      });
    await waitForScan(page);
    const card = await hoverMention(page, 'Niu Yibing');
    await card.locator('.provenance').waitFor();
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(OUT, `card-${language.tag}-${scheme}.png`) });
    if (scheme === 'light') {
      const id = await extensionId(context);
      const popup = await context.newPage();
      await popup.setViewportSize({ width: 440, height: 560 });
      await popup.goto(`chrome-extension://${id}/popup.html`);
      await popup.locator('input[type=search]').fill(language.search);
      await popup.locator('.results button').first().waitFor();
      await popup.waitForTimeout(500);
      await popup.screenshot({ path: join(OUT, `popup-${language.tag}.png`) });
    }
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const server = await startServer({
    '/demo/news.html': readFileSync(join(ROOT, 'assets', 'demo', 'news.html'), 'utf8'),
  });
  try {
    for (const language of LANGUAGES)
      for (const scheme of ['light', 'dark'] as const) await shoot(language, scheme, `${server.url}/demo/news.html`);
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await server.close();
  }
}

void main();
