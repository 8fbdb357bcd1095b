/**
 * Chromium half of the benchmark (the budgets of issue #11), two browsers with the same flags,
 * one with the extension and one without, started together; pages served from 127.0.0.1:
 *
 *  1. A typical article (~8 KB of text, ~200 text nodes, five entities), loaded 12 times in each
 *     browser, alternately: main-thread task time per load from a CDP trace (with − without),
 *     long tasks of the first load after browser start, and when the marks are shown (the end of
 *     the first `dramatis:scan` measure) after the content script started / after DOMContentLoaded.
 *     JS heap of the page with and without.
 *  2. A page without text, and a page of 30 ad-like frames (about:blank, srcdoc, tiny documents):
 *     extra task time per page and per frame.
 *  3. The matcher in the real service worker (`dramatisMatcher.measure`): index load and MB/s with
 *     the bundled index and a synthetic 500,000-alias index, on texts fetched from this server.
 *  4. The 4.6 MB page: the content script's own main-thread time (`detail.busyMs`) against a
 *     TreeWalker reading every character, long tasks and frames during the pass, the marks on
 *     screen (`dramatis:partial`), the matcher's time (`detail.workerMs`) apart; and, as a cross
 *     check, the trace's task time with − without for that page.
 *  5. mark.js over the bundled alias list (only with --markjs: slow).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MatcherMeasure } from '../lib/background/matcher-service';
import { launchWithExtension } from '../test/support/browser';

const extensionArgs = (dir: string) => [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
import { AD_HTML, articleHtml, EMPTY_HTML, framesHtml, pageHtml, ROOT, rng } from './corpus';
import { bytes, html, json, startBenchServer, type Route } from './server';
import { median, round, spread, type Spread } from './stats';
import { analyseLoad, PageProbe, workerTask, type LoadTrace, type LongTask, type ScanDetail } from './trace';

export const PAGE_PARAGRAPHS_UNITS = 2_300_000;
export const ARTICLE_LOADS = 12;
export const EMPTY_LOADS = 6;
export const BIG_RUNS = 5;
export const FRAMES = 30;
/** After `load`, each traced load waits this long (the budget's "load + 2 s"). */
const SETTLE_MS = 2000;
const MARK_TIMEOUT_MS = 60_000;

/** Task time per load in one measure (wall or CPU), with and without the extension. */
export interface Comparison {
  with: number[];
  without: number[];
  /** A browser whose only extension has an empty content script in every frame (the floor). */
  floor?: number[];
  /** The warm loads: all but the first after browser start. */
  warmWith: Spread;
  warmWithout: Spread;
  warmFloor?: Spread;
  /** Median(with, warm) − median(without, warm), ms. */
  extraMs: number;
  /** Load i with − load i without (the browsers take turns), warm loads. */
  pairedExtra: Spread;
  /** Median(floor, warm) − median(without, warm): what any content script costs, ms. */
  floorExtraMs?: number;
}

export interface PairedLoads {
  url: string;
  loads: number;
  /** Top-level task durations (wall), and their thread time (CPU: without time spent descheduled). */
  wall: Comparison;
  cpu: Comparison;
  with: LoadTrace[];
  without: LoadTrace[];
  floor?: LoadTrace[];
}

function compare(w: number[], wo: number[], fl?: number[]): Comparison {
  const r = (xs: number[]) => xs.map((x) => round(x, 2));
  const warmW = w.slice(1);
  const warmWo = wo.slice(1);
  const warmFl = fl?.slice(1);
  return {
    with: r(w),
    without: r(wo),
    floor: fl && r(fl),
    warmWith: spread(warmW),
    warmWithout: spread(warmWo),
    warmFloor: warmFl && spread(warmFl),
    extraMs: round(median(warmW) - median(warmWo), 2),
    pairedExtra: spread(warmW.map((x, i) => x - warmWo[i]!)),
    floorExtraMs: warmFl && round(median(warmFl) - median(warmWo), 2),
  };
}

function paired(url: string, w: LoadTrace[], wo: LoadTrace[], fl?: LoadTrace[]): PairedLoads {
  return {
    url,
    loads: w.length,
    wall: compare(
      w.map((t) => t.taskMs),
      wo.map((t) => t.taskMs),
      fl?.map((t) => t.taskMs),
    ),
    cpu: compare(
      w.map((t) => t.taskCpuMs),
      wo.map((t) => t.taskCpuMs),
      fl?.map((t) => t.taskCpuMs),
    ),
    with: w,
    without: wo,
    floor: fl,
  };
}

export interface BrowserResults {
  chromiumVersion: string;
  /** The machine's 1-minute load average as each part began (other work on it slows every figure). */
  loadAverage: Record<string, number>;
  article: PairedLoads & {
    textUnits: number;
    textNodes: number;
    htmlBytes: number;
    mentions: number | undefined;
    firstLoad: {
      longTasksWith: LongTask[];
      longTasksWithout: LongTask[];
      taskMsWith: number;
      taskMsWithout: number;
      taskCpuMsWith: number;
      taskCpuMsWithout: number;
      marksAfterContentScriptMs: number | undefined;
      marksAfterDclMs: number | undefined;
      scanDetail: ScanDetail | undefined;
    };
    /** From our content script's start in the main frame to the end of the first pass, ms (all loads). */
    marksAfterContentScript: Spread;
    marksAfterContentScriptRuns: (number | null)[];
    /** From domContentLoadedEventEnd to the end of the first pass, ms (all loads). */
    marksAfterDcl: Spread;
    marksAfterDclRuns: (number | null)[];
    /** The pass's own main-thread time (detail.busyMs) and the matcher's (detail.workerMs), warm loads. */
    busyMs: Spread;
    workerMs: Spread;
    contentScriptEvalMs: Spread;
    longTasksAnyLoadWith: number;
  };
  heap: {
    runs: number;
    withBytes: number[];
    withoutBytes: number[];
    /** Median with − median without, bytes (one frame). */
    extraBytes: number;
    /** The same page with only an empty content script (the floor of any content script). */
    floorBytes?: number[];
    floorExtraBytes?: number;
  };
  empty: PairedLoads;
  frames: PairedLoads & {
    frames: number;
    contentScriptRuns: number;
    /** (extra on the frames page − extra on the empty page) / frames, ms: wall and CPU. */
    extraPerFrameMs: number;
    extraPerFrameCpuMs: number;
    /** The same for the empty-script browser (the floor of any content script), CPU. */
    floorPerFrameCpuMs: number | undefined;
    contentScriptEvalPerFrameMs: number;
  };
  worker: {
    /** The bundled index loaded as the service does it (read from the package included). */
    bundledFirstLoad: MatcherMeasure;
    bundled: MatcherMeasure & { loadRuns: number[]; task?: { wallMs: number; cpuMs: number } };
    synthetic: MatcherMeasure & { loadRuns: number[]; indexBytes: number; task?: { wallMs: number; cpuMs: number } };
    synLoads: (MatcherMeasure & { task?: { wallMs: number; cpuMs: number } })[];
    summary: {
      bundledScanMBps: number;
      bundledScanMBpsSpread: Spread;
      /**
       * The same on CPU time: the wall time scaled by the share of it the worker's task had the
       * CPU (its thread time / its wall time, from a browser-wide trace of the call).
       */
      bundledScanCpuMBps: number;
      bundledCpuShare: number;
      bundledPassMBps: number;
      syntheticScanMBps: number;
      syntheticScanMBpsSpread: Spread;
      syntheticScanCpuMBps: number;
      syntheticCpuShare: number;
      syntheticPassMBps: number;
      /** deserializeIndex + new Scanner, medians over the load runs, ms. */
      bundledLoadMs: number;
      syntheticLoadMs: number;
      syntheticLoadSpread: Spread;
      syntheticLoadCpuMs: number;
      syntheticDeserializeMs: number;
      syntheticScannerMs: number;
    };
  };
  bigPage: {
    htmlBytes: number;
    textUnits: number;
    textNodes: number;
    elements: number;
    runs: number;
    scanWallMs: number;
    scanWallRuns: number[];
    mentions: number;
    blocks: number;
    highlightedRanges: number;
    busyMs: number;
    busyRuns: number[];
    busySpread: Spread;
    busyByPhase: { walk: number; send: number; place: number };
    workerMs: number;
    workerRuns: number[];
    walkBaselineMs: number;
    walkRuns: number[];
    walkReadBaselineMs: number;
    walkReadRuns: number[];
    ratioBusyToWalkRead: number;
    ratioBusyToWalkReadSpread: Spread;
    /**
     * From each run's trace: the thread (CPU) time of the main thread's tasks that started during the
     * pass (ours, and any rendering meanwhile), against the reading walk's own thread time.
     */
    passTasksCpuMs: number;
    passTasksCpuRuns: number[];
    passTasksWallRuns: number[];
    walkReadBaselineCpuMs: number;
    walkReadCpuRuns: number[];
    ratioPassCpuToWalkReadCpu: number;
    /** Long tasks (trace) overlapping the pass, per run. */
    traceLongTasksDuringPass: LongTask[][];
    /** Pass start → `dramatis:partial` (marks on screen shown), ms. */
    partialMs: number | null;
    partialRuns: (number | null)[];
    longTasksDuringPass: number[];
    longTasksDuringPassMaxMs: number;
    longTasksAfterPass: number[];
    frameBlockingMs: number;
    frameBlockingRuns: number[];
    longestFrameMs: number;
    /** Cross-check from traces: task time with − without for the whole load + settle. */
    trace: PairedLoads | { error: string };
    /** From the same traces: long tasks starting after `load`, per load, with and without. */
    traceLongTasksAfterLoad: { with: LongTask[][]; without: LongTask[][] } | undefined;
  };
  markjs?: {
    options: Record<string, unknown>;
    sizes: { size: number; ms: number | null; runs: number[]; marks: number | null; status: string }[];
    comparedWith: string;
    extensionMs: number;
    ratioNote: string;
    extrapolatedAllMs: number;
    extrapolatedRatioAll: number;
  };
}

// Long tasks and long animation frames, recorded by the page (the 4.6 MB page's runs).
const LONGTASK_INIT = `(() => {
  window.__longtasks = [];
  window.__loafs = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__loafs.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch (e) { window.__longtaskError = String(e); }
})();`;

async function waitForScan(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('dramatis:scan', 'measure').length >= 1, undefined, {
    timeout,
    polling: 100,
  });
}

/** One traced load: navigation, `load`, then SETTLE_MS (longer for `settle`). */
async function tracedLoad(probe: PageProbe, url: string, settle = SETTLE_MS): Promise<LoadTrace> {
  const events = await probe.trace(async () => {
    await probe.page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await probe.page.waitForTimeout(settle);
  });
  return analyseLoad(events, url);
}

/** Loads `path` `n` times in each browser, in turn (with first), each load traced. */
async function pairedLoads(
  probes: { w: PageProbe; wo: PageProbe; floor?: PageProbe },
  base: string,
  path: string,
  n: number,
  log: (s: string) => void,
  { settle = SETTLE_MS, text = true }: { settle?: number; text?: boolean } = {},
): Promise<PairedLoads> {
  const withT: LoadTrace[] = [];
  const withoutT: LoadTrace[] = [];
  const floorT: LoadTrace[] = [];
  for (let i = 0; i < n; i++) {
    const url = `${base}${path}?load=${i}`;
    withT.push(await tracedLoad(probes.w, url, settle));
    withoutT.push(await tracedLoad(probes.wo, url, settle));
    if (probes.floor) floorT.push(await tracedLoad(probes.floor, url, settle));
    // A pass that had not ended inside the traced window is waited for (and shows as no scanEnd).
    if (text && withT[i]!.scanEnd === undefined) await waitForScan(probes.w.page, 30_000).catch(() => {});
  }
  const p = paired(path, withT, withoutT, probes.floor ? floorT : undefined);
  const say = (c: Comparison) =>
    `with ${c.warmWith.median}, without ${c.warmWithout.median}${c.warmFloor ? `, empty script ${c.warmFloor.median}` : ''} → ` +
    `extra ${c.extraMs} (paired IQR ${c.pairedExtra.p25}…${c.pairedExtra.p75})`;
  log(`browser: ${path} ×${n}, task ms per warm load: wall ${say(p.wall)}; CPU ${say(p.cpu)}`);
  return p;
}

/** An extension with an empty content script in every frame (the floor of any content script). */
function floorExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dramatis-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script (bench floor)',
    version: '0.0.1',
    content_scripts: [
      { matches: ['<all_urls>'], all_frames: true, match_about_blank: true, run_at: 'document_idle', js: ['cs.js'] },
    ],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'cs.js'), 'void 0;\n');
  return dir;
}

function walkBaseline(page: Page): Promise<{ ms: number; nodes: number; units: number }> {
  return page.evaluate(() => {
    const t0 = performance.now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let units = 0;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      units += (n as Text).data.length;
      nodes++;
    }
    return { ms: performance.now() - t0, nodes, units };
  });
}

function walkReadBaseline(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t0 = performance.now();
    const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let sum = 0;
    for (let n = w.nextNode(); n; n = w.nextNode()) {
      const d = (n as Text).data;
      for (let i = 0; i < d.length; i++) sum = (sum + d.charCodeAt(i)) | 0;
    }
    const ms = performance.now() - t0;
    return sum === 0.5 ? -1 : ms;
  });
}

interface BigRun {
  trace: LoadTrace;
  duration: number;
  start: number;
  partial: number | null;
  detail: ScanDetail;
  longtasks: { start: number; duration: number }[];
  loafs: { start: number; duration: number; blocking: number }[];
  ranges: number;
}

async function bigPageRun(probe: PageProbe, url: string): Promise<BigRun> {
  const page = probe.page;
  const events = await probe.trace(async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await waitForScan(page);
    await page.waitForTimeout(SETTLE_MS); // highlight registration and paint; late long tasks
  });
  const trace = analyseLoad(events, url);
  const run = await bigPageRead(page);
  return { ...run, trace };
}

function bigPageRead(page: Page): Promise<Omit<BigRun, 'trace'>> {
  return page.evaluate(() => {
    const m = performance.getEntriesByName('dramatis:scan', 'measure')[0] as PerformanceMeasure;
    const p = performance.getEntriesByName('dramatis:partial', 'mark')[0];
    const reg = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
    let ranges = 0;
    for (const [name, h] of reg) if (name.startsWith('dramatis-')) ranges += h.size;
    const w = window as unknown as {
      __longtasks: { start: number; duration: number }[];
      __loafs: { start: number; duration: number; blocking: number }[];
    };
    return {
      duration: m.duration,
      start: m.startTime,
      partial: p ? p.startTime - m.startTime : null,
      detail: m.detail as BigRun['detail'],
      longtasks: w.__longtasks,
      loafs: w.__loafs,
      ranges,
    };
  });
}

async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

export interface BrowserInput {
  paragraphs: string[];
  syntheticParagraphs: string[];
  syntheticBytes: Uint8Array;
  aliasTexts: string[];
}

export async function runBrowserBench(
  input: BrowserInput,
  opts: { markjs: boolean; quick?: boolean; parts?: string[] },
  log: (s: string) => void,
): Promise<BrowserResults> {
  /** `--parts=article,frames,worker,big`: only these parts run (the others are left out of the results). */
  const want = (p: string) => !opts.parts || opts.parts.includes(p);
  /** Runs of each figure; `quick` (checking the bench itself) takes 2 of each: its figures mean nothing. */
  const n = (runs: number) => (opts.quick ? 2 : runs);
  // The 4.6 MB page: the first ~2.3M units of the generated news text, in <p> with inline elements.
  const paras: string[] = [];
  let units = 0;
  for (const p of input.paragraphs) {
    if (units >= PAGE_PARAGRAPHS_UNITS) break;
    paras.push(p);
    units += p.length;
  }
  const big = pageHtml(paras, 11);
  const article = articleHtml();
  const routes: Record<string, Route> = {
    '/article.html': html(article.html),
    '/empty.html': html(EMPTY_HTML),
    '/frames.html': html(framesHtml(FRAMES, '/ad.html')),
    '/ad.html': html(AD_HTML),
    '/big.html': html(big.html),
    '/texts/bundled.json': json(input.paragraphs),
    '/texts/synthetic.json': json(input.syntheticParagraphs),
    '/index/synthetic.bin': bytes(input.syntheticBytes),
  };
  if (opts.markjs)
    routes['/mark.min.js'] = {
      body: readFileSync(join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8'),
      type: 'text/javascript',
    };
  const server = await startBenchServer(routes);
  const base = server.url;
  log(
    `browser: article ${article.textUnits} chars in ${article.textNodes} text nodes; big page ${(big.html.length / 1e6).toFixed(1)} MB HTML`,
  );

  // Both browsers start together; the first loads below are the first after browser start.
  const [withExt, withoutExt] = await Promise.all([
    launchWithExtension(),
    launchWithExtension({ withExtension: false }),
  ]);
  const cw = withExt.context;
  const cwo = withoutExt.context;
  const loadAverage: Record<string, number> = {};
  const results: Partial<BrowserResults> = { chromiumVersion: cw.browser()?.version() ?? '', loadAverage };
  const part = (name: string) => (loadAverage[name] = round(loadavg()[0]!, 2));
  try {
    const pw = cw.pages()[0] ?? (await cw.newPage());
    const pwo = cwo.pages()[0] ?? (await cwo.newPage());
    const w = await PageProbe.open(cw, pw);
    const wo = await PageProbe.open(cwo, pwo);

    // Both pages get the same calls from Playwright (its injected script alone weighs ~0.5 MB).
    const settled = (page: Page, scan: boolean) =>
      page.waitForFunction((s) => !s || performance.getEntriesByName('dramatis:scan', 'measure').length > 0, scan, {
        timeout: 30_000,
        polling: 100,
      });
    if (want('article')) {
      // ---- 1. The typical article.
      part('article');
      const a = await pairedLoads({ w, wo }, base, '/article.html', n(ARTICLE_LOADS), log);
      const sinceCs = a.with.map((t) =>
        t.scanEnd !== undefined && t.contentScriptStart !== undefined
          ? round(t.scanEnd - t.contentScriptStart, 1)
          : null,
      );
      const sinceDcl = a.with.map((t) =>
        t.scanEnd !== undefined && t.dclEnd !== undefined ? round(t.scanEnd - t.dclEnd, 1) : null,
      );
      const ok = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
      const first = a.with[0]!;
      const warmW = a.with.slice(1);
      results.article = {
        ...a,
        textUnits: article.textUnits,
        textNodes: article.textNodes,
        htmlBytes: article.html.length,
        mentions: first.scanDetail?.mentions,
        firstLoad: {
          longTasksWith: first.longTasks,
          longTasksWithout: a.without[0]!.longTasks,
          taskMsWith: a.wall.with[0]!,
          taskMsWithout: a.wall.without[0]!,
          taskCpuMsWith: a.cpu.with[0]!,
          taskCpuMsWithout: a.cpu.without[0]!,
          marksAfterContentScriptMs: sinceCs[0] ?? undefined,
          marksAfterDclMs: sinceDcl[0] ?? undefined,
          scanDetail: first.scanDetail,
        },
        marksAfterContentScript: spread(ok(sinceCs), 1),
        marksAfterContentScriptRuns: sinceCs,
        marksAfterDcl: spread(ok(sinceDcl), 1),
        marksAfterDclRuns: sinceDcl,
        busyMs: spread(ok(warmW.map((t) => t.scanDetail?.busyMs ?? null)), 1),
        workerMs: spread(ok(warmW.map((t) => t.scanDetail?.workerMs ?? null)), 1),
        contentScriptEvalMs: spread(
          warmW.map((t) => t.contentScriptEvalMs),
          2,
        ),
        longTasksAnyLoadWith: a.with.reduce((s, t) => s + t.longTasks.length, 0),
      };
      log(
        `browser: article marks ${results.article.marksAfterContentScript.median} ms after the content script started ` +
          `(${results.article.marksAfterDcl.median} ms after DCL); first load: long tasks ${JSON.stringify(results.article.firstLoad.longTasksWith)} ` +
          `(without: ${JSON.stringify(results.article.firstLoad.longTasksWithout)})`,
      );

      // Heap of the article's page, with and without (after two full collections).
      const heapWith: number[] = [];
      const heapWithout: number[] = [];
      for (let i = 0; i < 3; i++) {
        await pw.goto(`${base}/article.html?heap=${i}`, { waitUntil: 'load' });
        await settled(pw, true);
        await pw.waitForTimeout(1000);
        heapWith.push(await w.heapUsed());
        await pwo.goto(`${base}/article.html?heap=${i}`, { waitUntil: 'load' });
        await settled(pwo, false);
        await pwo.waitForTimeout(1000);
        heapWithout.push(await wo.heapUsed());
      }
      results.heap = {
        runs: 3,
        withBytes: heapWith,
        withoutBytes: heapWithout,
        extraBytes: median(heapWith) - median(heapWithout),
      };
      log(`browser: heap with ${median(heapWith)} B, without ${median(heapWithout)} B`);
    }
    if (want('frames')) {
      // ---- 2. Pages and frames without text.
      part('empty and frames');
      // A third browser: an empty content script in every frame, what any content script costs.
      const fl = await launchWithExtension({ withExtension: false, extraArgs: extensionArgs(floorExtension()) });
      let f: PairedLoads;
      try {
        const pfl = await PageProbe.open(fl.context, fl.context.pages()[0] ?? (await fl.context.newPage()));
        const probes = { w, wo, floor: pfl };
        results.empty = await pairedLoads(probes, base, '/empty.html', n(EMPTY_LOADS), log, { text: false });
        f = await pairedLoads(probes, base, '/frames.html', n(EMPTY_LOADS), log, { text: false });
        const heapFloor: number[] = [];
        for (let i = 0; i < 3; i++) {
          await pfl.page.goto(`${base}/article.html?heap=${i}`, { waitUntil: 'load' });
          await settled(pfl.page, false);
          await pfl.page.waitForTimeout(1000);
          heapFloor.push(await pfl.heapUsed());
        }
        if (results.heap) {
          results.heap.floorBytes = heapFloor;
          results.heap.floorExtraBytes = median(heapFloor) - median(results.heap.withoutBytes);
        }
      } finally {
        await fl.context.close().catch(() => {});
      }
      const warmFw = f.with.slice(1);
      const e = results.empty!;
      results.frames = {
        ...f,
        frames: FRAMES,
        contentScriptRuns: median(f.with.map((t) => t.contentScriptRuns)),
        extraPerFrameMs: round((f.wall.extraMs - e.wall.extraMs) / FRAMES, 3),
        extraPerFrameCpuMs: round((f.cpu.extraMs - e.cpu.extraMs) / FRAMES, 3),
        floorPerFrameCpuMs:
          f.cpu.floorExtraMs === undefined || e.cpu.floorExtraMs === undefined
            ? undefined
            : round((f.cpu.floorExtraMs - e.cpu.floorExtraMs) / FRAMES, 3),
        contentScriptEvalPerFrameMs: round(
          median(warmFw.map((t) => t.contentScriptEvalMs / Math.max(1, t.contentScriptRuns))),
          3,
        ),
      };
    }
    if (want('worker')) {
      // ---- 3. The matcher in the service worker.
      part('worker');
      const sw = await serviceWorker(cw);
      // Strings, not functions: tsx would leave its `__name` helpers in a serialised function.
      // First the inputs, untimed: texts and the synthetic index from this server, the bundled
      // index from the package (and one load of it as the service does: fetch included).
      const bundledRead = (await sw.evaluate(`(async () => {
      const get = async (p) => { const r = await fetch(${JSON.stringify(base)} + p); if (!r.ok) throw new Error(p + ': ' + r.status); return r; };
      const b = (globalThis.__bench = {});
      b.texts = await (await get('/texts/bundled.json')).json();
      b.synTexts = await (await get('/texts/synthetic.json')).json();
      b.synBytes = await (await get('/index/synthetic.bin')).arrayBuffer();
      b.bytes = await (await fetch(chrome.runtime.getURL('/data/match-index.bin'))).arrayBuffer();
      return globalThis.dramatisMatcher.measure([], undefined, 0);
    })()`)) as MatcherMeasure;
      // Then each measure() alone in a browser-wide trace: once its index is at hand it runs in one
      // task of the worker, whose thread time says how much of the wall time the worker had the CPU.
      const browserProbe = new PageProbe(pw, await cw.browser()!.newBrowserCDPSession());
      const timed = async (expr: string): Promise<MatcherMeasure & { task?: { wallMs: number; cpuMs: number } }> => {
        let value!: MatcherMeasure;
        const ev = await browserProbe.trace(async () => {
          value = (await sw.evaluate(expr)) as MatcherMeasure;
        });
        return { ...value, task: workerTask(ev) };
      };
      const call = (texts: string | undefined, bytes: string, runs: number) =>
        `globalThis.dramatisMatcher.measure(${texts ? `globalThis.__bench.${texts}` : '[]'}, globalThis.__bench.${bytes}, ${runs})`;
      const bundledLoads = [];
      for (let i = 0; i < 4; i++) bundledLoads.push(await timed(call(undefined, 'bytes', 0)));
      const bundled = await timed(call('texts', 'bytes', 5));
      const synLoads = [];
      for (let i = 0; i < 3; i++) synLoads.push(await timed(call(undefined, 'synBytes', 0)));
      const synthetic = await timed(call('synTexts', 'synBytes', 3));
      const indexBytes = (await sw.evaluate('globalThis.__bench.synBytes.byteLength')) as number;
      await sw.evaluate('delete globalThis.__bench');
      const mbps = (m: MatcherMeasure, ms: number) => (m.units * 2) / 1e6 / (ms / 1000);
      const loadOf = (m: MatcherMeasure) => m.deserializeMs + m.scannerMs;
      /** The share of a call's wall time its task had the CPU (1 when the trace did not show it). */
      const share = (m: { task?: { wallMs: number; cpuMs: number } }) =>
        m.task && m.task.wallMs > 0 ? Math.min(1, m.task.cpuMs / m.task.wallMs) : 1;
      const synLoadRuns = [...synLoads, synthetic].map(loadOf);
      const synLoadCpuRuns = [...synLoads, synthetic].map((m) => loadOf(m) * share(m));
      const scanCpu = (m: MatcherMeasure & { task?: { wallMs: number; cpuMs: number } }) =>
        round(mbps(m, median(m.scanMs) * share(m)), 1);
      results.worker = {
        bundledFirstLoad: bundledRead,
        bundled: { ...bundled, loadRuns: [...bundledLoads, bundled].map((m) => round(loadOf(m), 2)) },
        synthetic: { ...synthetic, loadRuns: synLoadRuns.map((x) => round(x, 1)), indexBytes },
        synLoads,
        summary: {
          bundledScanMBps: round(mbps(bundled, median(bundled.scanMs)), 1),
          bundledScanMBpsSpread: spread(
            bundled.scanMs.map((ms) => mbps(bundled, ms)),
            1,
          ),
          bundledScanCpuMBps: scanCpu(bundled),
          bundledCpuShare: round(share(bundled), 2),
          bundledPassMBps: round(mbps(bundled, median(bundled.passMs)), 1),
          syntheticScanMBps: round(mbps(synthetic, median(synthetic.scanMs)), 1),
          syntheticScanMBpsSpread: spread(
            synthetic.scanMs.map((ms) => mbps(synthetic, ms)),
            1,
          ),
          syntheticScanCpuMBps: scanCpu(synthetic),
          syntheticCpuShare: round(share(synthetic), 2),
          syntheticPassMBps: round(mbps(synthetic, median(synthetic.passMs)), 1),
          bundledLoadMs: round(median([...bundledLoads, bundled].map(loadOf)), 2),
          syntheticLoadMs: round(median(synLoadRuns), 1),
          syntheticLoadSpread: spread(synLoadRuns, 1),
          syntheticLoadCpuMs: round(median(synLoadCpuRuns), 1),
          syntheticDeserializeMs: round(median([...synLoads, synthetic].map((m) => m.deserializeMs)), 1),
          syntheticScannerMs: round(median([...synLoads, synthetic].map((m) => m.scannerMs)), 1),
        },
      };
      const ws = results.worker.summary;
      log(
        `browser: worker scan ${ws.bundledScanMBps} MB/s bundled, ${ws.syntheticScanMBps} MB/s synthetic; ` +
          `synthetic index load ${ws.syntheticLoadMs} ms (deserialise ${ws.syntheticDeserializeMs}, Scanner ${ws.syntheticScannerMs})`,
      );
    }
    if (want('big')) {
      // ---- 4. The 4.6 MB page.
      part('4.6 MB page');
      const bigPage = await cw.newPage();
      await bigPage.addInitScript(LONGTASK_INIT);
      const bigProbe = await PageProbe.open(cw, bigPage);
      const runs: BigRun[] = [];
      for (let i = 0; i < n(BIG_RUNS); i++) {
        runs.push(await bigPageRun(bigProbe, `${base}/big.html?run=${i}`));
        const pt = runs[i]!.trace.passTasks;
        log(
          `browser: 4.6 MB page run ${i + 1}: pass ${runs[i]!.duration.toFixed(0)} ms wall, ${runs[i]!.detail.busyMs} ms busy, ` +
            `tasks during the pass ${pt?.cpuMs.toFixed(0)} ms CPU, worker ${runs[i]!.detail.workerMs} ms, partial ${runs[i]!.partial?.toFixed(0)} ms`,
        );
      }
      const walks: number[] = [];
      const reads: number[] = [];
      const readsCpu: number[] = [];
      let info = { nodes: 0, units: 0 };
      const bigUrl = bigPage.url();
      for (let i = 0; i < n(7); i++) {
        const wb = await walkBaseline(bigPage);
        walks.push(wb.ms);
        info = wb;
        // Traced, for the walk's thread time too (its task is the trace's longest).
        let ms = 0;
        const ev = await bigProbe.trace(async () => {
          ms = await walkReadBaseline(bigPage);
        });
        reads.push(ms);
        readsCpu.push(analyseLoad(ev, bigUrl).maxTask.cpuMs);
      }
      const elements = await bigPage.evaluate(() => document.getElementsByTagName('*').length);
      await bigPage.close();
      const lt = runs.map((r) => {
        const end = r.start + r.duration;
        const during = r.longtasks.filter((t) => t.start < end && t.start + t.duration > r.start);
        const after = r.longtasks.filter((t) => t.start >= end && t.start < end + SETTLE_MS);
        const frames = r.loafs.filter((x) => x.start < end + SETTLE_MS && x.start + x.duration > r.start);
        return {
          during,
          after,
          blocking: frames.reduce((s, x) => s + x.blocking, 0),
          maxFrame: Math.max(0, ...frames.map((x) => x.duration)),
        };
      });
      const readMs = median(reads);
      const readCpuMs = median(readsCpu);
      const busy = runs.map((r) => r.detail.busyMs);
      const passCpu = runs.map((r) => round(r.trace.passTasks?.cpuMs ?? NaN, 1));
      const partials = runs.map((r) => (r.partial === null ? null : round(r.partial, 1)));
      const partialOk = partials.filter((p): p is number => p !== null);
      results.bigPage = {
        htmlBytes: big.html.length,
        textUnits: info.units,
        textNodes: info.nodes,
        elements,
        runs: runs.length,
        scanWallMs: round(median(runs.map((r) => r.duration)), 1),
        scanWallRuns: runs.map((r) => round(r.duration, 1)),
        mentions: runs[0]!.detail.mentions,
        blocks: runs[0]!.detail.blocks,
        highlightedRanges: runs[0]!.ranges,
        busyMs: round(median(busy), 1),
        busyRuns: busy,
        busySpread: spread(busy, 1),
        busyByPhase: {
          walk: round(median(runs.map((r) => r.detail.busy.walk)), 1),
          send: round(median(runs.map((r) => r.detail.busy.send)), 1),
          place: round(median(runs.map((r) => r.detail.busy.place)), 1),
        },
        workerMs: round(median(runs.map((r) => r.detail.workerMs)), 1),
        workerRuns: runs.map((r) => r.detail.workerMs),
        walkBaselineMs: round(median(walks), 2),
        walkRuns: walks.map((x) => round(x, 2)),
        walkReadBaselineMs: round(readMs, 2),
        walkReadRuns: reads.map((x) => round(x, 2)),
        ratioBusyToWalkRead: round(median(busy) / readMs, 2),
        ratioBusyToWalkReadSpread: spread(
          busy.map((b) => b / readMs),
          2,
        ),
        passTasksCpuMs: round(median(passCpu), 1),
        passTasksCpuRuns: passCpu,
        passTasksWallRuns: runs.map((r) => round(r.trace.passTasks?.wallMs ?? NaN, 1)),
        walkReadBaselineCpuMs: round(readCpuMs, 2),
        walkReadCpuRuns: readsCpu.map((x) => round(x, 2)),
        ratioPassCpuToWalkReadCpu: round(median(passCpu) / readCpuMs, 2),
        traceLongTasksDuringPass: runs.map((r) =>
          r.trace.longTasks.filter(
            (t) =>
              r.trace.scanStart !== undefined &&
              r.trace.scanEnd !== undefined &&
              t.at >= r.trace.scanStart - t.ms &&
              t.at < r.trace.scanEnd,
          ),
        ),
        partialMs: partialOk.length ? round(median(partialOk), 1) : null,
        partialRuns: partials,
        longTasksDuringPass: lt.map((x) => x.during.length),
        longTasksDuringPassMaxMs: round(Math.max(0, ...lt.flatMap((x) => x.during.map((t) => t.duration))), 0),
        longTasksAfterPass: lt.map((x) => x.after.length),
        frameBlockingMs: round(median(lt.map((x) => x.blocking)), 1),
        frameBlockingRuns: lt.map((x) => round(x.blocking, 1)),
        longestFrameMs: round(median(lt.map((x) => x.maxFrame)), 1),
        trace: { error: 'not run' },
        traceLongTasksAfterLoad: undefined,
      };
      // Cross-check: the whole load of that page, traced, with − without (3 loads each; the pass
      // must end inside the window, so it is longer than the article's).
      try {
        const t = await pairedLoads({ w, wo }, base, '/big.html', n(3), log, { settle: 4000 });
        const after = (lt: LoadTrace) => lt.longTasks.filter((x) => lt.loadEnd !== undefined && x.at >= lt.loadEnd);
        results.bigPage.trace = t;
        results.bigPage.traceLongTasksAfterLoad = { with: t.with.map(after), without: t.without.map(after) };
      } catch (err) {
        results.bigPage.trace = { error: String((err as Error).message ?? err) };
      }
    }
    // ---- 5. mark.js (--markjs only).
    part('end');
    if (opts.markjs && results.bigPage)
      results.markjs = await markJs(cwo, base, input.aliasTexts, results.bigPage.scanWallMs, log);
  } finally {
    await Promise.all([cw.close().catch(() => {}), cwo.close().catch(() => {})]);
    await server.close();
  }
  return results as BrowserResults;
}

/** mark.js at growing list sizes over the 4.6 MB page; the list is the bundled aliases, shuffled. */
async function markJs(
  context: BrowserContext,
  base: string,
  aliasTexts: string[],
  extensionMs: number,
  log: (s: string) => void,
): Promise<NonNullable<BrowserResults['markjs']>> {
  const r = rng(5);
  const list = [...aliasTexts];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  const options = { separateWordSearch: false, acrossElements: true, diacritics: true, caseSensitive: false };
  const sizes: NonNullable<BrowserResults['markjs']>['sizes'] = [];
  for (const size of [10, 100, 1000, list.length]) {
    const runsWanted = size <= 100 ? 3 : 1;
    const times: number[] = [];
    let marks: number | null = null;
    let status = 'ok';
    for (let k = 0; k < runsWanted && status === 'ok'; k++) {
      const pg = await context.newPage();
      await pg.goto(`${base}/big.html?markjs=${k}`, { waitUntil: 'load', timeout: 120_000 });
      await pg.addScriptTag({ url: `${base}/mark.min.js` });
      const job = pg.evaluate(`new Promise((resolve) => {
        const t0 = performance.now();
        new Mark(document.body).mark(${JSON.stringify(list.slice(0, size))}, {
          ...${JSON.stringify(options)},
          done: (n) => resolve({ ms: performance.now() - t0, n }),
        });
      })`) as Promise<{ ms: number; n: number }>;
      job.catch(() => {});
      const timer = new Promise<'timeout'>((res) => setTimeout(() => res('timeout'), MARK_TIMEOUT_MS));
      const got = await Promise.race([job, timer]);
      if (got === 'timeout') {
        status = `exceeded ${MARK_TIMEOUT_MS / 1000} s (aborted)`;
        await pg.close({ runBeforeUnload: false }).catch(() => {});
        break;
      }
      times.push(got.ms);
      marks = got.n;
      await pg.close();
    }
    const ms = times.length && status === 'ok' ? median(times) : null;
    sizes.push({ size, ms: ms === null ? null : round(ms, 0), runs: times.map((t) => round(t, 0)), marks, status });
    log(`browser: mark.js ${size} aliases: ${ms === null ? status : `${ms.toFixed(0)} ms`}`);
    if (status !== 'ok') break;
  }
  const ok = sizes.filter((s) => s.ms !== null);
  const largest = ok[ok.length - 1];
  const prev = ok[ok.length - 2];
  const slope = largest && prev ? (largest.ms! - prev.ms!) / (largest.size - prev.size) : NaN;
  const fitAll = largest ? largest.ms! + slope * (list.length - largest.size) : NaN;
  return {
    options,
    sizes,
    comparedWith: "the extension's pass on the same page (dramatis:scan wall time, all aliases)",
    extensionMs: extensionMs,
    ratioNote:
      'The extension always matches its full index, so mark.js at N aliases / the extension with all aliases is a LOWER BOUND of the ratio at equal list size.',
    extrapolatedAllMs: round(fitAll, 0),
    extrapolatedRatioAll: round(fitAll / extensionMs, 1),
  };
}
