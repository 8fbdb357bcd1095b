/**
 * Search over every entity: MiniSearch (an inverted index with prefix and fuzzy matching, BM25
 * ranking, compact serialisation) rather than a hand-written scan, which found nothing for a typo
 * ("alibba"), for several words ("gensler sec") and ranked a head of state below a namesake.
 *
 * Indexed per entity: its name, its aliases and native names, and context words (the bodies of its
 * roles and their acronyms, its parent, its tickers, its country), so "gensler sec" finds Gary
 * Gensler through his role at the SEC. Text is folded like the matcher folds it (case, width,
 * diacritics); CJK runs are indexed as overlapping pairs of characters so 网信办 finds 国家网信办.
 * Results are ordered by relevance times prominence (lib/entities.ts). Pure.
 */
import MiniSearch, { type Options } from 'minisearch';
import { foldString } from './match/fold';
import type { CardEntity, EntitySummary } from './entities';
import type { EntityType } from './dataset/schema';

export interface SearchDoc {
  id: string;
  name: string;
  /** Aliases and native names, one per line. */
  aliases: string;
  /** Role bodies, parent, tickers, country: words that place the entity. */
  context: string;
  type: EntityType;
  jurisdiction: string;
  p: number;
  /** Its one-word short names (acronyms), kept to rank an exact "ECB" above a firm named "ECB …". */
  acr: string;
}

export interface SearchHit extends EntitySummary {
  /** The alias or native name that matched, when the name itself did not. */
  via?: string;
  score: number;
}

const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+/g;

/** Words of a text: folded, split at spaces and punctuation; CJK runs as overlapping pairs too. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of foldString(text).split(/[\s\p{P}\p{S}]+/u)) {
    if (!raw) continue;
    if (!CJK.test(raw)) {
      out.push(raw);
      continue;
    }
    for (const m of raw.matchAll(CJK_RUN)) {
      const run = m[0];
      if (run.length === 1) out.push(run);
      for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    }
    const rest = raw.replace(CJK_RUN, ' ').trim();
    if (rest) out.push(...rest.split(/\s+/));
  }
  return out;
}

const OPTIONS: Options<SearchDoc> = {
  fields: ['name', 'aliases', 'context'],
  storeFields: ['name', 'type', 'jurisdiction', 'p', 'acr'],
  tokenize,
  // Terms are already folded by the tokenizer.
  processTerm: (t) => t,
  searchOptions: {
    boost: { name: 3, aliases: 2, context: 0.6 },
    prefix: (term) => !CJK.test(term) && term.length > 1,
    fuzzy: (term) => (CJK.test(term) || term.length < 4 ? false : term.length < 7 ? 1 : 2),
    combineWith: 'AND',
  },
};

/** How far down MiniSearch's own ranking results are re-ranked by exactness and prominence. */
const RERANK = 200;

/**
 * The search document of an entity. `shortNames` gives the acronyms of a linked body ("SEC"), so
 * a role's body is found by its short name too.
 */
export function searchDocOf(e: CardEntity, shortNames: (id: string) => string[] = () => []): SearchDoc {
  const aliases = [
    ...(e.nativeNames ?? []).map((n) => n.text),
    ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
  ];
  const context = new Set<string>();
  const body = (id: string | undefined) => {
    if (!id || !e.links[id]) return;
    context.add(e.links[id]!.name);
    for (const s of shortNames(id)) context.add(s);
  };
  for (const role of e.official?.roles ?? []) {
    body(role.org);
    if (role.orgName) context.add(role.orgName);
  }
  body(e.regulator?.parent);
  body(e.firm?.parent);
  for (const t of e.firm?.tickers ?? []) context.add(t.symbol);
  const acr = (e.aliases ?? [])
    .map((a) => (typeof a === 'string' ? a : a.text))
    .filter((a) => /^[\p{Lu}\d&.-]{2,8}$/u.test(a));
  return {
    id: e.id,
    name: e.name,
    acr: acr.join(' '),
    aliases: aliases.join('\n'),
    context: [...context].join('\n'),
    type: e.type,
    jurisdiction: e.jurisdiction,
    p: e.prominence,
  };
}

export class EntitySearch {
  private constructor(private readonly index: MiniSearch<SearchDoc>) {}

  static build(docs: readonly SearchDoc[]): EntitySearch {
    const ms = new MiniSearch<SearchDoc>(OPTIONS);
    ms.addAll(docs as SearchDoc[]);
    return new EntitySearch(ms);
  }

  /** From `toJSON()` text (built at compile time, so loading is a parse, not an indexing pass). */
  static load(json: string): EntitySearch {
    return new EntitySearch(MiniSearch.loadJSON<SearchDoc>(json, OPTIONS));
  }

  toJSON(): unknown {
    return this.index.toJSON();
  }

  get size(): number {
    return this.index.documentCount;
  }

  /**
   * Hits for a query, best first: MiniSearch's relevance, then raised for a name or alias matched
   * word for word (no prefix, no typo) and for prominence, so "CAC" gives the Chinese regulator
   * before a bank whose ticker is CAC, and "Lagarde" the ECB's president before her namesakes.
   */
  search(query: string, limit = 30, type?: EntityType): SearchHit[] {
    const q = tokenize(query);
    if (!q.length) return [];
    const results = this.index.search(query, type ? { filter: (r) => r.type === type } : undefined);
    const folded = q.join(' ');
    const ranked = results.slice(0, RERANK).map((r) => {
      const exactTerms = q.every((t) => r.terms.includes(t));
      const inNames = Object.values(r.match).some((fields) => fields.includes('name') || fields.includes('aliases'));
      const wholeName =
        tokenize(r.name as string).join(' ') === folded ||
        ((r.acr as string | undefined) ?? '').split(' ').some((a) => a && foldString(a) === folded);
      const p = Math.max(0, (r.p as number | undefined) ?? 0);
      const score = r.score * (exactTerms && inNames ? 2 : 1) * (wholeName ? 4 : 1) * (1 + p / 3);
      return { r, score };
    });
    ranked.sort((a, b) => b.score - a.score);
    return ranked.slice(0, limit).map(({ r, score }) => ({
      id: r.id as string,
      name: r.name as string,
      type: r.type as EntityType,
      jurisdiction: r.jurisdiction as string,
      score: Math.round(score * 100) / 100,
    }));
  }
}

/**
 * The alias or native name that explains a hit, when its name alone does not (the caller has the
 * entity's details: aliases are not kept in the index, to keep it small).
 */
export function viaOf(query: string, e: Pick<CardEntity, 'name' | 'aliases' | 'nativeNames'>): string | undefined {
  const q = tokenize(query);
  const name = tokenize(e.name);
  if (q.every((t) => name.some((n) => n.startsWith(t)))) return undefined;
  const all = [
    ...(e.nativeNames ?? []).map((n) => n.text),
    ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
  ];
  return (
    all.find((a) => {
      const at = tokenize(a);
      return q.every((t) => at.some((x) => x.startsWith(t)));
    }) ??
    all.find((a) => {
      const at = tokenize(a);
      return q.some((t) => at.some((x) => x.startsWith(t)));
    })
  );
}
