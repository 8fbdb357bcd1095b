/**
 * The content script's application: load the index, scan, highlight, follow the page as it
 * changes, and open cards on hover. Everything is registered against one AbortSignal (WXT's
 * `ctx.signal`), so an extension update or reload stops the old copy cleanly.
 */
import { parseEnvelope, type Envelope, type Reply } from '../messages';
import { base64ToBytes, deserializeIndex } from '../match/index-format';
import { Scanner } from '../match/scan';
import { CardFrame } from './card-frame';
import { Highlighter, highlightsSupported } from './highlighter';
import { MentionLookup } from './hit-test';
import { HoverController } from './hover-controller';
import { scanDocument, type PageMention } from './page-scan';

export interface ContentDeps {
  doc: Document;
  indexBase64: string;
  signal: AbortSignal;
  cardUrl: string;
  sendToBackground: (msg: Envelope) => Promise<unknown>;
  onRuntimeMessage: (handler: (raw: unknown) => Promise<unknown> | undefined) => void;
}

const RESCAN_DEBOUNCE_MS = 400;
const RESCAN_MAX_WAIT_MS = 2000;

export async function startDramatis(deps: ContentDeps): Promise<void> {
  const { doc, signal } = deps;
  const win = doc.defaultView;
  if (!win || !highlightsSupported(win) || !doc.body) return;
  const index = deserializeIndex(base64ToBytes(deps.indexBase64));
  const scanner = new Scanner(index);
  const highlighter = new Highlighter(win);
  let mentions: PageMention[] = [];
  let lookup = new MentionLookup([]);

  const pageEntityIds = () => [...new Set(mentions.map((m) => index.meta.ids[m.entity]!))];

  const hoverRef: { current?: HoverController } = {};
  const card = new CardFrame(
    doc,
    deps.cardUrl,
    {
      onPointerEnter: () => hoverRef.current?.cardEvents().onPointerEnter(),
      onPointerLeave: () => hoverRef.current?.cardEvents().onPointerLeave(),
      onClose: () => hoverRef.current?.cardEvents().onClose(),
      onPin: (p) => hoverRef.current?.cardEvents().onPin(p),
    },
    signal,
  );
  const hover = new HoverController({
    doc,
    card,
    lookup: () => lookup,
    describe: (m) => ({ entityId: index.meta.ids[m.entity]!, pageEntityIds: pageEntityIds() }),
    signal,
  });
  hoverRef.current = hover;

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
        const found = await scanDocument(doc.body, scanner, index, { signal });
        if (signal.aborted) return;
        mentions = found;
        lookup = new MentionLookup(found);
        highlighter.show(found.map((m) => ({ range: m.range, category: index.entityCategory[m.entity]! })));
        void deps.sendToBackground({ type: 'page:found', payload: { entityIds: pageEntityIds() } }).catch(() => {});
      } while (again && !signal.aborted);
    })();
    try {
      await scanning;
    } finally {
      scanning = undefined;
    }
  };

  // Follow the page: one observer, mutations batched into a debounced rescan (bounded wait, so
  // a page that never stops changing is still rescanned periodically, never continuously).
  let debounce: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;
  const observer = new MutationObserver((records) => {
    if (!records.some((r) => r.type !== 'attributes')) return;
    const now = performance.now();
    if (!debounce) firstPending = now;
    clearTimeout(debounce);
    const wait = Math.max(0, Math.min(RESCAN_DEBOUNCE_MS, RESCAN_MAX_WAIT_MS - (now - firstPending)));
    debounce = setTimeout(() => {
      debounce = undefined;
      void scan();
    }, wait);
  });
  observer.observe(doc.body, { childList: true, subtree: true, characterData: true });

  deps.onRuntimeMessage((raw) => {
    const parsed = parseEnvelope(raw);
    if (!parsed.ok || parsed.msg.type !== 'page:mentions') return undefined;
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
    observer.disconnect();
    clearTimeout(debounce);
    highlighter.clear();
    hover.close();
    card.destroy();
  });

  await scan();
}
