/**
 * Bundled by bench/browser-bench.ts (esbuild, IIFE) and injected into a page loaded WITHOUT
 * the extension: runs the extension's own page pipeline (lib/page, lib/match) in the main
 * world, phase by phase, to show where the scan-and-highlight time goes.
 */
import { BREAK } from '../lib/match/fold';
import { base64ToBytes, deserializeIndex } from '../lib/match/index-format';
import { resolveMentions, type PageCandidate } from '../lib/match/resolve';
import { Scanner } from '../lib/match/scan';
import { Highlighter } from '../lib/page/highlighter';
import { scanDocument } from '../lib/page/page-scan';
import { collectBlocks } from '../lib/page/text-walker';

export interface ProbeSplits {
  loadIndexMs: number;
  coldScanDocumentNoYieldMs: number;
  collectBlocksMs: number;
  blocks: number;
  joinChunksMs: number;
  scanMs: number;
  candidates: number;
  resolveMs: number;
  mentions: number;
  /** scanDocument with a no-op yielder: walk + scan + resolve + Ranges + visibility checks. */
  scanDocumentNoYieldMs: number;
  highlightShowMs: number;
  rangeCount: number;
}

async function probe(indexBase64: string): Promise<ProbeSplits> {
  const now = () => performance.now();
  let t = now();
  const index = deserializeIndex(base64ToBytes(indexBase64));
  const scanner = new Scanner(index);
  const loadIndexMs = now() - t;

  // First (cold) pass, as the extension's own first scan is; the phases below run warm.
  t = now();
  await scanDocument(document.body, scanner, index, { yielder: async () => {} });
  const coldScanDocumentNoYieldMs = now() - t;

  t = now();
  const blocks = collectBlocks(document.body);
  const collectBlocksMs = now() - t;

  t = now();
  const sep = String.fromCharCode(BREAK);
  const chunks: string[] = [];
  let parts: string[] = [];
  let len = 0;
  for (const b of blocks) {
    if (len && len + b.length > 16 * 1024) {
      chunks.push(parts.join(''));
      parts = [];
      len = 0;
    }
    parts.push(...b.parts, sep);
    len += b.length + 1;
  }
  if (len) chunks.push(parts.join(''));
  const joinChunksMs = now() - t;

  t = now();
  const cands: PageCandidate[] = [];
  chunks.forEach((c, i) => scanner.scan(c, cands, i));
  const scanMs = now() - t;

  t = now();
  const mentions = resolveMentions(index, cands, (b, from, to) => chunks[b]!.slice(Math.max(0, from), Math.max(0, to)));
  const resolveMs = now() - t;

  const noYield = async () => {};
  t = now();
  const found = await scanDocument(document.body, scanner, index, { yielder: noYield });
  const scanDocumentNoYieldMs = now() - t;

  t = now();
  const hl = new Highlighter(window);
  hl.show(found.map((m) => ({ range: m.range, category: index.entityCategory[m.entity]! })));
  const highlightShowMs = now() - t;
  hl.clear();

  return {
    loadIndexMs,
    coldScanDocumentNoYieldMs,
    collectBlocksMs,
    blocks: blocks.length,
    joinChunksMs,
    scanMs,
    candidates: cands.length,
    resolveMs,
    mentions: mentions.length,
    scanDocumentNoYieldMs,
    highlightShowMs,
    rangeCount: found.length,
  };
}

(globalThis as unknown as { __dramatisProbe: typeof probe }).__dramatisProbe = probe;
