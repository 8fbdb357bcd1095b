/**
 * The reader's own names, joined to the bundled matcher. A small second automaton is built from
 * the aliases of the reader's entities (`buildIndex`, flags as in the dataset: `expandAliases`, so
 * a name that is also an ordinary word is ambiguous and needs evidence on the page), and every
 * text block is scanned with both. The reader's entities are numbered after the bundled ones;
 * a "same as" entry's names point at the bundled entity itself. Resolution then runs over both
 * sets of candidates with `view`, which joins the bundled entities' categories, names, cues and
 * relations with the reader's (category `custom`, no cues). Pure.
 */
import { expandAliases } from '../dataset/aliases';
import { ALIAS_FULL, ALIAS_READER } from './flags';
import { buildIndex, type AliasEntry, type EntityInfo } from './build';
import { CATEGORIES, type MatchIndex } from './index-format';
import type { ResolveIndex } from './resolve';
import { Scanner, type Candidate } from './scan';

export const CUSTOM_CATEGORY = CATEGORIES.indexOf('custom');

/** What the matcher needs of a reader's entity. */
export interface ReaderEntity {
  id: string;
  name: string;
  aliases: readonly string[];
  /** A bundled entity's id: these names are more names of it. */
  sameAs?: string;
}

export interface CustomLayer {
  /** Bumped on every change: blocks scanned with an older layer are scanned again. */
  version: number;
  /** Over the reader's names; undefined when there are none. */
  scanner: Scanner | undefined;
  /** The reader's index's entity → the joined numbering. */
  toGlobal: Int32Array;
  /** Bundled and reader's entities together, for resolution. */
  view: ResolveIndex;
  /** Entities before this number are bundled; from it on, the reader's (`ids[k - bundledCount]`). */
  bundledCount: number;
  ids: string[];
  /** Names compiled (for diagnostics and the bench). */
  aliasCount: number;
}

/** An empty layer: nothing of the reader's to find. */
export function emptyLayer(bundled: MatchIndex, version = 0): CustomLayer {
  return {
    version,
    scanner: undefined,
    toGlobal: new Int32Array(0),
    view: bundled,
    bundledCount: bundled.entityCategory.length,
    ids: [],
    aliasCount: 0,
  };
}

export function buildCustomLayer(
  bundled: MatchIndex,
  entities: readonly ReaderEntity[],
  opts: { isWord: (w: string) => boolean; bundledIndexOf: (id: string) => number | undefined; version: number },
): CustomLayer {
  const n = bundled.entityCategory.length;
  const infos: EntityInfo[] = [];
  const toGlobal: number[] = [];
  const aliases: AliasEntry[] = [];
  const ids: string[] = [];
  const names: string[] = [];
  /** Local entity of a bundled entity that "same as" entries add names to. */
  const localOfBundled = new Map<number, number>();
  for (const e of entities) {
    let local: number;
    if (e.sameAs !== undefined) {
      const g = opts.bundledIndexOf(e.sameAs);
      if (g === undefined) continue; // not in this version of the dataset: its names mark nothing
      local = localOfBundled.get(g) ?? -1;
      if (local < 0) {
        local = infos.length;
        localOfBundled.set(g, local);
        infos.push({
          id: e.sameAs,
          name: bundled.meta.names[g] ?? e.sameAs,
          category: bundled.entityCategory[g]!,
          cues: [],
          related: [],
        });
        toGlobal.push(g);
      }
    } else {
      local = infos.length;
      infos.push({ id: e.id, name: e.name, category: CUSTOM_CATEGORY, cues: [], related: [] });
      toGlobal.push(n + ids.length);
      ids.push(e.id);
      names.push(e.name);
    }
    for (const a of expandAliases({ id: e.id, name: e.name, aliases: [...e.aliases] }, { isWord: opts.isWord })) {
      // For a "same as" entry every name is an alias of the bundled entity, not its canonical name.
      const flags = e.sameAs !== undefined ? a.flags & ~ALIAS_FULL : a.flags;
      aliases.push({ text: a.text, entity: local, flags });
    }
  }
  if (!aliases.length) return emptyLayer(bundled, opts.version);
  const index = buildIndex(infos, aliases);
  const category = new Uint8Array(n + ids.length);
  category.set(bundled.entityCategory);
  category.fill(CUSTOM_CATEGORY, n);
  const none: never[] = [];
  return {
    version: opts.version,
    scanner: new Scanner(index),
    toGlobal: Int32Array.from(toGlobal),
    view: {
      entityCategory: category,
      meta: {
        names: bundled.meta.names.concat(names),
        cues: bundled.meta.cues.concat(ids.map(() => none)),
        related: bundled.meta.related.concat(ids.map(() => none)),
        bySurname: bundled.meta.bySurname,
        givenNames: bundled.meta.givenNames,
        // The reader's entities take no part in "the country's regulator" descriptions.
        jurisdictions: (bundled.meta.jurisdictions ?? []).concat(ids.map(() => '')),
      },
    },
    bundledCount: n,
    ids,
    aliasCount: aliases.length,
  };
}

/** The reader's names found in a text, numbered in the joined space and flagged as the reader's. */
export function scanCustom(layer: CustomLayer, text: string): Candidate[] {
  if (!layer.scanner) return [];
  const found = layer.scanner.scan(text, [], 0);
  for (const c of found) {
    c.entity = layer.toGlobal[c.entity]!;
    c.flags |= ALIAS_READER;
    c.entry = -1; // an entry of the reader's index, not the bundled one
  }
  return found;
}

/** The id of an entity in the joined numbering. */
export function idOf(layer: CustomLayer, bundled: MatchIndex, entity: number): string | undefined {
  return entity < layer.bundledCount ? bundled.meta.ids[entity] : layer.ids[entity - layer.bundledCount];
}

export function categoryOf(layer: CustomLayer, entity: number): number {
  return layer.view.entityCategory[entity] ?? CUSTOM_CATEGORY;
}
