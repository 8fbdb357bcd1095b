/**
 * Options-page routes for the reader's own entities and history, and the context-menu item
 * "Add 'Xu Ming' to Dramatis…" that opens the entity editor prefilled. Pure, apart from the
 * extension APIs handed in.
 *
 *   #/entities                 the list         #/entities/new?name=…&url=…&title=…   the editor, new
 *   #/entities/edit?id=…       the editor       #/history?entity=…                    history, filtered
 */
export const ENTITY_MENU_ID = 'dramatis-add-entity';

/** Longest name the editor takes (lib/custom/types.ts MAX_NAME). */
const MAX_NAME = 200;

export interface NewEntityParams {
  name?: string;
  url?: string;
  title?: string;
  sameAs?: string;
}

export type EntitiesRoute = { view: 'list' } | { view: 'new'; params: NewEntityParams } | { view: 'edit'; id: string };

export function newEntityHash(p: NewEntityParams = {}): string {
  const q = new URLSearchParams();
  if (p.name) q.set('name', p.name.slice(0, MAX_NAME));
  if (p.url) q.set('url', p.url.slice(0, 4096));
  if (p.title) q.set('title', p.title.slice(0, 1000));
  if (p.sameAs) q.set('same', p.sameAs);
  const s = q.toString();
  return `#/entities/new${s ? `?${s}` : ''}`;
}

export function editEntityHash(id: string): string {
  return `#/entities/edit?${new URLSearchParams({ id })}`;
}

export function historyHash(entityId?: string): string {
  return entityId ? `#/history?${new URLSearchParams({ entity: entityId })}` : '#/history';
}

/** The entities tab's route, or undefined for another tab. */
export function parseEntitiesHash(hash: string): EntitiesRoute | undefined {
  const m = /^#\/entities(?:\/(new|edit))?(?:\?(.*))?$/s.exec(hash);
  if (!m) return undefined;
  const q = new URLSearchParams(m[2] ?? '');
  const get = (k: string) => q.get(k) || undefined;
  if (m[1] === 'new')
    return { view: 'new', params: { name: get('name'), url: get('url'), title: get('title'), sameAs: get('same') } };
  if (m[1] === 'edit') {
    const id = get('id');
    return id ? { view: 'edit', id } : { view: 'list' };
  }
  return { view: 'list' };
}

export function parseHistoryHash(hash: string): { entityId?: string } | undefined {
  const m = /^#\/history(?:\?(.*))?$/s.exec(hash);
  if (!m) return undefined;
  return { entityId: new URLSearchParams(m[1] ?? '').get('entity') || undefined };
}

/** A selection as a name: one line, spaces collapsed, not too long. */
export function nameFromSelection(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME);
}

export interface EntityMenuDeps {
  openPage: (hash: string) => Promise<unknown>;
}

/** "Add 'X' to Dramatis…": opens the editor with the selection as the name and the page noted. */
export async function addEntityFromSelection(
  info: { selectionText?: string; pageUrl?: string },
  tab: { url?: string; title?: string } | undefined,
  deps: EntityMenuDeps,
): Promise<string> {
  const hash = newEntityHash({
    name: nameFromSelection(info.selectionText),
    url: tab?.url ?? info.pageUrl,
    title: tab?.title,
  });
  await deps.openPage(hash);
  return hash;
}
