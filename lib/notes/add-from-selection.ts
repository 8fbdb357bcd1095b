/**
 * "Add a note to Dramatis" on selected text: the background asks the tab's content script for
 * the selection (and the entity of a mention it covers), then opens the options page's
 * add-note view with the quote prefilled. Extension APIs come in as arguments, for tests.
 */
import type { Responses } from '../messages';

export const MENU_ID = 'dramatis-add-note';

export interface AddNoteParams {
  quote?: string;
  entityId?: string;
  url?: string;
  title?: string;
}

const MAX_QUOTE = 10_000;

/** The options page route for adding a note: `#/add?quote=…&entity=…&url=…&title=…`. */
export function addNoteHash(p: AddNoteParams): string {
  const q = new URLSearchParams();
  if (p.quote) q.set('quote', p.quote.slice(0, MAX_QUOTE));
  if (p.entityId) q.set('entity', p.entityId);
  if (p.url) q.set('url', p.url.slice(0, 4096));
  if (p.title) q.set('title', p.title.slice(0, 1000));
  const s = q.toString();
  return `#/add${s ? `?${s}` : ''}`;
}

export function parseAddNoteHash(hash: string): AddNoteParams | undefined {
  const m = /^#\/add(?:\?(.*))?$/s.exec(hash);
  if (!m) return undefined;
  const q = new URLSearchParams(m[1] ?? '');
  const get = (k: string) => q.get(k) || undefined;
  return { quote: get('quote'), entityId: get('entity'), url: get('url'), title: get('title') };
}

export interface MenuDeps {
  askTab: (tabId: number, frameId: number) => Promise<Responses['page:selection'] | undefined>;
  openPage: (hash: string) => Promise<unknown>;
}

export interface MenuClick {
  selectionText?: string;
  pageUrl?: string;
  /** The frame the selection is in (0 for the top document). */
  frameId?: number;
}

export interface MenuTab {
  id?: number;
  url?: string;
  title?: string;
}

/** Handles a click on the menu item; resolves to the hash opened. */
export async function addNoteFromSelection(info: MenuClick, tab: MenuTab | undefined, deps: MenuDeps): Promise<string> {
  let sel: Responses['page:selection'] | undefined;
  if (tab?.id !== undefined) sel = await deps.askTab(tab.id, info.frameId ?? 0).catch(() => undefined);
  const hash = addNoteHash({
    // The content script's selection keeps line breaks; the menu's selectionText is a fallback
    // for pages without our content script.
    quote: sel?.text || info.selectionText?.trim(),
    entityId: sel?.entityId,
    url: sel?.url ?? tab?.url ?? info.pageUrl,
    title: sel?.title ?? tab?.title,
  });
  await deps.openPage(hash);
  return hash;
}
