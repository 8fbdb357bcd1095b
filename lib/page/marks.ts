/**
 * Placing marks: the matcher's answer (block id, offsets, entity) turned into StaticRanges over
 * the text nodes of the blocks the agent walked; and live Ranges when geometry is needed.
 */
import { MARK_FIELDS, type MarksMessage } from '../match-protocol';
import type { TextBlock } from './text-walker';

export interface PageMention {
  /**
   * Where the mention is. Static, not a live Range: a live Range is kept up to date by the
   * browser on every change to the page, which on a page with thousands of marks would make
   * every DOM update of the page slower. The marks follow changes through the rescan instead;
   * `liveRange` gives a live one when geometry is needed (hover, keyboard).
   */
  range: StaticRange;
  /** Entity id and category index (lib/match/index-format.ts CATEGORIES). */
  id: string;
  category: number;
  /** Every text node the mention touches (a name can span inline elements). */
  nodes: Text[];
  /** Why it was marked (lib/match/rules.ts RULE_IDS). */
  rule: number;
  /** Found through the reader's own names: drawn privately, never in `CSS.highlights`. */
  private?: true;
}

/** Index of the node holding block offset `pos` (the last node starting at or before it). */
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

/** Marks placed between two looks at the clock (`placeMarksSteps`). */
export const PLACE_STEP = 256;

/**
 * Marks to StaticRanges, dropping those in unrendered elements and those whose text has changed;
 * the public and the private ones (`m.private`) together, in document order.
 */
export function placeMarks(m: MarksMessage, blocks: Map<number, TextBlock>, doc: Document): PageMention[] {
  const steps = placeMarksSteps(m, blocks, doc);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `placeMarks` as steps: pauses after every `PLACE_STEP` marks, so a caller can give the page
 * its turn on a page with thousands of marks (the agent yields when its slice is spent).
 */
export function* placeMarksSteps(
  m: MarksMessage,
  blocks: Map<number, TextBlock>,
  doc: Document,
  /** Collects the unrendered elements whose marks were dropped (to place them once they show). */
  hidden?: Set<Element>,
): Generator<void, PageMention[]> {
  const out: PageMention[] = [];
  /** Each mark's place on the page, kept only when private marks are to be merged in. */
  const ats: number[] = [];
  const visible = new Map<Element, boolean>();
  // The page's own constructor (in Firefox a content script's globals are not the page's).
  const StaticRangeCtor =
    (doc.defaultView as unknown as { StaticRange?: typeof StaticRange }).StaticRange ?? StaticRange;
  // Blocks are held in document order: their place orders public and private marks together.
  const place = new Map<number, number>();
  if (m.private?.length) for (const id of blocks.keys()) place.set(id, place.size);
  function* each(flat: readonly number[], mine: boolean): Generator<void, void> {
    let step = 0;
    for (let k = 0; k + MARK_FIELDS - 1 < flat.length; k += MARK_FIELDS) {
      if (++step === PLACE_STEP) {
        step = 0;
        yield;
      }
      const block = blocks.get(flat[k]!);
      const entity = m.entities[flat[k + 3]!];
      if (!block || !entity) continue;
      const start = flat[k + 1]!;
      const end = flat[k + 2]!;
      const a = nodeAt(block.starts, start);
      const b = nodeAt(block.starts, end - 1);
      const startNode = block.nodes[a]!;
      const endNode = block.nodes[b]!;
      const el = startNode.parentElement;
      if (el) {
        let v = visible.get(el);
        if (v === undefined) {
          v = typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
          visible.set(el, v);
        }
        if (!v) {
          hidden?.add(el);
          continue;
        }
      }
      const startOffset = start - block.starts[a]!;
      const endOffset = end - block.starts[b]!;
      // The text changed under us: the next pass will see it.
      if (startOffset > startNode.length || endOffset > endNode.length) continue;
      const range = new StaticRangeCtor({ startContainer: startNode, startOffset, endContainer: endNode, endOffset });
      const mention: PageMention = {
        range,
        id: entity[0],
        category: entity[1],
        nodes: block.nodes.slice(a, b + 1),
        rule: flat[k + 4]!,
      };
      if (mine) mention.private = true;
      out.push(mention);
      if (place.size) ats.push(place.get(flat[k]!)! * 0x4000_0000 + start);
    }
  }
  yield* each(m.marks, false);
  if (!m.private?.length) return out;
  yield* each(m.private, true);
  return out
    .map((x, i) => i)
    .sort((i, j) => ats[i]! - ats[j]!)
    .map((i) => out[i]!);
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
