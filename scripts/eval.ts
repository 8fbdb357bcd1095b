/**
 * `npm run eval`: measured matching quality on the labelled pages in
 * `test/fixtures/pages/eval/` (conventions in that folder's README.md).
 *
 * Each page is loaded in Chromium with the built extension; once the `dramatis:scan` measure is
 * recorded, the registered highlights are read back and compared with the page's labels on
 * (text, occurrence, category): text is the highlighted text with whitespace collapsed, the
 * occurrence counts whole-word occurrences of that text in the page's visible text, and the
 * category comes from the labelled entity's type in the dataset. Highlights carry no entity id,
 * so the content script's own list of entity ids (the popup's `page:mentions` message) is read
 * too: an entity counts as found only when one of its mentions matched and its id is listed.
 *
 * Prints a table, writes `bench/eval-results.json`, and exits 0 (it is a report) unless a
 * threshold is given: `--min-precision 0.97 --min-entity-recall 0.95`.
 * Other flags: `--page <name>` (only pages whose name contains it), `--verbose` (context of every
 * false positive and miss), `--check-labels` (print every label and every unlabelled occurrence
 * of a labelled text, for reviewing labels).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { loadDataset } from '../lib/dataset/load';
import { launchWithExtension, ROOT } from '../test/support/browser';
import { FIXTURES, startServer } from '../test/support/server';

const EVAL_DIR = join(FIXTURES, 'eval');
const RESULTS = join(ROOT, 'bench', 'eval-results.json');

interface Label {
  text: string;
  entity: string;
  occurrence: number;
  note?: string;
}

interface Found {
  category: string;
  text: string;
  occurrence: number;
  /** The raw range text began with an article ("the Fed"), dropped for comparison. */
  article: boolean;
  context: string;
}

interface PageText {
  text: string;
  /** Whole-word occurrences of each asked text: [start offset, context]. */
  occurrences: Record<string, [number, string][]>;
}

interface PageResult {
  page: string;
  highlights: number;
  correct: number;
  labelled: number;
  found: number;
  entities: number;
  entitiesFound: number;
  precision: number;
  mentionRecall: number;
  entityRecall: number;
  falsePositives: { text: string; occurrence: number; category: string; context: string; why: string }[];
  misses: { text: string; occurrence: number; entity: string; category: string; context: string; why: string }[];
  missedEntities: string[];
  /** Entity ids the content script reports that no label names. */
  unexpectedEntities: string[];
  articleHighlights: number;
  labelErrors: string[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const pct = (x: number) => x.toFixed(3);

/**
 * Runs in the page. Builds the page's visible text (text nodes in document order, whitespace
 * runs collapsed to one space, a space between block-level elements), maps every Dramatis
 * highlight onto it, and counts occurrences of the texts asked for.
 */
function readPage(ask: string[]): { found: Found[]; page: PageText } {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'HEAD', 'TITLE']);
  const isWord = (c: string | undefined) =>
    !!c &&
    /[\p{L}\p{N}]/u.test(c) &&
    !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(c);
  const blockOf = (el: Element | null): Element | null => {
    while (el && el !== document.body && getComputedStyle(el).display.startsWith('inline')) el = el.parentElement;
    return el;
  };
  let flat = '';
  const maps = new Map<Text, Int32Array>();
  let lastBlock: Element | null = null;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const parent = n.parentElement;
    if (!parent) continue;
    let skip = false;
    for (let e: Element | null = parent; e; e = e.parentElement) if (SKIP.has(e.tagName)) skip = true;
    if (skip || !parent.checkVisibility({ visibilityProperty: true })) continue;
    const block = blockOf(parent);
    if (block !== lastBlock && flat && !flat.endsWith(' ')) flat += ' ';
    lastBlock = block;
    const map = new Int32Array(n.data.length + 1);
    for (let i = 0; i < n.data.length; i++) {
      map[i] = flat.length;
      const ch = n.data[i]!;
      if (/\s/.test(ch)) {
        if (flat && !flat.endsWith(' ')) flat += ' ';
      } else flat += ch;
    }
    map[n.data.length] = flat.length;
    maps.set(n, map);
  }
  const posOf = (node: Node, offset: number): number => {
    if (node.nodeType === Node.TEXT_NODE) return maps.get(node as Text)?.[offset] ?? -1;
    const child = node.childNodes[offset];
    if (child) {
      const w = document.createTreeWalker(child, NodeFilter.SHOW_TEXT);
      for (
        let t = (child.nodeType === Node.TEXT_NODE ? child : w.nextNode()) as Text | null;
        t;
        t = w.nextNode() as Text | null
      )
        if (maps.has(t)) return maps.get(t)![0]!;
    }
    return -1;
  };
  const occurrencesOf = (text: string): number[] => {
    const out: number[] = [];
    if (!text) return out;
    for (let at = flat.indexOf(text); at !== -1; at = flat.indexOf(text, at + 1)) {
      const wordStart = isWord(text[0]) && isWord(flat[at - 1]);
      const wordEnd = isWord(text[text.length - 1]) && isWord(flat[at + text.length]);
      if (!wordStart && !wordEnd) out.push(at);
    }
    return out;
  };
  const context = (at: number, len: number) =>
    `${flat.slice(Math.max(0, at - 50), at)}[${flat.slice(at, at + len)}]${flat.slice(at + len, at + len + 50)}`;

  const found: Found[] = [];
  const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  for (const [name, h] of reg) {
    if (!name.startsWith('dramatis-')) continue;
    for (const r of h) {
      let start = posOf(r.startContainer, r.startOffset);
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      let text = range.toString().replace(/\s+/g, ' ').trim();
      let article = false;
      const m = /^the /i.exec(text);
      if (m) {
        text = text.slice(m[0].length);
        article = true;
        start = flat.indexOf(text, start);
      }
      const occ = occurrencesOf(text);
      let k = occ.findIndex((o) => o >= start);
      if (k === -1) k = occ.length - 1;
      found.push({
        category: name.slice('dramatis-'.length),
        text,
        occurrence: k + 1,
        article,
        context: context(occ[k] ?? start, text.length),
      });
    }
  }
  const occurrences: Record<string, [number, string][]> = {};
  for (const t of ask) occurrences[t] = occurrencesOf(t).map((at) => [at, context(at, t.length)]);
  return { found, page: { text: flat, occurrences } };
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return worker;
}

/** The entity ids the content script reports for the tab showing `url`. */
async function reportedEntities(worker: Worker, url: string): Promise<string[] | undefined> {
  return worker
    .evaluate(async (u) => {
      const c = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(q: object): Promise<{ id?: number; url?: string }[]>;
              sendMessage(id: number, msg: unknown): Promise<unknown>;
            };
          };
        }
      ).chrome;
      const tabs = await c.tabs.query({});
      const tab = tabs.find((t) => t.url === u);
      if (tab?.id === undefined) return undefined;
      const reply = (await c.tabs.sendMessage(tab.id, { type: 'page:mentions', payload: {} })) as
        { ok: true; data: { entities: { id: string }[] } } | { ok: false };
      return reply?.ok ? reply.data.entities.map((e) => e.id) : undefined;
    }, url)
    .catch(() => undefined);
}

async function evalPage(
  page: Page,
  worker: Worker,
  url: string,
  name: string,
  labels: Label[],
  typeOf: Map<string, string>,
  checkLabels: boolean,
): Promise<PageResult> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('dramatis:scan', 'measure').length >= 1, null, {
    timeout: 20_000,
  });
  const { found, page: text } = await page.evaluate(readPage, [...new Set(labels.map((l) => l.text))]);
  const ids = await reportedEntities(worker, page.url());

  const labelErrors: string[] = [];
  const key = (t: string, o: number) => `${o}\u0000${t}`;
  const labelled = new Map<string, Label>();
  for (const l of labels) {
    if (!typeOf.has(l.entity)) labelErrors.push(`unknown entity ${l.entity} ("${l.text}")`);
    if (!text.occurrences[l.text]?.[l.occurrence - 1])
      labelErrors.push(
        `"${l.text}" occurrence ${l.occurrence} not on the page (${text.occurrences[l.text]?.length ?? 0} found)`,
      );
    if (labelled.has(key(l.text, l.occurrence)))
      labelErrors.push(`"${l.text}" occurrence ${l.occurrence} labelled twice`);
    labelled.set(key(l.text, l.occurrence), l);
  }
  if (checkLabels) {
    console.log(`\n== ${name}`);
    for (const [t, occ] of Object.entries(text.occurrences))
      occ.forEach(([, ctx], i) => {
        const l = labelled.get(key(t, i + 1));
        console.log(`  ${l ? `${l.entity.padEnd(28)}` : '(not labelled)'.padEnd(28)} #${i + 1} ${ctx}`);
      });
  }

  const matched = new Set<string>();
  const falsePositives: PageResult['falsePositives'] = [];
  let correct = 0;
  for (const f of found) {
    const l = labelled.get(key(f.text, f.occurrence));
    const want = l ? typeOf.get(l.entity) : undefined;
    if (l && want === f.category && !matched.has(key(f.text, f.occurrence))) {
      matched.add(key(f.text, f.occurrence));
      correct++;
    } else
      falsePositives.push({
        text: f.text,
        occurrence: f.occurrence,
        category: f.category,
        context: f.context,
        why: l ? `labelled ${l.entity} (${want})` : 'not a labelled mention',
      });
  }
  const reported = ids ? new Set(ids) : undefined;
  const misses: PageResult['misses'] = [];
  const entityFound = new Map<string, boolean>();
  for (const l of labels) {
    const hit = matched.has(key(l.text, l.occurrence));
    const right = hit && (!reported || reported.has(l.entity));
    entityFound.set(l.entity, (entityFound.get(l.entity) ?? false) || right);
    if (!hit)
      misses.push({
        text: l.text,
        occurrence: l.occurrence,
        entity: l.entity,
        category: typeOf.get(l.entity) ?? '?',
        context: text.occurrences[l.text]?.[l.occurrence - 1]?.[1] ?? '',
        why: found.some((f) => f.text === l.text && f.occurrence === l.occurrence)
          ? 'highlighted with another category'
          : 'not highlighted',
      });
  }
  const labelledIds = new Set(labels.map((l) => l.entity));
  const entities = labelledIds.size;
  const entitiesFound = [...entityFound.values()].filter(Boolean).length;
  return {
    page: name,
    highlights: found.length,
    correct,
    labelled: labels.length,
    found: labels.length - misses.length,
    entities,
    entitiesFound,
    precision: ratio(correct, found.length),
    mentionRecall: ratio(labels.length - misses.length, labels.length),
    entityRecall: ratio(entitiesFound, entities),
    falsePositives,
    misses,
    missedEntities: [...entityFound].filter(([, ok]) => !ok).map(([id]) => id),
    unexpectedEntities: ids ? ids.filter((id) => !labelledIds.has(id)) : [],
    articleHighlights: found.filter((f) => f.article).length,
    labelErrors,
  };
}

async function main(): Promise<void> {
  const only = arg('--page');
  const minPrecision = arg('--min-precision');
  const minEntityRecall = arg('--min-entity-recall');
  const verbose = flag('--verbose');
  const checkLabels = flag('--check-labels');

  const dataset = loadDataset();
  const typeOf = new Map(dataset.records.map((r) => [r.id, r.type]));
  const pages = readdirSync(EVAL_DIR)
    .filter((f) => f.endsWith('.html') && (!only || f.includes(only)))
    .sort();
  const server = await startServer();
  const { context, userDataDir } = await launchWithExtension();
  const results: PageResult[] = [];
  try {
    const worker = await serviceWorker(context);
    // tsx keeps function names with a `__name` helper that does not exist in the page.
    await context.addInitScript('globalThis.__name = (f) => f;');
    const page = await context.newPage();
    for (const file of pages) {
      const name = file.replace(/\.html$/, '');
      const labels = (JSON.parse(readFileSync(join(EVAL_DIR, `${name}.json`), 'utf8')) as { mentions: Label[] })
        .mentions;
      results.push(await evalPage(page, worker, `${server.url}/eval/${file}`, name, labels, typeOf, checkLabels));
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }

  const sum = (f: (r: PageResult) => number) => results.reduce((a, r) => a + f(r), 0);
  const overall = {
    pages: results.length,
    highlights: sum((r) => r.highlights),
    correct: sum((r) => r.correct),
    labelled: sum((r) => r.labelled),
    found: sum((r) => r.found),
    entities: sum((r) => r.entities),
    entitiesFound: sum((r) => r.entitiesFound),
    precision: 0,
    mentionRecall: 0,
    entityRecall: 0,
    articleHighlights: sum((r) => r.articleHighlights),
  };
  overall.precision = ratio(overall.correct, overall.highlights);
  overall.mentionRecall = ratio(overall.found, overall.labelled);
  overall.entityRecall = ratio(overall.entitiesFound, overall.entities);

  const w = Math.max(10, ...results.map((r) => r.page.length));
  const row = (name: string, hl: number, prec: number, mr: number, er: number, fp: number, miss: number) =>
    `${name.padEnd(w)}  ${String(hl).padStart(5)}  ${pct(prec).padStart(9)}  ${pct(mr).padStart(8)}  ${pct(er).padStart(8)}  ${String(fp).padStart(4)}  ${String(miss).padStart(5)}`;
  console.log(
    `${'page'.padEnd(w)}  ${'marks'.padStart(5)}  ${'precision'.padStart(9)}  ${'m.recall'.padStart(8)}  ${'e.recall'.padStart(8)}  ${'FP'.padStart(4)}  ${'miss'.padStart(5)}`,
  );
  for (const r of results)
    console.log(
      row(r.page, r.highlights, r.precision, r.mentionRecall, r.entityRecall, r.falsePositives.length, r.misses.length),
    );
  console.log(
    row(
      'OVERALL',
      overall.highlights,
      overall.precision,
      overall.mentionRecall,
      overall.entityRecall,
      sum((r) => r.falsePositives.length),
      sum((r) => r.misses.length),
    ),
  );
  for (const r of results) {
    if (!r.falsePositives.length && !r.misses.length && !r.labelErrors.length && !r.unexpectedEntities.length) continue;
    console.log(`\n${r.page}`);
    for (const e of r.labelErrors) console.log(`  LABEL ERROR ${e}`);
    for (const f of r.falsePositives)
      console.log(
        `  FP   ${f.category.padEnd(9)} "${f.text}" #${f.occurrence} (${f.why})${verbose ? `\n         ${f.context}` : ''}`,
      );
    for (const m of r.misses)
      console.log(
        `  MISS ${m.category.padEnd(9)} "${m.text}" #${m.occurrence} ${m.entity} (${m.why})${verbose ? `\n         ${m.context}` : ''}`,
      );
    if (r.missedEntities.length) console.log(`  entities missed: ${r.missedEntities.join(', ')}`);
    if (r.unexpectedEntities.length)
      console.log(`  entities reported but not labelled: ${r.unexpectedEntities.join(', ')}`);
  }
  if (overall.articleHighlights)
    console.log(`\n${overall.articleHighlights} highlight(s) began with "the" (article dropped for comparison).`);

  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ date: new Date().toISOString(), overall, pages: results }, null, 2)}\n`);
  console.log(
    `\nprecision ${pct(overall.precision)}  mention recall ${pct(overall.mentionRecall)}  entity recall ${pct(overall.entityRecall)}  → ${RESULTS}`,
  );

  const labelErrors = sum((r) => r.labelErrors.length);
  if (labelErrors) console.log(`${labelErrors} label error(s): fix the labels.`);
  let failed = false;
  if (minPrecision !== undefined && overall.precision < Number(minPrecision)) {
    console.error(`precision ${pct(overall.precision)} is below ${minPrecision}`);
    failed = true;
  }
  if (minEntityRecall !== undefined && overall.entityRecall < Number(minEntityRecall)) {
    console.error(`entity recall ${pct(overall.entityRecall)} is below ${minEntityRecall}`);
    failed = true;
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
