/**
 * The content script's application: load the index, scan, highlight, follow the page as it
 * changes, open cards on hover or from the keyboard, and stand down when paused. Everything is
 * registered against one AbortSignal (WXT's `ctx.signal`), so an extension update or reload
 * stops the old copy cleanly.
 */
import { parseEnvelope, type Envelope, type Reply } from '../messages';
import { base64ToBytes, deserializeIndex } from '../match/index-format';
import { Scanner } from '../match/scan';
import { isPaused, type Settings } from '../settings';
import { CardFrame } from './card-frame';
import { Highlighter, highlightsSupported } from './highlighter';
import { MentionLookup } from './hit-test';
import { HoverController } from './hover-controller';
import { defaultYield, liveRange, scanDocument, type PageMention } from './page-scan';

export interface ContentDeps {
  doc: Document;
  indexBase64: string;
  signal: AbortSignal;
  /** False once the extension context is gone (checking it also fires the abort). */
  isValid?: () => boolean;
  /** The card's address (in Chrome a per-session dynamic one) and the extension's own origin. */
  cardUrl: string;
  cardOrigin: string;
  /** The stylesheet text for highlights, adopted into open shadow roots we scan. */
  highlightCss?: string;
  sendToBackground: (msg: Envelope) => Promise<unknown>;
  onRuntimeMessage: (handler: (raw: unknown) => Promise<unknown> | undefined) => void;
  readSettings: () => Promise<Settings>;
  onSettingsChange: (cb: (s: Settings) => void) => void;
}

export const RESCAN_DEBOUNCE_MS = 300;
/** Under a stream of mutations, a rescan still happens at least this often, and no more. */
export const RESCAN_MAX_WAIT_MS = 2000;

export async function startDramatis(deps: ContentDeps): Promise<void> {
  const { doc, signal } = deps;
  const win = doc.defaultView;
  if (!win || !highlightsSupported(win) || !doc.body) return;
  // Frames without reading text (ads, widgets, trackers) cost nothing: the index is decoded
  // only once a frame holds some text.
  if (win !== win.top && !(await textAppears(doc, signal))) return;
  // In pieces, so loading the index never makes one long task of a page's load.
  const index = deserializeIndex(base64ToBytes(deps.indexBase64));
  await defaultYield();
  if (signal.aborted) return;
  const scanner = new Scanner(index);
  await defaultYield();
  if (signal.aborted) return;
  const highlighter = new Highlighter(win);
  let mentions: PageMention[] = [];
  let lookup = new MentionLookup([]);
  let settings = await deps.readSettings().catch(() => undefined);
  let active = false;
  const shadowRoots: ShadowRoot[] = [];
  const styledRoots = new WeakSet<ShadowRoot>();

  const pageEntityIds = () => [...new Set(mentions.map((m) => index.meta.ids[m.entity]!))];

  const card = new CardFrame(doc, deps.cardUrl, deps.cardOrigin, signal, async () => {
    const reply = (await deps.sendToBackground({ type: 'card:ticket', payload: {} })) as
      Reply<'card:ticket'> | undefined;
    if (!reply?.ok) throw new Error(reply ? reply.error : 'card:ticket: no reply');
    return reply.data.ticket;
  });
  const hover = new HoverController({
    doc,
    card,
    lookup: () => lookup,
    describe: (m) => ({ entityId: index.meta.ids[m.entity]!, pageEntityIds: pageEntityIds() }),
    signal,
  });

  const report = () =>
    void deps.sendToBackground({ type: 'page:found', payload: { entityIds: pageEntityIds() } }).catch(() => {});

  // Highlight styles reach into open shadow roots through an adopted stylesheet (no DOM change).
  const styleShadowRoot = (root: ShadowRoot) => {
    if (styledRoots.has(root) || !deps.highlightCss) return;
    styledRoots.add(root);
    try {
      const sheet = new (win as unknown as { CSSStyleSheet: typeof CSSStyleSheet }).CSSStyleSheet();
      sheet.replaceSync(deps.highlightCss);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // A frozen or foreign adoptedStyleSheets array: the text is still scanned, just unstyled.
    }
  };

  let scanning: Promise<void> | undefined;
  let again = false;
  const scan = async () => {
    if (scanning) {
      again = true;
      return scanning;
    }
    scanning = (async () => {
      do {
        again = false;
        const roots: ShadowRoot[] = [];
        const found = await scanDocument(doc.body, scanner, index, {
          signal,
          includeCode: settings?.includeCode,
          shadowRoots: roots,
          // A long page shows the marks on screen first (only on the first pass: later passes
          // already have the whole page marked).
          onPartial: mentions.length
            ? undefined
            : (partial) => {
                if (!active || signal.aborted) return;
                highlighter.show(partial.map((m) => ({ range: m.range, category: index.entityCategory[m.entity]! })));
                lookup = new MentionLookup(partial);
              },
        });
        if (signal.aborted || !active) return;
        for (const r of roots) {
          styleShadowRoot(r);
          if (!shadowRoots.includes(r)) {
            shadowRoots.push(r);
            observer.observe(r, OBSERVE);
          }
        }
        mentions = found;
        lookup = new MentionLookup(found);
        highlighter.show(found.map((m) => ({ range: m.range, category: index.entityCategory[m.entity]! })));
        report();
      } while (again && !signal.aborted && active);
    })();
    try {
      await scanning;
    } finally {
      scanning = undefined;
    }
  };

  // Follow the page: one observer, mutations batched into a debounced rescan with a bounded
  // wait, so a page that never stops changing is rescanned periodically, never continuously.
  // Our own UI lives outside <body> and never triggers it; highlights change no DOM at all.
  const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  const observer = new MutationObserver(() => {
    if (!active || deps.isValid?.() === false) return;
    const now = performance.now();
    if (!debounce) firstPending = now;
    clearTimeout(debounce);
    const wait = Math.max(0, Math.min(RESCAN_DEBOUNCE_MS, RESCAN_MAX_WAIT_MS - (now - firstPending)));
    debounce = setTimeout(() => {
      debounce = undefined;
      void scan();
    }, wait);
  });

  const activate = () => {
    if (active || signal.aborted) return;
    active = true;
    observer.observe(doc.body, OBSERVE);
    for (const r of shadowRoots) observer.observe(r, OBSERVE);
    void scan();
  };
  const deactivate = () => {
    if (!active) return;
    active = false;
    observer.disconnect();
    clearTimeout(debounce);
    debounce = undefined;
    hover.close();
    highlighter.clear();
    mentions = [];
    lookup = new MentionLookup([]);
    report();
  };
  const applySettings = () => {
    const paused = settings ? isPaused(settings, doc.location?.hostname ?? '') : false;
    if (paused) deactivate();
    else activate();
  };
  deps.onSettingsChange((s) => {
    const codeChanged = settings?.includeCode !== s.includeCode;
    settings = s;
    applySettings();
    if (codeChanged && active) void scan();
  });

  // Keyboard navigation between mentions (from the extension's commands).
  // Where the last keyboard step landed: the next step goes from there, in document order, even
  // when a rescan has made new mention objects or the page has removed some text since.
  let navAt: { node: Node; offset: number } | undefined;
  let focusBeforeCard: Element | null = null;
  /** Whether m starts after (1) or before (-1) a point of the page, or at it (0). */
  const side = (m: PageMention, at: { node: Node; offset: number }) => {
    const n = m.range.startContainer;
    if (n === at.node) return Math.sign(m.range.startOffset - at.offset);
    const p = at.node.compareDocumentPosition(n);
    return p & 4 /* FOLLOWING */ ? 1 : p & 2 /* PRECEDING */ ? -1 : 0;
  };
  const navigate = (direction: 'next' | 'previous') => {
    const live = mentions.filter((m) => {
      const r = liveRange(m);
      return !!r && !r.collapsed; // text since removed or cut short: skip it
    });
    if (!live.length) return { index: -1, total: 0 };
    const at = navAt?.node.isConnected ? navAt : undefined;
    let navIndex: number;
    if (direction === 'next') {
      navIndex = at ? live.findIndex((m) => side(m, at) > 0) : 0;
      if (navIndex < 0) navIndex = 0; // past the last: wrap to the first
    } else {
      navIndex = at ? live.findLastIndex((m) => side(m, at) < 0) : -1;
      if (navIndex < 0) navIndex = live.length - 1; // before the first: wrap to the last
    }
    const m = live[navIndex]!;
    navAt = { node: m.range.startContainer, offset: m.range.startOffset };
    if (!card.visible) focusBeforeCard = doc.activeElement;
    m.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
    void hover.open(m, undefined, { focus: true });
    return { index: navIndex, total: live.length };
  };
  hover.onClosed = (restoreFocus) => {
    if (!restoreFocus) return;
    const el = focusBeforeCard as HTMLElement | null;
    focusBeforeCard = null;
    win.focus();
    if (el && el.isConnected && typeof el.focus === 'function') el.focus();
  };

  deps.onRuntimeMessage((raw) => {
    const parsed = parseEnvelope(raw);
    if (!parsed.ok) return undefined;
    const { type, payload } = parsed.msg;
    if (type === 'nav:mention') {
      const r = navigate((payload as { direction: 'next' | 'previous' }).direction);
      return Promise.resolve({ ok: true, data: r } satisfies Reply<'nav:mention'>);
    }
    if (type === 'page:selection') {
      const sel = doc.getSelection();
      const text = sel?.toString().trim() ?? '';
      let entityId: string | undefined;
      if (sel && sel.rangeCount) {
        const r = sel.getRangeAt(0);
        const hit = mentions.find((m) => {
          const mr = m.nodes.some((n) => r.intersectsNode(n)) ? liveRange(m) : null;
          return (
            !!mr &&
            r.compareBoundaryPoints(Range.END_TO_START, mr) < 0 &&
            r.compareBoundaryPoints(Range.START_TO_END, mr) > 0
          );
        });
        if (hit) entityId = index.meta.ids[hit.entity];
      }
      return Promise.resolve({
        ok: true,
        data: { text, entityId, url: doc.location.href, title: doc.title },
      } satisfies Reply<'page:selection'>);
    }
    if (type !== 'page:mentions') return undefined;
    const counts = new Map<string, number>();
    for (const m of mentions) {
      const id = index.meta.ids[m.entity]!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const reply: Reply<'page:mentions'> = {
      ok: true,
      data: { entities: [...counts].map(([id, count]) => ({ id, count })), url: doc.location.href, title: doc.title },
    };
    return Promise.resolve(reply);
  });

  signal.addEventListener('abort', () => {
    active = false;
    observer.disconnect();
    clearTimeout(debounce);
    highlighter.clear();
    hover.close();
    card.destroy();
  });

  applySettings();
  await scanning;
}

/** In a child frame, resolves true once the body holds a little text (false if aborted first). */
function textAppears(doc: Document, signal: AbortSignal, min = 40): Promise<boolean> {
  const enough = () => (doc.body?.textContent?.trim().length ?? 0) >= min;
  if (enough()) return Promise.resolve(true);
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!enough()) return;
        observer.disconnect();
        resolve(true);
      }, 250);
    });
    observer.observe(doc.body, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(false);
    });
  });
}
