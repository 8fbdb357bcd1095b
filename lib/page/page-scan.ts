/**
 * One scan pass over a document: walk text blocks, scan them in time slices, resolve the
 * page-level choices, and turn mentions into DOM Ranges. Records
 * `performance.measure('dramatis:scan')` for each pass.
 */
import { BREAK } from '../match/fold';
import type { MatchIndex } from '../match/index-format';
import { resolveMentionsSliced, type PageCandidate } from '../match/resolve';
import type { Scanner } from '../match/scan';
import { walkBlocks, type TextBlock, type WalkOptions } from './text-walker';

export interface PageMention {
  range: Range;
  entity: number;
  /** Every text node the mention touches (a name can span inline elements). */
  nodes: Text[];
}

interface Chunk {
  /** Joined when the chunk is scanned (spreads the joining over the slices). */
  text: string;
  parts: string[];
  nodes: Text[];
  starts: number[];
}

const CHUNK_CHARS = 64 * 1024;
const SLICE_MS = 8;
const SEPARATOR = String.fromCharCode(BREAK);

function chunkBlocks(blocks: TextBlock[]): Chunk[] {
  const chunks: Chunk[] = [];
  let cur: Chunk = { text: '', parts: [], nodes: [], starts: [] };
  let len = 0;
  const flush = () => {
    chunks.push(cur);
    cur = { text: '', parts: [], nodes: [], starts: [] };
    len = 0;
  };
  for (const b of blocks) {
    if (len && len + b.text.length > CHUNK_CHARS) flush();
    for (let i = 0; i < b.nodes.length; i++) {
      cur.nodes.push(b.nodes[i]!);
      cur.starts.push(len + b.starts[i]!);
    }
    cur.parts.push(b.text, SEPARATOR);
    len += b.text.length + 1;
  }
  if (len) flush();
  return chunks;
}

/** Index of the node holding chunk offset `pos` (the last node starting at or before it). */
function nodeAt(starts: number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export type Yielder = () => Promise<void>;

export const defaultYield: Yielder = () => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s?.yield) return s.yield();
  return new Promise((r) => setTimeout(r, 0));
};

export interface ScanOptions extends WalkOptions {
  signal?: AbortSignal;
  yielder?: Yielder;
  /** Skip mentions whose element is not rendered (display:none, visibility:hidden …). */
  checkVisibility?: boolean;
}

let passCounter = 0;

export async function scanDocument(
  root: Node,
  scanner: Scanner,
  index: MatchIndex,
  opts: ScanOptions = {},
): Promise<PageMention[]> {
  const pass = ++passCounter;
  const startMark = `dramatis:scan:start:${pass}`;
  performance.mark(startMark);
  const yielder = opts.yielder ?? defaultYield;
  let sliceStart = performance.now();
  const walk = walkBlocks(root, opts);
  let blocks: TextBlock[];
  for (;;) {
    const r = walk.next();
    if (r.done) {
      blocks = r.value;
      break;
    }
    if (performance.now() - sliceStart > SLICE_MS) {
      await yielder();
      if (opts.signal?.aborted) return [];
      sliceStart = performance.now();
    }
  }
  const chunks = chunkBlocks(blocks);
  const candidates: PageCandidate[] = [];
  for (let c = 0; c < chunks.length; c++) {
    if (opts.signal?.aborted) return [];
    const before = candidates.length;
    const chunk = chunks[c]!;
    chunk.text = chunk.parts.join('');
    chunk.parts = [];
    scanner.scan(chunk.text, candidates);
    for (let i = before; i < candidates.length; i++) candidates[i]!.block = c;
    if (performance.now() - sliceStart > SLICE_MS) {
      await yielder();
      sliceStart = performance.now();
    }
  }
  await yielder();
  sliceStart = performance.now();
  const mentions = await resolveMentionsSliced(
    index,
    candidates,
    (block, from, to) => chunks[block]!.text.slice(Math.max(0, from), Math.max(0, to)),
    () => performance.now() - sliceStart > SLICE_MS,
    async () => {
      await yielder();
      sliceStart = performance.now();
    },
  );
  if (opts.signal?.aborted) return [];
  const out: PageMention[] = [];
  const visible = new Map<Element, boolean>();
  const doc = root.ownerDocument ?? (root as Document);
  for (const m of mentions) {
    const ch = chunks[m.block]!;
    const a = nodeAt(ch.starts, m.start);
    const b = nodeAt(ch.starts, m.end - 1);
    const startNode = ch.nodes[a]!;
    const endNode = ch.nodes[b]!;
    if (opts.checkVisibility !== false) {
      const el = startNode.parentElement;
      if (el) {
        let v = visible.get(el);
        if (v === undefined) {
          v = typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
          visible.set(el, v);
        }
        if (!v) continue;
      }
    }
    const range = doc.createRange();
    try {
      range.setStart(startNode, m.start - ch.starts[a]!);
      range.setEnd(endNode, m.end - ch.starts[b]!);
    } catch {
      continue; // the text changed under us; the next pass will see it
    }
    out.push({ range, entity: m.entity, nodes: ch.nodes.slice(a, b + 1) });
    if (performance.now() - sliceStart > SLICE_MS) {
      await yielder();
      sliceStart = performance.now();
    }
  }
  performance.measure('dramatis:scan', { start: startMark, detail: { mentions: out.length, chunks: chunks.length } });
  performance.clearMarks(startMark);
  return out;
}
