/**
 * `npm run eval`: measured matching quality on two sets of labelled pages, reported apart.
 *
 * - synthetic: the pages written for this project in `test/fixtures/pages/eval/` (conventions
 *   in that folder's README.md);
 * - real: excerpts of stored public pages listed in `test/fixtures/real/cases.json` (rules in
 *   docs/EVAL.md). Their text is not in the repository: it is read from the local cache
 *   (`npm run eval:cache` checks it and says how to rebuild it) and shown to the extension as a
 *   local page (first line the title, every further line a paragraph). Without the cache the
 *   real set is skipped with those instructions.
 *
 * Each page is loaded in Chromium with the built extension; once the `dramatis:scan` measure is
 * recorded, the registered highlights are read back with their offsets in the page's visible
 * text and compared with the labels' spans. A highlight is correct when it and a labelled
 * mention contain one another (so "the Fed" covers "Fed"), the categories agree, and — since
 * highlights carry no entity id — the content script's list of entity ids for the page (the
 * popup's `page:mentions` message) includes the labelled entity when the dataset has it. A
 * mention is found when a correct highlight covers it; an entity when one of its mentions is.
 *
 * Reports precision, mention recall and entity recall per set, per language and per type
 * (regulator, firm, official); for the real set, how many missed entities are not in the
 * dataset at all and how many are in it but were not found, and every highlight on an
 * off-topic page. Writes both sets to `bench/eval-results.json` and exits 0 (it is a report)
 * unless a threshold is given for the synthetic set: `--min-precision 0.97 --min-entity-recall 0.95`.
 * Other flags: `--set real|synthetic`, `--page <text>` (only pages whose name contains it),
 * `--verbose` (every miss, with context), `--check-labels` (print every label with its context).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { loadDataset } from '../lib/dataset/load';
import { launchWithExtension, ROOT } from '../test/support/browser';
import { FIXTURES, startServer } from '../test/support/server';
import {
  excerptHtml,
  loadCases,
  makeResolver,
  occurrencesOf,
  readCached,
  type EntityType,
  type RealCase,
} from './eval-real-cases';
import { rebuildInstructions } from './eval-cache';

const EVAL_DIR = join(FIXTURES, 'eval');
const RESULTS = join(ROOT, 'bench', 'eval-results.json');
const TYPES: EntityType[] = ['regulator', 'firm', 'official'];

/** A label in the form both sets are scored in. */
interface Mention {
  text: string;
  occurrence: number;
  type: EntityType;
  /** Groups mentions of one entity on a page: the dataset id, else type and name. */
  key: string;
  name: string;
  /** Dataset id when the dataset has the entity today. */
  id?: string;
}

interface Highlight {
  category: string;
  text: string;
  start: number;
  end: number;
  /** The range began with "the " ("the Fed"). */
  article: boolean;
}

interface PageInput {
  name: string;
  set: 'synthetic' | 'real';
  lang: string;
  kind: 'on-topic' | 'off-topic';
  url: string;
  mentions: Mention[];
}

interface Mark {
  text: string;
  category: string;
  context: string;
  why: string;
}

interface Miss {
  text: string;
  occurrence: number;
  type: string;
  name: string;
  id?: string;
  context: string;
  why: string;
}

interface Tally {
  highlights: number;
  correct: number;
  labelled: number;
  found: number;
  entities: number;
  entitiesFound: number;
  /** The same counts restricted to labels whose entity the dataset has today. */
  datasetLabelled: number;
  datasetFound: number;
  datasetEntities: number;
  datasetEntitiesFound: number;
}

interface PageResult extends Tally {
  page: string;
  lang: string;
  kind: string;
  precision: number;
  mentionRecall: number;
  entityRecall: number;
  datasetMentionRecall: number;
  datasetEntityRecall: number;
  byType: Record<string, Tally>;
  falsePositives: Mark[];
  misses: Miss[];
  missedEntities: { name: string; type: string; id?: string }[];
  /** Entities found by a highlight of the right category whose label names no dataset record today. */
  foundUnresolved: string[];
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
const emptyTally = (): Tally => ({
  highlights: 0,
  correct: 0,
  labelled: 0,
  found: 0,
  entities: 0,
  entitiesFound: 0,
  datasetLabelled: 0,
  datasetFound: 0,
  datasetEntities: 0,
  datasetEntitiesFound: 0,
});
function addTally(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as (keyof Tally)[]) into[k] += t[k];
}
const rates = (t: Tally) => ({
  ...t,
  precision: ratio(t.correct, t.highlights),
  mentionRecall: ratio(t.found, t.labelled),
  entityRecall: ratio(t.entitiesFound, t.entities),
  datasetMentionRecall: ratio(t.datasetFound, t.datasetLabelled),
  datasetEntityRecall: ratio(t.datasetEntitiesFound, t.datasetEntities),
});

/**
 * Runs in the page. Builds the page's visible text (text nodes in document order, whitespace
 * runs collapsed to one space, a space between block-level elements) and maps every Dramatis
 * highlight onto it as [start, end) offsets.
 */
function readPage(): { found: Highlight[]; text: string } {
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'HEAD', 'TITLE']);
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
  const posOf = (node: Node, offset: number, atEnd: boolean): number => {
    if (node.nodeType === Node.TEXT_NODE) return maps.get(node as Text)?.[offset] ?? -1;
    const child = node.childNodes[atEnd ? offset - 1 : offset];
    if (child) {
      const texts: Text[] = [];
      const w = document.createTreeWalker(child, NodeFilter.SHOW_TEXT);
      if (child.nodeType === Node.TEXT_NODE) texts.push(child as Text);
      for (let t = w.nextNode() as Text | null; t; t = w.nextNode() as Text | null) texts.push(t);
      const known = texts.filter((t) => maps.has(t));
      const t = atEnd ? known[known.length - 1] : known[0];
      if (t) return atEnd ? maps.get(t)![t.data.length]! : maps.get(t)![0]!;
    }
    return -1;
  };
  const found: Highlight[] = [];
  const reg = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
  for (const [name, h] of reg) {
    if (!name.startsWith('dramatis-')) continue;
    for (const r of h) {
      let start = posOf(r.startContainer, r.startOffset, false);
      let end = posOf(r.endContainer, r.endOffset, true);
      while (start < end && flat[start] === ' ') start++;
      while (end > start && flat[end - 1] === ' ') end--;
      const text = flat.slice(start, end);
      found.push({ category: name.slice('dramatis-'.length), text, start, end, article: /^the /i.test(text) });
    }
  }
  return { found, text: flat };
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

const context = (flat: string, at: number, len: number) =>
  `${flat.slice(Math.max(0, at - 50), at)}[${flat.slice(at, at + len)}]${flat.slice(at + len, at + len + 50)}`;

function score(
  input: PageInput,
  found: Highlight[],
  flat: string,
  reported: Set<string> | undefined,
  checkLabels: boolean,
): PageResult {
  const labelErrors: string[] = [];
  const spans = input.mentions.map((m) => {
    const at = occurrencesOf(flat, m.text)[m.occurrence - 1];
    if (at === undefined)
      labelErrors.push(
        `"${m.text}" occurrence ${m.occurrence} not on the page (${occurrencesOf(flat, m.text).length} found)`,
      );
    return { m, start: at ?? -1, end: at === undefined ? -1 : at + m.text.length };
  });
  const seen = new Set<string>();
  for (const s of spans) {
    const k = `${s.start}:${s.end}`;
    if (s.start >= 0 && seen.has(k)) labelErrors.push(`"${s.m.text}" occurrence ${s.m.occurrence} labelled twice`);
    seen.add(k);
  }
  if (checkLabels) {
    // Every occurrence of every labelled text, labelled or not, for reviewing the labels.
    console.log(`\n== ${input.name}`);
    for (const t of new Set(input.mentions.map((m) => m.text)))
      occurrencesOf(flat, t).forEach((at, i) => {
        const s = spans.find((x) => x.m.text === t && x.m.occurrence === i + 1);
        const who = s ? `${s.m.type} ${s.m.id ?? s.m.name}` : '(not labelled)';
        console.log(`  ${who.padEnd(40)} #${i + 1} ${context(flat, at, t.length)}`);
      });
  }
  const entityOk = (m: Mention) => !m.id || !reported || reported.has(m.id);
  const covers = (h: Highlight, s: { start: number; end: number }) =>
    s.start >= 0 && ((h.start <= s.start && s.end <= h.end) || (s.start <= h.start && h.end <= s.end));
  const matched = new Set<number>();
  const falsePositives: Mark[] = [];
  const byType: Record<string, Tally> = Object.fromEntries(TYPES.map((t) => [t, emptyTally()]));
  for (const h of found) {
    const tally = (byType[h.category] ??= emptyTally());
    tally.highlights++;
    const over = spans.map((s, i) => [s, i] as const).filter(([s]) => covers(h, s));
    const right = over.find(([s]) => s.m.type === h.category && entityOk(s.m));
    if (right) {
      tally.correct++;
      matched.add(right[1]);
      continue;
    }
    const near = over[0]?.[0];
    falsePositives.push({
      text: h.text,
      category: h.category,
      context: context(flat, h.start, h.end - h.start),
      why: !near
        ? 'not a labelled mention'
        : near.m.type !== h.category
          ? `labelled ${near.m.type} (${near.m.name})`
          : `entity ${near.m.id} not reported by the page`,
    });
  }
  const misses: Miss[] = [];
  const entityFound = new Map<string, boolean>();
  const entityOf = new Map<string, Mention>();
  spans.forEach((s, i) => {
    const hit = matched.has(i);
    entityOf.set(s.m.key, s.m);
    entityFound.set(s.m.key, (entityFound.get(s.m.key) ?? false) || hit);
    const tally = byType[s.m.type]!;
    tally.labelled++;
    if (hit) tally.found++;
    if (s.m.id) {
      tally.datasetLabelled++;
      if (hit) tally.datasetFound++;
    }
    if (!hit) {
      const other = found.find((h) => covers(h, s));
      misses.push({
        text: s.m.text,
        occurrence: s.m.occurrence,
        type: s.m.type,
        name: s.m.name,
        id: s.m.id,
        context: s.start >= 0 ? context(flat, s.start, s.m.text.length) : '',
        why: !other
          ? 'not highlighted'
          : other.category !== s.m.type
            ? `highlighted as ${other.category}`
            : 'highlighted, entity not reported',
      });
    }
  });
  for (const [key, ok] of entityFound) {
    const t = byType[entityOf.get(key)!.type]!;
    t.entities++;
    if (ok) t.entitiesFound++;
    if (entityOf.get(key)!.id) {
      t.datasetEntities++;
      if (ok) t.datasetEntitiesFound++;
    }
  }
  const ids = new Set(input.mentions.map((m) => m.id).filter(Boolean));
  const tally = emptyTally();
  for (const t of Object.values(byType)) addTally(tally, t);
  return {
    page: input.name,
    lang: input.lang,
    kind: input.kind,
    ...rates(tally),
    byType,
    falsePositives,
    misses,
    missedEntities: [...entityFound]
      .filter(([, ok]) => !ok)
      .map(([key]) => ({ name: entityOf.get(key)!.name, type: entityOf.get(key)!.type, id: entityOf.get(key)!.id })),
    foundUnresolved: [...entityFound].filter(([key, ok]) => ok && !entityOf.get(key)!.id).map(([key]) => key),
    unexpectedEntities: reported ? [...reported].filter((id) => !ids.has(id)) : [],
    articleHighlights: found.filter((f) => f.article).length,
    labelErrors,
  };
}

async function evalPage(page: Page, worker: Worker, input: PageInput, checkLabels: boolean): Promise<PageResult> {
  await page.goto(input.url);
  await page.waitForFunction(() => performance.getEntriesByName('dramatis:scan', 'measure').length >= 1, null, {
    timeout: 20_000,
  });
  const { found, text } = await page.evaluate(readPage);
  const ids = await reportedEntities(worker, page.url());
  return score(input, found, text, ids ? new Set(ids) : undefined, checkLabels);
}

function summarize(results: PageResult[]) {
  const overall = emptyTally();
  const byLang: Record<string, Tally> = {};
  const byType: Record<string, Tally> = Object.fromEntries(TYPES.map((t) => [t, emptyTally()]));
  for (const r of results) {
    addTally(overall, r);
    addTally((byLang[r.lang] ??= emptyTally()), r);
    for (const [t, v] of Object.entries(r.byType)) addTally((byType[t] ??= emptyTally()), v);
  }
  const offTopic = results.filter((r) => r.kind === 'off-topic');
  const missed = results.flatMap((r) => r.missedEntities);
  return {
    pages: results.length,
    overall: { ...rates(overall), articleHighlights: results.reduce((a, r) => a + r.articleHighlights, 0) },
    byLang: Object.fromEntries(Object.entries(byLang).map(([k, v]) => [k, rates(v)])),
    byType: Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, rates(v)])),
    offTopic: {
      pages: offTopic.length,
      highlights: offTopic.reduce((a, r) => a + r.highlights, 0),
      marks: offTopic.flatMap((r) => r.falsePositives.map((f) => ({ page: r.page, ...f }))),
    },
    missedEntities: {
      total: missed.length,
      notInDataset: missed.filter((m) => !m.id).length,
      inDatasetNotFound: missed.filter((m) => m.id).length,
    },
    foundWithoutDatasetEntity: results.reduce((a, r) => a + r.foundUnresolved.length, 0),
  };
}

function printSet(title: string, results: PageResult[], verbose: boolean): ReturnType<typeof summarize> {
  const sum = summarize(results);
  const w = Math.max(12, ...results.map((r) => r.page.length));
  const head = (name: string) =>
    `${name.padEnd(w)}  ${'marks'.padStart(5)}  ${'precision'.padStart(9)}  ${'m.recall'.padStart(8)}  ${'e.recall'.padStart(8)}  ${'FP'.padStart(4)}  ${'miss'.padStart(5)}`;
  const row = (name: string, t: ReturnType<typeof rates>, fp: number, miss: number) =>
    `${name.padEnd(w)}  ${String(t.highlights).padStart(5)}  ${pct(t.precision).padStart(9)}  ${pct(t.mentionRecall).padStart(8)}  ${pct(t.entityRecall).padStart(8)}  ${String(fp).padStart(4)}  ${String(miss).padStart(5)}`;
  console.log(`\n######## ${title} (${results.length} pages)\n${head('page')}`);
  for (const r of results) console.log(row(r.page, r, r.falsePositives.length, r.misses.length));
  const fps = results.reduce((a, r) => a + r.falsePositives.length, 0);
  const misses = results.reduce((a, r) => a + r.misses.length, 0);
  console.log(row('OVERALL', sum.overall, fps, misses));
  console.log(`\n${head('language')}`);
  for (const [k, v] of Object.entries(sum.byLang))
    console.log(row(k, v, v.highlights - v.correct, v.labelled - v.found));
  console.log(`\n${head('type')}`);
  for (const [k, v] of Object.entries(sum.byType))
    console.log(row(k, v, v.highlights - v.correct, v.labelled - v.found));
  for (const r of results) {
    const show = r.falsePositives.length || r.labelErrors.length || (verbose && r.misses.length);
    if (!show) continue;
    console.log(`\n${r.page}`);
    for (const e of r.labelErrors) console.log(`  LABEL ERROR ${e}`);
    for (const f of r.falsePositives)
      console.log(`  FP   ${f.category.padEnd(9)} "${f.text}" (${f.why})${verbose ? `\n         ${f.context}` : ''}`);
    if (verbose)
      for (const m of r.misses)
        console.log(
          `  MISS ${m.type.padEnd(9)} "${m.text}" #${m.occurrence} ${m.id ?? `(${m.name}, not in dataset)`} (${m.why})\n         ${m.context}`,
        );
    if (verbose && r.unexpectedEntities.length)
      console.log(`  entities reported but not labelled: ${r.unexpectedEntities.join(', ')}`);
  }
  console.log(
    `\n${title}: precision ${pct(sum.overall.precision)}  mention recall ${pct(sum.overall.mentionRecall)}  entity recall ${pct(sum.overall.entityRecall)}`,
  );
  console.log(
    `  off-topic pages: ${sum.offTopic.pages}, highlights on them: ${sum.offTopic.highlights}` +
      (sum.offTopic.marks.length ? ` (${sum.offTopic.marks.map((m) => `${m.page}: "${m.text}"`).join('; ')})` : ''),
  );
  console.log(
    `  labels whose entity the dataset has: mention recall ${pct(sum.overall.datasetMentionRecall)}, entity recall ${pct(sum.overall.datasetEntityRecall)}`,
  );
  console.log(
    `  missed entities: ${sum.missedEntities.total} — ${sum.missedEntities.notInDataset} not in the dataset, ${sum.missedEntities.inDatasetNotFound} in it but not found`,
  );
  const errors = results.reduce((a, r) => a + r.labelErrors.length, 0);
  if (errors) console.log(`  ${errors} label error(s): fix the labels.`);
  return sum;
}

function syntheticInputs(typeOf: Map<string, { type: EntityType; name: string }>, baseUrl: string): PageInput[] {
  return readdirSync(EVAL_DIR)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.html$/, '');
      const labels = (
        JSON.parse(readFileSync(join(EVAL_DIR, `${name}.json`), 'utf8')) as {
          mentions: { text: string; entity: string; occurrence: number }[];
        }
      ).mentions;
      const lang = /^(zh|ja|ko)-/.exec(name)?.[1] ?? 'en';
      return {
        name,
        set: 'synthetic' as const,
        lang,
        kind: name.startsWith('offtopic-') ? ('off-topic' as const) : ('on-topic' as const),
        url: `${baseUrl}/eval/${file}`,
        mentions: labels.map((l) => ({
          text: l.text,
          occurrence: l.occurrence,
          type: typeOf.get(l.entity)?.type ?? ('firm' as EntityType),
          key: l.entity,
          name: typeOf.get(l.entity)?.name ?? l.entity,
          id: l.entity,
        })),
      };
    });
}

async function main(): Promise<void> {
  const only = arg('--page');
  const which = arg('--set');
  const minPrecision = arg('--min-precision');
  const minEntityRecall = arg('--min-entity-recall');
  const verbose = flag('--verbose');
  const checkLabels = flag('--check-labels');

  const dataset = loadDataset();
  const typeOf = new Map(dataset.records.map((r) => [r.id, { type: r.type, name: r.name }]));
  const resolver = makeResolver(dataset.records);

  // The real set: only cases whose cached excerpt is present and unchanged.
  const routes: Record<string, string> = {};
  const realCases = which === 'synthetic' ? [] : loadCases();
  const missing: RealCase[] = [];
  const realInputs: PageInput[] = [];
  for (const c of realCases) {
    const st = readCached(c);
    if (st.status !== 'ok') {
      missing.push(c);
      continue;
    }
    routes[`/real/${c.id}.html`] = excerptHtml(st.text, c.lang);
    realInputs.push({
      name: c.id,
      set: 'real',
      lang: c.lang,
      kind: c.kind,
      url: `/real/${c.id}.html`,
      mentions: c.labels.map((l) => {
        const rec = resolver.resolve(l);
        return {
          text: l.text,
          occurrence: l.occurrence,
          type: l.type,
          key: rec?.id ?? `${l.type}:${l.name}`,
          name: l.name,
          id: rec?.id,
        };
      }),
    });
  }

  const server = await startServer(routes);
  const synthetic = which === 'real' ? [] : syntheticInputs(typeOf, server.url);
  const inputs = [...synthetic, ...realInputs.map((p) => ({ ...p, url: `${server.url}${p.url}` }))].filter(
    (p) => !only || p.name.includes(only),
  );
  const { context, userDataDir } = await launchWithExtension();
  const results = new Map<PageInput, PageResult>();
  try {
    const worker = await serviceWorker(context);
    // tsx keeps function names with a `__name` helper that does not exist in the page.
    await context.addInitScript('globalThis.__name = (f) => f;');
    const page = await context.newPage();
    for (const input of inputs) results.set(input, await evalPage(page, worker, input, checkLabels));
  } finally {
    await context.close();
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }

  const of = (set: string) => inputs.filter((p) => p.set === set).map((p) => results.get(p)!);
  const out: Record<string, unknown> = { date: new Date().toISOString() };
  let syntheticSummary: ReturnType<typeof summarize> | undefined;
  if (which !== 'real') {
    syntheticSummary = printSet('SYNTHETIC (test/fixtures/pages/eval)', of('synthetic'), verbose);
    out.synthetic = { ...syntheticSummary, pagesDetail: of('synthetic') };
  }
  if (which !== 'synthetic') {
    if (realInputs.length) {
      const sum = printSet('REAL (test/fixtures/real, cached excerpts)', of('real'), verbose);
      // No excerpt text in the committed results: contexts are printed, not written.
      const noContext = of('real').map((r) => ({
        ...r,
        falsePositives: r.falsePositives.map(({ context: _c, ...f }) => f),
        misses: r.misses.map(({ context: _c, ...m }) => m),
      }));
      out.real = {
        ...sum,
        offTopic: { ...sum.offTopic, marks: sum.offTopic.marks.map(({ context: _c, ...m }) => m) },
        casesMissingFromCache: missing.map((c) => c.id),
        pagesDetail: noContext,
      };
    } else out.real = { skipped: 'no cached excerpts', casesMissingFromCache: missing.map((c) => c.id) };
    if (missing.length) {
      console.log(`\n${missing.length} real case(s) not scored: their excerpt is missing or changed in the cache.`);
      console.log(rebuildInstructions(missing));
    }
  }

  if (!only) {
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(RESULTS, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`\n→ ${RESULTS}`);
  }

  let failed = false;
  if (syntheticSummary && minPrecision !== undefined && syntheticSummary.overall.precision < Number(minPrecision)) {
    console.error(`synthetic precision ${pct(syntheticSummary.overall.precision)} is below ${minPrecision}`);
    failed = true;
  }
  if (
    syntheticSummary &&
    minEntityRecall !== undefined &&
    syntheticSummary.overall.entityRecall < Number(minEntityRecall)
  ) {
    console.error(`synthetic entity recall ${pct(syntheticSummary.overall.entityRecall)} is below ${minEntityRecall}`);
    failed = true;
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(2);
});
