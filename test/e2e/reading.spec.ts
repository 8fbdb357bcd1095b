import { expect, test, type Page } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, extensionId, launchWithExtension, ROOT } from '../support/browser';
import { startServer } from '../support/server';
import type { ChromeForTests } from './chrome-api';
import { cardFrame, hoverMention, pointOfMention, registeredHighlights, waitForScan, extensionSuite } from './helpers';

const suite = extensionSuite();

async function open(path: string): Promise<Page> {
  const page = await suite.context.newPage();
  await page.goto(`${suite.server.url}/reading/${path}`);
  await waitForScan(page);
  return page;
}

const hostVisible = (page: Page) =>
  page.evaluate(() => {
    const h = document.querySelector('dramatis-card-host') as HTMLElement | null;
    return !!h && getComputedStyle(h).visibility === 'visible';
  });

test.describe('hover card', () => {
  test('opens only after the pointer rests, and closes after leaving, on Escape and on a click elsewhere', async () => {
    const page = await open('article.html');
    const { x, y } = await pointOfMention(page, 'Niu Yibing');
    // Passing through: across the name and away within ~100 ms: no card.
    await page.mouse.move(x - 60, y);
    await page.mouse.move(x, y);
    await page.waitForTimeout(80);
    await page.mouse.move(x, y + 200);
    await page.waitForTimeout(500);
    expect(await hostVisible(page)).toBe(false);
    // Resting: the card opens.
    await page.mouse.move(x, y);
    await cardFrame(page);
    await expect.poll(() => hostVisible(page)).toBe(true);
    // The card never covers the mention.
    const overlap = await page.evaluate(
      ({ x, y }) => {
        const r = (document.querySelector('dramatis-card-host') as HTMLElement).getBoundingClientRect();
        return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
      },
      { x, y },
    );
    expect(overlap).toBe(false);
    // Leaving: closes after the grace period.
    await page.mouse.move(1150, y, { steps: 3 });
    await expect.poll(() => hostVisible(page), { timeout: 3000 }).toBe(false);
    // Escape closes.
    await page.mouse.move(x, y);
    await expect.poll(() => hostVisible(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => hostVisible(page)).toBe(false);
    // Escape means "not now": resting on the same name does not reopen it until the pointer leaves.
    await page.mouse.move(x + 1, y);
    await page.waitForTimeout(600);
    expect(await hostVisible(page)).toBe(false);
    // A click elsewhere closes.
    await page.mouse.move(1150, y);
    await page.mouse.move(x, y);
    await expect.poll(() => hostVisible(page)).toBe(true);
    await page.mouse.click(5, 5);
    await expect.poll(() => hostVisible(page)).toBe(false);
    await page.close();
  });

  test('stays open while the pointer moves into the card, and the pin keeps it open', async () => {
    const page = await open('article.html');
    const card = await hoverMention(page, 'Alibaba Group');
    const box = await page.evaluate(() => {
      const r = (document.querySelector('dramatis-card-host') as HTMLElement).getBoundingClientRect();
      return { x: r.left + 40, y: r.top + 30 };
    });
    await page.mouse.move(box.x, box.y, { steps: 5 });
    await page.waitForTimeout(800);
    expect(await hostVisible(page)).toBe(true);
    await card.getByRole('button', { name: 'Pin' }).click();
    await page.mouse.move(900, 850);
    await page.waitForTimeout(900);
    expect(await hostVisible(page)).toBe(true);
    await card.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => hostVisible(page)).toBe(false);
    await page.close();
  });

  test('shows what each kind of entity is: regulator, firm, official', async () => {
    const page = await open('article.html');
    let card = await hoverMention(page, 'Cyberspace Administration of China');
    await expect(card.locator('.badge')).toHaveText('Regulator');
    await expect(card.locator('.native')).toContainText('国家互联网信息办公室');
    await expect(card.locator('.facts')).toContainText('Central Cyberspace Affairs Commission');
    await expect(card.locator('.facts')).toContainText('cyber-data');
    await expect(card.locator('.provenance')).toContainText('As of Aug 19, 2022');
    await expect(card.locator('.provenance time')).toHaveAttribute('datetime', '2022-08-19');
    // Related entities on this page come first and say so.
    await expect(card.locator('.related li').first()).toContainText('on this page');
    await page.keyboard.press('Escape');
    card = await hoverMention(page, 'Alibaba Group');
    await expect(card.locator('.badge')).toHaveText('Firm');
    await expect(card.locator('.facts')).toContainText('NYSE: BABA');
    await expect(card.locator('.facts')).toContainText('HKEX: 9988');
    await expect(card.locator('.events')).toContainText('18.228 billion yuan');
    await page.keyboard.press('Escape');
    card = await hoverMention(page, 'Niu Yibing');
    await expect(card.locator('.badge')).toHaveText('Official');
    await expect(card.locator('.roles')).toContainText('Vice Minister and spokesperson');
    // A related entity opens its own card in place.
    await card.locator('.roles button', { hasText: 'Cyberspace Administration of China' }).click();
    await expect(card.locator('#entity-name')).toHaveText('Cyberspace Administration of China');
    await page.close();
  });

  test('works on a page with hostile CSS (all: unset, overlays at the top z-index)', async () => {
    const page = await open('hostile.html');
    const card = await hoverMention(page, 'Niu Yibing');
    await expect(card.locator('#entity-name')).toHaveText('Niu Yibing');
    const topmost = await page.evaluate(() => {
      const h = document.querySelector('dramatis-card-host') as HTMLElement;
      const r = h.getBoundingClientRect();
      const s = getComputedStyle(h);
      return {
        atCentre: document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.localName,
        display: s.display,
        opacity: s.opacity,
        width: r.width,
        height: r.height,
      };
    });
    expect(topmost).toMatchObject({ atCentre: 'dramatis-card-host', display: 'block', opacity: '1' });
    expect(topmost.width).toBeGreaterThan(300);
    expect(topmost.height).toBeGreaterThan(150);
    await page.close();
  });

  test('a page cannot read the card or the notes in it', async () => {
    const page = await open('privacy.html');
    const secret = `SECRET-NOTE-${Date.now()}`;
    const card = await hoverMention(page, 'Niu Yibing');
    await card.locator('textarea[aria-label^="New note"]').fill(secret);
    await card.getByRole('button', { name: 'Save note' }).click();
    await expect(card.locator('.note-text')).toContainText(secret);
    // Select the note's text inside the card, as a reader might.
    await card.locator('.note-text').first().selectText();
    const seen = (await page.evaluate(() => (window as unknown as { __probe: () => string[] }).__probe())).join('\n');
    expect(seen).not.toContain(secret);
    expect(seen).not.toContain('Vice Minister');
    expect(seen).toContain('host.shadowRoot null');
    expect(seen).toContain('attachShadow NotSupportedError');
    await page.close();
  });
});

test.describe('keyboard', () => {
  test('the next-mention command opens a card with focus; Tab moves inside; Escape returns focus', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      commands: Record<string, unknown>;
    };
    expect(Object.keys(manifest.commands)).toEqual(expect.arrayContaining(['next-mention', 'previous-mention']));
    const page = await open('article.html');
    await page.focus('#before');
    const [sw] = suite.context.serviceWorkers();
    // What the background does on the command: message the active tab's top frame.
    const send = (direction: 'next' | 'previous') =>
      sw!.evaluate(async (direction) => {
        const c = (globalThis as unknown as { chrome: ChromeForTests }).chrome;
        const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
        return c.tabs.sendMessage(tab!.id!, { type: 'nav:mention', payload: { direction } }, { frameId: 0 });
      }, direction);
    await page.bringToFront();
    const r1 = (await send('next')) as { ok: boolean; data: { index: number; total: number } };
    expect(r1.ok).toBe(true);
    expect(r1.data.index).toBe(0);
    let card = await cardFrame(page);
    await expect(card.locator('#entity-name')).toHaveText('Niu Yibing');
    await expect.poll(() => card.evaluate(() => document.hasFocus())).toBe(true);
    await expect(card.locator('[role="dialog"]')).toHaveAttribute('aria-label', 'Dramatis: Niu Yibing');
    await page.keyboard.press('Tab');
    const focused = await card.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    expect(focused).toBeTruthy();
    await page.keyboard.press('Escape');
    await expect.poll(() => hostVisible(page)).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('before');
    // Previous from the first wraps to the last mention, scrolled into view.
    const r2 = (await send('previous')) as { data: { index: number; total: number } };
    expect(r2.data.index).toBe(r2.data.total - 1);
    card = await cardFrame(page);
    await expect(card.locator('#entity-name')).toHaveText('Sun Weimin');
    const inView = await page.evaluate(() => {
      const r = document.getElementById('far')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
    expect(inView).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => hostVisible(page)).toBe(false);
    // Text removed a moment ago (before the rescan): its marks are skipped, not opened.
    await page.evaluate(() => {
      (document.getElementById('p1')!.firstChild as Text).data = '';
    });
    const r4 = (await send('next')) as { data: { index: number; total: number } };
    expect(r4.data.total).toBe(r2.data.total - 3); // Niu Yibing, the CAC's full name and "CAC"
    card = await cardFrame(page);
    // From the last mention, "next" wraps to the first one still on the page.
    await expect(card.locator('#entity-name')).toHaveText('Alibaba Group');
    await page.close();
  });
});

test.describe('real pages', () => {
  test('infinite scroll, edits and SPA route changes are rescanned; vanished text is dropped', async () => {
    const page = await open('dynamic.html');
    const texts = async () => (await registeredHighlights(page)).map((h) => h.text);
    expect(await texts()).toEqual(['Alibaba Group']);
    await page.evaluate(() =>
      (window as unknown as { __appendStory: (t: string) => void }).__appendStory('Tencent Holdings joined later.'),
    );
    await expect.poll(texts).toEqual(['Alibaba Group', 'Tencent Holdings']);
    await page.evaluate(() =>
      (window as unknown as { __editFirst: (t: string) => void }).__editFirst('Didi Global reported results.'),
    );
    await expect.poll(texts).toEqual(['Didi Global', 'Tencent Holdings']);
    await page.evaluate(() =>
      (window as unknown as { __navigate: (p: string, h: string) => void }).__navigate(
        '/reading/other',
        '<p>A new view about the Cyberspace Administration of China.</p>',
      ),
    );
    await expect.poll(texts).toEqual(['Cyberspace Administration of China']);
    await page.close();
  });

  test('same-origin iframes and open shadow roots are read; editable regions and code are not', async () => {
    const page = await open('frames.html');
    await expect
      .poll(async () => (await registeredHighlights(page)).map((h) => h.text).sort())
      .toEqual(['Niu Yibing', 'Tencent Holdings']);
    const frame = page.frames().find((f) => f.url().endsWith('frame-child.html'))!;
    await waitForScan(frame);
    expect((await registeredHighlights(frame)).map((h) => h.text)).toEqual([
      'Cyberspace Administration of China',
      'CAC',
    ]);
    // A frame with no reading text (an ad slot) is not scanned until text arrives.
    const empty = page.frames().find((f) => f.url().endsWith('frame-empty.html'))!;
    await page.waitForTimeout(500);
    expect(await empty.evaluate(() => performance.getEntriesByName('dramatis:scan', 'measure').length)).toBe(0);
    await empty.evaluate(() => {
      document.getElementById('slot')!.textContent =
        'Sponsored: the Cyberspace Administration of China published a consultation draft today.';
    });
    await waitForScan(empty);
    expect((await registeredHighlights(empty)).map((h) => h.text)).toEqual(['Cyberspace Administration of China']);
    // The shadow-root mention is inside the shadow tree and styled there.
    const inShadow = await page.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      for (const h of reg.values())
        for (const r of h) if (r.startContainer.getRootNode() instanceof ShadowRoot) return true;
      return false;
    });
    expect(inShadow).toBe(true);
    await page.close();
  });

  test('a page without text gets no page agent until text arrives, in a shadow root or a written frame', async () => {
    const page = await suite.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${suite.server.url}/reading/late.html`);
    await page.waitForTimeout(1500);
    // No agent: no host element, no pass, in the page or its empty frame.
    for (const f of page.frames()) {
      expect(await f.evaluate(() => !!document.querySelector('dramatis-marks-host'))).toBe(false);
      expect(await f.evaluate(() => performance.getEntriesByName('dramatis:scan').length)).toBe(0);
    }
    await page.evaluate(() => (window as unknown as { __fill: () => void }).__fill());
    // The top frame looks again after a few seconds (shadow roots tell no observer of the page's).
    await expect
      .poll(async () => (await registeredHighlights(page)).map((h) => h.text), { timeout: 10_000 })
      .toEqual(['Tencent Holdings']);
    const written = page.frames().find((f) => f !== page.mainFrame())!;
    await expect
      .poll(async () => (await registeredHighlights(written)).map((h) => h.text), { timeout: 10_000 })
      .toEqual(['Cyberspace Administration of China']);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a hydrated, re-rendering app keeps working with no errors caused by us', async () => {
    const page = await suite.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${suite.server.url}/reading/react.html`);
    await page.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true);
    await waitForScan(page);
    await page.waitForTimeout(1500); // ~15 re-renders, several rescans
    const texts = (await registeredHighlights(page)).map((h) => h.text);
    expect(texts).toEqual(expect.arrayContaining(['Alibaba Group', 'Tencent Holdings', 'Didi Global']));
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a mutation storm degrades to periodic rescans and the page stays responsive', async () => {
    const page = await suite.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longest: number };
      w.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${suite.server.url}/reading/storm.html`);
    await page.waitForFunction(() => (window as unknown as { __stormDone: boolean }).__stormDone, null, {
      timeout: 15_000,
    });
    await page.waitForTimeout(800);
    const passes = await page.evaluate(() => performance.getEntriesByName('dramatis:scan', 'measure').length);
    const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
    console.log(`mutation storm: ${passes} scan passes in ~4 s, longest task ${longest.toFixed(0)} ms`);
    // Thousands of mutations, but rescans are batched (at most one per 300 ms–2 s, fewer when
    // the page's own work starves timers).
    expect(passes).toBeGreaterThanOrEqual(1);
    expect(passes).toBeLessThan(20);
    // A freeze would show as a task of seconds; this only catches that, not speed.
    expect(longest).toBeLessThan(1000);
    expect((await registeredHighlights(page)).length).toBeGreaterThan(0);
    await page.close();
  });
});

test.describe('toolbar', () => {
  test('the badge counts the entities on the page, and pausing a site clears and restores marks', async () => {
    const page = await open('article.html');
    const [sw] = suite.context.serviceWorkers();
    await page.bringToFront();
    const tabId = await sw!.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: ChromeForTests }).chrome;
      const [tab] = await c.tabs.query({ active: true, lastFocusedWindow: true });
      return tab!.id!;
    });
    const badge = () =>
      sw!.evaluate(async (tabId) => {
        const c = (globalThis as unknown as { chrome: ChromeForTests }).chrome;
        return c.action.getBadgeText({ tabId });
      }, tabId);
    // Niu Yibing, CAC, Alibaba, Tencent, Didi, Sun Weimin.
    await expect.poll(badge).toBe('6');

    const id = await extensionId(suite.context);
    const setSettings = (value: unknown) =>
      sw!.evaluate(async (value) => {
        const c = (globalThis as unknown as { chrome: ChromeForTests }).chrome;
        await c.storage.local.set({ 'dramatis:settings': value });
      }, value);
    // The popup's switch pauses everywhere and resumes (the site switch needs a real active tab,
    // which a popup opened as a tab does not have; its setting is exercised directly below).
    const popup = await suite.context.newPage();
    await popup.goto(`chrome-extension://${id}/popup.html`);
    const everywhere = popup.getByLabel('Pause everywhere');
    await everywhere.check();
    await expect.poll(async () => (await registeredHighlights(page)).length).toBe(0);
    await everywhere.uncheck();
    await expect.poll(async () => (await registeredHighlights(page)).length).toBeGreaterThan(0);
    // A paused site, as the popup stores it.
    await setSettings({ pausedAll: false, pausedSites: ['127.0.0.1'], includeCode: false });
    await expect.poll(async () => (await registeredHighlights(page)).length).toBe(0);
    await expect.poll(badge).toBe('');
    // The site stays paused across a reload.
    await page.reload();
    await page.waitForTimeout(800);
    expect((await registeredHighlights(page)).length).toBe(0);
    await setSettings({ pausedAll: false, pausedSites: [], includeCode: false });
    await expect.poll(async () => (await registeredHighlights(page)).length).toBeGreaterThan(0);
    await setSettings({ pausedAll: true, pausedSites: [], includeCode: false });
    await expect.poll(async () => (await registeredHighlights(page)).length).toBe(0);
    await setSettings({ pausedAll: false, pausedSites: [], includeCode: false });
    await expect.poll(badge).toBe('6');
    await popup.close();
    await page.close();
  });
});

test('an extension reload mid-page stops the old content script cleanly', async () => {
  const { context: ctx, userDataDir: dir } = await launchWithExtension();
  try {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${suite.server.url}/reading/article.html`);
    await waitForScan(page);
    expect((await registeredHighlights(page)).length).toBeGreaterThan(0);
    const [sw] = ctx.serviceWorkers();
    await sw!
      .evaluate(() => (globalThis as unknown as { chrome: ChromeForTests }).chrome.runtime.reload())
      .catch(() => {});
    // The old copy notices, removes its marks and listeners; hovering and mutating the page
    // afterwards raises nothing.
    await expect.poll(async () => (await registeredHighlights(page)).length, { timeout: 15_000 }).toBe(0);
    const { x, y } = await page.evaluate(() => {
      const r = document.getElementById('p1')!.getBoundingClientRect();
      return { x: r.left + 20, y: r.top + 10 };
    });
    await page.mouse.move(x, y, { steps: 3 });
    await page.evaluate(() =>
      document.body.append(Object.assign(document.createElement('p'), { textContent: 'Tencent Holdings' })),
    );
    await page.waitForTimeout(1000);
    expect(errors).toEqual([]);
    expect(await page.locator('dramatis-card-host').count()).toBe(0);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test.describe('layout', () => {
  for (const [name, path, zoom] of [
    ['a right-to-left page', 'rtl.html', 1],
    ['a page zoomed to 200%', 'article.html', 2],
  ] as const) {
    test(`the card opens beside the mention and inside the viewport on ${name}`, async () => {
      const page = await suite.context.newPage();
      await page.goto(`${suite.server.url}/reading/${path}`);
      await waitForScan(page);
      if (zoom !== 1) await page.evaluate((z) => (document.body.style.zoom = String(z)), zoom);
      const card = await hoverMention(page, 'Alibaba Group');
      await expect(card.locator('#entity-name')).toHaveText('Alibaba Group');
      const geo = await page.evaluate(() => {
        const h = (document.querySelector('dramatis-card-host') as HTMLElement).getBoundingClientRect();
        const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
        let m: DOMRect | undefined;
        for (const hl of reg.values())
          for (const r of hl) {
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            if (range.toString() === 'Alibaba Group') m = range.getClientRects()[0];
          }
        return {
          h: { l: h.left, r: h.right, t: h.top, b: h.bottom },
          m: m && { l: m.left, r: m.right, t: m.top, b: m.bottom },
          w: innerWidth,
          vh: innerHeight,
        };
      });
      expect(geo.m).toBeDefined();
      const { h, m, w, vh } = geo as {
        h: { l: number; r: number; t: number; b: number };
        m: { l: number; r: number; t: number; b: number };
        w: number;
        vh: number;
      };
      expect(h.l).toBeGreaterThanOrEqual(0);
      expect(h.r).toBeLessThanOrEqual(w);
      expect(h.t).toBeGreaterThanOrEqual(0);
      expect(h.b).toBeLessThanOrEqual(vh);
      const covers = h.l < m.r && m.l < h.r && h.t < m.b && m.t < h.b;
      expect(covers).toBe(false);
      await page.close();
    });
  }
});

test('with little room below the mention the card keeps its details readable, giving up notes room in proportion', async () => {
  // The demo page in a short window: the card under "Niu Yibing" gets less room than it asks for.
  const srv = await startServer({
    '/demo/news.html': readFileSync(join(ROOT, 'assets', 'demo', 'news.html'), 'utf8'),
  });
  const page = await suite.context.newPage();
  try {
    await page.setViewportSize({ width: 1100, height: 600 });
    await page.goto(`${srv.url}/demo/news.html`);
    await waitForScan(page);
    const card = await hoverMention(page, 'Niu Yibing');
    await expect(card.locator('.provenance')).toBeAttached();
    await page.waitForTimeout(500);
    const room = await card.evaluate(() => ({
      card: document.querySelector('.card')!.clientHeight,
      details: document.querySelector('.card-details')!.clientHeight,
      detailsWanted: document.querySelector('.card-details')!.scrollHeight,
      notes: (document.querySelector('.card-notes') as HTMLElement).clientHeight,
    }));
    // Squeezed: the card is shorter than its details and a full notes box.
    expect(room.card).toBeLessThan(room.detailsWanted + 240);
    // Both keep a useful share; with a notes box that never shrinks the details were left 4 px.
    expect(room.details).toBeGreaterThanOrEqual(100);
    expect(room.notes).toBeGreaterThanOrEqual(96);
    expect(room.notes).toBeLessThan(240);
  } finally {
    await page.close();
    await srv.close();
  }
});

test('scrolling the mention out of view closes the card; a pinned card stays', async () => {
  const page = await suite.context.newPage();
  await page.goto(`${suite.server.url}/reading/article.html`);
  await waitForScan(page);
  await hoverMention(page, 'Tencent Holdings');
  await expect.poll(() => hostVisible(page)).toBe(true);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect.poll(() => hostVisible(page)).toBe(false);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(1150, 10);
  const again = await hoverMention(page, 'Tencent Holdings');
  await again.getByRole('button', { name: 'Pin' }).click();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(500);
  expect(await hostVisible(page)).toBe(true);
  await page.close();
});

test('on a long page the marks on screen appear before the whole page is read', async () => {
  const para = (i: number) =>
    `<p id="p${i}">Paragraph ${i}. ${'Officials reviewed the filings and the market waited for guidance. '.repeat(8)}${
      i % 50 === 0 ? 'Alibaba Group and Tencent Holdings were named.' : ''
    }</p>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long page</title></head><body>${Array.from(
    { length: 600 },
    (_, i) => para(i),
  ).join('')}</body></html>`;
  const srv = await startServer({ '/long.html': html });
  const page = await suite.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __firstMarkAt?: number; __firstMarkIds?: string[] };
    // Polled at every frame: rendering goes on between the extension's slices.
    const poll = () => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      const ids: string[] = [];
      for (const [name, h] of reg)
        if (name.startsWith('dramatis-'))
          for (const r of h) ids.push((r.startContainer.parentElement as Element | null)?.id ?? '');
      if (ids.length) {
        w.__firstMarkAt = performance.now();
        w.__firstMarkIds = ids;
      } else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
  try {
    await page.goto(`${srv.url}/long.html#p300`);
    await waitForScan(page);
    const r = await page.evaluate(() => {
      const w = window as unknown as { __firstMarkAt?: number; __firstMarkIds?: string[] };
      const m = performance.getEntriesByName('dramatis:scan', 'measure')[0]!;
      return { first: w.__firstMarkAt ?? -1, end: m.startTime + m.duration, ids: w.__firstMarkIds ?? [] };
    });
    // The first marks shown are the ones around the paragraph on screen, before the pass ends.
    const partial = await page.evaluate(() => performance.getEntriesByName('dramatis:partial').length);
    expect(partial).toBe(1);
    expect(r.first).toBeGreaterThan(0);
    expect(r.first).toBeLessThan(r.end);
    expect(r.ids).toContain('p300');
    expect(r.ids).not.toContain('p0');
    // And the full pass marks the whole page.
    expect((await registeredHighlights(page)).length).toBe(24);
  } finally {
    await page.close();
    await srv.close();
  }
});

test('on a page with thousands of marks only those near the viewport are registered, and they follow scrolling', async () => {
  const para = (i: number) =>
    `<p id="q${i}">Item ${i}: Alibaba Group said the review of its filings was going on as planned.</p>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Many marks</title></head><body>${Array.from(
    { length: 3000 },
    (_, i) => para(i),
  ).join('')}</body></html>`;
  const srv = await startServer({ '/many.html': html });
  const page = await suite.context.newPage();
  const ids = () =>
    page.evaluate(() => {
      const out: string[] = [];
      for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights)
        if (name.startsWith('dramatis-'))
          for (const r of h) out.push((r.startContainer.parentElement as Element | null)?.id ?? '');
      return out;
    });
  try {
    await page.goto(`${srv.url}/many.html`);
    await waitForScan(page);
    const mentions = await page.evaluate(
      () =>
        (
          (performance.getEntriesByName('dramatis:scan', 'measure')[0] as PerformanceMeasure).detail as {
            mentions: number;
          }
        ).mentions,
    );
    expect(mentions).toBe(3000);
    await expect.poll(async () => (await ids()).includes('q0')).toBe(true);
    const top = await ids();
    expect(top.length).toBeGreaterThan(10);
    expect(top.length).toBeLessThan(1000);
    expect(top).not.toContain('q2999');
    await page.evaluate(() => document.getElementById('q2999')!.scrollIntoView());
    await expect.poll(async () => (await ids()).includes('q2999')).toBe(true);
    expect(await ids()).not.toContain('q0');
    // Hovering a mark down there opens its card as usual.
    const card = await hoverMention(page, 'Alibaba Group');
    await expect(card.locator('#entity-name')).toHaveText('Alibaba Group');
  } finally {
    await page.close();
    await srv.close();
  }
});
