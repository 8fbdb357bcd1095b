/**
 * Dataset → the two build products: the matching index (for content scripts) and the entity
 * details (for the card, popup and options pages, which load them on demand).
 */
import { buildIndex, type AliasEntry, type EntityInfo } from '../match/build';
import { CATEGORIES, type MatchIndex } from '../match/index-format';
import {
  ALIAS_ACRONYM,
  ALIAS_AMBIGUOUS,
  ALIAS_CASE_SENSITIVE,
  ALIAS_CJK,
  ALIAS_FULL,
  ALIAS_SHORT,
  ALIAS_TICKER,
  ALIAS_PREFERRED,
  expandAliases,
  isCjk,
  surnameOf,
  cjkSurnameOf,
  type ExpandOptions,
} from './aliases';
import { prominenceOf } from '../entities';
import { otherChineseScripts } from './chinese-script';
import { referencedIds, reverseReferences } from './refs';
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

const DEMONYMS =
  /^(?:Irish|Dutch|French|German|Italian|Spanish|Swedish|Danish|Finnish|Norwegian|Belgian|Austrian|Polish|Portuguese|Greek|Hellenic|Czech|Hungarian|Romanian|Bulgarian|Croatian|Slovak|Slovenian|Estonian|Latvian|Lithuanian|Luxembourg|Maltese|Cypriot|Swiss|British|Icelandic) (?=[A-Z])/;

/** The name without a leading country adjective, when what is left is still a name of two or more words. */
export function withoutDemonym(name: string): string | undefined {
  if (!DEMONYMS.test(name)) return undefined;
  const rest = name.replace(DEMONYMS, '');
  return rest.split(/\s+/).length >= 2 ? rest : undefined;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
/**
 * Words that place a leader known by surname: the country's English name ("France", "United
 * Kingdom"), or "European Union". Near the surname they say the page is about that country.
 */
function countryCues(jurisdiction: string): string[] {
  if (jurisdiction === 'EU') return ['European Union', 'EU'];
  if (jurisdiction === 'INT') return [];
  let names: string[] = [];
  try {
    const name = regionNames.of(jurisdiction);
    if (name && name !== jurisdiction) names = [name];
  } catch {
    names = [];
  }
  return [...names, ...(NATIVE_PLACE[jurisdiction] ?? [])];
}

/** How Chinese, Japanese and Korean pages name these places (folding makes 台灣 台湾, 國 国). */
const NATIVE_PLACE: Record<string, string[]> = {
  CN: ['中国', '内地', '国务院', '中国人民'],
  HK: ['香港', '港交所', '特区', '港币', '港幣', '港元'],
  MO: ['澳门'],
  TW: ['台湾', '臺灣', '中华民国'],
  JP: ['日本'],
  KR: ['한국', '韓國', '대한민국'],
};

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
    // A leader known by surname, and a body whose name several countries share ("Ministry of
    // Finance", "Competition Bureau"), are placed by their country named nearby.
    cues:
      r.official?.knownBySurname || r.type === 'regulator'
        ? [...(r.cues ?? []), ...countryCues(r.jurisdiction)]
        : (r.cues ?? []),
    related: [...related[i]!].sort((a, b) => a - b),
    ...(r.official?.knownBySurname ? { knownBySurname: true } : {}),
    jurisdiction: r.jurisdiction,
  }));
  const aliases: AliasEntry[] = [];
  // Every alias text any record has, so a script variant never takes another entity's name
  // outright (证监会 stays the CSRC's, 證監會 the SFC's): there the variant is only a weak
  // alias, which the page must place (the SFC in simplified script, with 香港 near it).
  const taken = new Map<string, Set<number>>();
  records.forEach((r, i) => {
    for (const a of expandAliases(r, opts)) taken.set(a.text, (taken.get(a.text) ?? new Set()).add(i));
  });
  records.forEach((r, i) => {
    const expanded = expandAliases(r, opts);
    // An imported firm's own ticker as an alias ("ECL" for Ecolab) is a ticker, not a name.
    const tickers = curatedIds.has(r.id) ? undefined : new Set(r.firm?.tickers?.map((t) => t.symbol));
    for (const a of expanded) {
      const ticker = !!tickers?.has(a.text) && a.text !== r.name;
      aliases.push({ text: a.text, entity: i, flags: ticker ? a.flags | ALIAS_TICKER | ALIAS_AMBIGUOUS : a.flags });
      if (a.flags & ALIAS_CJK)
        for (const v of otherChineseScripts(a.text)) {
          const owners = taken.get(v);
          if (!owners) aliases.push({ text: v, entity: i, flags: a.flags & ~ALIAS_FULL });
          else if (!owners.has(i))
            aliases.push({ text: v, entity: i, flags: (a.flags & ~ALIAS_FULL) | ALIAS_AMBIGUOUS });
        }
      // "Irish Data Protection Commission" is mostly written "Data Protection Commission" (with
      // Ireland near it): the name without its country, ambiguous, placed by the country cue.
      const bare = r.type === 'regulator' && a.flags & ALIAS_FULL ? withoutDemonym(a.text) : undefined;
      if (bare && !taken.has(bare))
        aliases.push({ text: bare, entity: i, flags: (a.flags & ~ALIAS_FULL) | ALIAS_AMBIGUOUS });
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
    // The same in Japanese (黒田東彦 → 黒田), unless the record names its own short CJK form.
    const cjkSurname = expanded.some((a) => a.flags & ALIAS_SHORT && a.flags & ALIAS_CJK) ? undefined : cjkSurnameOf(r);
    if (cjkSurname && !expanded.some((a) => a.text === cjkSurname))
      aliases.push({ text: cjkSurname, entity: i, flags: ALIAS_SHORT | ALIAS_CJK });
  });
  markPreferred(records, aliases, curatedIds);
  return { entities, aliases };
}

/**
 * Among entities sharing an acronym, the best known by far (prominence at least 1.5 times the
 * next, lib/entities.ts) is marked preferred: on a page about regulation, "the SEC" alone means
 * the American one.
 */
function markPreferred(records: readonly EntityRecord[], aliases: AliasEntry[], curatedIds: ReadonlySet<string>): void {
  const backrefs = reverseReferences(records);
  const prominence = records.map((r) => prominenceOf(r, backrefs.get(r.id)?.length ?? 0, curatedIds.has(r.id)));
  const byText = new Map<string, AliasEntry[]>();
  for (const a of aliases) {
    if (!(a.flags & ALIAS_ACRONYM) || a.flags & (ALIAS_SHORT | ALIAS_TICKER)) continue;
    const list = byText.get(a.text) ?? [];
    list.push(a);
    byText.set(a.text, list);
  }
  for (const list of byText.values()) {
    const entities = [...new Set(list.map((a) => a.entity))];
    // One owner: an acronym that is ambiguous only as an ordinary abbreviation ("SEC", a second).
    if (entities.length < 2 && !list.some((a) => a.flags & ALIAS_AMBIGUOUS)) continue;
    entities.sort((x, y) => prominence[y]! - prominence[x]!);
    const [top, next] = [prominence[entities[0]!]!, prominence[entities[1]!] ?? 0];
    if (top < 3 || top < next * 1.5) continue;
    for (const a of list) if (a.entity === entities[0]) a.flags |= ALIAS_PREFERRED;
  }
}
