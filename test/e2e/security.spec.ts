/**
 * The page ↔ card ↔ background boundary, tried as a hostile site would: framing the card by its
 * address, measuring the genuine card, overlaying it, and watching the network.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { rmSync } from 'node:fs';
import { extensionId, launchWithExtension } from '../support/browser';
import { startRecordingProxy } from '../support/recording-proxy';
import { startServer, type StaticServer } from '../support/server';
import { cardFrame, hoverMention, hoverText, privateMarkBoxes, registeredHighlights, waitForScan } from './helpers';

let server: StaticServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server?.close();
});

async function withBrowser(
  fn: (ctx: { context: BrowserContext; id: string }) => Promise<void>,
  extraArgs: string[] = [],
): Promise<void> {
  const { context, userDataDir } = await launchWithExtension({ extraArgs });
  try {
    await fn({ context, id: await extensionId(context) });
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/** Adds notes as the reader would, from an extension page (the options page). */
async function addNotes(context: BrowserContext, id: string, entityId: string, texts: string[]): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.evaluate(
    async ({ entityId, texts }) => {
      const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome.runtime;
      for (const text of texts) await rt.sendMessage({ type: 'notes:add', payload: { entityId, text } });
    },
    { entityId, texts },
  );
  await options.close();
}

/** The card's address as our content script gets it (Chrome: the per-session dynamic one). */
async function dynamicCardUrl(context: BrowserContext): Promise<string> {
  const [worker] = context.serviceWorkers();
  return worker!.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }).chrome.runtime.getURL(
      'card.html',
    ),
  );
}

type ProbeResult = { loaded: boolean; log: { via: string; data: string }[]; box: { w: number; h: number } };
const probe = (page: Page, url: string, ids: string[]) =>
  page.evaluate(
    ({ url, ids }) =>
      (window as unknown as { __framedProbe(u: string, i: string[]): Promise<ProbeResult> }).__framedProbe(url, ids),
    { url, ids },
  );

test('a page that frames card.html by its address gets no reply, no size and no difference with or without notes', async () => {
  await withBrowser(async ({ context, id }) => {
    const page = await context.newPage();
    await page.goto(`${server.url}/reading/notes-probe.html`);
    await waitForScan(page);
    const dynamicUrl = await dynamicCardUrl(context);
    expect(dynamicUrl).not.toContain(id); // use_dynamic_url: not the fixed id

    const ids = ['us-aapl', 'us-sec'];
    const before = await probe(page, dynamicUrl, ids);
    await addNotes(context, id, 'us-aapl', ['Apple note one', 'Apple note two, a long one '.repeat(20)]);
    const after = await probe(page, dynamicUrl, ids);

    for (const r of [before, after]) {
      expect(r.loaded).toBe(true); // the frame loads (it must be web-accessible) …
      expect(r.log).toEqual([]); // … but answers nothing: no ready, no size, no window message
    }
    expect(after.box).toEqual(before.box);
    // And shows nothing: every framed card document is empty.
    const framed = page.frames().filter((f) => f.url().endsWith('/card.html'));
    expect(framed.length).toBe(2);
    for (const f of framed) {
      expect(await f.evaluate(() => document.getElementById('app')?.innerHTML)).toBe('');
      expect(await f.evaluate(() => document.body.innerText.trim())).toBe('');
    }

    // The fixed address (the extension's public id) does not load at all, nor can it be fetched.
    const staticUrl = `chrome-extension://${id}/card.html`;
    const fixed = await probe(page, staticUrl, ids);
    expect(fixed.log).toEqual([]);
    // (Frames loaded through the dynamic address report the fixed one as their URL: count them.)
    const cards = page.frames().filter((f) => f.url().endsWith('/card.html'));
    const apps = await Promise.all(
      cards.map((f) => f.evaluate(() => !!document.getElementById('app')).catch(() => false)),
    );
    expect(apps.filter(Boolean).length).toBe(2);
    const fetched = await page.evaluate(
      (u) =>
        fetch(u).then(
          (r) => `status ${r.status}`,
          (e: Error) => `refused ${e.name}`,
        ),
      staticUrl,
    );
    expect(fetched).toMatch(/^refused/);
    await page.close();
  });
});

test('the genuine card has the same size with 0, 1 and 20 notes, and the reader sees every note in it', async () => {
  await withBrowser(async ({ context, id }) => {
    const page = await context.newPage();
    await page.goto(`${server.url}/reading/notes-probe.html`);
    await waitForScan(page);
    const hostBox = () =>
      page.evaluate(() => {
        const r = document.querySelector('dramatis-card-host')!.getBoundingClientRect();
        return { w: r.width, h: r.height, x: r.left, y: r.top };
      });
    const reopen = async () => {
      await page.keyboard.press('Escape');
      await page.mouse.move(5, 5);
      await page.waitForTimeout(400);
      const card = await hoverMention(page, 'Apple Inc.');
      await expect(card.locator('.note-list')).toBeAttached();
      await page.waitForTimeout(500); // let every size message settle
      return card;
    };

    let card = await reopen();
    await expect(card.locator('.notes .count')).toHaveText('0');
    const zero = await hostBox();

    await card.getByLabel('New note on Apple', { exact: true }).fill('First note on Apple');
    await card.getByRole('button', { name: 'Save note' }).click();
    await expect(card.locator('.note-text')).toHaveCount(1);
    await page.waitForTimeout(500);
    const oneWhileOpen = await hostBox();
    card = await reopen();
    await expect(card.locator('.note-text')).toHaveCount(1);
    const one = await hostBox();

    await addNotes(
      context,
      id,
      'us-aapl',
      Array.from({ length: 19 }, (_, i) => `Note ${i + 2} on Apple: ${'a longer line of text '.repeat(i % 4)}`),
    );
    card = await reopen();
    await expect(card.locator('.note-text')).toHaveCount(20);
    const twenty = await hostBox();

    expect(oneWhileOpen).toEqual(zero);
    expect(one).toEqual(zero);
    expect(twenty).toEqual(zero);
    // The page's own timeline names no extension address (the dynamic one would identify us).
    const leaked = await page.evaluate(() =>
      performance
        .getEntries()
        .filter((e) => /^(chrome|moz)-extension:/.test(e.name))
        .map((e) => e.name),
    );
    expect(leaked).toEqual([]);
    // Every note is there for the reader: the last one scrolls into view inside the notes box.
    const last = card.locator('.note-text').last();
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    await page.close();
  });
});

test('a page that lays something over the genuine card cannot click its controls', async () => {
  await withBrowser(async ({ context }) => {
    const page = await context.newPage();
    await page.goto(`${server.url}/reading/notes-probe.html`);
    await waitForScan(page);
    const card = await hoverMention(page, 'Apple Inc.');
    const pin = card.getByRole('button', { name: 'Pin' });
    await expect(pin).toHaveAttribute('aria-pressed', 'false');
    const box = await page.evaluate(() => {
      const r = document.querySelector('dramatis-card-host')!.getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    });
    const pinBox = (await pin.boundingBox())!;
    // A decoy above the card that lets the pointer through to it (the classic clickjacking overlay).
    await page.evaluate((b) => {
      const d = document.createElement('div');
      d.id = 'decoy';
      d.textContent = 'Click here to win';
      d.style.cssText = `position:fixed;left:${b.x}px;top:${b.y}px;width:${b.w}px;height:${b.h}px;z-index:2147483647;background:#fff;opacity:0.97;pointer-events:none`;
      document.documentElement.append(d);
    }, box);
    await page.waitForTimeout(400);
    await page.mouse.click(pinBox.x + pinBox.width / 2, pinBox.y + pinBox.height / 2);
    await page.waitForTimeout(200);
    await expect(pin).toHaveAttribute('aria-pressed', 'false');
    // Once the card is in plain view again, the same click works.
    await page.evaluate(() => document.getElementById('decoy')!.remove());
    await page.waitForTimeout(400);
    await page.mouse.click(pinBox.x + pinBox.width / 2, pinBox.y + pinBox.height / 2);
    await expect(pin).toHaveAttribute('aria-pressed', 'true');
    await page.close();
  });
});

/** Sends a typed message from an extension page (the options page), as the reader's pages do. */
async function sendFromOptions(context: BrowserContext, id: string, msgs: { type: string; payload: unknown }[]) {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  const replies = await options.evaluate(async (msgs) => {
    const c = (
      globalThis as unknown as {
        chrome: {
          runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> };
        };
      }
    ).chrome;
    const out = [];
    for (const m of msgs) out.push(await c.runtime.sendMessage(m));
    return out;
  }, msgs);
  await options.close();
  for (const r of replies) if (!r.ok) throw new Error(r.error);
  return replies.map((r) => r.data);
}

const XU_MING = {
  name: 'Xu Ming',
  aliases: ['许明'],
  type: 'official',
  jurisdiction: 'CN',
  description: 'Watched closely.',
  links: [],
};

type PrivateProbe = Record<string, unknown> & { highlights: [string, number, string, string[]][]; mutations: string[] };

/** Loads the probing page and lets it record everything it can see. */
async function probePage(context: BrowserContext): Promise<{ page: Page; seen: PrivateProbe }> {
  const page = await context.newPage();
  await page.goto(`${server.url}/reading/private-probe.html`);
  await waitForScan(page);
  await page.waitForTimeout(1000);
  const seen = await page.evaluate(() => (window as unknown as { __probe(): Promise<PrivateProbe> }).__probe());
  return { page, seen };
}

test('a page that watches everything learns no name of the reader’s and no entity with notes (against a reader without them)', async () => {
  // A reader with nothing of their own.
  let control: PrivateProbe | undefined;
  await withBrowser(async ({ context }) => {
    control = (await probePage(context)).seen;
  });
  expect(control!.highlights.flatMap((h) => h[3])).toContain('Securities and Exchange Commission');
  expect(control!.mutations).toContain('childList html  dramatis-marks-host '); // the watcher saw our host

  await withBrowser(async ({ context, id }) => {
    // A reader who follows Xu Ming, calls the SEC "the Wall Street cop", keeps notes on the SEC and
    // keeps a history.
    await sendFromOptions(context, id, [
      { type: 'custom:add', payload: { entity: XU_MING } },
      {
        type: 'custom:add',
        payload: {
          entity: { name: 'Wall Street cop', aliases: [], type: 'other', description: '', links: [], sameAs: 'us-sec' },
        },
      },
      { type: 'notes:add', payload: { entityId: 'us-sec', text: 'Private thoughts on the SEC' } },
    ]);
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(x: object): Promise<void> } } } }
      ).chrome.storage.local.set({ 'dramatis:settings': { history: true } }),
    );
    await options.close();

    const { page, seen } = await probePage(context);
    // The reader's names are marked (privately) …
    const boxes = await privateMarkBoxes(page);
    expect(boxes.map((b) => b.category).sort()).toEqual(['custom', 'custom', 'regulator']);
    // … and the page saw exactly what it sees for a reader without them.
    expect(seen).toEqual(control);

    // Added while the page is open: marked within moments, and still nothing to see.
    await sendFromOptions(context, id, [
      {
        type: 'custom:add',
        payload: {
          entity: { name: 'Tencent Holdings', aliases: ['Alibaba'], type: 'firm', description: '', links: [] },
        },
      },
    ]);
    await expect.poll(async () => (await privateMarkBoxes(page)).length, { timeout: 5000 }).toBe(4);
    const again = await page.evaluate(() => (window as unknown as { __probe(): Promise<PrivateProbe> }).__probe());
    // (Only the probe's own second round of mutations differs: none of ours.)
    expect({ ...again, mutations: again.mutations.slice(0, control!.mutations.length) }).toEqual(control);
    expect(again.mutations.slice(control!.mutations.length)).toEqual([]);
  });
});

test('the card’s size says nothing of the history, and the card of any entity of the reader’s has one size', async () => {
  test.setTimeout(180_000);
  await withBrowser(async ({ context, id }) => {
    await sendFromOptions(context, id, [
      { type: 'custom:add', payload: { entity: { ...XU_MING, description: 'Short.' } } },
      {
        type: 'custom:add',
        payload: {
          entity: {
            ...XU_MING,
            name: 'Tencent Holdings',
            aliases: ['许明 holdings', 'another name', 'and another'],
            description: 'A much longer description of a name the reader follows. '.repeat(12),
            links: ['https://a.test/1', 'https://b.test/2', 'https://c.test/3'],
          },
        },
      },
    ]);
    /** The card host's size once it has stopped changing. */
    const settled = async (p: Page) => {
      const box = () =>
        p.evaluate(() => {
          const r = document.querySelector('dramatis-card-host')!.getBoundingClientRect();
          return { w: r.width, h: r.height };
        });
      let last = await box();
      for (let i = 0; i < 40; i++) {
        await p.waitForTimeout(250);
        const now = await box();
        if (now.w === last.w && now.h === last.h && i >= 2) return now;
        last = now;
      }
      return last;
    };
    /** A fresh tab on the same page, the card of Apple Inc. opened: its history line and size. */
    const measure = async () => {
      const page = await context.newPage();
      await page.goto(`${server.url}/reading/notes-probe.html`);
      await waitForScan(page);
      const card = await hoverMention(page, 'Apple Inc.');
      await expect(card.locator('.note-list')).toBeAttached();
      await page.waitForTimeout(300);
      const history = card.locator('.history-line');
      const line = (await history.count()) ? await history.textContent() : null;
      const size = await settled(page);
      await page.close();
      return { line, size };
    };
    // History off, then on (this page seen), then on with 13 pages seen.
    const off = await measure();
    expect(off.line).toBeNull();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.evaluate(() =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(x: object): Promise<void> } } } }
      ).chrome.storage.local.set({ 'dramatis:settings': { history: true } }),
    );
    const one = await measure();
    expect(one.line).toContain('Seen on 1 page');
    const history = Array.from({ length: 12 }, (_, i) => ({
      entityId: 'us-aapl',
      url: `https://news.test/${i}`,
      host: 'news.test',
      title: `A long headline about Apple, number ${i}, `.repeat(4),
      firstSeen: 1_700_000_000_000 + i,
      lastSeen: 1_700_000_000_000 + i,
      count: 3,
    }));
    await options.evaluate(
      (history) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ type: 'notes:import', payload: { notes: [], history } }),
      history,
    );
    const thirteen = await measure();
    expect(thirteen.line).toContain('Seen on 13 pages');
    expect(one.size).toEqual(off.size);
    expect(thirteen.size).toEqual(off.size);

    // The reader's own entities: one card size, whatever their description, names and links.
    const page2 = await context.newPage();
    await page2.goto(`${server.url}/reading/private-probe.html`);
    await waitForScan(page2);
    const sizeOf = async (text: string) => {
      await page2.keyboard.press('Escape');
      await page2.mouse.move(5, 5);
      await page2.waitForTimeout(400);
      const c = await hoverText(page2, text);
      await expect(c.locator('.note-list')).toBeAttached();
      await expect(c.locator('#entity-name')).toHaveText(text);
      return settled(page2);
    };
    const a = await sizeOf('Xu Ming');
    // A closed card is gone from sight and from hit-testing (its frame hides with its host).
    const box = await page2.evaluate(() => {
      const r = document.querySelector('dramatis-card-host')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page2.keyboard.press('Escape');
    await page2.mouse.move(5, 5);
    await page2.waitForTimeout(400);
    expect(await page2.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.nodeName, box)).not.toBe(
      'DRAMATIS-CARD-HOST',
    );
    const b = await sizeOf('Tencent Holdings');
    expect(b).toEqual(a);
    expect((await registeredHighlights(page2)).map((h) => h.text)).toContain('Tencent Holdings'); // public too
  });
});

/** Chromium's own services (component updates, sign-in), which no extension context asks for. */
const BROWSER_SERVICES = /^(?:[a-z0-9-]+\.)*(?:google\.com|googleapis\.com|gstatic\.com)$/;

test('while a reader browses, hovers, writes and searches notes, no request leaves for any other address', async () => {
  const proxy = await startRecordingProxy([server.url]);
  // Every request of every context Playwright sees: pages, frames (the card), extension pages and
  // the service worker. The proxy sees the whole browser's traffic besides.
  const fromContexts: { from: string; url: string }[] = [];
  try {
    await withBrowser(
      async ({ context, id }) => {
        context.on('request', (r) =>
          fromContexts.push({ from: r.serviceWorker() ? 'service worker' : (r.frame()?.url() ?? '?'), url: r.url() }),
        );
        const page = await context.newPage();
        for (const path of ['reading/notes-probe.html', 'reading/article.html', 'seed.html']) {
          const res = await page.goto(`${server.url}/${path}`);
          if (res?.status() === 404) continue; // the seed article is optional
          await waitForScan(page);
        }
        await page.goto(`${server.url}/reading/notes-probe.html`);
        await waitForScan(page);
        const card = await hoverMention(page, 'Apple Inc.');
        await card.getByLabel('New note on Apple', { exact: true }).fill('Network check note');
        await card.getByRole('button', { name: 'Save note' }).click();
        await expect(card.locator('.note-text')).toHaveCount(1);
        await cardFrame(page);

        const popup = await context.newPage();
        await popup.goto(`chrome-extension://${id}/popup.html`);
        await popup.getByLabel('Search entities').fill('Securities and Exchange');
        await expect(popup.getByRole('region', { name: 'Search results' }).getByRole('button').first()).toBeVisible();
        const options = await context.newPage();
        await options.goto(`chrome-extension://${id}/options.html#/notes`);
        await options.getByLabel('Search notes').fill('network');
        await expect(options.getByText('Network check note')).toBeVisible();
        await page.waitForTimeout(1000);
      },
      [
        `--proxy-server=${proxy.url}`,
        '--proxy-bypass-list=<-loopback>',
        '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,DialMediaRouteProvider,NetworkTimeServiceQuerying,ChromeSignin,AccountConsistency',
        '--disable-default-apps',
        '--disable-component-extensions-with-background-pages',
        '--disable-client-side-phishing-detection',
        '--disable-domain-reliability',
        '--no-pings',
      ],
    );
  } finally {
    await proxy.close();
  }
  const ours = proxy.requests.filter((r) => r.allowed);
  expect(ours.length).toBeGreaterThan(3); // the proxy really saw the traffic
  const local = (u: string) => u.startsWith(`${server.url}/`) || /^(chrome-extension|data|blob):/.test(u);
  expect(fromContexts.length).toBeGreaterThan(3);
  expect(fromContexts.filter((r) => !local(r.url))).toEqual([]);
  // Whatever else crossed the proxy is the browser's own housekeeping, not any of our contexts.
  const hostOf = (t: string) => (t.includes('://') ? new URL(t).hostname : t.split(':')[0]!);
  const foreign = proxy.requests.filter((r) => !r.allowed);
  expect(foreign.filter((r) => !BROWSER_SERVICES.test(hostOf(r.target)))).toEqual([]);
  expect(foreign.filter((r) => fromContexts.some((c) => c.url === r.target))).toEqual([]);
});
