import { test, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, ROOT } from '../support/browser';
import { startServer, type StaticServer } from '../support/server';

export interface HighlightInfo {
  category: string;
  text: string;
}

/** Every registered Dramatis highlight range, as [category, text] pairs in document order. */
export async function registeredHighlights(page: Page | Frame): Promise<HighlightInfo[]> {
  return page.evaluate(() => {
    const out: { category: string; text: string }[] = [];
    const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, h] of reg) {
      if (!name.startsWith('dramatis-')) continue;
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        out.push({ category: name.slice('dramatis-'.length), text: range.toString() });
      }
    }
    return out;
  });
}

/** Waits until the extension's first scan pass has been measured. */
export async function waitForScan(page: Page | Frame, passes = 1): Promise<void> {
  await page.waitForFunction((n) => performance.getEntriesByName('dramatis:scan', 'measure').length >= n, passes, {
    timeout: 20_000,
  });
}

/** Centre of the first registered range whose text equals `text`, in viewport coordinates. */
export async function pointOfMention(page: Page, text: string): Promise<{ x: number; y: number }> {
  const p = await page.evaluate((want) => {
    const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [name, h] of reg) {
      if (!name.startsWith('dramatis-')) continue;
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== want) continue;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  if (!p) throw new Error(`no highlighted mention "${text}"`);
  return p;
}

/** The card's frame (extension origin), once it has rendered an entity. */
export async function cardFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const f = page.frames().find((fr) => fr.url().endsWith('/card.html'));
    if (
      f &&
      (await f
        .locator('#entity-name')
        .count()
        .catch(() => 0))
    )
      return f;
    await page.waitForTimeout(100);
  }
  throw new Error('the card did not open');
}

/** Hovers a mention and waits for its card. */
export async function hoverMention(page: Page, text: string): Promise<Frame> {
  const { x, y } = await pointOfMention(page, text);
  await page.mouse.move(x - 40, y - 40);
  await page.mouse.move(x, y, { steps: 4 });
  return cardFrame(page);
}

/**
 * A browser with the built extension and the fixture server, shared by a spec file's tests and
 * closed after them. Read `server` and `context` inside tests (they exist once beforeAll ran).
 */
export function extensionSuite(): { readonly server: StaticServer; readonly context: BrowserContext } {
  const s: { server?: StaticServer; context?: BrowserContext; userDataDir?: string } = {};
  test.beforeAll(async () => {
    s.server = await startServer();
    ({ context: s.context, userDataDir: s.userDataDir } = await launchWithExtension());
  });
  test.afterAll(async () => {
    await s.context?.close();
    await s.server?.close();
    if (s.userDataDir) rmSync(s.userDataDir, { recursive: true, force: true });
  });
  return {
    get server() {
      return s.server!;
    },
    get context() {
      return s.context!;
    },
  };
}

/**
 * axe-core's violations in a page or frame, one line each (rule: offending elements): WCAG 2.0 to
 * 2.2 A and AA, and axe's best practices (one main heading, landmarks, …).
 */
export async function axeViolations(target: Page | Frame): Promise<string[]> {
  const axeSource = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await target.evaluate(axeSource);
  return target.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{ violations: { id: string; help: string; nodes: { html: string }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.html).join(' | ')}`);
  });
}
