/**
 * Dataset → the two build products: the matching index (for content scripts) and the entity
 * details (for the card, popup and options pages, which load them on demand).
 */
import { buildIndex, type AliasEntry, type EntityInfo } from '../match/build';
import { CATEGORIES, type MatchIndex } from '../match/index-format';
import {
  ALIAS_AMBIGUOUS,
  ALIAS_CASE_SENSITIVE,
  ALIAS_SHORT,
  expandAliases,
  surnameOf,
  type ExpandOptions,
} from './aliases';
import { referencedIds } from './refs';
import type { EntityRecord } from './schema';

export function compileDataset(
  records: EntityRecord[],
  opts: ExpandOptions,
): { index: MatchIndex; aliasCount: number } {
  const { entities, aliases } = matcherInput(records, opts);
  return { index: buildIndex(entities, aliases), aliasCount: aliases.length };
}

/** What the automaton is built from: entity facts the page needs, and every alias with its flags. */
export function matcherInput(
  records: EntityRecord[],
  opts: ExpandOptions,
): { entities: EntityInfo[]; aliases: AliasEntry[] } {
  const position = new Map(records.map((r, i) => [r.id, i]));
  const related: Set<number>[] = records.map(() => new Set());
  records.forEach((r, i) => {
    for (const id of referencedIds(r)) {
      const j = position.get(id);
      if (j === undefined || j === i) continue;
      related[i]!.add(j);
      related[j]!.add(i);
    }
  });
  const entities: EntityInfo[] = records.map((r, i) => ({
    id: r.id,
    name: r.name,
    category: CATEGORIES.indexOf(r.type),
    cues: r.cues ?? [],
    related: [...related[i]!].sort((a, b) => a - b),
  }));
  const aliases: AliasEntry[] = [];
  records.forEach((r, i) => {
    const expanded = expandAliases(r, opts);
    for (const a of expanded) aliases.push({ text: a.text, entity: i, flags: a.flags });
    // A record may name its own surname as a short alias ("Tang" for Audrey Tang, where the
    // family-name-first rule of her jurisdiction would guess wrong); then no guess is made.
    const tokens = new Set(r.name.split(/\s+/));
    const ownShort = expanded.some((a) => a.flags & ALIAS_SHORT && tokens.has(a.text));
    const surname = ownShort ? undefined : surnameOf(r);
    if (surname && !expanded.some((a) => a.text === surname)) {
      const word = opts.isWord(surname.toLowerCase()) ? ALIAS_AMBIGUOUS : 0;
      aliases.push({ text: surname, entity: i, flags: ALIAS_SHORT | ALIAS_CASE_SENSITIVE | word });
    }
  });
  return { entities, aliases };
}
