/**
 * The page agent, wired: walking and sending (`agent.ts`), placing marks (`marks.ts`,
 * `highlighter.ts`), following changes (`follow.ts`), hover and card (`hover-controller.ts`,
 * `card-frame.ts`), keyboard and selection (`navigation.ts`). It holds no index and no entity
 * records: the matcher lives in the extension's background. Everything is registered against
 * one AbortSignal (WXT's `ctx.signal`), so an extension update or reload stops the old copy.
 */
import type { Envelope, Reply, Responses } from '../messages';
import { isPaused, type Settings } from '../settings';
import { PageAgent } from './agent';
import { CardFrame } from './card-frame';
import { ChangeFollower } from './follow';
import { Highlighter, highlightsSupported } from './highlighter';
import { MentionLookup } from './hit-test';
import { HoverController } from './hover-controller';
import { MatchClient, type PortLike } from './match-client';
import type { PageMention } from './marks';
import { mentionInSelection, MentionNavigator } from './navigation';
import { PrivateMarks } from './private-marks';
import { contentRequest } from './runtime-requests';

export interface ContentDeps {
  doc: Document;
  signal: AbortSignal;
  /** False once the extension context is gone (checking it also fires the abort). */
  isValid?: () => boolean;
  /** The card's address (in Chrome a per-session dynamic one) and the extension's own origin. */
  cardUrl: string;
  cardOrigin: string;
  /** The card frame's accessible name, in the reader's language. */
  cardTitle?: string;
  /** The stylesheet text for highlights, adopted into open shadow roots we scan. */
  highlightCss?: string;
  /** Opens the matching port to the background (throws when the extension is gone). */
  connectMatcher: () => PortLike;
  sendToBackground: (msg: Envelope) => Promise<unknown>;
  onRuntimeMessage: (handler: (raw: unknown) => Promise<unknown> | undefined) => void;
  readSettings: () => Promise<Settings>;
  onSettingsChange: (cb: (s: Settings) => void) => void;
}

export { RESCAN_DEBOUNCE_MS, RESCAN_MAX_WAIT_MS } from './follow';

export async function startDramatis(deps: ContentDeps): Promise<void> {
  const { doc, signal } = deps;
  const win = doc.defaultView;
  // Frames without reading text (ads, widgets, trackers) never get here: the bootstrap
  // (lib/page/bootstrap.ts) loads this agent only once its document holds text.
  if (!win || !highlightsSupported(win) || !doc.body) return;

  const client = new MatchClient(deps.connectMatcher);
  const agent = new PageAgent(doc, client);
  const highlighter = new Highlighter(win);
  // The reader's own names: never in CSS.highlights (page scripts read it), drawn in a closed root.
  const privateMarks = new PrivateMarks(doc, signal);
  let mentions: PageMention[] = [];
  let lookup = new MentionLookup([]);
  let settings = await deps.readSettings().catch(() => undefined);
  let active = false;
  const styledRoots = new WeakSet<ShadowRoot>();

  const pageEntityIds = () => [...new Set(mentions.map((m) => m.id))];
  let shownPublic: PageMention[] = [];
  const show = (found: PageMention[], quiet = false) => {
    const pub = found.filter((m) => !m.private);
    const mine = found.filter((m) => m.private);
    // A pass the page did not cause (the reader's names changed) leaves CSS.highlights untouched
    // when its public marks are the same: not even the Highlight objects change under the page.
    if (!quiet || !sameMarks(pub, shownPublic))
      highlighter.show(pub.map((m) => ({ range: m.range, category: m.category })));
    shownPublic = pub;
    privateMarks.show(mine);
    // The reader's own mark first: where it overlaps a public one, hovering shows theirs.
    lookup = new MentionLookup(mine.length ? [...mine, ...pub] : found);
  };

  const card = new CardFrame(
    doc,
    deps.cardUrl,
    deps.cardOrigin,
    signal,
    async () => {
      const reply = (await deps.sendToBackground({ type: 'card:ticket', payload: {} })) as
        Reply<'card:ticket'> | undefined;
      if (!reply?.ok) throw new Error(reply ? reply.error : 'card:ticket: no reply');
      return reply.data.ticket;
    },
    deps.cardTitle,
  );
  const hover = new HoverController({
    doc,
    card,
    lookup: () => lookup,
    describe: (m) => ({ entityId: m.id, pageEntityIds: pageEntityIds(), why: m.rule }),
    signal,
  });

  const report = () => {
    const counts = new Map<string, number>();
    for (const m of mentions) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    void deps
      .sendToBackground({
        type: 'page:found',
        payload: { entityIds: [...counts.keys()], counts: [...counts.values()] },
      })
      .catch(() => {});
  };

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
  /** Whether the pass asked for was caused only by the reader's own names changing. */
  let quietNext = false;
  const scan = async (quiet = false) => {
    if (scanning) {
      again = true;
      quietNext &&= quiet;
      return scanning;
    }
    quietNext = quiet;
    scanning = (async () => {
      do {
        again = false;
        const quietPass = quietNext;
        quietNext = true;
        const roots: ShadowRoot[] = [];
        const found = await agent.scan(doc.body, {
          signal,
          includeCode: settings?.includeCode,
          shadowRoots: roots,
          quiet: quietPass,
          // A long page shows the marks on screen first (only on the first pass: later passes
          // already have the whole page marked).
          onPartial: mentions.length ? undefined : (partial) => active && !signal.aborted && show(partial),
        });
        if (signal.aborted || !active) return;
        for (const r of roots) {
          styleShadowRoot(r);
          follower.add(r);
        }
        mentions = found;
        show(found, quietPass);
        report();
        watchHidden();
      } while (again && !signal.aborted && active);
    })();
    try {
      await scanning;
    } finally {
      scanning = undefined;
    }
  };

  const follower = new ChangeFollower(() => void scan(), deps.isValid);
  follower.add(doc.body);

  // Marks in elements that had no box when placed (a collapsed section, a frame not laid out yet)
  // were dropped; once such an element gets a box, a pass places them. No mutation need announce
  // it: a style change or the frame's first layout is enough.
  const RO = (win as (Window & typeof globalThis) | null)?.ResizeObserver ?? globalThis.ResizeObserver;
  const unhidden = RO
    ? new RO((entries) => {
        let any = false;
        for (const e of entries)
          if (e.contentRect.width > 0 || e.contentRect.height > 0) {
            unhidden!.unobserve(e.target);
            any = true;
          }
        if (any && active && !signal.aborted) void scan();
      })
    : undefined;
  const watchHidden = () => {
    if (!unhidden) return;
    unhidden.disconnect();
    let n = 0;
    for (const el of agent.hidden) {
      if (++n > 500) break; // a page hiding thousands of marked elements: the next change will do
      unhidden.observe(el);
    }
  };
  signal.addEventListener('abort', () => unhidden?.disconnect());

  // The reader's own names changed (saved in the options page): the matcher asks for a pass.
  client.onRescan = () => {
    if (active && !signal.aborted) void scan(true);
  };

  const activate = () => {
    if (active || signal.aborted) return;
    active = true;
    // On every page Dramatis reads, before any matching: its presence tells the page nothing.
    privateMarks.attach();
    follower.start();
    void scan();
  };
  const deactivate = () => {
    if (!active) return;
    active = false;
    follower.stop();
    unhidden?.disconnect();
    hover.close();
    highlighter.clear();
    privateMarks.detach();
    shownPublic = [];
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

  // Keyboard navigation between mentions (the extension's commands); focus goes back where it was.
  const navigator = new MentionNavigator();
  let focusBeforeCard: Element | null = null;
  hover.onClosed = (restoreFocus) => {
    if (!restoreFocus) return;
    const el = focusBeforeCard as HTMLElement | null;
    focusBeforeCard = null;
    win.focus();
    if (el && el.isConnected && typeof el.focus === 'function') el.focus();
  };

  deps.onRuntimeMessage((raw) => {
    const req = contentRequest(raw);
    if (!req) return undefined;
    const ok = <T extends keyof Responses>(data: Responses[T]) => Promise.resolve({ ok: true, data } as Reply<T>);
    if (req.type === 'nav:mention') {
      const step = navigator.step(mentions, req.payload.direction);
      if (!step) return ok<'nav:mention'>({ index: -1, total: 0 });
      if (!card.visible) focusBeforeCard = doc.activeElement;
      step.mention.range.startContainer.parentElement?.scrollIntoView({
        block: 'center',
        behavior: 'instant' as ScrollBehavior,
      });
      void hover.open(step.mention, undefined, { focus: true });
      return ok<'nav:mention'>({ index: step.index, total: step.total });
    }
    if (req.type === 'page:selection') {
      const sel = doc.getSelection();
      return ok<'page:selection'>({
        text: sel?.toString().trim() ?? '',
        entityId: mentionInSelection(mentions, sel)?.id,
        url: doc.location.href,
        title: doc.title,
      });
    }
    const counts = new Map<string, number>();
    for (const m of mentions) counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    return ok<'page:mentions'>({
      entities: [...counts].map(([id, count]) => ({ id, count })),
      url: doc.location.href,
      title: doc.title,
    });
  });

  signal.addEventListener('abort', () => {
    active = false;
    follower.stop();
    highlighter.clear();
    privateMarks.destroy();
    hover.close();
    card.destroy();
    client.close();
  });

  applySettings();
  await scanning;
}

/** Whether two lists of marks cover the same text with the same categories. */
function sameMarks(a: readonly PageMention[], b: readonly PageMention[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!.range;
    const y = b[i]!.range;
    if (
      a[i]!.category !== b[i]!.category ||
      x.startContainer !== y.startContainer ||
      x.startOffset !== y.startOffset ||
      x.endContainer !== y.endContainer ||
      x.endOffset !== y.endOffset
    )
      return false;
  }
  return true;
}
