/**
 * Private marks: the reader's own names (and names they added to a bundled entity) are drawn
 * where page scripts cannot look. `CSS.highlights` is shared with the page's own scripts (they
 * can list every range in it), so these marks never go there. They are boxes in a closed shadow
 * root, placed from the ranges' client rects.
 *
 * What a page can observe is the same with and without private marks:
 * - the host element is added on every page and frame where the page agent runs (those that hold
 *   reading text, top frame or not: the bootstrap, lib/page/bootstrap.ts, loads the agent only
 *   then; a paused site gets none), at the agent's start, before any matching, whatever the page
 *   names (so its presence says nothing the page's own text does not), and keeps one fixed style:
 *   absolutely placed at the document's origin, no size, no pointer events;
 * - its shadow root is closed, and changes inside it reach no MutationObserver of the page;
 * - the boxes take no pointer events (hit-testing, `elementsFromPoint`, clicks go through) and are
 *   clipped to what is visible of their text and to the document's scrollable area, so they never
 *   change its scroll size;
 * - styles live inside the shadow root; the page's style sheets cannot reach them.
 * What it can observe still: that something is painted over an element, through Chromium's
 * IntersectionObserver v2 occlusion test (docs/ARCHITECTURE.md says more).
 *
 * Boxes are redrawn on scroll (any scroller), resize, layout changes of the document (a
 * ResizeObserver) and with each pass's marks, at most once a frame.
 */
import { CATEGORIES } from '../match/index-format';
import { liveRange, type PageMention } from './marks';

export const MARKS_HOST_TAG = 'dramatis-marks-host';

/** Colours as the highlight styles (lib/page/highlights.css): light, then dark. */
const COLOURS: Record<(typeof CATEGORIES)[number], [string, string, string, string]> = {
  regulator: ['rgba(59, 91, 219, 0.16)', 'rgba(59, 91, 219, 0.85)', 'rgba(116, 143, 252, 0.28)', 'rgb(145, 167, 255)'],
  firm: ['rgba(12, 133, 99, 0.16)', 'rgba(12, 133, 99, 0.85)', 'rgba(56, 217, 169, 0.24)', 'rgb(99, 230, 190)'],
  official: ['rgba(196, 96, 0, 0.16)', 'rgba(196, 96, 0, 0.85)', 'rgba(255, 169, 77, 0.26)', 'rgb(255, 192, 120)'],
  custom: ['rgba(134, 46, 156, 0.16)', 'rgba(134, 46, 156, 0.85)', 'rgba(218, 119, 242, 0.26)', 'rgb(229, 153, 247)'],
};

/** The styles inside the closed root. `!important` on :host beats any rule of the page. */
function shadowCss(): string {
  const light: string[] = [];
  const dark: string[] = [];
  for (const c of CATEGORIES) {
    const [bg, line, bgDark, lineDark] = COLOURS[c];
    light.push(`.m.${c} { background: ${bg}; border-bottom-color: ${line}; }`);
    dark.push(`.m.${c} { background: ${bgDark}; border-bottom-color: ${lineDark}; }`);
  }
  return `:host { all: initial !important; display: block !important; position: absolute !important;
      top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; margin: 0 !important;
      padding: 0 !important; border: 0 !important; overflow: visible !important; pointer-events: none !important;
      z-index: 2147483646 !important; opacity: 1 !important; transform: none !important; filter: none !important;
      clip-path: none !important; contain: none !important; visibility: visible !important; }
    .layer { position: absolute; top: 0; left: 0; width: 0; height: 0; pointer-events: none; }
    .m { position: absolute; box-sizing: border-box; border-bottom: 2px solid transparent; border-radius: 2px;
      pointer-events: none; }
    ${light.join('\n')}
    @media (prefers-color-scheme: dark) { ${dark.join('\n')} }
    @media (forced-colors: active) { .m { background: transparent; border-bottom-color: Highlight; } }`;
}

/** Box rectangles in viewport coordinates. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function intersect(a: Box, b: Box): Box {
  return {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
}

export class PrivateMarks {
  private host: HTMLElement | undefined;
  private layer: HTMLElement | undefined;
  private items: readonly PageMention[] = [];
  private frame = 0;
  private resize: ResizeObserver | undefined;
  /** Boxes drawn at the last draw (tests and diagnostics). */
  drawn = 0;

  constructor(
    private readonly doc: Document,
    private readonly signal: AbortSignal,
  ) {}

  /** Puts the host on the page (on every page the agent is active on, whatever it names). */
  attach(): void {
    if (this.signal.aborted) return;
    const doc = this.doc;
    const win = doc.defaultView;
    if (!win) return;
    if (!this.host) {
      const host = doc.createElement(MARKS_HOST_TAG);
      const root = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = shadowCss();
      const layer = doc.createElement('div');
      layer.className = 'layer';
      root.append(style, layer);
      this.host = host;
      this.layer = layer;
      const schedule = () => this.schedule();
      win.addEventListener('scroll', schedule, { passive: true, capture: true, signal: this.signal });
      win.addEventListener('resize', schedule, { passive: true, signal: this.signal });
      const RO = (win as unknown as { ResizeObserver?: typeof ResizeObserver }).ResizeObserver;
      if (RO) {
        this.resize = new RO(schedule);
        this.resize.observe(doc.documentElement);
        if (doc.body) this.resize.observe(doc.body);
      }
      void doc.fonts?.ready.then(schedule, () => {});
    }
    if (!this.host.isConnected) (doc.documentElement ?? doc.body)?.append(this.host);
  }

  /** Shows these marks (replacing the previous ones). */
  show(items: readonly PageMention[]): void {
    this.items = items;
    this.schedule();
  }

  clear(): void {
    this.items = [];
    if (this.layer) this.layer.replaceChildren();
    this.drawn = 0;
  }

  /** Takes the host off the page (paused, or stopped). */
  detach(): void {
    this.clear();
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.host?.remove();
  }

  destroy(): void {
    this.detach();
    this.resize?.disconnect();
    this.resize = undefined;
  }

  private schedule(): void {
    const win = this.doc.defaultView;
    if (this.frame || !win || !this.host || this.signal.aborted) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  /** Places a box over every visible line of every mark. */
  draw(): void {
    const { doc, host, layer } = this;
    const win = doc.defaultView;
    if (!host || !layer || !win || this.signal.aborted) return;
    if (!host.isConnected) (doc.documentElement ?? doc.body)?.append(host); // a page removed it
    if (!this.items.length) {
      if (layer.firstChild) layer.replaceChildren();
      this.drawn = 0;
      return;
    }
    // Measured without our boxes, so they never extend what they are clipped to.
    layer.style.display = 'none';
    const origin = host.getBoundingClientRect();
    const scroller = doc.scrollingElement ?? doc.documentElement;
    const vw = win.innerWidth;
    const vh = win.innerHeight;
    // What may be drawn: the viewport and a screen around it, within the document's scrollable area.
    const bounds = intersect(
      { left: -vw, top: -vh, right: 2 * vw, bottom: 2 * vh },
      {
        left: -win.scrollX,
        top: -win.scrollY,
        right: scroller.scrollWidth - win.scrollX,
        bottom: scroller.scrollHeight - win.scrollY,
      },
    );
    const clipOf = new Map<Element, Box>();
    const clipFor = (el: Element | null): Box => {
      if (!el || el === doc.documentElement || el === doc.body) return bounds;
      const known = clipOf.get(el);
      if (known) return known;
      let clip = clipFor(el.parentElement);
      const cs = win.getComputedStyle(el);
      if (cs.overflowX !== 'visible' || cs.overflowY !== 'visible' || cs.contain.includes('paint')) {
        const r = el.getBoundingClientRect();
        clip = intersect(clip, {
          left: r.left + el.clientLeft,
          top: r.top + el.clientTop,
          right: r.left + el.clientLeft + el.clientWidth,
          bottom: r.top + el.clientTop + el.clientHeight,
        });
      }
      if (cs.position === 'fixed') clip = intersect({ left: 0, top: 0, right: vw, bottom: vh }, clip);
      clipOf.set(el, clip);
      return clip;
    };
    const frag = doc.createDocumentFragment();
    let n = 0;
    for (const m of this.items) {
      const range = liveRange(m);
      if (!range) continue;
      const clip = clipFor(m.range.startContainer.parentElement);
      if (clip.right <= clip.left || clip.bottom <= clip.top) continue;
      const cat = CATEGORIES[m.category] ?? 'custom';
      for (const r of range.getClientRects()) {
        if (r.width < 1 || r.height < 1) continue;
        const b = intersect(clip, { left: r.left, top: r.top, right: r.right, bottom: r.bottom });
        if (b.right - b.left < 1 || b.bottom - b.top < 1) continue;
        const box = doc.createElement('div');
        box.className = `m ${cat}`;
        box.style.cssText = `left:${b.left - origin.left}px;top:${b.top - origin.top}px;width:${b.right - b.left}px;height:${b.bottom - b.top}px`;
        frag.append(box);
        n++;
      }
    }
    layer.replaceChildren(frag);
    layer.style.display = '';
    this.drawn = n;
  }
}
