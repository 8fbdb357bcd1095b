/**
 * Keyboard steps between marks (the extension's next/previous commands) and the mention under a
 * selection (the context menu's "Add a note"). Steps go from where the last one landed, in
 * document order, and skip text removed since.
 */
import { liveRange, type PageMention } from './marks';

/** Whether m starts after (1) or before (-1) a point of the page, or at it (0). */
function side(m: PageMention, at: { node: Node; offset: number }): number {
  const n = m.range.startContainer;
  if (n === at.node) return Math.sign(m.range.startOffset - at.offset);
  const p = at.node.compareDocumentPosition(n);
  return p & 4 /* FOLLOWING */ ? 1 : p & 2 /* PRECEDING */ ? -1 : 0;
}

export class MentionNavigator {
  private at: { node: Node; offset: number } | undefined;

  /** The next or previous mention still on the page, with its place among them. */
  step(
    mentions: readonly PageMention[],
    direction: 'next' | 'previous',
  ): { mention: PageMention; index: number; total: number } | undefined {
    const live = mentions.filter((m) => {
      const r = liveRange(m);
      return !!r && !r.collapsed; // text since removed or cut short: skip it
    });
    if (!live.length) return undefined;
    const at = this.at?.node.isConnected ? this.at : undefined;
    let index: number;
    if (direction === 'next') {
      index = at ? live.findIndex((m) => side(m, at) > 0) : 0;
      if (index < 0) index = 0; // past the last: wrap to the first
    } else {
      index = at ? live.findLastIndex((m) => side(m, at) < 0) : -1;
      if (index < 0) index = live.length - 1; // before the first: wrap to the last
    }
    const mention = live[index]!;
    this.at = { node: mention.range.startContainer, offset: mention.range.startOffset };
    return { mention, index, total: live.length };
  }
}

/** The mention a selection covers, if any. */
export function mentionInSelection(mentions: readonly PageMention[], sel: Selection | null): PageMention | undefined {
  if (!sel || !sel.rangeCount) return undefined;
  const r = sel.getRangeAt(0);
  return mentions.find((m) => {
    const mr = m.nodes.some((n) => r.intersectsNode(n)) ? liveRange(m) : null;
    return (
      !!mr && r.compareBoundaryPoints(Range.END_TO_START, mr) < 0 && r.compareBoundaryPoints(Range.START_TO_END, mr) > 0
    );
  });
}
