/**
 * Entity details as extension pages see them. The dataset is too large to ship to every card or
 * popup (tens of megabytes), so the build cuts it into shards by id (`shardOf`) that the background
 * serves by id (lib/background/entity-store.ts). Each record carries the names of the entities it
 * links to and of those that link to it (`links`, `backrefs`), so a card needs its own shard only.
 * Pure.
 */
import { referencedIds, reverseReferences } from './dataset/refs';
import { roleHeld, type EntityRecord, type EntityType } from './dataset/schema';

export interface EntitySummary {
  id: string;
  name: string;
  type: EntityType;
  jurisdiction: string;
}

export type CardEntity = Omit<EntityRecord, 'cues'> & {
  /** Summaries of every entity this one links to or is linked from (as far as `backrefs` lists). */
  links: Record<string, EntitySummary>;
  /** Ids of entities that link to this one, most prominent first (at most BACKREFS_KEPT). */
  backrefs: string[];
  /** How many link to it in all. */
  backrefCount: number;
  /** A rough measure of how often readers meet it: ranks search results (a head of state over a namesake). */
  prominence: number;
};

export const SHARD_COUNT = 256;
export const BACKREFS_KEPT = 40;

/** The shard an id lives in: two hex digits of its FNV-1a hash. */
export function shardOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) % SHARD_COUNT).toString(16).padStart(2, '0');
}

export function summaryOf(r: Pick<EntityRecord, 'id' | 'name' | 'type' | 'jurisdiction'>): EntitySummary {
  return { id: r.id, name: r.name, type: r.type, jurisdiction: r.jurisdiction };
}

/** Words in a role title that make its holder someone the press names often. */
const TOP_ROLE =
  /\b(president|prime minister|chancellor|premier|head of (state|government)|king|queen|emperor|governor of the|chair(man|woman|person)?|secretary of|minister of|minister for|commissioner)\b/i;

/**
 * Prominence from facts in the record and the links to it: a leader the press names by surname,
 * roles held now and at the top, how many records point at it, a hand-curated record. Used only to
 * order search results.
 */
export function prominenceOf(r: EntityRecord, backrefCount: number, curated: boolean): number {
  let p = Math.log2(1 + backrefCount);
  if (curated) p += 2;
  if (r.official?.knownBySurname) p += 5;
  for (const role of r.official?.roles ?? []) {
    if (TOP_ROLE.test(role.title)) p += roleHeld(role) ? 1.5 : 0.75;
  }
  if (r.firm?.tickers?.length) p += 1;
  if (r.nativeNames?.length) p += 0.5;
  p += Math.min(r.aliases?.length ?? 0, 6) * 0.25;
  return Math.round(p * 100) / 100;
}

/** Every record as a card sees it, with its links and back-links resolved to names. */
export function toCardEntities(
  records: readonly EntityRecord[],
  curatedIds: ReadonlySet<string> = new Set(),
): CardEntity[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const reverse = reverseReferences(records);
  const prominence = new Map(
    records.map((r) => [r.id, prominenceOf(r, reverse.get(r.id)?.length ?? 0, curatedIds.has(r.id))]),
  );
  return records.map((r) => {
    const { cues: _cues, ...rest } = r;
    const back = [...new Set(reverse.get(r.id) ?? [])].filter((id) => id !== r.id);
    back.sort((a, b) => prominence.get(b)! - prominence.get(a)! || a.localeCompare(b));
    const backrefs = back.slice(0, BACKREFS_KEPT);
    const links: Record<string, EntitySummary> = {};
    for (const id of [...referencedIds(r), ...backrefs]) {
      const t = byId.get(id);
      if (t && id !== r.id) links[id] = summaryOf(t);
    }
    return { ...rest, links, backrefs, backrefCount: back.length, prominence: prominence.get(r.id)! };
  });
}
