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

export class Highlighter {
  private readonly highlights = new Map<Category, Highlight>();

  constructor(private readonly win: Window) {}

  /** Replaces every highlight with these ranges, grouped by category index. */
  show(items: { range: AbstractRange; category: number }[]): void {
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
    const reg = registry(this.win);
    for (const cat of this.highlights.keys()) reg?.delete(highlightName(cat));
    this.highlights.clear();
  }
}
