import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, extensionId, launchWithExtension } from '../support/browser';
import { startServer, type StaticServer } from '../support/server';
import { hoverMention, waitForScan } from './helpers';

// The interface follows the browser's language: Simplified Chinese with Chromium in zh-CN, English
// otherwise. Entity data (names, descriptions, roles) stays as the dataset has it.

let server: StaticServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.close();
});

async function withBrowser(
  lang: 'zh-CN' | undefined,
  run: (b: { context: BrowserContext; id: string }) => Promise<void>,
): Promise<void> {
  const { context, userDataDir } = await launchWithExtension(lang ? { lang } : {});
  try {
    await run({ context, id: await extensionId(context) });
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** The extension as the browser describes it (name and description from the manifest, localised). */
const self = (page: Page) =>
  page.evaluate(() =>
    (
      globalThis as unknown as { chrome: { management: { getSelf(): Promise<{ name: string; description: string }> } } }
    ).chrome.management.getSelf(),
  );

test('the manifest names, describes and lists its commands through the catalogues', () => {
  const read = (path: string) => JSON.parse(readFileSync(join(EXTENSION_DIR, path), 'utf8')) as Record<string, unknown>;
  const manifest = read('manifest.json') as {
    default_locale: string;
    name: string;
    description: string;
    commands: Record<string, { description: string }>;
  };
  expect(manifest.default_locale).toBe('en');
  const en = read('_locales/en/messages.json') as Record<string, { message: string }>;
  const zh = read('_locales/zh_CN/messages.json') as Record<string, { message: string }>;
  const refs = [manifest.name, manifest.description, ...Object.values(manifest.commands).map((c) => c.description)];
  expect(refs).toHaveLength(4);
  for (const ref of refs) {
    const key = /^__MSG_(\w+)__$/.exec(ref)?.[1];
    expect(key, ref).toBeDefined();
    expect(en[key!]?.message, key).toBeTruthy();
    expect(zh[key!]?.message, key).toBeTruthy();
  }
  expect(zh.manifest_nextMention!.message).toBe('跳到下一个标出的名称并打开其卡片');
});

test('English by default: the popup, the options page and the card', async () => {
  await withBrowser(undefined, async ({ context, id }) => {
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    expect(await self(popup)).toMatchObject({ name: 'Dramatis', description: expect.stringMatching(/^Who is who/) });
    await expect(popup.locator('html')).toHaveAttribute('lang', 'en');
    await expect(popup.getByLabel('Search entities')).toHaveAttribute(
      'placeholder',
      'Search regulators, firms, officials…',
    );
    await expect(popup.getByRole('heading', { name: 'On this page' })).toBeVisible();
    await expect(popup.getByText('Pause everywhere')).toBeVisible();

    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html#/notes`);
    await expect(options).toHaveTitle('Dramatis — notes');
    await expect(options.getByRole('navigation').getByRole('link')).toHaveText([
      'Notes',
      'Add a note',
      'Export & import',
    ]);
    await expect(options.locator('.result-count')).toHaveText('0 notes');

    const page = await context.newPage();
    await page.goto(`${server.url}/reading/article.html`);
    await waitForScan(page);
    const card = await hoverMention(page, 'Alibaba Group');
    await expect(card.locator('html')).toHaveAttribute('lang', 'en');
    await expect(card.locator('.badge')).toHaveText('Firm');
    await expect(card.locator('.jurisdiction')).toHaveText('China');
    await expect(card.getByRole('dialog', { name: 'Dramatis: Alibaba Group' })).toBeVisible();
    await expect(card.locator('.notes h2')).toContainText('Your notes');
    expect(await (await card.frameElement()).getAttribute('title')).toBe('Dramatis card');
  });
});

test('Chinese with the browser in zh-CN: the popup, the options page and the card', async () => {
  await withBrowser('zh-CN', async ({ context, id }) => {
    // The popup: search, an entity's details and writing a note.
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    expect(await self(popup)).toMatchObject({ name: 'Dramatis', description: expect.stringContaining('监管机构') });
    await expect(popup.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(popup.getByRole('heading', { name: '本页出现' })).toBeVisible();
    await expect(popup.getByText('在所有网站暂停')).toBeVisible();
    await expect(popup.getByRole('button', { name: '全部笔记' })).toBeVisible();
    const search = popup.getByLabel('搜索条目');
    await expect(search).toHaveAttribute('placeholder', '搜索监管机构、公司、官员…');
    await search.fill('网信办');
    const results = popup.getByRole('region', { name: '搜索结果' });
    await expect(results.getByRole('button').first()).toContainText('Cyberspace Administration of China');
    await expect(results.getByRole('button').first()).toContainText('监管机构 · 中国');
    await search.fill('qqqqzzzz');
    await expect(results).toContainText('没有与“qqqqzzzz”匹配的条目。');
    await search.fill('网信办');
    await results.getByRole('button').first().click();
    await expect(popup.locator('#entity-name')).toHaveText('Cyberspace Administration of China');
    await expect(popup.locator('#entity-name')).toHaveAttribute('lang', 'en');
    await expect(popup.locator('.badge')).toHaveText('监管机构');
    await expect(popup.locator('.facts')).toContainText('职责范围');
    await expect(popup.locator('.provenance')).toContainText('数据截至 2022年8月19日');
    await expect(popup.locator('.provenance')).toContainText('来源：');
    await expect(popup.getByRole('button', { name: '返回' })).toBeVisible();
    await popup.getByLabel('关于 Cyberspace Administration of China 的新笔记').fill('三月起执行数据出境新规');
    await popup.getByLabel('这条关于 Cyberspace Administration of China 的笔记的标签（用逗号分隔）').fill('数据，跟进');
    await popup.getByRole('button', { name: '保存笔记' }).click();
    await expect(popup.locator('.note-text')).toHaveText(['三月起执行数据出境新规']);
    await expect(popup.locator('.note .tag')).toHaveText(['数据', '跟进']);
    await expect(popup.locator('.note-meta time')).toHaveText('刚刚');
    await popup.getByRole('button', { name: '删除' }).click();
    await expect(popup.getByRole('status')).toContainText('笔记已删除。');
    await popup.getByRole('button', { name: '撤销' }).click();
    await expect(popup.locator('.note-text')).toHaveCount(1);

    // The options page: the list, its filters and counts, editing, export and import.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html#/notes`);
    await expect(options).toHaveTitle('Dramatis — 笔记');
    await expect(options.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(options.getByRole('navigation', { name: '栏目' }).getByRole('link')).toHaveText([
      '笔记',
      '添加笔记',
      '导出与导入',
    ]);
    await expect(options.locator('.result-count')).toHaveText('1 条笔记');
    await options.getByLabel('按标签筛选').selectOption('跟进');
    await expect(options.locator('.result-count')).toHaveText('1 条，共 1 条笔记');
    await options.getByRole('button', { name: '清除筛选' }).click();
    await options.getByRole('button', { name: '编辑', exact: true }).click();
    await expect(options.getByLabel('编辑标签')).toHaveValue('数据、跟进');
    await options.getByLabel('编辑笔记').fill('三月起执行数据出境新规（已确认）');
    await options.getByRole('button', { name: '保存', exact: true }).click();
    await expect(options.locator('.note-text')).toHaveText(['三月起执行数据出境新规（已确认）']);
    await expect(options.locator('.note-meta')).toContainText('编辑于 刚刚');
    await options.getByRole('link', { name: '导出与导入' }).click();
    await expect(options.getByRole('heading', { name: '导出与导入', level: 1 })).toBeVisible();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: '导出 JSON' }).click();
    const path = await (await download).path();
    await expect(options.getByRole('status')).toHaveText('已将 1 条笔记导出为 JSON。');
    await options.getByLabel('导入笔记文件').setInputFiles(path);
    await expect(options.getByRole('status')).toHaveText(/^已导入 \S+：新增 0 条，更新 0 条，保留 1 条。$/);
    await options.getByLabel('导入笔记文件').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version": 3}'),
    });
    await expect(options.getByRole('alert')).toContainText('other.json 未导入，没有任何更改。问题：');

    // The card, on a page in English: the words around the data are Chinese, the data is not.
    const page = await context.newPage();
    await page.goto(`${server.url}/reading/article.html`);
    await waitForScan(page);
    let card = await hoverMention(page, 'Alibaba Group');
    await expect(card.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(card.getByRole('dialog', { name: 'Dramatis：Alibaba Group' })).toBeVisible();
    await expect(card.locator('.badge')).toHaveText('公司');
    await expect(card.locator('.jurisdiction')).toHaveText('中国');
    await expect(card.locator('#entity-name')).toHaveText('Alibaba Group');
    await expect(card.locator('.facts')).toContainText('股票代码');
    await expect(card.locator('.facts')).toContainText('NYSE: BABA');
    await expect(card.locator('.notes h2')).toContainText('我的笔记');
    await expect(card.getByRole('button', { name: '固定' })).toHaveAttribute('title', '固定此卡片');
    await expect(card.getByRole('button', { name: '关闭' })).toBeVisible();
    await expect(card.getByRole('button', { name: '保存笔记' })).toBeDisabled();
    expect(await (await card.frameElement()).getAttribute('title')).toBe('Dramatis 卡片');
    await page.keyboard.press('Escape');
    card = await hoverMention(page, 'Niu Yibing');
    await expect(card.locator('.badge')).toHaveText('官员');
    await expect(card.getByRole('region', { name: '职务' })).toBeVisible();
    await card.locator('.roles button', { hasText: 'Cyberspace Administration of China' }).click();
    await expect(card.locator('.badge')).toHaveText('监管机构');
    await expect(card.locator('.note-text')).toHaveText(['三月起执行数据出境新规（已确认）']);
    await expect(card.getByRole('button', { name: '返回' })).toBeVisible();
  });
});
