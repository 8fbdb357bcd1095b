/**
 * Node half of the benchmark: matcher throughput on generated news text with the bundled
 * index and with a synthetic 100,000-alias index, index load time, size and build time.
 * Each figure comes with a baseline measured in the same process on the same input.
 *
 * MB here means 10^6 bytes of UTF-16 text, i.e. 500,000 UTF-16 code units (JavaScript string
 * length / 500,000). "Mchar/s" is 10^6 code units per second (half the MB/s figure).
 */
import { compileDataset } from '../lib/dataset/compile';
import { expandAliases } from '../lib/dataset/aliases';
import { defaultExpandOptions, loadDataset } from '../lib/dataset/load';
import { buildIndex } from '../lib/match/build';
import { BREAK, foldLower, foldString, isWordUnit, SKIP, SPACE } from '../lib/match/fold';
import { base64ToBytes, deserializeIndex, serializeIndex, type MatchIndex } from '../lib/match/index-format';
import { resolveMentions, type PageCandidate } from '../lib/match/resolve';
import { Scanner, type Candidate } from '../lib/match/scan';
import { newsParagraphs, syntheticAliases } from './corpus';
import { median, round, timeSync } from './stats';

export const TEXT_UNITS = 5_500_000; // 11 MB of UTF-16; ≥ 5 MB whichever way MB is read
const CHUNK = 16 * 1024; // as lib/page/marks.ts chunks page text
const SEP = String.fromCharCode(BREAK);

/** Joins paragraphs into ~16K-unit chunks separated by BREAK, as the page scan does. */
export function chunkText(paras: readonly string[]): string[] {
  const chunks: string[] = [];
  let parts: string[] = [];
  let len = 0;
  for (const p of paras) {
    if (len && len + p.length > CHUNK) {
      chunks.push(parts.join(''));
      parts = [];
      len = 0;
    }
    parts.push(p, SEP);
    len += p.length + 1;
  }
  if (len) chunks.push(parts.join(''));
  return chunks;
}

function baselineLoop(chunks: readonly string[]): number {
  let sum = 0;
  for (const t of chunks) for (let i = 0, n = t.length; i < n; i++) sum = (sum + t.charCodeAt(i)) | 0;
  return sum;
}

function scanAll(scanner: Scanner, chunks: readonly string[]): number {
  let count = 0;
  const out: Candidate[] = [];
  for (const t of chunks) {
    out.length = 0;
    scanner.scan(t, out);
    count += out.length;
  }
  return count;
}

function scanAndResolve(scanner: Scanner, index: MatchIndex, chunks: readonly string[]): number {
  const cands: PageCandidate[] = [];
  chunks.forEach((t, b) => scanner.scan(t, cands, b));
  return resolveMentions(index, cands, (b, from, to) => chunks[b]!.slice(Math.max(0, from), Math.max(0, to))).length;
}

export interface ThroughputResult {
  textUnits: number;
  textMB: number;
  chunks: number;
  candidates: number;
  mentions: number;
  scanMs: number;
  scanMBps: number;
  scanMcharps: number;
  scanResolveMs: number;
  scanResolveMBps: number;
  baselineMs: number;
  baselineMBps: number;
  /** scan time / baseline time (how many times slower than reading every char code). */
  ratioScanToBaseline: number;
  runs: number;
}

function throughput(index: MatchIndex, chunks: string[], runs: number): ThroughputResult {
  const units = chunks.reduce((s, c) => s + c.length, 0);
  const mb = (units * 2) / 1e6;
  const scanner = new Scanner(index);
  const base = timeSync(() => baselineLoop(chunks), runs, 2);
  const scan = timeSync(() => scanAll(scanner, chunks), runs, 1);
  const sr = timeSync(() => scanAndResolve(scanner, index, chunks), Math.max(3, runs - 2), 1);
  return {
    textUnits: units,
    textMB: round(mb, 2),
    chunks: chunks.length,
    candidates: scan.result,
    mentions: sr.result,
    scanMs: round(scan.ms, 1),
    scanMBps: round(mb / (scan.ms / 1000), 1),
    scanMcharps: round(units / 1e6 / (scan.ms / 1000), 1),
    scanResolveMs: round(sr.ms, 1),
    scanResolveMBps: round(mb / (sr.ms / 1000), 1),
    baselineMs: round(base.ms, 2),
    baselineMBps: round(mb / (base.ms / 1000), 0),
    ratioScanToBaseline: round(scan.ms / base.ms, 1),
    runs,
  };
}

export interface IndexFigures {
  aliases: number;
  patterns: number;
  states: number;
  edges: number;
  bytes: number;
  base64Length: number;
  /** UTF-8 bytes of the alias texts alone (JSON array): the size baseline. */
  aliasTextBytes: number;
  ratioBytesToAliasText: number;
  buildMs: number;
  /** Baseline: fold every alias and put it in a Map (the cheapest possible "index"). */
  buildBaselineMs: number;
  ratioBuildToBaseline: number;
  buildRuns: number;
  deserializeMs: number;
  /** Baseline: copy the same bytes (bytes.slice()). */
  copyBaselineMs: number;
  ratioDeserializeToCopy: number;
  base64DecodeMs: number;
  base64Path: string;
  /** Baseline: Node's native Buffer.from(b64, 'base64'). */
  nativeBase64Ms: number;
  ratioBase64ToNative: number;
  scannerInitMs: number;
  /** base64 → bytes → index → Scanner, what the content script does before scanning. */
  totalLoadMs: number;
  loadRuns: number;
}

function indexFigures(
  aliasTexts: string[],
  build: () => MatchIndex,
  buildRuns: number,
): { figures: IndexFigures; index: MatchIndex } {
  const built = timeSync(build, buildRuns, 0);
  const index = built.result;
  const bytes = serializeIndex(index);
  const b64 = Buffer.from(bytes).toString('base64');
  const buildBase = timeSync(
    () => {
      const m = new Map<string, number>();
      aliasTexts.forEach((t, i) => m.set(foldString(t), i));
      return m.size;
    },
    buildRuns,
    1,
  );
  const loadRuns = 15;
  const des = timeSync(() => deserializeIndex(bytes), loadRuns, 2);
  const copy = timeSync(() => bytes.slice(), loadRuns, 2);
  const dec = timeSync(() => base64ToBytes(b64), loadRuns, 2);
  const native = timeSync(() => Buffer.from(b64, 'base64'), loadRuns, 2);
  const init = timeSync(() => new Scanner(index), loadRuns, 2);
  const total = timeSync(() => new Scanner(deserializeIndex(base64ToBytes(b64))), loadRuns, 2);
  const aliasTextBytes = Buffer.byteLength(JSON.stringify(aliasTexts));
  const figures: IndexFigures = {
    aliases: aliasTexts.length,
    patterns: index.patTok.length,
    states: index.fail.length,
    edges: index.edgeTok.length,
    bytes: bytes.length,
    base64Length: b64.length,
    aliasTextBytes,
    ratioBytesToAliasText: round(bytes.length / aliasTextBytes, 1),
    buildMs: round(built.ms, 1),
    buildBaselineMs: round(buildBase.ms, 1),
    ratioBuildToBaseline: round(built.ms / buildBase.ms, 1),
    buildRuns,
    deserializeMs: round(des.ms, 3),
    copyBaselineMs: round(copy.ms, 3),
    ratioDeserializeToCopy: round(des.ms / copy.ms, 1),
    base64DecodeMs: round(dec.ms, 2),
    base64Path:
      typeof (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64 === 'function'
        ? 'Uint8Array.fromBase64'
        : 'atob + charCodeAt loop',
    nativeBase64Ms: round(native.ms, 2),
    ratioBase64ToNative: round(dec.ms / native.ms, 1),
    scannerInitMs: round(init.ms, 3),
    totalLoadMs: round(total.ms, 2),
    loadRuns,
  };
  return { figures, index };
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
export function automatonWork(index: MatchIndex, chunks: readonly string[]): AutomatonWork {
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
  for (const text of chunks) {
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
  for (const t of chunks) candidates += scanner.scan(t).length;
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
  /** The bundled alias texts (for the browser half: the mark.js list). */
  aliasTexts: string[];
  /** The generated news paragraphs with bundled names (reused for the page). */
  paragraphs: string[];
}

export function runNodeBench(log: (s: string) => void): NodeResults {
  const opts = defaultExpandOptions();
  const ds = loadDataset();
  const aliasTexts = [...new Set(ds.records.flatMap((r) => expandAliases(r, opts).map((a) => a.text)))];
  log(`node: dataset ${ds.records.length} entities, ${aliasTexts.length} distinct alias texts`);

  const compile = () => compileDataset(ds.records, opts).index;
  const { figures: bundledIdx, index: bundledIndex } = indexFigures(aliasTexts, compile, 5);
  log(`node: bundled index ${bundledIdx.bytes} bytes, build ${bundledIdx.buildMs} ms`);

  const syn = syntheticAliases(100_000, 7);
  const buildSyn = () => buildIndex(syn.entities, syn.aliases);
  const { figures: synIdx, index: synIndex } = indexFigures(
    syn.aliases.map((a) => a.text),
    buildSyn,
    3,
  );
  log(`node: synthetic index ${synIdx.bytes} bytes, build ${synIdx.buildMs} ms`);

  const parasBundled = newsParagraphs({ units: TEXT_UNITS, seed: 1, names: aliasTexts });
  const parasSyn = newsParagraphs({ units: TEXT_UNITS, seed: 2, names: syn.aliases.map((a) => a.text) });
  const chunksBundled = chunkText(parasBundled);
  const chunksSyn = chunkText(parasSyn);
  const tb = throughput(bundledIndex, chunksBundled, 7);
  log(`node: bundled scan ${tb.scanMBps} MB/s (baseline ${tb.baselineMBps} MB/s)`);
  const ts = throughput(synIndex, chunksSyn, 7);
  log(`node: synthetic scan ${ts.scanMBps} MB/s (baseline ${ts.baselineMBps} MB/s)`);
  const diagnostics = {
    bundled: automatonWork(bundledIndex, chunksBundled),
    synthetic: automatonWork(synIndex, chunksSyn),
  };
  log(`node: automaton work ${JSON.stringify(diagnostics)}`);
  void median;
  return {
    diagnostics,
    bundled: { index: bundledIdx, throughput: tb },
    synthetic: { index: synIdx, throughput: ts },
    aliasTexts,
    paragraphs: parasBundled,
  };
}
