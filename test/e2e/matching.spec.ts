/**
 * Matching off the page: the page agent sends text to the one matcher in the background. These
 * tests stop the service worker mid-scan, open many tabs at once, load a page full of frames, and
 * check what the content script bundle holds.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, extensionId, launchWithExtension, ROOT } from '../support/browser';
import { startServer, type StaticServer } from '../support/server';
import { registeredHighlights, waitForScan } from './helpers';

const NAMES = ['Alibaba Group', 'Tencent Holdings', 'the Securities and Exchange Commission', 'Didi Global', 'the CAC'];

/** A long news-like page (~1.5 M characters) naming entities in every paragraph. */
function longPage(paragraphs = 3000): string {
  const ps: string[] = [];
  for (let i = 0; i < paragraphs; i++)
    ps.push(
      `<p>Paragraph ${i}: analysts said ${NAMES[i % NAMES.length]} and ${NAMES[(i + 2) % NAMES.length]} ` +
        `would face new rules this quarter, according to people familiar with the matter, who asked not ` +
        `to be named because the talks were private; the ${i % 2 ? 'review' : 'inquiry'} continues into next year ` +
        `while markets waited for guidance and the wider economy slowed again.</p>`,
    );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Long page</title></head><body>${ps.join('\n')}</body></html>`;
}

/** 30 frames: 26 without reading text (ads, pixels, widgets), 4 with a story; half of those cross-origin. */
function framesPage(port: number): string {
  const frames: string[] = [];
  for (let i = 0; i < 30; i++) {
    if (i % 8 === 3) {
      const host = i % 16 === 3 ? '127.0.0.1' : 'localhost';
      frames.push(
        `<iframe src="http://${host}:${port}/reading/frame-child.html" style="width:500px;height:120px"></iframe>`,
      );
    } else if (i % 3 === 0) frames.push(`<iframe src="about:blank" style="width:300px;height:50px"></iframe>`);
    else if (i % 3 === 1)
      frames.push(
        `<iframe srcdoc="<div style='width:300px;height:250px;background:#eee'></div>" style="width:300px;height:250px"></iframe>`,
      );
    else frames.push(`<iframe src="/reading/frame-empty.html" style="width:1px;height:1px"></iframe>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames</title></head><body>
<p>The parent page names Tencent Holdings and Alibaba Group.</p>${frames.join('\n')}</body></html>`;
}

let server: StaticServer;
test.beforeAll(async () => {
  const routes: Record<string, string> = { '/long.html': longPage() };
  server = await startServer(routes);
  // The frames page names its frames by this server's port (same origin and cross origin).
  routes['/many-frames.html'] = framesPage(Number(new URL(server.url).port));
  routes['/revealed.html'] = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Revealed</title>
<style>.more { display: none; }</style></head><body>
<p>The regulator published a short notice on Monday about data rules for platforms.</p>
<section class="more"><p>Read more: the Cyberspace Administration of China (CAC) set the rules.</p></section>
</body></html>`;
});
test.afterAll(async () => {
  await server?.close();
});

async function withBrowser(fn: (context: BrowserContext, id: string) => Promise<void>, withExtension = true) {
  const { context, userDataDir } = await launchWithExtension({ withExtension });
  try {
    await fn(context, withExtension ? await extensionId(context) : '');
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
  });
  return errors;
}

/** Stops the extension's service worker through CDP, from one of its own pages, kept open. */
async function workerStopper(context: BrowserContext, id: string): Promise<() => Promise<void>> {
  const ext = await context.newPage();
  await ext.goto(`chrome-extension://${id}/options.html`);
  const cdp = await context.newCDPSession(ext);
  await cdp.send('ServiceWorker.enable');
  return async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
  };
}

test('the service worker stopped mid-scan: the marks still appear and the page logs no error', async () => {
  await withBrowser(async (context, id) => {
    const [worker] = context.serviceWorkers();
    const stopServiceWorker = await workerStopper(context, id);
    const page = await context.newPage();
    const errors = collectErrors(page);
    // Reference: the same page, undisturbed.
    // Above 2,000 marks only those near the viewport are registered: count what the pass placed.
    const marksPlaced = () =>
      page.evaluate(() => {
        const all = performance.getEntriesByName('dramatis:scan', 'measure') as PerformanceMeasure[];
        return (all[all.length - 1]?.detail as { mentions?: number } | undefined)?.mentions ?? 0;
      });
    await page.goto(`${server.url}/long.html`);
    await waitForScan(page);
    const want = await marksPlaced();
    expect(want).toBeGreaterThan(3000);

    await page.goto(`${server.url}/long.html`);
    // Wait until the matcher is busy with this page's pass, then stop the worker under it.
    const deadline = Date.now() + 15_000;
    let caught = false;
    while (!caught && Date.now() < deadline) {
      caught = await worker!
        .evaluate(
          () => !!(globalThis as unknown as { dramatisMatcher?: { working: boolean } }).dramatisMatcher?.working,
        )
        .catch(() => false);
      if (!caught) await page.waitForTimeout(5);
    }
    expect(caught).toBe(true);
    await stopServiceWorker();
    // The pass had not ended when the worker stopped: its marks come from the retry.
    expect(await page.evaluate(() => performance.getEntriesByName('dramatis:scan').length)).toBe(0);
    await waitForScan(page);
    expect(await marksPlaced()).toBe(want);
    expect((await registeredHighlights(page)).length).toBeGreaterThan(10);

    // And once more on an established page: the worker stops, the page changes, the change is marked.
    await stopServiceWorker();
    await page.goto(`${server.url}/reading/article.html`);
    await waitForScan(page);
    await stopServiceWorker();
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Later, Didi Global confirmed the talks.';
      document.body.append(p);
    });
    await expect
      .poll(async () => (await registeredHighlights(page)).map((h) => h.text), { timeout: 15_000 })
      .toContain('Didi Global');
    expect(errors).toEqual([]);
  });
});

test('20 tabs opened at once all get their marks', async () => {
  await withBrowser(async (context) => {
    const pages = await Promise.all(Array.from({ length: 20 }, () => context.newPage()));
    const t0 = Date.now();
    await Promise.all(pages.map((p, i) => p.goto(`${server.url}/reading/article.html?tab=${i}`)));
    await Promise.all(pages.map((p) => waitForScan(p)));
    console.log(`20 tabs: all marked ${Date.now() - t0} ms after the first navigation began`);
    for (const p of pages) {
      const texts = (await registeredHighlights(p)).map((h) => h.text);
      expect(texts).toContain('Cyberspace Administration of China');
      expect(texts).toContain('Niu Yibing');
    }
  });
});

test('a page with 30 frames, most without text, keeps working; its main-thread cost is printed', async () => {
  const url = `${server.url}/many-frames.html`;
  const taskTime = async (page: Page): Promise<number> => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(2500);
    const after = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
    await cdp.detach();
    return (after - before) * 1000;
  };
  {
    let without = 0;
    await withBrowser(async (context) => {
      const page = await context.newPage();
      await taskTime(page);
      without = await taskTime(page);
    }, false);
    await withBrowser(async (context) => {
      const page = await context.newPage();
      const errors = collectErrors(page);
      await taskTime(page);
      const withExt = await taskTime(page);
      console.log(
        `30 frames: main-thread task time ${withExt.toFixed(0)} ms with the extension, ${without.toFixed(0)} ms without (+${(withExt - without).toFixed(0)} ms)`,
      );
      await waitForScan(page);
      expect((await registeredHighlights(page)).map((h) => h.text).sort()).toEqual([
        'Alibaba Group',
        'Tencent Holdings',
      ]);
      const textFrames = page.frames().filter((f) => f.url().endsWith('/frame-child.html'));
      expect(textFrames.length).toBe(4);
      for (const f of textFrames) {
        await waitForScan(f);
        // A frame not laid out yet when its first pass placed the marks gets them in the pass
        // that follows its first layout (the agent watches the elements that had no box).
        await expect
          .poll(async () => (await registeredHighlights(f)).map((h) => h.text), { timeout: 10_000 })
          .toEqual(['Cyberspace Administration of China', 'CAC']);
      }
      // Frames without text never scanned: no measure in any of them.
      for (const f of page.frames().filter((x) => !x.url().endsWith('/frame-child.html') && x !== page.mainFrame()))
        expect(await f.evaluate(() => performance.getEntriesByName('dramatis:scan').length).catch(() => 0)).toBe(0);
      expect(errors).toEqual([]);
    });
  }
});

test('marks in text that had no box when placed appear once it shows, with no mutation to announce it', async () => {
  await withBrowser(async (context) => {
    const page = await context.newPage();
    await page.goto(`${server.url}/revealed.html`);
    await waitForScan(page);
    expect(await registeredHighlights(page)).toEqual([]);
    // A style sheet change shows the section: no element, attribute or text changes.
    await page.evaluate(() => document.styleSheets[0]!.insertRule('.more { display: block; }', 1));
    await expect
      .poll(async () => (await registeredHighlights(page)).map((h) => h.text), { timeout: 10_000 })
      .toEqual(['Cyberspace Administration of China', 'CAC']);
  });
});

test('the bootstrap in every frame is a few KB; the page agent stays small; neither holds an index', () => {
  for (const dir of [EXTENSION_DIR, join(ROOT, process.env.DRAMATIS_OUT ?? '.output', 'firefox-mv2')]) {
    // The bootstrap (every frame) and the agent (injected where a frame has text).
    for (const [name, limit] of [
      ['boot.js', 8 * 1024],
      ['agent.js', 60 * 1024],
    ] as const) {
      const file = join(dir, name);
      let size: number;
      try {
        size = statSync(file).size;
      } catch {
        if (dir !== EXTENSION_DIR) continue; // the Firefox build is checked when present
        throw new Error(`no ${name} at ${file}: build first`);
      }
      const js = readFileSync(file, 'utf8');
      expect(size, `${file} is ${size} bytes`).toBeLessThanOrEqual(limit);
      // No entity data: no ids, names or long base64 runs.
      for (const needle of ['cn-cac', 'Cyberspace Administration of China', 'us-aapl', 'Niu Yibing'])
        expect(js.includes(needle), `${name} holds "${needle}"`).toBe(false);
      expect(/[A-Za-z0-9+/]{2000,}/.test(js)).toBe(false);
    }
  }
});
