/**
 * One scan pass over a document: walk text blocks, scan them in time slices, resolve the
 * page-level choices, and turn mentions into DOM Ranges. Records
 * `performance.measure('dramatis:scan')` for each pass.
 */
import { BREAK } from '../match/fold';
import type { MatchIndex } from '../match/index-format';
import { resolveMentionsSliced, type Mention, type PageCandidate } from '../match/resolve';
import type { Scanner } from '../match/scan';
import { walkBlocks, type TextBlock, type WalkOptions } from './text-walker';

export interface PageMention {
  /**
   * Where the mention is. Static, not a live Range: a live Range is kept up to date by the
   * browser on every change to the page, which on a page with thousands of marks would make
   * every DOM update of the page slower. The marks follow changes through the rescan instead;
   * `liveRange` gives a live one when geometry is needed (hover, keyboard).
   */
  range: StaticRange;
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

// Small enough that scanning one chunk, even before the JIT has warmed up, stays well inside a
// slice; every chunk boundary falls between blocks, so no name is cut.
const CHUNK_CHARS = 16 * 1024;
const SLICE_MS = 8;
/** A page longer than this many chunks (~200,000 characters) shows the marks on screen first. */
const PARTIAL_ABOVE = 12;
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
    if (len && len + b.length > CHUNK_CHARS) flush();
    for (let i = 0; i < b.nodes.length; i++) {
      cur.nodes.push(b.nodes[i]!);
      cur.starts.push(len + b.starts[i]!);
      cur.parts.push(b.parts[i]!);
    }
    cur.parts.push(SEPARATOR);
    len += b.length + 1;
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
  /** On a long page, called once with the marks of the part on screen, before the full pass ends. */
  onPartial?: (mentions: PageMention[]) => void;
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
  // Time spent in our own slices (the pass's wall time also holds whatever the page and the
  // browser did while we yielded to them).
  const busy = { walk: 0, scan: 0, resolve: 0, place: 0 };
  let phase: keyof typeof busy = 'walk';
  let sliceStart = performance.now();
  const account = (next: keyof typeof busy) => {
    const now = performance.now();
    busy[phase] += now - sliceStart;
    sliceStart = now;
    phase = next;
  };
  const pause = async (wait: () => Promise<void> = yielder) => {
    account(phase);
    await wait();
    sliceStart = performance.now();
  };
  const due = () => performance.now() - sliceStart > SLICE_MS;
  const pauseIfDue = async () => {
    if (due()) await pause();
  };
  const walk = walkBlocks(root, opts);
  let blocks: TextBlock[];
  for (;;) {
    const r = walk.next();
    if (r.done) {
      blocks = r.value;
      break;
    }
    await pauseIfDue();
    if (opts.signal?.aborted) return [];
  }
  const chunks = chunkBlocks(blocks);
  const doc = root.ownerDocument ?? (root as Document);
  const resolveAndPlace = async (cands: PageCandidate[]): Promise<PageMention[] | undefined> => {
    await pause();
    account('resolve');
    const mentions = await resolveMentionsSliced(
      index,
      cands,
      (block, from, to) => chunks[block]!.text.slice(Math.max(0, from), Math.max(0, to)),
      due,
      () => pause(),
    );
    if (opts.signal?.aborted) return undefined;
    account('place');
    const placed = await placeMentions(mentions, chunks, doc, due, pause);
    account('scan');
    return placed;
  };

  // What the reader is looking at first: start at the chunk on screen, then the rest, and on a
  // long page show those marks before the whole page is read.
  account('scan');
  await pauseIfDue();
  const first = firstChunkOnScreen(chunks, doc); // may make the browser lay the page out
  await pauseIfDue();
  const order = [...chunks.keys()].map((k) => (k + first) % chunks.length);
  const candidates: PageCandidate[] = [];
  for (let k = 0; k < order.length; k++) {
    if (opts.signal?.aborted) return [];
    const c = order[k]!;
    const chunk = chunks[c]!;
    chunk.text = chunk.parts.join('');
    chunk.parts = [];
    scanner.scan(chunk.text, candidates, c);
    if (opts.onPartial && k === 1 && order.length > PARTIAL_ABOVE) {
      const partial = await resolveAndPlace(candidates);
      if (!partial) return [];
      opts.onPartial(partial);
      performance.mark('dramatis:partial', { detail: { mentions: partial.length } });
      // Let a frame be drawn with these marks before reading on (slice yields alone may not).
      const win = doc.defaultView;
      if (win) await pause(() => new Promise<void>((r) => win.requestAnimationFrame(() => setTimeout(r, 0))));
    }
    await pauseIfDue();
  }
  const out = await resolveAndPlace(candidates);
  if (!out) return [];
  account(phase);
  const ms = (x: number) => Math.round(x * 10) / 10;
  performance.measure('dramatis:scan', {
    start: startMark,
    detail: {
      mentions: out.length,
      chunks: chunks.length,
      busyMs: ms(busy.walk + busy.scan + busy.resolve + busy.place),
      busy: { walk: ms(busy.walk), scan: ms(busy.scan), resolve: ms(busy.resolve), place: ms(busy.place) },
    },
  });
  performance.clearMarks(startMark);
  return out;
}

/** The first chunk whose text reaches the viewport (chunks are in document order). */
function firstChunkOnScreen(chunks: Chunk[], doc: Document): number {
  const bottomOf = (c: Chunk) => c.nodes[0]?.parentElement?.getBoundingClientRect().bottom ?? 0;
  if (chunks.length < 3 || !doc.defaultView) return 0;
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (bottomOf(chunks[mid + 1]!) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A live Range for a mention, or null when the text it pointed at is gone or shorter now. */
export function liveRange(m: PageMention): Range | null {
  const { startContainer: a, startOffset, endContainer: b, endOffset } = m.range;
  if (!a.isConnected || !b.isConnected) return null;
  if (startOffset > (a as Text).length || endOffset > (b as Text).length) return null;
  const r = a.ownerDocument!.createRange();
  try {
    r.setStart(a, startOffset);
    r.setEnd(b, endOffset);
  } catch {
    return null;
  }
  return r;
}

/** Mentions to StaticRanges, dropping those in unrendered elements. */
async function placeMentions(
  mentions: Mention[],
  chunks: Chunk[],
  doc: Document,
  due: () => boolean,
  pause: () => Promise<void>,
): Promise<PageMention[]> {
  const out: PageMention[] = [];
  const visible = new Map<Element, boolean>();
  // The page's own constructor (in Firefox a content script's globals are not the page's).
  const StaticRangeCtor =
    (doc.defaultView as unknown as { StaticRange?: typeof StaticRange }).StaticRange ?? StaticRange;
  for (let k = 0; k < mentions.length; k++) {
    // An await per mention would cost a microtask each: look at the clock every 64.
    if ((k & 63) === 63 && due()) await pause();
    const m = mentions[k]!;
    const ch = chunks[m.block]!;
    const a = nodeAt(ch.starts, m.start);
    const b = nodeAt(ch.starts, m.end - 1);
    const startNode = ch.nodes[a]!;
    const endNode = ch.nodes[b]!;
    // Mentions in elements that are not rendered (display:none, visibility:hidden …) are dropped.
    const el = startNode.parentElement;
    if (el) {
      let v = visible.get(el);
      if (v === undefined) {
        v = typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
        visible.set(el, v);
      }
      if (!v) continue;
    }
    const startOffset = m.start - ch.starts[a]!;
    const endOffset = m.end - ch.starts[b]!;
    // The text changed under us: the next pass will see it.
    if (startOffset > startNode.length || endOffset > endNode.length) continue;
    const range = new StaticRangeCtor({ startContainer: startNode, startOffset, endContainer: endNode, endOffset });
    out.push({ range, entity: m.entity, nodes: ch.nodes.slice(a, b + 1) });
  }
  return out;
}
