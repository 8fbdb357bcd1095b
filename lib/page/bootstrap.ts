/**
 * The bootstrap: what runs in every frame (the manifest's content script). It holds no part of
 * the page agent: it looks, cheaply, whether the document has text worth reading, now or later
 * (an SPA that renders after `document_idle`, an ad slot filled late), and only then asks for the
 * agent (`entrypoints/agent.ts`, injected into this frame by the background). A frame of an ad or
 * a widget costs this file's evaluation, one short walk and a MutationObserver that does nothing
 * but set a timer. Imports nothing but types: it must stay a few KB.
 */

/** Elements whose text is never read (the text walker skips them too). */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'svg', 'math']);

/**
 * Non-whitespace characters of the reading text under `root` (open shadow roots included),
 * counting stops once `need` is reached, so a page of text is answered after its first nodes.
 */
export function readingText(root: Node, need: number): number {
  const doc = root.ownerDocument ?? (root as Document);
  // Numbers, not NodeFilter.*: an about:blank frame's content script has them anyway, but they cost a lookup.
  const walker = doc.createTreeWalker(root, 0x1 | 0x4, {
    acceptNode: (n) => (n.nodeType === 1 && SKIP.has((n as Element).localName) ? 2 : 1),
  });
  let found = 0;
  for (let n = walker.nextNode(); n && found < need; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      const d = (n as Text).data;
      if (d.length && /\S/.test(d)) found += d.trim().length;
    } else {
      const sr = (n as Element).shadowRoot;
      if (sr) found += readingText(sr, need - found);
    }
  }
  return found;
}

export interface BootOptions {
  doc: Document;
  /** Whether this is the top frame: any text there is read; a child frame needs `childMin` characters. */
  top: boolean;
  /** False once the extension is gone (reloaded, updated): the bootstrap stops looking. */
  isValid: () => boolean;
  /** Loads the agent into this frame (once). */
  load: () => void;
  signal?: AbortSignal;
  /** Characters a child frame needs before it is read (ads carry a word or two). */
  childMin?: number;
  /** Mutations are looked at this long after the first of a batch. */
  settleMs?: number;
  /** A top frame that shows no text yet is looked at again after these delays (text only in shadow roots). */
  recheckMs?: readonly number[];
}

export const CHILD_MIN_CHARS = 40;

/** Calls `load` once the document holds reading text; returns a function that stops looking. */
export function bootWhenText(o: BootOptions): () => void {
  const { doc } = o;
  const win = doc.defaultView;
  const need = o.top ? 1 : (o.childMin ?? CHILD_MIN_CHARS);
  // Highlights are how marks are shown: without them there is nothing to do (old browsers).
  if (!win || !(win as unknown as { CSS?: { highlights?: unknown } }).CSS?.highlights) return () => {};
  const hasText = () => !!doc.body && readingText(doc.body, need) >= need;
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timers: ReturnType<typeof setTimeout>[] = [];
  // Batches of mutations are looked at once, `settleMs` after the first (a storm costs one walk per period).
  const observer = new MutationObserver(() => {
    if (timer === undefined && !done) timer = setTimeout(check, o.settleMs ?? 250);
  });
  const stop = () => {
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    for (const t of timers) clearTimeout(t);
  };
  const check = () => {
    timer = undefined;
    if (done) return;
    if (!o.isValid() || o.signal?.aborted) return stop();
    if (!hasText()) return;
    stop();
    o.load();
  };
  if (hasText()) {
    done = true;
    o.load();
    return stop;
  }
  // The document itself: `document.open()` (an ad written into an about:blank frame) replaces
  // its root element, and an observer of the old one would never hear of the new text.
  observer.observe(doc, { childList: true, subtree: true, characterData: true });
  if (o.top) for (const ms of o.recheckMs ?? [1000, 4000]) timers.push(setTimeout(check, ms));
  o.signal?.addEventListener('abort', stop);
  return stop;
}
