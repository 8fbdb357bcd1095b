/**
 * Main-thread cost of a page load, from a Chromium trace (CDP `Tracing`): the sum of top-level
 * `RunTask` durations on the renderer main thread(s) hosting the page and its frames, from just
 * before the navigation to the end of the trace (the caller ends it a fixed time after `load`).
 * `Performance.getMetrics` TaskDuration was found unreliable across navigations; the trace counts
 * every task of those threads, whoever caused it (the page, Playwright's own world, our content
 * script), so the extension's cost is a difference between a browser with it and one without.
 * The service worker runs in the extension's process and is not counted here.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
  '__metadata',
];

/** Events that mean JavaScript ran in a task (the bench's pages run none of their own). */
const SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'RunMicrotasks', 'v8.compile']);

/** A task this long or longer is a long task (the Long Tasks API's threshold). */
export const LONG_TASK_MS = 50;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: Record<string, unknown>; frame?: string; name?: string; detail?: string } & Record<string, unknown>;
}

export interface LoadTrace {
  /** Sum of top-level RunTask durations on the page's renderer main thread(s), ms (wall time). */
  taskMs: number;
  /** The same tasks' thread (CPU) time, ms: what they cost the core, without time spent descheduled. */
  taskCpuMs: number;
  tasks: number;
  /** Tasks ≥ LONG_TASK_MS: duration (ms), whether our content script ran in it, its largest parts. */
  longTasks: LongTask[];
  /** Renderer processes that hosted the page's frames. */
  processes: number;
  /** Frames committed during the trace (the main frame included). */
  frames: number;
  /** Our content script: evaluations (one per frame it ran in) and their summed duration, ms. */
  contentScriptRuns: number;
  contentScriptEvalMs: number;
  /** Times in ms from the main frame's navigationStart (undefined when not seen). */
  dclEnd?: number;
  loadEnd?: number;
  /** Our content script's evaluation starting in the main frame. */
  contentScriptStart?: number;
  /** The first `dramatis:scan` measure in the main frame's process: its start and end; `dramatis:partial`. */
  scanStart?: number;
  scanEnd?: number;
  partial?: number;
  /** The `detail` of that measure. */
  scanDetail?: ScanDetail;
  /** Top-level tasks of that thread starting during the pass (ours and anything else): wall and thread time, ms. */
  passTasks?: { wallMs: number; cpuMs: number; count: number };
  /** The longest task: wall and thread time, ms. */
  maxTask: { wallMs: number; cpuMs: number };
}

export interface LongTask {
  ms: number;
  /** Its thread (CPU) time, ms: far below `ms` when the thread was descheduled. */
  cpuMs: number;
  /** Its start, ms from the main frame's navigationStart (from the trace's start when not seen). */
  at: number;
  /**
   * Our script ran in it: its evaluation or a call into it, a `dramatis:` mark, or any JavaScript
   * at all (the bench's pages run no script of their own, and Playwright runs none while a load is
   * traced: microtask continuations such as the walk's slices carry no script address).
   */
  ours: boolean;
  /** Its three longest timeline events ("Layout 54.3"). */
  top: string;
}

/** Timeline events worth naming as a long task's parts. */
const PARTS = new Set([
  'Layout',
  'UpdateLayoutTree',
  'Paint',
  'PrePaint',
  'Layerize',
  'Commit',
  'ParseHTML',
  'ParseAuthorStyleSheet',
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'v8.compile',
  'CommitLoad',
  'MajorGC',
  'MinorGC',
  'MarkDOMContent',
  'MarkLoad',
  'HitTest',
  'IntersectionObserverController::computeIntersections',
]);

export interface ScanDetail {
  mentions: number;
  blocks: number;
  busyMs: number;
  busy: { walk: number; send: number; place: number };
  workerMs: number;
}

/**
 * The service worker's longest task in a trace (a browser-wide one: a page's trace holds only its
 * own processes): wall and thread time, ms. A `measure` call runs in one task once its index is at hand.
 */
export function workerTask(events: TraceEvent[]): { wallMs: number; cpuMs: number } | undefined {
  const threads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'ServiceWorker thread')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  let best: TraceEvent | undefined;
  for (const e of events)
    if (
      e.ph === 'X' &&
      (e.name === 'RunTask' || e.name === 'RunMicrotasks') &&
      threads.has(`${e.pid}:${e.tid}`) &&
      (e.dur ?? 0) > (best?.dur ?? 0)
    )
      best = e;
  return best && { wallMs: (best.dur ?? 0) / 1000, cpuMs: ((best as { tdur?: number }).tdur ?? best.dur ?? 0) / 1000 };
}

/** One CDP session per page, reused for every traced load (tracing, heap). */
export class PageProbe {
  constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
  ) {}

  static async open(context: BrowserContext, page: Page): Promise<PageProbe> {
    return new PageProbe(page, await context.newCDPSession(page));
  }

  /** Traces `action` (a navigation and a wait) and returns the raw events. */
  async trace(action: () => Promise<void>): Promise<TraceEvent[]> {
    const events: TraceEvent[] = [];
    const onData = (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[]));
    this.cdp.on('Tracing.dataCollected', onData);
    const complete = new Promise<void>((r) => this.cdp.once('Tracing.tracingComplete', () => r()));
    await this.cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    });
    try {
      await action();
    } finally {
      await this.cdp.send('Tracing.end');
      await complete;
      this.cdp.off('Tracing.dataCollected', onData);
    }
    return events;
  }

  /** JS heap of the page's isolate after two full collections, bytes. */
  async heapUsed(): Promise<number> {
    await this.cdp.send('HeapProfiler.enable');
    await this.cdp.send('HeapProfiler.collectGarbage');
    await this.cdp.send('HeapProfiler.collectGarbage');
    const usage = await this.cdp.send('Runtime.getHeapUsage');
    await this.cdp.send('HeapProfiler.disable');
    return usage.usedSize;
  }
}

/** Reads a traced load of `url` (the main frame's address). */
export function analyseLoad(events: TraceEvent[], url: string): LoadTrace {
  // Which renderer processes hosted our frames (not the extension's own pages).
  const pseudo = new Map<unknown, number>();
  for (const e of events)
    if (e.name === 'ProcessReadyInBrowser' && e.args?.data)
      pseudo.set(e.args.data.processPseudoId, e.args.data.processId as number);
  const pids = new Set<number>();
  let frames = 0;
  let mainFrame: string | undefined;
  let commitTs = 0;
  const consider = (d: Record<string, unknown>) => {
    if (typeof d.url === 'string' && d.url.startsWith('chrome-extension:')) return;
    const pid = (d.processId as number | undefined) ?? pseudo.get(d.processPseudoId);
    if (pid !== undefined) pids.add(pid);
  };
  for (const e of events) {
    if (e.name === 'TracingStartedInBrowser')
      for (const f of (e.args?.data?.frames as Record<string, unknown>[] | undefined) ?? []) consider(f);
    if (e.name === 'FrameCommittedInBrowser' && e.args?.data) {
      const d = e.args.data;
      consider(d);
      if (typeof d.url === 'string' && !d.url.startsWith('chrome-extension:')) frames++;
      if (d.isOutermostMainFrame && d.url === url) {
        mainFrame = d.frame as string;
        commitTs = e.ts;
      }
    }
  }
  const mains = new Set<string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && pids.has(e.pid))
      mains.add(`${e.pid}:${e.tid}`);

  // Top-level tasks (a nested RunTask, from a nested run loop, is inside its parent's time).
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`))
    .sort((a, b) => a.ts - b.ts);
  let taskUs = 0;
  let cpuUs = 0;
  let count = 0;
  let lastEnd = -Infinity;
  const long: TraceEvent[] = [];
  const top: TraceEvent[] = [];
  for (const t of tasks) {
    if (t.ts < lastEnd) continue;
    top.push(t);
    const dur = t.dur ?? 0;
    lastEnd = t.ts + dur;
    taskUs += dur;
    cpuUs += (t as { tdur?: number }).tdur ?? dur;
    count++;
    if (dur >= LONG_TASK_MS * 1000) long.push(t);
  }
  const oursUrl = (e: TraceEvent) =>
    /^(chrome|moz)-extension:\/\/[^/]+\/(content-scripts\/content|boot|agent)\.js$/.test(
      String((e.args?.data as { url?: string } | undefined)?.url ?? ''),
    );
  const longTasks: LongTask[] = long.map((t) => {
    const inside = events.filter(
      (e) => e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0) && e !== t,
    );
    const ours = inside.some((e) => oursUrl(e) || e.name.startsWith('dramatis:') || SCRIPT.has(e.name));
    const top = inside
      .filter((e) => e.ph === 'X' && PARTS.has(e.name))
      .sort((x, y) => (y.dur ?? 0) - (x.dur ?? 0))
      .slice(0, 3)
      .map((e) => `${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)}`)
      .join(', ');
    const cpuMs = Math.round(((t as { tdur?: number }).tdur ?? t.dur ?? 0) / 100) / 10;
    return { ms: Math.round((t.dur ?? 0) / 100) / 10, cpuMs, at: t.ts, ours, top };
  });

  // Page milestones, on the main frame's own timeline.
  const onMain = (e: TraceEvent) => mains.has(`${e.pid}:${e.tid}`);
  const navStart = events.find(
    (e) =>
      e.name === 'navigationStart' &&
      onMain(e) &&
      e.args?.frame === mainFrame &&
      (e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL === url,
  )?.ts;
  const rel = (ts: number | undefined) =>
    ts === undefined || navStart === undefined ? undefined : Math.round((ts - navStart) / 10) / 100;
  const origin = navStart ?? tasks[0]?.ts ?? 0;
  for (const t of longTasks) t.at = Math.round((t.at - origin) / 100) / 10;
  const milestone = (name: string) =>
    events.find((e) => e.name === name && e.args?.frame === mainFrame && e.ts >= commitTs && onMain(e))?.ts;
  const isOurs = (e: TraceEvent) => e.name === 'EvaluateScript' && oursUrl(e) && onMain(e);
  const evals = events.filter(isOurs);
  const csMain = evals.find((e) => (e.args?.data as { frame?: string }).frame === mainFrame);
  const scanB = events.find((e) => e.name === 'dramatis:scan' && e.ph === 'b' && onMain(e));
  const scanE = scanB
    ? events.find(
        (e) =>
          e.name === 'dramatis:scan' &&
          e.ph === 'e' &&
          e.pid === scanB.pid &&
          JSON.stringify((e as { id2?: unknown }).id2) === JSON.stringify((scanB as { id2?: unknown }).id2),
      )
    : undefined;
  const partial = events.find((e) => e.name === 'dramatis:partial' && onMain(e));
  const cpuOf = (t: TraceEvent) => (t as { tdur?: number }).tdur ?? t.dur ?? 0;
  let passTasks: LoadTrace['passTasks'];
  if (scanB && scanE) {
    const during = top.filter((t) => t.pid === scanB.pid && t.tid === scanB.tid && t.ts >= scanB.ts && t.ts < scanE.ts);
    passTasks = {
      wallMs: during.reduce((x, t) => x + (t.dur ?? 0), 0) / 1000,
      cpuMs: during.reduce((x, t) => x + cpuOf(t), 0) / 1000,
      count: during.length,
    };
  }
  const longest = top.reduce<TraceEvent | undefined>((m, t) => (!m || (t.dur ?? 0) > (m.dur ?? 0) ? t : m), undefined);
  let scanDetail: ScanDetail | undefined;
  try {
    scanDetail = scanB?.args?.detail ? (JSON.parse(scanB.args.detail) as ScanDetail) : undefined;
  } catch {
    scanDetail = undefined;
  }
  return {
    taskMs: taskUs / 1000,
    taskCpuMs: cpuUs / 1000,
    tasks: count,
    longTasks,
    processes: pids.size,
    frames,
    contentScriptRuns: evals.length,
    contentScriptEvalMs: evals.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000,
    dclEnd: rel(milestone('domContentLoadedEventEnd')),
    loadEnd: rel(milestone('loadEventEnd')),
    contentScriptStart: rel(csMain?.ts),
    scanStart: rel(scanB?.ts),
    scanEnd: rel(scanE?.ts),
    partial: rel(partial?.ts),
    scanDetail,
    passTasks,
    maxTask: { wallMs: (longest?.dur ?? 0) / 1000, cpuMs: longest ? cpuOf(longest) / 1000 : 0 },
  };
}
