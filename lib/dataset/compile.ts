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
  ALIAS_TICKER,
  expandAliases,
  isCjk,
  surnameOf,
  type ExpandOptions,
} from './aliases';
import { referencedIds } from './refs';
import type { EntityRecord } from './schema';

export function compileDataset(
  records: EntityRecord[],
  opts: ExpandOptions,
  /** Hand-curated records: their aliases are taken as written (no ticker gating). */
  curatedIds: ReadonlySet<string> = new Set(),
): { index: MatchIndex; aliasCount: number } {
  const { entities, aliases } = matcherInput(records, opts, curatedIds);
  return { index: buildIndex(entities, aliases, givenNamesOf(records)), aliasCount: aliases.length };
}

/**
 * Given names common among the dataset's officials (first words of Latin-script names written
 * given name first, met at least three times): before a firm's one-word name they say a person is
 * meant ("Michael Dell", not Dell Technologies).
 */
export function givenNamesOf(records: readonly EntityRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    if (r.type !== 'official' || isCjk(r.name)) continue;
    const surname = surnameOf(r);
    const first = r.name.split(/\s+/)[0];
    if (!first || first === surname || !/^[A-Z][a-z]{2,}$/.test(first)) continue;
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n >= 3).map(([g]) => g);
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
/**
 * Words that place a leader known by surname: the country's English name ("France", "United
 * Kingdom"), or "European Union". Near the surname they say the page is about that country.
 */
function countryCues(jurisdiction: string): string[] {
  if (jurisdiction === 'EU') return ['European Union', 'EU'];
  if (jurisdiction === 'INT') return [];
  try {
    const name = regionNames.of(jurisdiction);
    return name && name !== jurisdiction ? [name] : [];
  } catch {
    return [];
  }
}

/** What the automaton is built from: entity facts the page needs, and every alias with its flags. */
export function matcherInput(
  records: EntityRecord[],
  opts: ExpandOptions,
  curatedIds: ReadonlySet<string> = new Set(),
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
    cues: r.official?.knownBySurname ? [...(r.cues ?? []), ...countryCues(r.jurisdiction)] : (r.cues ?? []),
    related: [...related[i]!].sort((a, b) => a - b),
    ...(r.official?.knownBySurname ? { knownBySurname: true } : {}),
  }));
  const aliases: AliasEntry[] = [];
  records.forEach((r, i) => {
    const expanded = expandAliases(r, opts);
    // An imported firm's own ticker as an alias ("ECL" for Ecolab) is a ticker, not a name.
    const tickers = curatedIds.has(r.id) ? undefined : new Set(r.firm?.tickers?.map((t) => t.symbol));
    for (const a of expanded) {
      const ticker = !!tickers?.has(a.text) && a.text !== r.name;
      aliases.push({ text: a.text, entity: i, flags: ticker ? a.flags | ALIAS_TICKER | ALIAS_AMBIGUOUS : a.flags });
    }
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
