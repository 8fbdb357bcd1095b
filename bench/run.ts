/**
 * Dramatis benchmark: `npm run bench` (builds the extension first) or `npx tsx bench/run.ts`
 * after `npm run build`; `npm run bench -- --markjs` adds the (slow) mark.js comparison. Prints a
 * table of the budgets of issue #11 and writes bench/results.json (every run of every figure).
 * Figures are medians of several runs, each with its baseline measured in the same run; timings
 * on a 2-core machine are noisy, so spreads (quartiles) are given with them.
 *
 * Units: MB = 10^6 bytes of UTF-16 text = 500,000 UTF-16 code units (string length).
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { runBrowserBench, type BrowserResults, type Comparison } from './browser-bench';
import { ROOT } from './corpus';
import { runNodeBench } from './node-bench';
import type { Spread } from './stats';
import type { LongTask } from './trace';

const started = performance.now();
const markjs = process.argv.includes('--markjs');
/** `--quick`: two runs of each browser figure, to check the bench itself (its figures mean nothing). */
const quick = process.argv.includes('--quick');
/** `--parts=frames,big`: only some browser parts (article, frames, worker, big); written to bench/results-parts.json. */
const parts = process.argv
  .find((a) => a.startsWith('--parts='))
  ?.slice('--parts='.length)
  .split(',');
const log = (s: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

function sh(cmd: string): string {
  try {
    return execSync(cmd, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

// Recorded before measuring: the commit whose lib/ and build the figures describe.
const commitAtStart = sh('git rev-parse HEAD');
const dirtyAtStart = sh('git status --porcelain').length > 0;
const loadAtStart = loadavg();
/** A run of some browser parts without the worker skips the Node figures (and the notes search). */
const light = !!parts && !parts.includes('worker');
const node = runNodeBench(log, light);

let browser: BrowserResults | { error: string };
try {
  browser = await runBrowserBench(
    {
      paragraphs: node.paragraphs,
      syntheticParagraphs: node.syntheticParagraphs,
      syntheticBytes: node.syntheticBytes,
      aliasTexts: node.aliasTexts,
    },
    { markjs, quick, parts },
    log,
  );
} catch (err) {
  log(`browser half failed: ${(err as Error).stack ?? err}`);
  browser = { error: String((err as Error).message ?? err) };
}

const cpuList = cpus();
const machine = {
  os: `${platform()} ${release()} ${arch()}`,
  cpuModel: cpuList[0]?.model ?? 'unknown',
  cpuCount: cpuList.length,
  memoryBytes: totalmem(),
  node: process.version,
  loadAverageAtStart: loadAtStart.map((x) => Math.round(x * 100) / 100),
  loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
  chromium: 'chromiumVersion' in browser ? browser.chromiumVersion : sh('/usr/bin/chromium --version'),
};

type Row = [string, string, string, string];
const rows: Row[] = [];
const budgets: { budget: string; value: string; met: boolean | null; spread?: Spread; note?: string }[] = [];
const row = (what: string, value: string, baseline = '', target = '') => rows.push([what, value, baseline, target]);
const verdict = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'MET' : 'NOT MET');
const iqr = (s: Spread, unit = 'ms') => `IQR ${s.p25}–${s.p75} ${unit}, n=${s.n}`;
/** Records a budget and returns the table's target cell. */
function budget(name: string, value: string, met: boolean | null, s?: Spread, note?: string): string {
  budgets.push({ budget: name, value, met, spread: s, note });
  return `${name}: ${verdict(met)}`;
}

const b = node.bundled;
const s = node.synthetic;

if ('chromiumVersion' in browser) {
  const a = browser.article as BrowserResults['article'] | undefined;
  // Task time: the budget's measure is the tasks' wall durations; their thread (CPU) time is
  // given beside it, as it does not count time the main thread sat descheduled by other load.
  const cmp = (c: Comparison) =>
    `+${c.extraMs} ms (paired: median ${c.pairedExtra.median}, ${iqr(c.pairedExtra)}); ` +
    `with ${c.warmWith.median}, without ${c.warmWithout.median}` +
    (c.warmFloor ? `, empty content script ${c.warmFloor.median} (+${c.floorExtraMs})` : '');
  const twoWays = (name: string, wall: number, cpu: number, limit: number, s: Spread) =>
    budget(
      name,
      `wall +${wall} ms, CPU +${cpu} ms`,
      wall <= limit,
      s,
      `verdict on wall time (the budget's measure); on CPU time: ${verdict(cpu <= limit)}`,
    ) + ` (CPU: ${verdict(cpu <= limit)})`;
  if (a) {
    row(
      `Article (${a.textUnits} chars, ${a.textNodes} text nodes, ${a.mentions} marks): main-thread task time per warm load, wall`,
      cmp(a.wall),
      `CPU: ${cmp(a.cpu)}`,
      twoWays('extra task time per warm load ≤ 10 ms', a.wall.extraMs, a.cpu.extraMs, 10, a.wall.pairedExtra),
    );
    const fl = a.firstLoad;
    const ours = fl.longTasksWith.filter((t) => t.ours);
    const lt = (xs: LongTask[]) =>
      xs
        .map((t) => `${t.ms} ms (CPU ${t.cpuMs}) at ${t.at} ms${t.ours ? ' OURS' : ''}${t.top ? `: ${t.top}` : ''}`)
        .join('; ');
    row(
      'Article: long tasks (≥ 50 ms) on the first load after browser start',
      `${fl.longTasksWith.length} with [${lt(fl.longTasksWith)}]`,
      `${fl.longTasksWithout.length} without [${lt(fl.longTasksWithout)}]`,
      budget(
        'no long task on the first load',
        `${fl.longTasksWith.length} with (${ours.length} running our script), ${fl.longTasksWithout.length} without`,
        ours.length === 0,
        undefined,
        'A long task counts against us when our content script ran in it (its evaluation, a call into it, or a dramatis mark); the others are the page loading in a fresh browser, as without the extension.',
      ),
    );
    row(
      'Article: marks shown after the content script started (end of the first dramatis:scan)',
      `${a.marksAfterContentScript.median} ms (${iqr(a.marksAfterContentScript)}); first load ${fl.marksAfterContentScriptMs} ms`,
      `after DOMContentLoaded: ${a.marksAfterDcl.median} ms (${iqr(a.marksAfterDcl)}); first load ${fl.marksAfterDclMs} ms`,
      budget(
        'marks visible ≤ 150 ms after document_idle',
        `${a.marksAfterContentScript.median} ms`,
        a.marksAfterContentScript.median <= 150,
        a.marksAfterContentScript,
      ),
    );
    row(
      "Article: the pass's own main-thread time (detail.busyMs) / the matcher's (detail.workerMs), warm loads",
      `${a.busyMs.median} ms (${iqr(a.busyMs)}) / ${a.workerMs.median} ms`,
      `content script evaluation ${a.contentScriptEvalMs.median} ms`,
    );
  }
  const h = browser.heap as BrowserResults['heap'] | undefined;
  if (h) {
    row(
      'Article: JS heap of the page (after GC)',
      `+${(h.extraBytes / 1e6).toFixed(2)} MB`,
      `with ${(Math.min(...h.withBytes) / 1e6).toFixed(2)}–${(Math.max(...h.withBytes) / 1e6).toFixed(2)} MB, without ${(Math.min(...h.withoutBytes) / 1e6).toFixed(2)}–${(Math.max(...h.withoutBytes) / 1e6).toFixed(2)} MB` +
        (h.floorExtraBytes === undefined
          ? ''
          : `; an empty content script +${(h.floorExtraBytes / 1e6).toFixed(2)} MB`),
      budget('heap per frame ≤ 1 MB extra', `${(h.extraBytes / 1e6).toFixed(2)} MB`, h.extraBytes <= 1e6),
    );
  }
  const e = browser.empty as BrowserResults['empty'] | undefined;
  if (e) {
    row(
      'Empty page: main-thread task time per warm load, wall',
      cmp(e.wall),
      `CPU: ${cmp(e.cpu)}`,
      twoWays('page without text ≤ 2 ms extra', e.wall.extraMs, e.cpu.extraMs, 2, e.wall.pairedExtra),
    );
  }
  const f = browser.frames as BrowserResults['frames'] | undefined;
  if (e && f) {
    row(
      `Page of ${f.frames} ad-like frames (no text), wall; per frame = (its extra − the empty page's) / ${f.frames}`,
      `${cmp(f.wall)}; per frame ${f.extraPerFrameMs} ms`,
      `CPU: ${cmp(f.cpu)}; per frame ${f.extraPerFrameCpuMs} ms (empty content script ${f.floorPerFrameCpuMs} ms); our script's evaluation ${f.contentScriptEvalPerFrameMs} ms a frame`,
      twoWays('frame without text ≤ 2 ms extra', f.extraPerFrameMs, f.extraPerFrameCpuMs, 2, f.wall.pairedExtra),
    );
  }
  const w = (browser.worker as BrowserResults['worker'] | undefined)?.summary;
  const wk = browser.worker;
  if (w) {
    row(
      `Service worker: scan, bundled index, ${(wk.bundled.units * 2e-6).toFixed(1)} MB`,
      `${w.bundledScanMBps} MB/s (runs ${w.bundledScanMBpsSpread.min}–${w.bundledScanMBpsSpread.max}); on CPU time ${w.bundledScanCpuMBps} MB/s (the worker had the CPU ${Math.round(w.bundledCpuShare * 100)}% of the time)`,
      `Node ${b.throughput.scanMBps} MB/s (CPU ${b.throughput.scanCpuMBps}); whole pass (scan + resolve) ${w.bundledPassMBps} MB/s`,
      budget(
        'worker ≥ 150 MB/s, bundled index',
        `${w.bundledScanMBps} MB/s wall, ${w.bundledScanCpuMBps} MB/s CPU`,
        w.bundledScanMBps >= 150,
        w.bundledScanMBpsSpread,
        `on CPU time: ${verdict(w.bundledScanCpuMBps >= 150)}`,
      ) + ` (CPU: ${verdict(w.bundledScanCpuMBps >= 150)})`,
    );
    row(
      `Service worker: scan, synthetic ${s.index.aliases}-alias index, ${(wk.synthetic.units * 2e-6).toFixed(1)} MB`,
      `${w.syntheticScanMBps} MB/s (runs ${w.syntheticScanMBpsSpread.min}–${w.syntheticScanMBpsSpread.max}); on CPU time ${w.syntheticScanCpuMBps} MB/s (CPU ${Math.round(w.syntheticCpuShare * 100)}% of the time)`,
      `Node ${s.throughput.scanMBps} MB/s (CPU ${s.throughput.scanCpuMBps}); whole pass ${w.syntheticPassMBps} MB/s`,
      budget(
        'worker ≥ 100 MB/s, 500k index',
        `${w.syntheticScanMBps} MB/s wall, ${w.syntheticScanCpuMBps} MB/s CPU`,
        w.syntheticScanMBps >= 100,
        w.syntheticScanMBpsSpread,
        `on CPU time: ${verdict(w.syntheticScanCpuMBps >= 100)}`,
      ) + ` (CPU: ${verdict(w.syntheticScanCpuMBps >= 100)})`,
    );
    row(
      `Service worker: load of the ${s.index.aliases}-alias index (${(wk.synthetic.indexBytes / 1e6).toFixed(1)} MB): deserializeIndex + new Scanner`,
      `${w.syntheticLoadMs} ms (${iqr(w.syntheticLoadSpread)}): deserialise ${w.syntheticDeserializeMs} + Scanner ${w.syntheticScannerMs}; on CPU time ${w.syntheticLoadCpuMs} ms`,
      `bundled index ${w.bundledLoadMs} ms (first, with the package read: ${(wk.bundledFirstLoad.readMs + wk.bundledFirstLoad.deserializeMs + wk.bundledFirstLoad.scannerMs).toFixed(1)} ms); Node ${s.index.loadMs} ms`,
      budget(
        '500k index loads ≤ 30 ms',
        `${w.syntheticLoadMs} ms wall (${(w.syntheticLoadMs / 30).toFixed(1)}× the budget), ${w.syntheticLoadCpuMs} ms CPU (${(w.syntheticLoadCpuMs / 30).toFixed(1)}×)`,
        w.syntheticLoadMs <= 30,
        w.syntheticLoadSpread,
        `on CPU time: ${verdict(w.syntheticLoadCpuMs <= 30)}`,
      ) + ` (CPU: ${verdict(w.syntheticLoadCpuMs <= 30)})`,
    );
  }
  const g = browser.bigPage as BrowserResults['bigPage'] | undefined;
  if (g) {
    row(
      `${(g.textUnits * 2e-6).toFixed(1)} MB page (${g.textNodes} text nodes, ${g.mentions} marks): the pass's own main-thread time (detail.busyMs)`,
      `${g.busyMs} ms (runs ${g.busySpread.min}–${g.busySpread.max}): walk ${g.busyByPhase.walk} + send ${g.busyByPhase.send} + place ${g.busyByPhase.place}` +
        `; trace, CPU time of the tasks during the pass ${g.passTasksCpuMs} ms (runs ${g.passTasksCpuRuns.join(', ')})`,
      `walk reading every char ${g.walkReadBaselineMs} ms (CPU ${g.walkReadBaselineCpuMs}) → ${g.ratioBusyToWalkRead}× (CPU: ${g.ratioPassCpuToWalkReadCpu}×)`,
      budget(
        'busy ≤ 5× the reading walk',
        `busyMs ${g.ratioBusyToWalkRead}×, CPU ${g.ratioPassCpuToWalkReadCpu}×`,
        g.ratioBusyToWalkRead <= 5,
        g.ratioBusyToWalkReadSpread,
        `verdict on detail.busyMs (wall) over the walk (wall); on thread time from the traces: ${verdict(g.ratioPassCpuToWalkReadCpu <= 5)}`,
      ) + ` (CPU: ${verdict(g.ratioPassCpuToWalkReadCpu <= 5)})`,
    );
    const maxLt = Math.max(...g.longTasksDuringPass);
    const tl = g.traceLongTasksAfterLoad;
    const tlSay = (xs: LongTask[][]) => xs.map((l) => `${l.length}${l.some((t) => t.ours) ? '*' : ''}`).join(',');
    row(
      `${(g.textUnits * 2e-6).toFixed(1)} MB page: long tasks during the pass (PerformanceObserver)`,
      `${median0(g.longTasksDuringPass)} (runs ${JSON.stringify(g.longTasksDuringPass)}, longest ${g.longTasksDuringPassMaxMs} ms)`,
      `input-blocking frames: ${g.frameBlockingMs} ms, longest frame ${g.longestFrameMs} ms` +
        (tl
          ? `; traces, long tasks after load: with ${tlSay(tl.with)} (* = our script ran in one), without ${tlSay(tl.without)}`
          : ''),
      budget(
        '0 long tasks',
        `${maxLt} in the worst run`,
        maxLt === 0,
        undefined,
        'Long tasks overlapping the pass, any cause.',
      ),
    );
    const tlp = g.traceLongTasksDuringPass;
    row(
      `${(g.textUnits * 2e-6).toFixed(1)} MB page: long tasks during the pass (trace): wall / thread time`,
      tlp.map((l) => `[${l.map((t) => `${t.ms}/${t.cpuMs}${t.ours ? '' : ' not ours'}`).join(', ')}]`).join(' '),
      `with ≥ 50 ms of thread time: ${tlp.map((l) => l.filter((t) => t.cpuMs >= 50).length).join(', ')}`,
    );
    row(
      `${(g.textUnits * 2e-6).toFixed(1)} MB page: marks on screen (pass start → dramatis:partial)`,
      `${g.partialMs} ms (runs ${JSON.stringify(g.partialRuns)})`,
      `whole pass ${g.scanWallMs} ms wall; matcher (detail.workerMs) ${g.workerMs} ms`,
      budget('marks on screen ≤ 100 ms', `${g.partialMs} ms`, g.partialMs !== null && g.partialMs <= 100),
    );
    if ('wall' in g.trace)
      row(
        `${(g.textUnits * 2e-6).toFixed(1)} MB page: task time with − without (trace, load + 4 s, cross-check), wall`,
        cmp(g.trace.wall),
        `CPU: ${cmp(g.trace.cpu)}`,
      );
  }
  if (browser.markjs) {
    const m = browser.markjs;
    for (const sz of m.sizes)
      row(
        `mark.js, ${sz.size} aliases, same page`,
        sz.ms === null ? sz.status : `${sz.ms} ms (${sz.marks} marks)`,
        `extension (all aliases) ${m.extensionMs} ms → ${sz.ms === null ? '—' : `${(sz.ms / m.extensionMs).toFixed(1)}× (lower bound)`}`,
      );
  }
}
if (!light) {
  row(
    `Node: scan, bundled index (${b.index.aliases} aliases), ${b.throughput.textMB} MB`,
    `${b.throughput.scanMBps} MB/s (CPU time: ${b.throughput.scanCpuMBps} MB/s); whole pass ${b.throughput.passMBps} MB/s`,
    `charCodeAt loop ${b.throughput.baselineMBps} MB/s (${b.throughput.ratioScanToBaseline}× faster than the scan)`,
  );
  row(
    `Node: scan, synthetic index (${s.index.aliases} aliases), ${s.throughput.textMB} MB`,
    `${s.throughput.scanMBps} MB/s (CPU time: ${s.throughput.scanCpuMBps} MB/s); whole pass ${s.throughput.passMBps} MB/s`,
    `charCodeAt loop ${s.throughput.baselineMBps} MB/s (${s.throughput.ratioScanToBaseline}×)`,
  );
  for (const [name, x] of [
    ['bundled', b.index],
    ['synthetic', s.index],
  ] as const) {
    row(
      `Node: index load, ${name} (${(x.bytes / 1e6).toFixed(1)} MB, ${x.states} states, header ${(x.headerBytes / 1e6).toFixed(1)} MB)`,
      `${x.loadMs} ms (CPU ${x.loadCpuMs}): deserialise ${x.deserializeMs} (header decode ${x.headerDecodeMs} + JSON.parse ${x.headerParseMs}) + Scanner ${x.scannerMs}`,
      `bytes.slice() ${x.copyBaselineMs} ms; Scanner tables ${(x.scannerTables.totalBytes / 1e6).toFixed(1)} MB`,
    );
    row(
      `Node: index build, ${name}`,
      `${x.buildMs} ms`,
      `fold + Map ${x.buildBaselineMs} ms (${x.ratioBuildToBaseline}×)`,
    );
  }
}

// Notes search over 10,000 generated notes (bench/notes-bench.ts, run as its own process).
let notesBench: Record<string, number> | { error: string } = { error: 'not run' };
if (!light)
  try {
    execSync('npx tsx bench/notes-bench.ts', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    notesBench = JSON.parse(readFileSync(join(ROOT, 'bench', 'notes-results.json'), 'utf8')) as Record<string, number>;
    row(
      `Notes search, ${notesBench.notes} notes (options page)`,
      `${notesBench.medianSearchMs} ms (p95 ${notesBench.p95SearchMs} ms)`,
      `lower-cased includes over every note ${notesBench.baselineMedianMs} ms (${notesBench.ratioToBaseline}×)`,
    );
  } catch (err) {
    notesBench = { error: String((err as Error).message ?? err) };
  }

function median0(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[s.length >> 1] ?? NaN;
}

if ('loadAverage' in browser)
  row(
    'Machine load (1-min load average on 2 cores) as each part began',
    Object.entries(browser.loadAverage)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
    `at start ${loadAtStart[0]!.toFixed(2)}`,
  );

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), 8));
const header: Row = ['Figure (median)', 'Value', 'Baseline (same run)', 'Budget'];
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join(' | '));

const results = {
  commit: commitAtStart,
  dirty: dirtyAtStart,
  date: new Date().toISOString(),
  machine,
  units: 'MB = 10^6 bytes of UTF-16 = 500,000 UTF-16 code units; Mchar = 10^6 code units; times in ms (medians)',
  budgets,
  table: rows.map(([figure, value, baseline, target]) => ({ figure, value, baseline, target })),
  node: { bundled: node.bundled, synthetic: node.synthetic, diagnostics: node.diagnostics },
  browser,
  notes: notesBench,
  markjs,
  quick,
  totalSeconds: Math.round((performance.now() - started) / 100) / 10,
};
// A run of some parts only does not replace the full run's record.
const out = parts ? `results-${parts.join('-')}.json` : 'results.json';
writeFileSync(join(ROOT, 'bench', out), JSON.stringify({ ...results, parts }, null, 2) + '\n');
log(`wrote bench/${out} in ${results.totalSeconds} s`);
