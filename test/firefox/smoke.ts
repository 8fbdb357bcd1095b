/**
 * Firefox end to end: the Firefox build loaded into Debian's firefox-esr through WebDriver BiDi
 * (puppeteer-core; Playwright's Firefox cannot load extensions). Checks that the seed entities are
 * highlighted under the right categories with the CSS Custom Highlight API and that the page's DOM
 * is unchanged, then the main journeys: the hover card, a note kept after a reload, a framed card
 * that answers nothing, popup search, an entity of the reader's own marked privately with its
 * card, and export and import of a backup. Run after `npm run build:firefox`:
 * `tsx test/firefox/smoke.ts`. Skipped with a message when no Firefox is installed (a failure under CI).
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { ROOT } from '../support/browser';
import { startServer } from '../support/server';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const EXT = join(ROOT, process.env.DRAMATIS_OUT ?? '.output', 'firefox-mv2');

type Check = (name: string, ok: boolean, detail?: string) => void;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(f: () => Promise<T | undefined | false>, ms = 15_000): Promise<T | undefined> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await f().catch(() => undefined);
    if (v) return v;
    await sleep(200);
  }
  return undefined;
}

/** Sends a typed message from one of our extension pages, as the popup and options page do. */
function send(page: Page, type: string, payload: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> {
  return page.evaluate(
    (type: string, payload: unknown) =>
      (
        globalThis as unknown as {
          browser: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown; error?: string }> } };
        }
      ).browser.runtime.sendMessage({ type, payload }),
    type,
    payload,
  );
}

/** The child frame showing a card (its URL is not always reported over BiDi). */
async function cardFrameOf(page: Page) {
  for (const f of page.frames()) {
    if (f === page.mainFrame()) continue;
    if (await f.evaluate(() => !!document.querySelector('#entity-name')).catch(() => false)) return f;
  }
  return undefined;
}

/** Hovers the first occurrence of a text and returns the card's frame once it shows `name`. */
async function hoverText(page: Page, text: string, name: string) {
  const at = await page.evaluate((want: string) => {
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode() as Text | null; n; n = w.nextNode() as Text | null) {
      const i = n.data.indexOf(want);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + want.length);
      const b = r.getClientRects()[0]!;
      return { x: b.left + 8, y: b.top + b.height / 2 };
    }
    return null;
  }, text);
  if (!at) return undefined;
  await page.mouse.move(5, 5);
  await sleep(500);
  await page.mouse.move(at.x + 120, at.y + 120);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  return until(async () => {
    const f = await cardFrameOf(page);
    const shown = f ? await f.evaluate(() => document.querySelector('#entity-name')?.textContent) : undefined;
    return shown === name ? f : undefined;
  });
}

/**
 * The journeys beyond the first card: popup search, an entity of the reader's own (marked
 * privately, its card, its note), and a backup exported and imported again.
 */
async function journeys(
  browser: Browser,
  opener: Frame,
  origin: string,
  serverUrl: string,
  check: Check,
): Promise<void> {
  // WebDriver BiDi may not navigate to moz-extension addresses. The card's frame asks the
  // background to open the options page (as its "See the list" link does); that page, a full
  // extension tab, opens the popup page in a tab.
  // The new tab's target may report no address over BiDi: each page is asked for its own.
  const pageAt = async (path: string, opening: () => Promise<unknown>): Promise<Page> => {
    const before = new Set(await browser.pages());
    await opening();
    const page = await until(async () => {
      for (const p of await browser.pages()) {
        if (before.has(p)) continue;
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href === `${origin}${path}`) return p;
      }
      return undefined;
    }, 20_000);
    if (!page) throw new Error(`no page for ${path}`);
    return page;
  };
  const options = await pageAt('/options.html#/entities', () =>
    opener.evaluate(() =>
      (
        globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
      ).browser.runtime.sendMessage({ type: 'options:open', payload: { hash: '#/entities' } }),
    ),
  );
  const popup = await pageAt('/popup.html', () =>
    options.evaluate(
      (url: string) =>
        (
          globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }
        ).browser.tabs.create({ url }),
      `${origin}/popup.html`,
    ),
  );
  // Popup search (the popup page opened in a tab).
  await popup.waitForSelector('input[aria-label="Search entities"]');
  await popup.type('input[aria-label="Search entities"]', 'Securities and Exchange');
  const hit = await until(
    () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('section[aria-label="Search results"] li button')]
          .map((b) => b.textContent ?? '')
          .find((t) => t.includes('Securities and Exchange Commission')),
      ),
    30_000,
  );
  check(
    'popup search finds the SEC',
    !!hit,
    hit ?? (await popup.evaluate(() => document.body.innerText.slice(0, 300)).catch(() => '')),
  );

  // An entity of the reader's own, added from the options page.
  const added = await send(options, 'custom:add', {
    entity: {
      name: 'Zhou Lanxin',
      aliases: ['周兰心'],
      type: 'official',
      description: 'Followed since the spring.',
      links: ['https://gov.test/zhou'],
    },
  });
  check('an entity of your own is saved', added.ok, JSON.stringify(added));
  const page = await browser.newPage();
  await page.goto(`${serverUrl}/ff-custom.html`);
  await page.waitForFunction(() => performance.getEntriesByName('dramatis:scan', 'measure').length > 0, {
    timeout: 20_000,
  });
  const registered = await page.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights)
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push(`${name}:${range.toString()}`);
      }
    return out.sort();
  });
  check(
    'the reader’s own name is not in CSS.highlights (page scripts read it); bundled names are',
    registered.includes('dramatis-firm:Alibaba Group') && !registered.some((r) => /Zhou|周/.test(r)),
    JSON.stringify(registered),
  );
  const hostOk = await page.evaluate(() => {
    const h = document.querySelector('dramatis-marks-host');
    return !!h && h.shadowRoot === null && h.getBoundingClientRect().width === 0;
  });
  check('the private marks host is on the page, closed and of no size', hostOk);
  const card = await hoverText(page, 'Zhou Lanxin', 'Zhou Lanxin');
  const cardText = card ? await card.evaluate(() => document.body.innerText) : '';
  check(
    'hovering the reader’s own name opens its card: “Your entity”, description, link',
    /Your entity/.test(cardText) &&
      cardText.includes('Followed since the spring.') &&
      cardText.includes('gov.test/zhou'),
    cardText.slice(0, 200),
  );
  if (card) {
    await card.type('textarea[aria-label^="New note"]', 'Firefox note on my own entity');
    await card.click('.note-editor button[type="submit"]');
    await card
      .waitForFunction(
        () =>
          [...document.querySelectorAll('.note-text')].some((n) => n.textContent === 'Firefox note on my own entity'),
        { timeout: 10_000 },
      )
      .catch(() => {});
  }

  // Export a backup from the options page (the download captured as it is made), then import it
  // into an emptied store: notes and the reader's entity come back.
  await options.evaluate(() => (location.hash = '#/backup'));
  await options.waitForSelector('input[aria-label="Import notes file"]');
  await options.evaluate(() => {
    const w = window as unknown as { __downloads: Promise<string>[] };
    w.__downloads = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      w.__downloads.push(fetch(this.href).then((r) => r.text()));
    };
  });
  await options.evaluate(() =>
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export JSON')?.click(),
  );
  const exported = await until(() =>
    options.evaluate(async () => {
      const d = (window as unknown as { __downloads: Promise<string>[] }).__downloads;
      return d.length ? d[0] : undefined;
    }),
  );
  const file = exported
    ? (JSON.parse(exported) as { notes: { text: string }[]; entities: { name: string }[] })
    : undefined;
  check(
    'export: one JSON file with the notes and the reader’s entity',
    !!file &&
      file.notes.some((n) => n.text === 'Firefox note on my own entity') &&
      file.entities.some((e) => e.name === 'Zhou Lanxin'),
    exported?.slice(0, 200) ?? 'no download',
  );
  if (!file || !exported) return;
  const id = (added.data as { id: string }).id;
  const notes = (await send(options, 'notes:all', {})).data as { id: string }[];
  for (const n of notes) await send(options, 'notes:delete', { id: n.id });
  await send(options, 'custom:delete', { id });
  const path = join(tmpdir(), `dramatis-ff-${Date.now()}.json`);
  writeFileSync(path, exported);
  const input = await options.$('input[aria-label="Import notes file"]');
  await (input as unknown as { uploadFile(p: string): Promise<void> }).uploadFile(path);
  const status = await until(() =>
    options.evaluate(() => {
      const t = document.querySelector('[role="status"]')?.textContent ?? '';
      return t.startsWith('Imported') ? t : undefined; // not the export's message still shown
    }),
  );
  rmSync(path, { force: true });
  check('import: the file is read back', /Imported .*Your entities: 0 added, 1 updated/.test(status ?? ''), status);
  const back = await send(options, 'custom:list', {});
  const notesBack = await send(options, 'notes:all', {});
  check(
    'import: the reader’s entity and notes are back',
    (back.data as { name: string }[]).some((e) => e.name === 'Zhou Lanxin') &&
      (notesBack.data as { text: string }[]).some((n) => n.text === 'Firefox note on my own entity'),
    JSON.stringify([back, notesBack]).slice(0, 300),
  );
  await page.reload();
  const again = await hoverText(page, '周兰心', 'Zhou Lanxin');
  check('after the import the name is marked again, with its card', !!again);
}

async function main(): Promise<number> {
  if (!existsSync(FIREFOX)) {
    const msg = `No Firefox at ${FIREFOX}: install it (sudo apt-get install firefox-esr) or set FIREFOX_PATH.`;
    // CI installs it, so there a missing Firefox is a failure; on a reader's machine, a skip.
    if (process.env.CI) {
      console.error(msg);
      return 1;
    }
    console.log(`firefox smoke: skipped. ${msg}`);
    return 0;
  }
  if (!existsSync(join(EXT, 'manifest.json'))) {
    console.error(`The Firefox build is missing (${EXT}): run \`npm run build:firefox\` first.`);
    return 1;
  }
  const server = await startServer({
    '/ff.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Firefox smoke</title></head><body>
<p>Niu Yibing, vice minister of the Cyberspace Administration of China (CAC), spoke.</p>
<p>Alibaba Group and Tencent Holdings cut investment; <a href="#">Didi</a> Global was fined.</p>
<p>国家网信办表示。</p><textarea>Sun Weimin in a textarea</textarea></body></html>`,
    '/ff-custom.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Firefox, your own names</title></head><body>
<p>Zhou Lanxin, a new official, met Alibaba Group on Monday.</p><p>周兰心表示。</p></body></html>`,
  });
  let browser: Browser | undefined;
  let passed = 0;
  let failed = 0;
  const check: Check = (name: string, ok: boolean, detail = '') => {
    if (ok) passed++;
    else failed++;
    console.log(`${ok ? '✓' : '✘'} ${name}${ok ? '' : `  ${detail}`}`);
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      protocol: 'webDriverBiDi',
      extraPrefsFirefox: { 'xpinstall.signatures.required': false, 'extensions.autoDisableScopes': 0 },
    });
    await browser.installExtension(EXT);
    const page = await browser.newPage();
    await page.goto(`${server.url}/ff.html`);
    await page.waitForFunction(() => performance.getEntriesByName('dramatis:scan', 'measure').length > 0, {
      timeout: 20_000,
    });
    const found = await page.evaluate(() => {
      const out: string[] = [];
      const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      for (const [name, h] of reg)
        for (const r of h) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          out.push(`${name}:${range.toString()}`);
        }
      return out.sort();
    });
    const want = [
      'dramatis-firm:Alibaba Group',
      'dramatis-firm:Didi Global',
      'dramatis-firm:Tencent Holdings',
      'dramatis-official:Niu Yibing',
      'dramatis-regulator:CAC',
      'dramatis-regulator:Cyberspace Administration of China',
      'dramatis-regulator:国家网信办',
    ];
    check(
      'seed entities highlighted by category in Firefox',
      JSON.stringify(found) === JSON.stringify(want),
      JSON.stringify(found),
    );
    const spans = await page.evaluate(() => document.querySelectorAll('mark, [class*="dramatis"]').length);
    check('no elements added to the page to highlight', spans === 0, String(spans));
    // Hover "Niu Yibing": the card frame (moz-extension origin, closed shadow root) opens beside it.
    const at = await page.evaluate(() => {
      const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
      for (const r of reg.get('dramatis-official') ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + 10, y: rect.top + rect.height / 2 };
      }
      return null;
    });
    if (at) {
      await page.mouse.move(at.x + 200, at.y + 200);
      await page.mouse.move(at.x, at.y, { steps: 4 });
      await new Promise((r) => setTimeout(r, 2000));
    }
    const card = await page.evaluate(() => {
      const h = document.querySelector('dramatis-card-host') as HTMLElement | null;
      if (!h) return 'no card host';
      const r = h.getBoundingClientRect();
      return `${getComputedStyle(h).visibility} ${Math.round(r.width)}x${Math.round(r.height)} shadow=${String(h.shadowRoot)}`;
    });
    check(
      'hovering a name opens the card frame, sized to its content',
      /^visible \d{3}x\d{2,3} shadow=null$/.test(card) && !card.includes('x240 '),
      card,
    );
    console.log(`  card: ${card}`);
    // A note written in the card is kept by the background (Dexie in the extension's origin).
    // The frame's URL is not always reported over BiDi; find the child frame showing a card.
    const cardFrame = async () => {
      for (const f of page.frames()) {
        if (f === page.mainFrame()) continue;
        const ok = await f.evaluate(() => !!document.querySelector('#entity-name')).catch(() => false);
        if (ok) return f;
      }
      return undefined;
    };
    const frame = await cardFrame();
    if (!frame)
      check(
        'the card frame is reachable by the test driver',
        false,
        page
          .frames()
          .map((f) => f.url())
          .join(', '),
      );
    else {
      const note = `Firefox note ${Date.now()}`;
      await frame.waitForSelector('textarea[aria-label^="New note"]');
      await frame.type('textarea[aria-label^="New note"]', note);
      await frame.click('.note-editor button[type="submit"]');
      await frame.waitForFunction(
        (text: string) => [...document.querySelectorAll('.note-text')].some((n) => n.textContent === text),
        { timeout: 10_000 },
        note,
      );
      // Reload the page: the note comes back from the background into a fresh card.
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('dramatis:scan', 'measure').length > 0);
      if (at) {
        await page.mouse.move(at.x + 200, at.y + 200);
        await page.mouse.move(at.x, at.y, { steps: 4 });
      }
      const again = await (async () => {
        for (let i = 0; i < 50; i++) {
          const f = await cardFrame();
          const texts = f ? await f.$$eval('.note-text', (ns) => ns.map((n) => n.textContent)).catch(() => []) : [];
          if (texts.includes(note)) return true;
          await new Promise((r) => setTimeout(r, 200));
        }
        return false;
      })();
      check('a note saved in the card comes back after a reload', again);
      const pageDbs = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
      check('the page origin holds no database of ours', pageDbs.length === 0, JSON.stringify(pageDbs));

      // The per-install address: a page that knows it (here the test tells it) and frames the card
      // gets no reply and sees an empty card, although a note exists on this very entity.
      const genuine = await cardFrame();
      const url = genuine ? await genuine.evaluate(() => location.href) : '';
      const leaked = await page.evaluate(
        (u: string) => performance.getEntries().some((e) => e.name.startsWith(u.slice(0, 20))),
        url,
      );
      check('the page sees no extension address in its performance entries', !leaked);
      const replies = await page.evaluate(async (u: string) => {
        const log: string[] = [];
        const f = document.createElement('iframe');
        f.src = `${u}#framed-by-the-page`;
        document.body.append(f);
        await new Promise((r) => f.addEventListener('load', r, { once: true }));
        window.addEventListener('message', (e) => log.push(`window ${JSON.stringify(e.data)}`));
        for (const hello of [{ type: 'dramatis:connect' }, { type: 'dramatis:connect', ticket: 'a'.repeat(64) }]) {
          const ch = new MessageChannel();
          ch.port1.onmessage = (e) => log.push(`port ${JSON.stringify(e.data)}`);
          f.contentWindow!.postMessage(hello, '*', [ch.port2]);
          ch.port1.postMessage({
            type: 'show',
            entityId: 'cn-niu-yibing',
            pageEntityIds: [],
            pageUrl: '',
            pageTitle: '',
          });
        }
        await new Promise((r) => setTimeout(r, 2000));
        return log;
      }, url);
      let shown = 'no framed card found';
      for (const f of page.frames()) {
        const probe = await f
          .evaluate(() => (location.hash === '#framed-by-the-page' ? document.getElementById('app')?.innerHTML : null))
          .catch(() => null);
        if (typeof probe === 'string') shown = probe.slice(0, 80);
      }
      check(
        'a page framing card.html at its moz-extension address gets no reply and an empty card',
        !!url && replies.length === 0 && shown === '',
        `${url} ${JSON.stringify(replies)} ${shown}`,
      );
      const origin = /^moz-extension:\/\/[^/]+/.exec(url)?.[0];
      if (origin && genuine) await journeys(browser, genuine, origin, server.url, check);
      else check('the extension’s address is known', false);
    }
  } catch (err) {
    check('Firefox run', false, err instanceof Error ? err.message : String(err));
  } finally {
    await browser?.close();
    await server.close();
  }
  console.log(`firefox smoke: ${passed} of ${passed + failed} checks passed`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
