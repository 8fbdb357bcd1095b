/**
 * Entity details as extension pages see them, and the popup's search. Pure.
 */
import type { EntityRecord } from './dataset/schema';
import { foldString } from './match/fold';

export type CardEntity = Omit<EntityRecord, 'cues'>;

export function toCardEntity(r: EntityRecord): CardEntity {
  const { cues: _cues, ...rest } = r;
  return rest;
}

export function aliasTexts(e: CardEntity): string[] {
  return (e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text));
}

export interface SearchHit {
  entity: CardEntity;
  score: number;
  /** The name or alias that matched, when it is not the canonical name. */
  via?: string;
}

interface Searchable {
  entity: CardEntity;
  keys: { text: string; folded: string }[];
}

/** A small in-memory search over names, native names and aliases. */
export class EntitySearch {
  private readonly items: Searchable[];

  constructor(entities: readonly CardEntity[]) {
    this.items = entities.map((entity) => ({
      entity,
      keys: [entity.name, ...(entity.nativeNames ?? []).map((n) => n.text), ...aliasTexts(entity)].map((text) => ({
        text,
        folded: foldString(text),
      })),
    }));
  }

  search(query: string, limit = 50): SearchHit[] {
    const q = foldString(query);
    if (!q) return [];
    const hits: SearchHit[] = [];
    for (const item of this.items) {
      let best = 0;
      let via: string | undefined;
      item.keys.forEach((k, i) => {
        let s = 0;
        if (k.folded === q) s = 100;
        else if (k.folded.startsWith(q)) s = 60;
        else if (k.folded.includes(` ${q}`)) s = 40;
        else if (k.folded.includes(q)) s = 20;
        if (s && i === 0) s += 5; // prefer the canonical name
        if (s > best) {
          best = s;
          via = i === 0 ? undefined : k.text;
        }
      });
      if (best) hits.push({ entity: item.entity, score: best, via });
    }
    hits.sort(
      (a, b) =>
        b.score - a.score || a.entity.name.length - b.entity.name.length || a.entity.name.localeCompare(b.entity.name),
    );
    return hits.slice(0, limit);
  }
}
