/**
 * Entity details and search, served by the background to the card, popup and options page, so no
 * page parses the whole dataset. Details come from shards (`data/entities/<xx>.json`, lib/entities.ts
 * `shardOf`) loaded on first need and kept (at most SHARDS_KEPT). Search has two tiers: a small index
 * of the most prominent entities answers at once after the worker starts, while the full index loads
 * (a second or two on this machine); answers say whether they came from the full one.
 * No extension APIs: the entrypoint hands in a loader.
 */
import type { CardEntity } from '../entities';
import { EntitySearch, viaOf, type SearchHit } from '../entity-search';
import type { EntityType } from '../dataset/schema';
import { shardOf } from '../entities';

export const SHARDS_KEPT = 64;
/** Hits whose matching alias is looked up (it needs their details). */
const VIA_FOR = 8;

export interface SearchAnswer {
  hits: SearchHit[];
  /** False while only the index of prominent entities is loaded: ask again shortly for the rest. */
  complete: boolean;
}

export class EntityStore {
  private readonly shards = new Map<string, Promise<Record<string, CardEntity>>>();
  private top: Promise<EntitySearch> | undefined;
  private full: Promise<EntitySearch> | undefined;
  private fullIndex: EntitySearch | undefined;

  constructor(private readonly fetchText: (path: string) => Promise<string>) {}

  private shard(key: string): Promise<Record<string, CardEntity>> {
    let p = this.shards.get(key);
    if (p) {
      // Most recently used last.
      this.shards.delete(key);
      this.shards.set(key, p);
      return p;
    }
    p = this.fetchText(`data/entities/${key}.json`).then((t) => JSON.parse(t) as Record<string, CardEntity>);
    p.catch(() => this.shards.delete(key)); // tried again next time
    this.shards.set(key, p);
    while (this.shards.size > SHARDS_KEPT) this.shards.delete(this.shards.keys().next().value!);
    return p;
  }

  /** Details of these entities, in the order asked (unknown ids left out). */
  async get(ids: readonly string[]): Promise<CardEntity[]> {
    const unique = [...new Set(ids)];
    const byShard = new Map<string, string[]>();
    for (const id of unique) {
      const k = shardOf(id);
      byShard.set(k, [...(byShard.get(k) ?? []), id]);
    }
    const found = new Map<string, CardEntity>();
    await Promise.all(
      [...byShard].map(async ([k, list]) => {
        const shard = await this.shard(k);
        for (const id of list) if (shard[id]) found.set(id, shard[id]);
      }),
    );
    return unique.map((id) => found.get(id)).filter((e): e is CardEntity => !!e);
  }

  /** Starts loading the search indexes (the popup asks as it opens). */
  warm(): void {
    this.top ??= this.fetchText('data/search-top.json').then((t) => EntitySearch.load(t));
    this.top.catch(() => (this.top = undefined));
    this.full ??= this.top
      .catch(() => undefined)
      .then(() => this.fetchText('data/search.json'))
      .then((t) => (this.fullIndex = EntitySearch.load(t)));
    this.full.catch(() => (this.full = undefined));
  }

  get searchReady(): boolean {
    return !!this.fullIndex;
  }

  async search(query: string, limit = 30, type?: EntityType): Promise<SearchAnswer> {
    this.warm();
    const index = this.fullIndex ?? (await this.top!);
    const hits = index.search(query, limit, type);
    // Which alias matched, for the first few (their details tell).
    const details = await this.get(hits.slice(0, VIA_FOR).map((h) => h.id)).catch(() => []);
    const byId = new Map(details.map((d) => [d.id, d]));
    for (const h of hits.slice(0, VIA_FOR)) {
      const d = byId.get(h.id);
      const via = d ? viaOf(query, d) : undefined;
      if (via) h.via = via;
    }
    return { hits, complete: index === this.fullIndex };
  }
}
