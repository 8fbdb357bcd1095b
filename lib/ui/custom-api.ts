/**
 * The reader's own entities and history, through the background (popup, options page, card).
 * Plus the in-page search over them (a few hundred at most: filtered here, not indexed).
 */
import { useEffect, useState } from 'preact/hooks';
import type { HistoryQuery } from '../custom/history';
import { isCustomId, type CustomEntity, type CustomInput } from '../custom/types';
import { foldString } from '../match/fold';
import type { Request } from '../messages';
import { call } from './clients';

export const customApi = {
  list: () => call('custom:list', {}),
  get: (ids: string[]) => call('custom:get', { ids }),
  add: (entity: CustomInput) => call('custom:add', { entity }),
  update: (id: string, entity: CustomInput) => call('custom:update', { id, entity }),
  remove: (id: string) => call('custom:delete', { id }),
  restore: (id: string) => call('custom:restore', { id }),
  import: (entities: CustomEntity[]) => call('custom:import', { entities }),
  export: (ids?: string[]) => call('custom:export', ids ? { ids } : {}),
};

export const historyApi = {
  summary: (entityId: string) => call('history:summary', { entityId }),
  list: (q: HistoryQuery = {}) => call('history:list', q),
  remove: (what: Request<'history:delete'>) => call('history:delete', what),
};

/** Opens the options page at a route (from the card, which cannot open tabs itself everywhere). */
export const openOptions = (hash: string) => call('options:open', { hash });

/** The reader's entities named by `ids` (custom ids only); undefined until they arrive. */
export function useCustomEntities(
  ids: readonly string[],
  refreshKey = 0,
): { entities?: Map<string, CustomEntity>; error?: string } {
  const key = [...new Set(ids.filter(isCustomId))].sort().join('\n');
  const [state, setState] = useState<{ key: string; entities?: Map<string, CustomEntity>; error?: string }>({
    key: '',
    entities: new Map(),
  });
  useEffect(() => {
    if (!key) {
      setState({ key, entities: new Map() });
      return;
    }
    let live = true;
    customApi.get(key.split('\n')).then(
      (list) => live && setState({ key, entities: new Map(list.map((e) => [e.id, e])) }),
      (e: unknown) => live && setState({ key, error: (e as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [key, refreshKey]);
  if (!key) return { entities: new Map() };
  return state.key === key ? state : {};
}

/** Every live entity of the reader's (popup, options page), reloaded when `refreshKey` changes. */
export function useCustomList(refreshKey = 0): { list?: CustomEntity[]; error?: string; reload: () => void } {
  const [state, setState] = useState<{ list?: CustomEntity[]; error?: string }>({});
  const [n, setN] = useState(0);
  useEffect(() => {
    let live = true;
    customApi.list().then(
      (list) => live && setState({ list }),
      (e: unknown) => live && setState({ error: (e as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [refreshKey, n]);
  return { ...state, reload: () => setN((x) => x + 1) };
}

/**
 * The reader's entities matching a query: every word of it starts a word of the name or an alias
 * (folded like the matcher folds: case, width, accents); CJK text anywhere in a name. Best first:
 * a name equal to the query, then names starting with it, then the rest by name.
 */
export function searchCustom(list: readonly CustomEntity[], query: string): { entity: CustomEntity; via?: string }[] {
  const q = foldString(query.trim());
  if (!q) return [];
  const words = q.split(/\s+/);
  const out: { entity: CustomEntity; via?: string; rank: number }[] = [];
  for (const e of list) {
    let best: { rank: number; via?: string } | undefined;
    for (const [i, n] of [e.name, ...e.aliases].entries()) {
      const f = foldString(n);
      const fw = f.split(/[\s\p{P}]+/u);
      const hit = words.every(
        (w) => fw.some((x) => x.startsWith(w)) || (!/^[\p{Script=Latin}\d]+$/u.test(w) && f.includes(w)),
      );
      if (!hit) continue;
      const rank = f === q ? 0 : f.startsWith(q) ? 1 : 2;
      if (!best || rank < best.rank) best = { rank, ...(i ? { via: n } : {}) };
    }
    if (best) out.push({ entity: e, rank: best.rank, ...(best.via ? { via: best.via } : {}) });
  }
  return out
    .sort((a, b) => a.rank - b.rank || a.entity.name.localeCompare(b.entity.name))
    .map(({ entity, via }) => (via ? { entity, via } : { entity }));
}
