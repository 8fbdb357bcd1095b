/**
 * What extension pages (card, popup, options) use to reach data: entity details and search from
 * the background (the dataset is too large to load in each page), notes through typed messages.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { SearchAnswer } from '../background/entity-store';
import type { EntityType } from '../dataset/schema';
import type { CardEntity } from '../entities';
import { send, type MessageType, type Request, type Responses } from '../messages';

export function call<T extends MessageType>(type: T, payload: Request<T>): Promise<Responses[T]> {
  return send((msg) => browser.runtime.sendMessage(msg), type, payload);
}

const known = new Map<string, CardEntity>();

/** Details of these entities (cached for the page's life); unknown ids are left out. */
export async function getEntities(ids: readonly string[]): Promise<Map<string, CardEntity>> {
  const missing = [...new Set(ids)].filter((id) => !known.has(id));
  for (let i = 0; i < missing.length; i += 2000)
    for (const e of await call('entities:get', { ids: missing.slice(i, i + 2000) })) known.set(e.id, e);
  return new Map(ids.filter((id) => known.has(id)).map((id) => [id, known.get(id)!]));
}

/** The entities named by `ids`, loaded from the background; undefined until they arrive. */
export function useEntities(ids: readonly string[]): { entities?: Map<string, CardEntity>; error?: string } {
  const key = [...new Set(ids)].sort().join('\n');
  const [state, setState] = useState<{ key: string; entities?: Map<string, CardEntity>; error?: string }>({ key });
  useEffect(() => {
    let live = true;
    getEntities(key ? key.split('\n') : []).then(
      (entities) => live && setState({ key, entities }),
      (e: unknown) => live && setState({ key, error: (e as Error).message }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  return state.key === key ? state : {};
}

/**
 * Search as the reader types: debounced, the newest query wins, and while the background has only
 * its first tier loaded (answers marked incomplete) it asks again until the full index answers.
 */
export function useEntitySearch(
  query: string,
  opts: { limit?: number; type?: EntityType } = {},
): { answer?: SearchAnswer; error?: string; pending: boolean } {
  const [state, setState] = useState<{ q: string; answer?: SearchAnswer; error?: string }>({ q: '' });
  const q = query.trim();
  useEffect(() => {
    if (!q) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout>;
    const ask = () => {
      const asked = performance.now();
      return call('entities:search', { query: q, ...opts }).then(
        (answer) => {
          if (!live) return;
          // For the bench (bench/ui-bench.ts): request → answer, in this extension page's own timeline.
          performance.measure('dramatis:search', {
            start: asked,
            detail: { query: q, complete: answer.complete, hits: answer.hits.length },
          });
          setState({ q, answer });
          if (!answer.complete) timer = setTimeout(ask, 300);
        },
        (e: unknown) => live && setState({ q, error: (e as Error).message }),
      );
    };
    timer = setTimeout(ask, 60);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, opts.limit, opts.type]);
  if (!q) return { pending: false };
  return state.q === q
    ? { answer: state.answer, error: state.error, pending: false }
    : { pending: true, answer: state.answer };
}

/** Starts loading the search index in the background (the popup, as it opens). */
export function warmSearch(): void {
  void call('entities:warm', {}).catch(() => {});
}
