/**
 * Hover intent for highlights: a card opens after the pointer rests on a mention (~300 ms, not
 * when it passes through), stays while the pointer moves into it, and closes after a short
 * grace period, on Escape, on a click elsewhere, or when the mention scrolls out of view.
 */
import type { CardFrame } from './card-frame';
import type { MentionLookup } from './hit-test';
import { liveRange, type PageMention } from './marks';

export const OPEN_DELAY_MS = 300;
export const CLOSE_GRACE_MS = 300;

export interface HoverDeps {
  doc: Document;
  card: CardFrame;
  lookup: () => MentionLookup;
  /** Builds the card's "show" message for a mention. */
  describe: (m: PageMention) => { entityId: string; pageEntityIds: string[]; why?: number };
  signal: AbortSignal;
}

export class HoverController {
  private hovered: PageMention | undefined;
  private shown: PageMention | undefined;
  private shownRange: Range | undefined;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private inCard = false;
  private pinned = false;
  private frameRequested = false;
  private lastPoint = { x: 0, y: 0 };

  constructor(private readonly deps: HoverDeps) {
    const { doc, signal } = deps;
    const win = doc.defaultView!;
    // Only the reader's own pointer: a page that dispatches pointer events over its text to see
    // where a card opens (and so which words are marked privately) gets nothing.
    win.addEventListener('pointermove', (e) => e.isTrusted && this.onMove(e), { passive: true, signal });
    win.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Escape' && this.close(true), { signal });
    win.addEventListener('pointerdown', (e) => e.isTrusted && !deps.card.contains(e.target) && this.close(), {
      signal,
      capture: true,
    });
    win.addEventListener('scroll', () => this.onScroll(), { passive: true, signal, capture: true });
    win.addEventListener('resize', () => void deps.card.position(), { passive: true, signal });
    this.listenToCard();
  }

  private listenToCard(): void {
    this.deps.card.events = {
      onPointerEnter: () => {
        this.inCard = true;
        clearTimeout(this.closeTimer);
      },
      onPointerLeave: () => {
        this.inCard = false;
        this.scheduleClose();
      },
      onClose: () => this.close(true),
      onPin: (pinned: boolean) => {
        this.pinned = pinned;
      },
    };
  }

  private onMove(e: PointerEvent): void {
    this.lastPoint = { x: e.clientX, y: e.clientY };
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => {
      this.frameRequested = false;
      this.update();
    });
  }

  private update(): void {
    const { x, y } = this.lastPoint;
    const hit = this.deps.lookup().at(this.deps.doc, x, y);
    const m = hit?.mention;
    if (m === this.hovered) return;
    this.hovered = m;
    clearTimeout(this.openTimer);
    if (m) {
      clearTimeout(this.closeTimer);
      if (m !== this.shown) this.openTimer = setTimeout(() => this.open(m, { x, y }), OPEN_DELAY_MS);
    } else this.scheduleClose();
  }

  private scheduleClose(): void {
    if (this.pinned || !this.shown) return;
    clearTimeout(this.closeTimer);
    this.closeTimer = setTimeout(() => {
      if (!this.inCard && !this.hovered && !this.pinned) this.close();
    }, CLOSE_GRACE_MS);
  }

  /** Opens the card for a mention; the anchor is the line box under the pointer. */
  async open(m: PageMention, point?: { x: number; y: number }, opts: { focus?: boolean } = {}): Promise<void> {
    if (this.deps.signal.aborted) return;
    const openedAt = performance.timeOrigin + performance.now();
    // A live Range while the card is open: it follows the text if the page changes.
    const range = liveRange(m);
    if (!range) return;
    this.shown = m;
    this.shownRange = range;
    const rects = [...range.getClientRects()];
    const pick = () => {
      const live = [...range.getClientRects()];
      const p = point;
      return (
        (p && live.find((r) => p.x >= r.left - 1 && p.x <= r.right + 1 && p.y >= r.top - 1 && p.y <= r.bottom + 1)) ??
        live[0] ??
        rects[0] ??
        range.getBoundingClientRect()
      );
    };
    const info = this.deps.describe(m);
    await this.deps.card.show(
      { getBoundingClientRect: pick },
      {
        type: 'show',
        entityId: info.entityId,
        pageEntityIds: info.pageEntityIds,
        why: info.why,
        pageUrl: this.deps.doc.location?.href ?? '',
        pageTitle: this.deps.doc.title,
        focus: opts.focus,
        openedAt,
      },
    );
  }

  /** Called after the card closes; `restoreFocus` when closed from the card (Escape, close button). */
  onClosed: ((restoreFocus: boolean) => void) | undefined;

  close(restoreFocus = false): void {
    clearTimeout(this.openTimer);
    clearTimeout(this.closeTimer);
    if (!this.shown) return;
    this.shown = undefined;
    this.shownRange = undefined;
    this.pinned = false;
    this.inCard = false;
    this.deps.card.hide();
    this.onClosed?.(restoreFocus);
  }

  private onScroll(): void {
    if (!this.shown || !this.shownRange) return;
    const r = this.shownRange.getBoundingClientRect();
    const win = this.deps.doc.defaultView!;
    if (r.bottom < 0 || r.top > win.innerHeight) {
      if (!this.pinned) this.close();
    } else void this.deps.card.position();
  }
}
