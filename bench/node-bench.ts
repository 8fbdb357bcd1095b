/**
 * Node half of the benchmark: the matcher (lib/match, the code the service worker runs) on
 * generated news text with the bundled index and with a synthetic 500,000-alias index; index
 * size, build time, and load time split into its parts. Each figure comes with a baseline
 * measured in the same process on the same input.
 *
 * Text is scanned block by block (one paragraph a block), as the page agent sends it.
 * MB here means 10^6 bytes of UTF-16 text, i.e. 500,000 UTF-16 code units (JavaScript string
 * length / 500,000). "Mchar/s" is 10^6 code units per second (half the MB/s figure).
 */
import { compileDataset } from '../lib/dataset/compile';
import { expandAliases } from '../lib/dataset/aliases';
import { defaultExpandOptions, loadDataset } from '../lib/dataset/load';
import { buildIndex } from '../lib/match/build';
import { BREAK, foldLower, foldString, isWordUnit, SKIP, SPACE } from '../lib/match/fold';
import { deserializeIndex, serializeIndex, type MatchIndex } from '../lib/match/index-format';
import { PageMatcher, runSteps } from '../lib/match/page-matcher';
import { Scanner, type Candidate } from '../lib/match/scan';
import { newsParagraphs, syntheticAliases } from './corpus';
import { round, spread, timeSync, type Spread } from './stats';

export const TEXT_UNITS = 5_500_000; // 11 MB of UTF-16; ≥ 5 MB whichever way MB is read
export const SYNTHETIC_ALIASES = 500_000;

function baselineLoop(blocks: readonly string[]): number {
  let sum = 0;
  for (const t of blocks) for (let i = 0, n = t.length; i < n; i++) sum = (sum + t.charCodeAt(i)) | 0;
  return sum;
}

function scanAll(scanner: Scanner, blocks: readonly string[]): number {
  let count = 0;
  const out: Candidate[] = [];
  for (const t of blocks) {
    out.length = 0;
    scanner.scan(t, out);
    count += out.length;
  }
  return count;
}

/** A whole PageMatcher pass over the blocks (scan and resolve), as the service runs it. */
function pagePass(scanner: Scanner, blocks: readonly string[]): number {
  const m = new PageMatcher(scanner);
  m.update(
    blocks.map((_, id) => id),
    blocks.map((text, id) => ({ id, text })),
  );
  return runSteps(m.match()).length;
}

export interface ThroughputResult {
  textUnits: number;
  textMB: number;
  blocks: number;
  candidates: number;
  mentions: number;
  scanMs: number;
  scanRuns: number[];
  scanMBps: number;
  scanMBpsSpread: Spread;
  scanMcharps: number;
  /** The same from the process's CPU time (what the scan costs a core, whatever else runs). */
  scanCpuMBps: number;
  /** A whole PageMatcher pass (scan + page-level resolution). */
  passMs: number;
  passRuns: number[];
  passMBps: number;
  baselineMs: number;
  baselineMBps: number;
  /** scan time / baseline time (how many times slower than reading every char code). */
  ratioScanToBaseline: number;
  runs: number;
}

function throughput(scanner: Scanner, blocks: string[], runs: number): ThroughputResult {
  const units = blocks.reduce((s, c) => s + c.length, 0);
  const mb = (units * 2) / 1e6;
  const base = timeSync(() => baselineLoop(blocks), runs, 2);
  const scan = timeSync(() => scanAll(scanner, blocks), runs, 1);
  const pass = timeSync(() => pagePass(scanner, blocks), Math.max(3, runs - 2), 1);
  return {
    textUnits: units,
    textMB: round(mb, 2),
    blocks: blocks.length,
    candidates: scan.result,
    mentions: pass.result,
    scanMs: round(scan.ms, 1),
    scanRuns: scan.runs.map((x) => round(x, 1)),
    scanMBps: round(mb / (scan.ms / 1000), 1),
    scanMBpsSpread: spread(scan.runs.map((ms) => mb / (ms / 1000))),
    scanMcharps: round(units / 1e6 / (scan.ms / 1000), 1),
    scanCpuMBps: round(mb / (scan.cpuMs / 1000), 1),
    passMs: round(pass.ms, 1),
    passRuns: pass.runs.map((x) => round(x, 1)),
    passMBps: round(mb / (pass.ms / 1000), 1),
    baselineMs: round(base.ms, 2),
    baselineMBps: round(mb / (base.ms / 1000), 0),
    ratioScanToBaseline: round(scan.ms / base.ms, 1),
    runs,
  };
}

export interface IndexFigures {
  aliases: number;
  entities: number;
  patterns: number;
  states: number;
  edges: number;
  tokens: number;
  bytes: number;
  /** The JSON header (entity ids, names, cues, relations, case-kept texts) and its parts, bytes. */
  headerBytes: number;
  headerParts: Record<string, number>;
  /** UTF-8 bytes of the alias texts alone (JSON array): the size baseline. */
  aliasTextBytes: number;
  ratioBytesToAliasText: number;
  buildMs: number;
  /** Baseline: fold every alias and put it in a Map (the cheapest possible "index"). */
  buildBaselineMs: number;
  ratioBuildToBaseline: number;
  buildRuns: number;
  /** Loading, as the service worker does it: bytes → deserializeIndex → new Scanner (medians). */
  deserializeMs: number;
  deserializeRuns: number[];
  /** Of which: decoding the header to a string, and JSON.parse of it. */
  headerDecodeMs: number;
  headerParseMs: number;
  scannerMs: number;
  scannerRuns: number[];
  /** deserializeIndex + new Scanner, each run timed whole. */
  loadMs: number;
  loadRuns: number[];
  loadSpread: Spread;
  /** The process's CPU time for the same (median). */
  loadCpuMs: number;
  /** Baseline: copy the same bytes (bytes.slice()). */
  copyBaselineMs: number;
  /** The tables the Scanner builds when loaded (Int32 units). */
  scannerTables: {
    vocab: number;
    rec: number;
    rootNext: number;
    statePat: number;
    charTok: number;
    totalBytes: number;
  };
  loadRunsCount: number;
}

function indexFigures(
  aliasTexts: string[],
  entities: number,
  build: () => MatchIndex,
  buildRuns: number,
  loadRuns: number,
): { figures: IndexFigures; index: MatchIndex; bytes: Uint8Array } {
  const built = timeSync(build, buildRuns, 0);
  const index = built.result;
  const bytes = serializeIndex(index);
  const buildBase = timeSync(
    () => {
      const m = new Map<string, number>();
      aliasTexts.forEach((t, i) => m.set(foldString(t), i));
      return m.size;
    },
    buildRuns,
    1,
  );
  const headerLen = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  const decode = timeSync(() => new TextDecoder().decode(bytes.subarray(4, 4 + headerLen)), loadRuns, 1);
  const parse = timeSync(() => JSON.parse(decode.result) as { meta: Record<string, unknown> }, loadRuns, 1);
  const headerParts: Record<string, number> = {};
  for (const [k, v] of Object.entries(parse.result.meta)) headerParts[k] = JSON.stringify(v).length;
  const des = timeSync(() => deserializeIndex(bytes), loadRuns, 1);
  const init = timeSync(() => new Scanner(des.result), loadRuns, 1);
  const load = timeSync(() => new Scanner(deserializeIndex(bytes)), loadRuns, 1);
  const copy = timeSync(() => bytes.slice(), loadRuns, 1);
  const t = init.result as unknown as Record<string, Int32Array>;
  const tables = {
    vocab: t.vocab!.length,
    rec: t.rec!.length,
    rootNext: t.rootNext!.length,
    statePat: t.statePat!.length,
    charTok: t.charTok!.length,
  };
  const aliasTextBytes = Buffer.byteLength(JSON.stringify(aliasTexts));
  const figures: IndexFigures = {
    aliases: aliasTexts.length,
    entities,
    patterns: index.patTok.length,
    states: index.fail.length,
    edges: index.edgeTok.length,
    tokens: index.tokStart.length - 1,
    bytes: bytes.length,
    headerBytes: headerLen,
    headerParts,
    aliasTextBytes,
    ratioBytesToAliasText: round(bytes.length / aliasTextBytes, 1),
    buildMs: round(built.ms, 1),
    buildBaselineMs: round(buildBase.ms, 1),
    ratioBuildToBaseline: round(built.ms / buildBase.ms, 1),
    buildRuns,
    deserializeMs: round(des.ms, 2),
    deserializeRuns: des.runs.map((x) => round(x, 1)),
    headerDecodeMs: round(decode.ms, 2),
    headerParseMs: round(parse.ms, 2),
    scannerMs: round(init.ms, 2),
    scannerRuns: init.runs.map((x) => round(x, 1)),
    loadMs: round(load.ms, 2),
    loadRuns: load.runs.map((x) => round(x, 1)),
    loadSpread: spread(load.runs),
    loadCpuMs: round(load.cpuMs, 2),
    copyBaselineMs: round(copy.ms, 2),
    scannerTables: { ...tables, totalBytes: 4 * Object.values(tables).reduce((a, b) => a + b, 0) },
    loadRunsCount: loadRuns,
  };
  return { figures, index, bytes };
}

export interface AutomatonWork {
  /** Units read (after folding and skips). */
  units: number;
  /** Tokens (words, punctuation, CJK units) the automaton took. */
  tokens: number;
  unitsPerToken: number;
  /** Share of tokens no alias holds (the automaton goes back to its root). */
  unknownTokenShare: number;
  /** Share of known tokens read in a state other than the root. */
  offRootShare: number;
  /** Transitions tried per token (the root's direct table included), failure hops per token. */
  transitionsPerToken: number;
  failureHopsPerToken: number;
  /** Output states visited (each a pattern ending here) vs candidates accepted. */
  outputVisits: number;
  candidates: number;
  states: number;
  distinctTokens: number;
}

/** A counting replica of Scanner.scan's loop (same tokens, same automaton): where the work is. */
export function automatonWork(index: MatchIndex, blocks: readonly string[]): AutomatonWork {
  const { fail, outLink, edgeStart, edgeTok, tokStart, tokChars } = index;
  const tokId = new Map<string, number>();
  for (let t = 0; t + 1 < tokStart.length; t++)
    tokId.set(String.fromCharCode(...tokChars.subarray(tokStart[t]!, tokStart[t + 1]!)), t);
  let units = 0;
  let tokens = 0;
  let unknown = 0;
  let offRoot = 0;
  let transitions = 0;
  let hops = 0;
  let outputs = 0;
  const next = (s: number, t: number): number => {
    transitions++;
    for (let e = edgeStart[s]!; e < edgeStart[s + 1]!; e++) if (edgeTok[e] === t) return e + 1;
    return 0;
  };
  for (const text of blocks) {
    let state = 0;
    let word = '';
    const take = (tok: string) => {
      tokens++;
      const t = tokId.get(tok);
      if (t === undefined) {
        unknown++;
        state = 0;
        return;
      }
      if (state !== 0) offRoot++;
      let nx = next(state, t);
      while (nx === 0 && state !== 0) {
        hops++;
        state = fail[state]!;
        nx = next(state, t);
      }
      state = nx;
      for (let o = outLink[state]!; o > 0; o = outLink[fail[o]!]!) outputs++;
    };
    for (let i = 0; i <= text.length; i++) {
      const f = i < text.length ? foldLower(text.charCodeAt(i)) : BREAK;
      if (f === SKIP) continue;
      if (i < text.length) units++;
      if (isWordUnit(f) && i < text.length) {
        word += String.fromCharCode(f);
        continue;
      }
      if (word) take(word);
      word = '';
      if (f !== SPACE && i < text.length) take(String.fromCharCode(f));
    }
  }
  const scanner = new Scanner(index);
  let candidates = 0;
  for (const t of blocks) candidates += scanner.scan(t).length;
  const known = tokens - unknown;
  return {
    units,
    tokens,
    unitsPerToken: round(units / tokens, 2),
    unknownTokenShare: round(unknown / tokens, 3),
    offRootShare: round(offRoot / known, 3),
    transitionsPerToken: round(transitions / tokens, 2),
    failureHopsPerToken: round(hops / tokens, 2),
    outputVisits: outputs,
    candidates,
    states: fail.length,
    distinctTokens: tokStart.length - 1,
  };
}

export interface NodeResults {
  diagnostics: { bundled: AutomatonWork; synthetic: AutomatonWork };
  bundled: { index: IndexFigures; throughput: ThroughputResult };
  synthetic: { index: IndexFigures; throughput: ThroughputResult };
  /** For the browser half: the bundled alias texts (mark.js), the texts, the synthetic index. */
  aliasTexts: string[];
  paragraphs: string[];
  syntheticParagraphs: string[];
  syntheticBytes: Uint8Array;
}

/** `light`: only the texts the browser pages need (no index built or timed; its figures are absent). */
export function runNodeBench(log: (s: string) => void, light = false): NodeResults {
  const opts = defaultExpandOptions();
  const ds = loadDataset();
  const aliasTexts = [...new Set(ds.records.flatMap((r) => expandAliases(r, opts).map((a) => a.text)))];
  log(`node: dataset ${ds.records.length} entities, ${aliasTexts.length} distinct alias texts`);
  if (light)
    return {
      aliasTexts,
      paragraphs: newsParagraphs({ units: TEXT_UNITS, seed: 1, names: aliasTexts }),
      syntheticParagraphs: [],
      syntheticBytes: new Uint8Array(0),
    } as unknown as NodeResults;

  const compile = () => compileDataset(ds.records, opts).index;
  const bundled = indexFigures(aliasTexts, ds.records.length, compile, 3, 15);
  log(
    `node: bundled index ${bundled.figures.bytes} bytes, build ${bundled.figures.buildMs} ms, load ${bundled.figures.loadMs} ms`,
  );

  const syn = syntheticAliases(SYNTHETIC_ALIASES, 7);
  const synthetic = indexFigures(
    syn.aliases.map((a) => a.text),
    syn.entities.length,
    () => buildIndex(syn.entities, syn.aliases),
    1,
    5,
  );
  const sf = synthetic.figures;
  log(
    `node: synthetic index ${sf.aliases} aliases, ${sf.bytes} bytes, build ${sf.buildMs} ms, load ${sf.loadMs} ms ` +
      `(deserialise ${sf.deserializeMs}, Scanner ${sf.scannerMs})`,
  );

  const parasBundled = newsParagraphs({ units: TEXT_UNITS, seed: 1, names: aliasTexts });
  const parasSyn = newsParagraphs({ units: TEXT_UNITS, seed: 2, names: syn.aliases.map((a) => a.text) });
  const bundledScanner = new Scanner(bundled.index);
  const tb = throughput(bundledScanner, parasBundled, 7);
  log(`node: bundled scan ${tb.scanMBps} MB/s, pass ${tb.passMBps} MB/s (baseline ${tb.baselineMBps} MB/s)`);
  const ts = throughput(new Scanner(synthetic.index), parasSyn, 7);
  log(`node: synthetic scan ${ts.scanMBps} MB/s, pass ${ts.passMBps} MB/s (baseline ${ts.baselineMBps} MB/s)`);
  // The counting replica is slow: it reads the first 500,000 units of each text.
  const head = (ps: string[]) => {
    let n = 0;
    return ps.filter((p) => (n += p.length) <= 500_000);
  };
  const diagnostics = {
    bundled: automatonWork(bundled.index, head(parasBundled)),
    synthetic: automatonWork(synthetic.index, head(parasSyn)),
  };
  return {
    diagnostics,
    bundled: { index: bundled.figures, throughput: tb },
    synthetic: { index: synthetic.figures, throughput: ts },
    aliasTexts,
    paragraphs: parasBundled,
    syntheticParagraphs: parasSyn,
    syntheticBytes: synthetic.bytes,
  };
}
