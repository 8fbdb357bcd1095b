/**
 * Marks mentions with the CSS Custom Highlight API: one `Highlight` per category, registered
 * as `dramatis-<category>` (a public contract), one Range per mention. The page's DOM is never
 * touched; styles come from the content script's stylesheet (`::highlight(dramatis-…)`).
 */
import { CATEGORIES, type Category } from '../match/index-format';

export const HIGHLIGHT_PREFIX = 'dramatis-';

export function highlightName(category: Category): string {
  return `${HIGHLIGHT_PREFIX}${category}`;
}

interface HighlightRegistryLike {
  set(name: string, h: Highlight): unknown;
  delete(name: string): boolean;
}

function registry(win: Window): HighlightRegistryLike | undefined {
  return (win as unknown as { CSS?: { highlights?: HighlightRegistryLike } }).CSS?.highlights;
}

export function highlightsSupported(win: Window): boolean {
  return !!registry(win) && typeof (win as unknown as { Highlight?: unknown }).Highlight === 'function';
}

/**
 * Above this many marks only those near the viewport are registered: the browser's work to
 * paint highlights grows with every range registered (on the bench page, 12,000 ranges cost a
 * frame of 50–60 ms; 1,000 cost 12 ms), and marks far off screen cannot be seen anyway.
 */
export const WINDOW_ABOVE = 2000;
/** How far beyond the viewport marks are kept registered, as an IntersectionObserver margin. */
const WINDOW_MARGIN = '150% 0px';

/** Elements given to the IntersectionObserver in one task. */
const OBSERVE_STEP = 1000;

type Item = { range: AbstractRange; category: number };

/** The first element (of these, in document order) that ends below a screen and a half above the viewport. */
function firstNear(els: Element[], screen: number): number {
  let lo = 0;
  let hi = els.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (els[mid]!.getBoundingClientRect().bottom < -1.5 * screen) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class Highlighter {
  private readonly highlights = new Map<Category, Highlight>();
  private observer: IntersectionObserver | undefined;
  private byElement = new Map<Element, Item[]>();
  private readonly near = new Set<Element>();
  private frame = 0;

  constructor(private readonly win: Window) {}

  /**
   * Shows these marks, replacing the previous ones. On a page with many marks, only those in
   * elements within a screen and a half of the viewport are registered, and the set follows
   * scrolling (an IntersectionObserver, one update per frame at most). Until the first update
   * the previous marks stay, so nothing flickers off between passes.
   */
  show(items: Item[]): void {
    this.stopWindow();
    const IO =
      (globalThis as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver ??
      (this.win as unknown as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
    if (items.length <= WINDOW_ABOVE || !IO) {
      this.register(items);
      return;
    }
    const byElement = new Map<Element, Item[]>();
    for (const it of items) {
      const el = it.range.startContainer.parentElement;
      if (!el) continue;
      const list = byElement.get(el);
      if (list) list.push(it);
      else byElement.set(el, [it]);
    }
    this.byElement = byElement;
    const observer = new IO(
      (entries) => {
        if (this.observer !== observer) return;
        for (const e of entries) {
          if (e.isIntersecting) this.near.add(e.target);
          else this.near.delete(e.target);
        }
        this.scheduleWindow();
      },
      { rootMargin: WINDOW_MARGIN },
    );
    this.observer = observer;
    // Observed in steps, those from the viewport down first: observing thousands of elements at
    // once is a long task (and so is the first intersection update that follows).
    const els = [...byElement.keys()];
    const first = firstNear(els, this.win.innerHeight);
    const order = first ? els.slice(first).concat(els.slice(0, first)) : els;
    let i = 0;
    const some = () => {
      if (this.observer !== observer) return;
      for (const end = Math.min(order.length, i + OBSERVE_STEP); i < end; i++) observer.observe(order[i]!);
      if (i < order.length) this.win.setTimeout(some, 0);
    };
    some();
  }

  private scheduleWindow(): void {
    if (this.frame) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      const items: Item[] = [];
      for (const el of this.near) {
        const list = this.byElement.get(el);
        if (list) for (const it of list) items.push(it);
      }
      this.register(items);
    });
  }

  private stopWindow(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.byElement = new Map();
    this.near.clear();
    if (this.frame) this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Replaces every highlight with these ranges, grouped by category index. */
  private register(items: Item[]): void {
    const reg = registry(this.win);
    if (!reg) return;
    const HighlightCtor = (this.win as unknown as { Highlight: typeof Highlight }).Highlight;
    const groups = new Map<Category, AbstractRange[]>();
    for (const it of items) {
      const cat = CATEGORIES[it.category] ?? 'custom';
      const g = groups.get(cat);
      if (g) g.push(it.range);
      else groups.set(cat, [it.range]);
    }
    for (const cat of CATEGORIES) {
      const ranges = groups.get(cat);
      if (!ranges?.length) {
        if (this.highlights.delete(cat)) reg.delete(highlightName(cat));
        continue;
      }
      const h = new HighlightCtor(...ranges);
      h.priority = 1;
      this.highlights.set(cat, h);
      reg.set(highlightName(cat), h);
    }
  }

  clear(): void {
    this.stopWindow();
    const reg = registry(this.win);
    for (const cat of this.highlights.keys()) reg?.delete(highlightName(cat));
    this.highlights.clear();
  }
}
