/**
 * Which mention is under a point. Highlights have no elements to receive events, so the
 * pointer's caret position names a text node, and the mention's own rectangles confirm it
 * (the caret position snaps to the nearest text even off it).
 */
import { liveRange, type PageMention } from './marks';

export class MentionLookup {
  private readonly byNode = new Map<Text, PageMention[]>();

  constructor(readonly mentions: readonly PageMention[]) {
    for (const m of mentions)
      for (const n of m.nodes) {
        const list = this.byNode.get(n);
        if (list) list.push(m);
        else this.byNode.set(n, [m]);
      }
  }

  at(doc: Document, x: number, y: number): { mention: PageMention; rect: DOMRect } | undefined {
    // Pointer moves on a page without marks cost nothing (this runs every frame the pointer moves).
    if (!this.byNode.size) return undefined;
    const node = caretNode(doc, x, y);
    const list = node && this.byNode.get(node as Text);
    if (!list) return undefined;
    for (const m of list) {
      const range = liveRange(m);
      if (range)
        for (const r of range.getClientRects())
          if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1)
            return { mention: m, rect: r };
    }
    return undefined;
  }
}

function caretNode(doc: Document, x: number, y: number): Node | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) return d.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  return d.caretRangeFromPoint?.(x, y)?.startContainer ?? null;
}
