import { expect, test, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { extensionId, launchWithExtension } from '../support/browser';
import { startServer, type StaticServer } from '../support/server';
import { axeViolations, hoverMention, waitForScan } from './helpers';

// axe-core (WCAG 2 A and AA) over the card, the popup and the options page, each in the states a
// reader meets (empty, searching, an entity open, notes listed, adding, export and import), in
// both interface languages and both colour schemes.

let server: StaticServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.close();
});

async function addNote(page: Page, payload: object): Promise<void> {
  const reply = (await page.evaluate(
    (payload) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type: 'notes:add', payload }),
    payload,
  )) as { ok: boolean; error?: string };
  if (!reply.ok) throw new Error(reply.error);
}

for (const lang of ['en', 'zh-CN'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`the card, the popup and the options page pass axe-core checks (${lang}, ${scheme})`, async () => {
      const { context, userDataDir } = await launchWithExtension({
        colorScheme: scheme,
        ...(lang === 'en' ? {} : { lang }),
      });
      const found: string[] = [];
      const check = async (where: string, target: Page | Frame) => {
        // The page says which language it is written in, and it is the interface's.
        expect(await target.evaluate(() => document.documentElement.lang), where).toBe(lang);
        expect(await target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), where).toBe(
          scheme === 'dark',
        );
        for (const v of await axeViolations(target)) found.push(`${where}: ${v}`);
      };
      try {
        const id = await extensionId(context);
        const options = await openOptions(context, id);
        await addNote(options, {
          entityId: 'cn-alibaba',
          text: 'Fine paid in full',
          tags: ['fines', 'follow-up'],
          quote: 'Alibaba Group paid the fine.',
          pageUrl: 'https://news.example/alibaba',
          pageTitle: 'Alibaba pays',
        });

        // The card, with the entity's details and a note.
        const page = await context.newPage();
        await page.goto(`${server.url}/reading/article.html`);
        await waitForScan(page);
        const card = await hoverMention(page, 'Alibaba Group');
        await expect(card.locator('.native')).toBeVisible();
        await expect(card.locator('.note-text')).toHaveCount(1);
        await check('card', card);
        await page.close();

        // The popup: as it opens, with search results, and with an entity and its notes open.
        const popup = await context.newPage();
        await popup.setViewportSize({ width: 440, height: 600 });
        await popup.goto(`chrome-extension://${id}/popup.html`);
        await expect(popup.locator('section h2')).toBeVisible();
        await check('popup', popup);
        await popup.locator('input[type=search]').fill('Alibaba');
        await expect(popup.locator('.results button').first()).toBeVisible();
        await check('popup, search results', popup);
        await popup.locator('.results button').first().click();
        await expect(popup.locator('#entity-name')).toBeVisible();
        await expect(popup.locator('.note-text')).toHaveCount(1);
        await check('popup, an entity open', popup);
        await popup.close();

        // The options page: the notes, adding one from a selection, export and import.
        await options.goto(`chrome-extension://${id}/options.html#/notes`);
        await expect(options.locator('.note-text')).toHaveCount(1);
        await check('options, notes', options);
        await options.goto(
          `chrome-extension://${id}/options.html#/add?quote=${encodeURIComponent('A quoted passage')}&url=${encodeURIComponent('https://news.example/x')}&title=Story`,
        );
        await options.locator('.add-note input[type=search]').fill('Tencent');
        await expect(options.locator('.add-note .results button').first()).toBeVisible();
        await check('options, add a note', options);
        await options.locator('.add-note .results button').first().click();
        await expect(options.locator('.chosen-name')).toBeVisible();
        await check('options, add a note about an entity', options);
        await options.goto(`chrome-extension://${id}/options.html#/backup`);
        await options.locator('input[type=file]').setInputFiles({
          name: 'bad.json',
          mimeType: 'application/json',
          buffer: Buffer.from('{"version": 3}'),
        });
        await expect(options.getByRole('alert')).toBeVisible();
        await check('options, export and import', options);
        expect(found).toEqual([]);
      } finally {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    });
  }
}

async function openOptions(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html#/backup`);
  return page;
}
