/**
 * Dramatis benchmark: `npm run bench` (builds the extension first) or `npx tsx bench/run.ts`
 * after `npm run build`. Prints a table and writes bench/results.json. Every figure is a
 * median of several runs and comes with a baseline measured in the same run.
 *
 * Units: MB = 10^6 bytes of UTF-16 text = 500,000 UTF-16 code units (string length).
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { runBrowserBench, type BrowserResults } from './browser-bench';
import { ROOT } from './corpus';
import { runNodeBench } from './node-bench';

const started = performance.now();
const MARK_TIMEOUT_S = 60;
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
const node = runNodeBench(log);
const indexBase64 = readFileSync(join(ROOT, '.generated', 'match-index.bin')).toString('base64');

let browser: BrowserResults | { error: string };
try {
  browser = await runBrowserBench(node.paragraphs, node.aliasTexts, indexBase64, log);
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

const b = node.bundled;
const s = node.synthetic;
type Row = [string, string, string, string, string];
const rows: Row[] = [];
const row = (what: string, value: string, baseline: string, ratio: string, target = '') =>
  rows.push([what, value, baseline, ratio, target]);
const verdict = (ok: boolean) => (ok ? 'MET' : 'NOT MET');

row(
  `Node scan, bundled index (${b.index.aliases} aliases), ${b.throughput.textMB} MB text`,
  `${b.throughput.scanMBps} MB/s (${b.throughput.scanMcharps} Mchar/s)`,
  `charCodeAt loop ${b.throughput.baselineMBps} MB/s`,
  `${b.throughput.ratioScanToBaseline}× slower`,
);
row(
  `Node scan, synthetic index (${s.index.aliases} aliases), ${s.throughput.textMB} MB text`,
  `${s.throughput.scanMBps} MB/s (${s.throughput.scanMcharps} Mchar/s)`,
  `charCodeAt loop ${s.throughput.baselineMBps} MB/s`,
  `${s.throughput.ratioScanToBaseline}× slower`,
  `≥ 50 MB/s: ${verdict(s.throughput.scanMBps >= 50)}`,
);
row('Node scan+resolve, bundled', `${b.throughput.scanResolveMBps} MB/s`, '', '');
row('Node scan+resolve, synthetic', `${s.throughput.scanResolveMBps} MB/s`, '', '');
for (const [name, x] of [
  ['bundled', b.index],
  ['synthetic', s.index],
] as const) {
  row(
    `Index size, ${name} (${x.states} states)`,
    `${x.bytes} B; base64 ${x.base64Length} chars`,
    `alias texts ${x.aliasTextBytes} B`,
    `${x.ratioBytesToAliasText}×`,
  );
  row(`Index build, ${name}`, `${x.buildMs} ms`, `fold+Map ${x.buildBaselineMs} ms`, `${x.ratioBuildToBaseline}×`);
  row(
    `Index load, ${name}: deserializeIndex(bytes)`,
    `${x.deserializeMs} ms`,
    `bytes.slice() ${x.copyBaselineMs} ms`,
    `${x.ratioDeserializeToCopy}×`,
  );
  row(
    `Index load, ${name}: base64ToBytes (${x.base64Path})`,
    `${x.base64DecodeMs} ms`,
    `Buffer.from base64 ${x.nativeBase64Ms} ms`,
    `${x.ratioBase64ToNative}×`,
  );
  row(`Index load, ${name}: base64 → Scanner total`, `${x.totalLoadMs} ms`, '', '');
}
if ('extension' in browser) {
  const e = browser.extension;
  const m = browser.markjs;
  row(
    `Chromium: page ${(browser.page.textUnits * 2e-6).toFixed(1)} MB text, ${browser.page.textNodes} text nodes — dramatis:scan`,
    `${e.scanMs} ms (${e.mentions} mentions)`,
    `TreeWalker .data ${e.walkBaselineMs} ms`,
    `${e.ratioScanToWalk}×`,
    `≤ 2×: ${verdict(e.ratioScanToWalk <= 2)}`,
  );
  row(
    "Chromium: the extension's own work in that pass (its slices, without the time yielded to the page)",
    `${e.busyMs} ms`,
    `TreeWalker .data ${e.walkBaselineMs} ms; walk reading every char ${e.walkReadBaselineMs} ms`,
    `${e.ratioBusyToWalk}× the walk; ${e.ratioBusyToWalkRead}× the walk that reads every char`,
    `≤ 2× the walk: ${verdict(e.ratioBusyToWalk <= 2)}`,
  );
  row('Chromium: marks on screen shown (visible-first), from the pass start', `${e.partialMs ?? 'n/a'} ms`, '', '');
  row(
    'Chromium: long tasks ≥ 50 ms overlapping dramatis:scan',
    `${e.longTasksDuringScan} (max ${e.longTasksDuringScanMaxMs} ms)`,
    '',
    '',
    `0: ${verdict(e.longTasksDuringScan === 0)}`,
  );
  row(
    'Chromium: long animation frames during the pass and 2 s after: input blocked (sum), longest frame',
    `${e.frameBlockingMs} ms blocked; longest frame ${e.longestFrameMs} ms (medians)`,
    '',
    '',
  );
  row(
    'Chromium: long tasks in the 2 s after the measure',
    `${e.longTasksAfterScan} (max ${e.longTasksAfterScanMaxMs} ms)`,
    '',
    '',
  );
  for (const sz of m.sizes)
    row(
      `Chromium: mark.js, ${sz.size} aliases`,
      sz.ms === null ? sz.status : `${sz.ms} ms (${sz.marks} marks)`,
      `extension (all aliases) ${e.scanMs} ms`,
      sz.ms === null
        ? `> ${(MARK_TIMEOUT_S * 1000) / e.scanMs > 0 ? ((MARK_TIMEOUT_S * 1000) / e.scanMs).toFixed(0) : '?'}× (measured lower bound)`
        : `${(sz.ms / e.scanMs).toFixed(2)}× (lower bound)`,
      sz.ms === null || sz === m.sizes[m.sizes.length - 1]
        ? `≥ 50×: ${verdict(sz.ms === null ? (MARK_TIMEOUT_S * 1000) / e.scanMs >= 50 : sz.ms / e.scanMs >= 50)}`
        : '',
    );
  row(
    `Chromium: mark.js, all ${node.aliasTexts.length} aliases (EXTRAPOLATED, line through 2 largest completed sizes)`,
    `~${m.extrapolatedAllMs} ms`,
    `extension ${e.scanMs} ms`,
    `~${m.extrapolatedRatioAll}× (extrapolated)`,
  );
  const h = browser.heap;
  row(
    'Chromium: JS heap used (Runtime.getHeapUsage after GC)',
    `${(h.withExtensionUsed / 1e6).toFixed(1)} MB with extension`,
    `${(h.withoutExtensionUsed / 1e6).toFixed(1)} MB without`,
    `+${(h.contentScriptCost / 1e6).toFixed(1)} MB (${h.ratioWithToWithout}×)`,
  );
  const ph = e.busyByPhase;
  row(
    "Chromium: the extension's own work by phase (medians; the first pass on a page runs cold)",
    `walk ${ph.walk} + scan ${ph.scan} + resolve ${ph.resolve} + place ${ph.place} ms`,
    '',
    '',
  );
}

// Notes search over 10,000 generated notes (bench/notes-bench.ts, run as its own process).
let notesBench: Record<string, number> | { error: string };
try {
  execSync('npx tsx bench/notes-bench.ts', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  notesBench = JSON.parse(readFileSync(join(ROOT, 'bench', 'notes-results.json'), 'utf8')) as Record<string, number>;
  row(
    `Notes search, ${notesBench.notes} notes (options page)`,
    `${notesBench.medianSearchMs} ms (p95 ${notesBench.p95SearchMs} ms)`,
    `lower-cased includes over every note ${notesBench.baselineMedianMs} ms`,
    `${notesBench.ratioToBaseline}×`,
  );
} catch (err) {
  notesBench = { error: String((err as Error).message ?? err) };
}

const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...rows.map((r) => r[i]!.length), 8));
const header: Row = ['Figure (median)', 'Value', 'Baseline (same run)', 'Ratio', 'Target'];
for (const r of [header, ...rows]) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join(' | '));

const results = {
  commit: commitAtStart,
  dirty: dirtyAtStart,
  date: new Date().toISOString(),
  machine,
  units: 'MB = 10^6 bytes of UTF-16 = 500,000 UTF-16 code units; Mchar = 10^6 code units; times in ms (medians)',
  node: { bundled: node.bundled, synthetic: node.synthetic, diagnostics: node.diagnostics },
  browser,
  notes: notesBench,
  table: rows.map(([figure, value, baseline, ratio, target]) => ({ figure, value, baseline, ratio, target })),
  totalSeconds: round1((performance.now() - started) / 1000),
};
function round1(x: number) {
  return Math.round(x * 10) / 10;
}
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
log(`wrote bench/results.json in ${results.totalSeconds} s`);
