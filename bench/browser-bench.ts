/**
 * Chromium half of the benchmark, on one large generated page served from 127.0.0.1:
 *  (a) the extension's scan (the `dramatis:scan` measure) vs a TreeWalker pass over the same
 *      text nodes; (b) mark.js over the bundled alias list at growing sizes; (c) long tasks
 *      during the scan; (d) JS heap with vs without the extension; plus a phase split of the
 *      page pipeline run in the main world (bench/page-probe.ts).
 */
import type { BrowserContext, Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension } from '../test/support/browser';
import { startServer } from '../test/support/server';
import { ROOT, pageHtml, rng } from './corpus';
import { median, round } from './stats';

export const PAGE_PARAGRAPHS_UNITS = 2_300_000;
const MARK_TIMEOUT_MS = 60_000;

export interface BrowserResults {
  page: { htmlBytes: number; textUnits: number; textNodes: number; elements: number };
  extension: {
    scanMs: number;
    scanRuns: number[];
    mentions: number;
    chunks: number;
    highlightedRanges: number;
    walkBaselineMs: number;
    walkRuns: number[];
    ratioScanToWalk: number;
    /** The extension's own work in the pass (its slices, not the time it yielded to the page). */
    busyMs: number;
    busyRuns: number[];
    ratioBusyToWalk: number;
    /** Baseline (c): the same walk, also reading every char code of every text node. */
    walkReadBaselineMs: number;
    walkReadRuns: number[];
    ratioBusyToWalkRead: number;
    /** Time from the pass's start until the marks on screen were shown (visible-first), median. */
    partialMs: number | null;
    /** Long animation frames during the pass and the 2 s after: summed blocking time (median) and the longest frame. */
    frameBlockingMs: number;
    frameBlockingRuns: number[];
    longestFrameMs: number;
    /** busyMs by phase (medians): walk, scan (join + automaton), resolve, place (StaticRanges, visibility). */
    busyByPhase: { walk: number; scan: number; resolve: number; place: number };
    longTasksDuringScan: number;
    longTasksDuringScanMaxMs: number;
    longTasksDuringScanTotalMs: number;
    /** Long tasks that start within 2 s after the measure ends (highlight registration, paint). */
    longTasksAfterScan: number;
    longTasksAfterScanMaxMs: number;
    longTaskRuns: number[];
  };
  heap: {
    withExtensionUsed: number;
    withoutExtensionUsed: number;
    contentScriptCost: number;
    ratioWithToWithout: number;
    jsHeapUsedSizeWith: number;
    jsHeapUsedSizeWithout: number;
    runs: number;
  };
  markjs: {
    options: Record<string, unknown>;
    sizes: { size: number; ms: number | null; runs: number[]; marks: number | null; status: string }[];
    largestCompleted: number;
    largestCompletedMs: number;
    ratioAtLargestCompleted: number;
    ratioNote: string;
    abortedSize: number | null;
    ratioLowerBoundAtAborted: number | null;
    extrapolatedAllMs: number;
    extrapolatedRatioAll: number;
    extrapolation: string;
  };
  chromiumVersion: string;
}

// Long tasks, and long animation frames: a frame's rendering (for instance painting thousands
// of highlights) can block input without any one task being long.
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

async function waitForMeasure(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('dramatis:scan', 'measure').length >= 1, undefined, {
    timeout,
    polling: 100,
  });
}

interface ScanRun {
  duration: number;
  start: number;
  partial: number | null;
  detail: {
    mentions: number;
    chunks: number;
    busyMs: number;
    busy: { walk: number; scan: number; resolve: number; place: number };
  };
  longtasks: { start: number; duration: number }[];
  loafs: { start: number; duration: number; blocking: number }[];
  ranges: number;
}

async function oneExtensionRun(page: Page, url: string): Promise<ScanRun> {
  await page.goto(url, { waitUntil: 'load' });
  await waitForMeasure(page);
  await page.waitForTimeout(2000); // let highlight registration and paint happen; collect late long tasks
  return page.evaluate(() => {
    const m = performance.getEntriesByName('dramatis:scan', 'measure')[0] as PerformanceMeasure;
    const p = performance.getEntriesByName('dramatis:partial', 'mark')[0];
    const reg = (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights;
    let ranges = 0;
    for (const [name, h] of reg) if (name.startsWith('dramatis-')) ranges += h.size;
    return {
      duration: m.duration,
      start: m.startTime,
      partial: p ? p.startTime - m.startTime : null,
      detail: m.detail as ScanRun['detail'],
      longtasks: (window as unknown as { __longtasks: { start: number; duration: number }[] }).__longtasks,
      loafs: (window as unknown as { __loafs: { start: number; duration: number; blocking: number }[] }).__loafs,
      ranges,
    };
  });
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

async function heapUsed(context: BrowserContext, page: Page): Promise<{ used: number; metric: number }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.send('Performance.enable');
  const metrics = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await cdp.detach();
  return { used: usage.usedSize, metric: metrics.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN };
}

export async function runBrowserBench(
  paragraphs: string[],
  aliasTexts: string[],
  indexBase64: string,
  log: (s: string) => void,
): Promise<BrowserResults> {
  // The page: the first ~2.3M units of the generated news text, in <p> with inline elements.
  const paras: string[] = [];
  let units = 0;
  for (const p of paragraphs) {
    if (units >= PAGE_PARAGRAPHS_UNITS) break;
    paras.push(p);
    units += p.length;
  }
  const page0 = pageHtml(paras, 11);
  const markJs = readFileSync(join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
  const server = await startServer({
    '/bench.html': page0.html,
    '/mark.min.js': markJs,
  });
  const url = `${server.url}/bench.html`;
  log(`browser: page ${(page0.html.length / 1e6).toFixed(1)} MB HTML, ~${page0.textNodes} text nodes`);

  let chromiumVersion: string | undefined;
  const results: Partial<BrowserResults> = {};
  try {
    // ---- With the extension: scan time, long tasks, walk baseline, heap.
    {
      const { context } = await launchWithExtension();
      try {
        chromiumVersion = context.browser()?.version() ?? '';
        await context.addInitScript(LONGTASK_INIT);
        const page = await context.newPage();
        const runs: ScanRun[] = [];
        for (let i = 0; i < 5; i++) {
          runs.push(await oneExtensionRun(page, url));
          log(
            `browser: extension scan run ${i + 1}: ${runs[i]!.duration.toFixed(0)} ms wall, ${runs[i]!.detail.busyMs} ms busy`,
          );
        }
        const walks: number[] = [];
        const reads: number[] = [];
        let info = { nodes: 0, units: 0 };
        for (let i = 0; i < 7; i++) {
          const w = await walkBaseline(page);
          walks.push(w.ms);
          info = w;
          reads.push(await walkReadBaseline(page));
        }
        const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
        results.page = { htmlBytes: page0.html.length, textUnits: info.units, textNodes: info.nodes, elements };
        const lt = runs.map((r) => {
          const end = r.start + r.duration;
          const during = r.longtasks.filter((t) => t.start < end && t.start + t.duration > r.start);
          const after = r.longtasks.filter((t) => t.start >= end && t.start < end + 2000);
          // Frames that overlap the pass or start within 2 s after it: how long they blocked input.
          const blocking = r.loafs
            .filter((f) => f.start < end + 2000 && f.start + f.duration > r.start)
            .reduce((sum, f) => sum + f.blocking, 0);
          const maxFrame = Math.max(
            0,
            ...r.loafs.filter((f) => f.start < end + 2000 && f.start + f.duration > r.start).map((f) => f.duration),
          );
          return { during, after, blocking, maxFrame };
        });
        const scanMs = median(runs.map((r) => r.duration));
        const walkMs = median(walks);
        const busyMs = median(runs.map((r) => r.detail.busyMs));
        const readMs = median(reads);
        const partials = runs.map((r) => r.partial).filter((p): p is number => p !== null);
        const mid = lt[lt.length >> 1]!;
        results.extension = {
          scanMs: round(scanMs, 1),
          scanRuns: runs.map((r) => round(r.duration, 1)),
          mentions: runs[0]!.detail.mentions,
          chunks: runs[0]!.detail.chunks,
          highlightedRanges: runs[0]!.ranges,
          walkBaselineMs: round(walkMs, 2),
          walkRuns: walks.map((w) => round(w, 2)),
          ratioScanToWalk: round(scanMs / walkMs, 1),
          busyMs: round(busyMs, 1),
          busyRuns: runs.map((r) => round(r.detail.busyMs, 1)),
          ratioBusyToWalk: round(busyMs / walkMs, 1),
          walkReadBaselineMs: round(readMs, 2),
          walkReadRuns: reads.map((w) => round(w, 2)),
          ratioBusyToWalkRead: round(busyMs / readMs, 1),
          partialMs: partials.length ? round(median(partials), 1) : null,
          frameBlockingMs: round(median(lt.map((x) => x.blocking)), 1),
          frameBlockingRuns: lt.map((x) => round(x.blocking, 1)),
          longestFrameMs: round(median(lt.map((x) => x.maxFrame)), 1),
          busyByPhase: {
            walk: round(median(runs.map((r) => r.detail.busy.walk)), 1),
            scan: round(median(runs.map((r) => r.detail.busy.scan)), 1),
            resolve: round(median(runs.map((r) => r.detail.busy.resolve)), 1),
            place: round(median(runs.map((r) => r.detail.busy.place)), 1),
          },
          longTasksDuringScan: median(lt.map((x) => x.during.length)),
          longTasksDuringScanMaxMs: round(Math.max(0, ...lt.flatMap((x) => x.during.map((t) => t.duration))), 0),
          longTasksDuringScanTotalMs: round(median(lt.map((x) => x.during.reduce((s, t) => s + t.duration, 0))), 0),
          longTasksAfterScan: median(lt.map((x) => x.after.length)),
          longTasksAfterScanMaxMs: round(Math.max(0, ...lt.flatMap((x) => x.after.map((t) => t.duration))), 0),
          longTaskRuns: lt.map((x) => x.during.length),
        };
        void mid;
        // Heap with the extension (after its scan), three reloads.
        const withHeap: { used: number; metric: number }[] = [];
        for (let i = 0; i < 3; i++) {
          if (i) await oneExtensionRun(page, url);
          withHeap.push(await heapUsed(context, page));
        }
        results.heap = {
          withExtensionUsed: median(withHeap.map((h) => h.used)),
          jsHeapUsedSizeWith: median(withHeap.map((h) => h.metric)),
        } as BrowserResults['heap'];
      } finally {
        await context.close();
      }
    }

    // ---- Without the extension: heap baseline, phase splits, mark.js.
    {
      let { context } = await launchWithExtension({ withExtension: false });
      try {
        const page = await context.newPage();
        const without: { used: number; metric: number }[] = [];
        for (let i = 0; i < 3; i++) {
          await page.goto(url, { waitUntil: 'load' });
          await page.waitForTimeout(2000);
          without.push(await heapUsed(context, page));
        }
        const h = results.heap!;
        h.withoutExtensionUsed = median(without.map((x) => x.used));
        h.jsHeapUsedSizeWithout = median(without.map((x) => x.metric));
        h.contentScriptCost = h.withExtensionUsed - h.withoutExtensionUsed;
        h.ratioWithToWithout = round(h.withExtensionUsed / h.withoutExtensionUsed, 2);
        h.runs = 3;

        // mark.js at growing list sizes; the list is the bundled aliases in a fixed shuffled order.
        const r = rng(5);
        const list = [...aliasTexts];
        for (let i = list.length - 1; i > 0; i--) {
          const j = Math.floor(r() * (i + 1));
          [list[i], list[j]] = [list[j]!, list[i]!];
        }
        const options = { separateWordSearch: false, acrossElements: true, diacritics: true, caseSensitive: false };
        const sizes: BrowserResults['markjs']['sizes'] = [];
        for (const size of [10, 100, 1000, list.length]) {
          const runsWanted = size <= 100 ? 3 : 1;
          const times: number[] = [];
          let marks: number | null = null;
          let status = 'ok';
          for (let k = 0; k < runsWanted && status === 'ok'; k++) {
            const pg = await context.newPage();
            await pg.goto(url, { waitUntil: 'load' });
            await pg.addScriptTag({ url: `${server.url}/mark.min.js` });
            // A string, not a function: tsx's transform would leave `__name` helpers in a serialised function.
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
              // The renderer is busy: drop the whole browser and start a fresh one if needed.
              await context.close().catch(() => {});
              ({ context } = await launchWithExtension({ withExtension: false }));
              break;
            }
            times.push(got.ms);
            marks = got.n;
            await pg.close();
          }
          const ms = times.length && status === 'ok' ? median(times) : null;
          sizes.push({
            size,
            ms: ms === null ? null : round(ms, 0),
            runs: times.map((t) => round(t, 0)),
            marks,
            status,
          });
          log(`browser: mark.js ${size} aliases: ${ms === null ? status : `${ms.toFixed(0)} ms`}`);
          if (status !== 'ok' || (ms ?? 0) > MARK_TIMEOUT_MS) break;
        }
        const ok = sizes.filter((s) => s.ms !== null);
        const largest = ok[ok.length - 1];
        const aborted = sizes.find((s) => s.ms === null);
        const extMs = results.extension!.scanMs;
        const allSize = list.length;
        // Extrapolation to the full list: a straight line through the two largest completed
        // sizes (mark.js has a large fixed cost per call, so time ∝ size would overstate it).
        const prev = ok[ok.length - 2];
        const slope = largest && prev ? (largest.ms! - prev.ms!) / (largest.size - prev.size) : NaN;
        const fitAll = largest ? largest.ms! + slope * (allSize - largest.size) : NaN;
        results.markjs = {
          options,
          sizes,
          largestCompleted: largest?.size ?? 0,
          largestCompletedMs: largest?.ms ?? NaN,
          ratioAtLargestCompleted: largest?.ms ? round(largest.ms / extMs, 2) : NaN,
          ratioNote:
            'The extension always matches its full index (all aliases), so mark.js time at N aliases / extension time with all aliases is a LOWER BOUND of the ratio at equal list size. An aborted size gives a measured lower bound: mark.js > timeout there.',
          abortedSize: aborted?.size ?? null,
          ratioLowerBoundAtAborted: aborted ? round(MARK_TIMEOUT_MS / extMs, 1) : null,
          extrapolatedAllMs: round(fitAll, 0),
          extrapolatedRatioAll: round(fitAll / extMs, 1),
          extrapolation: 'EXTRAPOLATED: straight line through the two largest completed sizes',
        };
      } finally {
        await context.close().catch(() => {});
      }
    }
  } finally {
    await server.close();
  }
  return { ...(results as BrowserResults), chromiumVersion: chromiumVersion ?? '' };
}
