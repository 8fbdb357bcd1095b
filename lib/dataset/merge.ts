/**
 * One entity, one record: after every importer has run, records that name the same entity are
 * merged. Two records are the same entity when they share a Wikidata id, a CIK, a Bioguide id,
 * any ISIN, or (firms) a ticker on the same exchange; a curated record is also the same entity
 * as an imported record with its id (the curated file replaces it).
 *
 * The merged record keeps the id of the first importer's record (registry order, then file
 * order); when a curated record is in the group, the imported records are merged into one that
 * takes the curated id, so the curated record (which always wins) replaces it at load time. It
 * unions roles (one per title + start), aliases, sources, ids, native names, tickers, relations,
 * events and cues, fills fields the first record lacks from the others, and takes the newest
 * `asOf`. Records never merge across types, nor when they carry different ids of one kind
 * (two CIKs), nor two curated records with each other: such groups are reported, not merged.
 *
 * Pure: no I/O; `scripts/import-dataset.ts` runs it and writes the outputs.
 */
import type { AliasInput, EntityRecord, Role, SourceRef } from './schema';

export interface SourceOutput {
  /** The output file name (without `.json`), as the importer gives it. */
  output: string;
  records: EntityRecord[];
}

export interface MergeReport {
  /** "us-aapl ← us-apple (sec-company-tickers) by cik:320193". */
  merged: string[];
  /** Imported records merged into a curated record (which replaces them at load). */
  linked: string[];
  /** Records that share a key but were not merged, and why. */
  conflicts: string[];
}

export interface MergeResult {
  outputs: SourceOutput[];
  report: MergeReport;
}

/** The keys that identify an entity across sources. */
export function mergeKeys(r: EntityRecord): string[] {
  const keys: string[] = [];
  const ids = r.ids;
  if (ids?.wikidata) keys.push(`wikidata:${ids.wikidata}`);
  if (ids?.cik) keys.push(`cik:${ids.cik}`);
  if (ids?.bioguide) keys.push(`bioguide:${ids.bioguide}`);
  if (ids?.lei) keys.push(`lei:${ids.lei}`);
  for (const isin of ids?.isin ?? []) keys.push(`isin:${isin}`);
  if (r.type === 'firm')
    for (const t of r.firm?.tickers ?? []) keys.push(`ticker:${t.symbol.toUpperCase()}@${t.exchange.toUpperCase()}`);
  // Two people of one name who headed the same body are one person (a governor twice listed);
  // deputies and members are not keys, namesakes among them are common.
  if (r.type === 'official')
    for (const role of r.official?.roles ?? [])
      if (role.org && HEAD_TITLE.test(role.title) && !NOT_HEAD.test(role.title)) {
        const key = `head:${role.org}:${foldName(r.name)}`;
        if (!keys.includes(key)) keys.push(key);
      }
  return keys;
}

const HEAD_TITLE = /\b(governor|president|chair(man|woman|person)?)\b/i;
const NOT_HEAD = /\b(deputy|vice|assistant|alternate|acting)\b|vice-/i;

/** Single-valued ids: two records with different values of one of these are different entities. */
const SINGLE_IDS = ['wikidata', 'cik', 'bioguide', 'lei'] as const;

interface Item {
  record: EntityRecord;
  /** Index of the output in registry order, or -1 for curated. */
  source: number;
  order: number;
}

interface Group {
  items: number[];
  type: EntityRecord['type'];
  curated: number | undefined;
  single: Record<(typeof SINGLE_IDS)[number], Set<string>>;
}

const article = (t: string) => `${/^[aeiou]/.test(t) ? 'an' : 'a'} ${t}`;
const text = (a: AliasInput) => (typeof a === 'string' ? a : a.text);
const urlOf = (s: SourceRef) => (typeof s === 'string' ? s : s.url);
const dateOf = (s: SourceRef) => (typeof s === 'string' ? undefined : s.date);

/**
 * One tenure that two sources give twice, once with its end and once without (Wikidata often
 * lacks the end): the head's role (governor, president, chair) in the same body begun the same
 * year, left open, is dropped, so the merged record does not show as held a post another source
 * says has ended. Seats in a legislature are left alone (terms and seats overlap there).
 */
export function withoutOpenTwins(roles: Role[]): Role[] {
  return roles.filter(
    (r) =>
      r.end ||
      r.within ||
      !r.org ||
      !r.start ||
      !HEAD_TITLE.test(r.title) ||
      !roles.some((o) => o !== r && o.org === r.org && o.end && o.start?.slice(0, 4) === r.start!.slice(0, 4)),
  );
}

/** Merges `others` into a copy of `first` (see the module comment for what is kept). */
export function mergeRecords(first: EntityRecord, others: readonly EntityRecord[]): EntityRecord {
  const all = [first, ...others];
  const out: EntityRecord = structuredClone(first);

  // Names the others go by become aliases; listed aliases are unioned, a flagged spelling
  // winning over a plain one with the same text.
  const aliases: AliasInput[] = [...(out.aliases ?? [])];
  const at = new Map(aliases.map((a, i) => [text(a), i]));
  const natives = new Set((out.nativeNames ?? []).map((n) => n.text));
  const addAlias = (a: AliasInput) => {
    const t = text(a);
    if (t === out.name) return;
    const i = at.get(t);
    if (i === undefined) {
      at.set(t, aliases.length);
      aliases.push(structuredClone(a));
    } else if (typeof aliases[i] === 'string' && typeof a !== 'string') aliases[i] = structuredClone(a);
  };
  for (const o of others) {
    if (o.name !== out.name && !natives.has(o.name)) addAlias(o.name);
    for (const a of o.aliases ?? []) addAlias(a);
    for (const n of o.nativeNames ?? [])
      if (!natives.has(n.text)) {
        natives.add(n.text);
        (out.nativeNames ??= []).push({ ...n });
      }
  }
  // A native name is not also an alias.
  const kept = aliases.filter((a) => !natives.has(text(a)) || typeof a !== 'string');
  if (kept.length) out.aliases = kept;

  // Sources: one per URL; a dated copy of a URL keeps the newest date.
  const sources: SourceRef[] = [];
  const byUrl = new Map<string, number>();
  for (const r of all)
    for (const s of r.sources) {
      const i = byUrl.get(urlOf(s));
      if (i === undefined) {
        byUrl.set(urlOf(s), sources.length);
        sources.push(structuredClone(s));
      } else if ((dateOf(s) ?? '') > (dateOf(sources[i]!) ?? '')) sources[i] = structuredClone(s);
    }
  out.sources = sources;
  out.asOf = all.map((r) => r.asOf).reduce((a, b) => (b > a ? b : a));

  // Ids: the first record's value of each, else the first other's; ISINs unioned.
  const ids: NonNullable<EntityRecord['ids']> = {};
  for (const r of all) {
    for (const k of SINGLE_IDS) if (r.ids?.[k] && !ids[k]) ids[k] = r.ids[k];
    for (const isin of r.ids?.isin ?? []) if (!(ids.isin ??= []).includes(isin)) ids.isin.push(isin);
  }
  if (Object.keys(ids).length) out.ids = ids;

  if (out.official) {
    const seen = new Set(out.official.roles.map((r) => `${r.title}\u0000${r.start ?? ''}`));
    for (const o of others) {
      for (const role of o.official?.roles ?? []) {
        const key = `${role.title}\u0000${role.start ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.official.roles.push(structuredClone(role) as Role);
      }
      if (!out.official.party && o.official?.party) out.official.party = o.official.party;
      if (o.official?.knownBySurname) out.official.knownBySurname = true;
    }
    out.official.roles = withoutOpenTwins(out.official.roles);
  }
  if (out.firm) {
    for (const o of others) {
      const f = o.firm;
      if (!f) continue;
      out.firm.legalName ??= f.legalName;
      out.firm.headquarters ??= f.headquarters;
      out.firm.sector ??= f.sector;
      out.firm.website ??= f.website;
      out.firm.parent ??= f.parent;
      for (const t of f.tickers ?? []) {
        const tickers = (out.firm.tickers ??= []);
        if (!tickers.some((x) => x.symbol === t.symbol && x.exchange.toUpperCase() === t.exchange.toUpperCase()))
          tickers.push({ ...t });
      }
    }
    for (const k of Object.keys(out.firm) as (keyof typeof out.firm)[])
      if (out.firm[k] === undefined) delete out.firm[k];
  }
  if (out.regulator) {
    for (const o of others) {
      const g = o.regulator;
      if (!g) continue;
      out.regulator.website ??= g.website;
      if (!out.regulator.parent && !out.regulator.parentName) {
        if (g.parent) out.regulator.parent = g.parent;
        else if (g.parentName) out.regulator.parentName = g.parentName;
      }
      for (const m of g.remit) if (!out.regulator.remit.includes(m)) out.regulator.remit.push(m);
    }
    for (const k of Object.keys(out.regulator) as (keyof typeof out.regulator)[])
      if (out.regulator[k] === undefined) delete out.regulator[k];
  }
  for (const o of others) {
    for (const rel of o.relations ?? [])
      if (rel.target !== out.id && !out.relations?.some((x) => x.type === rel.type && x.target === rel.target))
        (out.relations ??= []).push({ ...rel });
    for (const ev of o.events ?? [])
      if (!out.events?.some((x) => x.date === ev.date && x.title === ev.title)) (out.events ??= []).push({ ...ev });
    for (const c of o.cues ?? []) if (!out.cues?.includes(c)) (out.cues ??= []).push(c);
  }
  return out;
}

/** Points every reference (relations, parents, role bodies) at the id a merged record now has. */
function remapReferences(r: EntityRecord, to: ReadonlyMap<string, string>): void {
  const m = (id: string | undefined) => (id !== undefined ? (to.get(id) ?? id) : id);
  if (r.regulator?.parent) r.regulator.parent = m(r.regulator.parent);
  if (r.firm?.parent) r.firm.parent = m(r.firm.parent);
  for (const role of r.official?.roles ?? []) if (role.org) role.org = m(role.org);
  if (r.relations) {
    for (const rel of r.relations) rel.target = m(rel.target)!;
    r.relations = r.relations.filter(
      (rel, i, all) =>
        rel.target !== r.id && all.findIndex((x) => x.type === rel.type && x.target === rel.target) === i,
    );
    if (!r.relations.length) delete r.relations;
  }
}

/**
 * Merges the same entity across the importers' outputs (in registry order) and the curated
 * records (read only: they are never changed, only linked to).
 */
export function mergeAcrossSources(outputs: readonly SourceOutput[], curated: readonly EntityRecord[]): MergeResult {
  const items: Item[] = [];
  curated.forEach((record, order) => items.push({ record, source: -1, order }));
  outputs.forEach((o, source) => o.records.forEach((record, order) => items.push({ record, source, order })));
  const report: MergeReport = { merged: [], linked: [], conflicts: [] };

  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const groups = new Map<number, Group>();
  items.forEach((it, i) => {
    const single = Object.fromEntries(
      SINGLE_IDS.map((k) => [k, new Set(it.record.ids?.[k] ? [it.record.ids[k]!] : [])]),
    ) as Group['single'];
    groups.set(i, { items: [i], type: it.record.type, curated: it.source < 0 ? i : undefined, single });
  });
  const seenConflict = new Set<string>();
  const conflict = (a: number, b: number, why: string) => {
    const key = [items[a]!.record.id, items[b]!.record.id].sort().join(' ');
    if (seenConflict.has(key)) return;
    seenConflict.add(key);
    report.conflicts.push(`${items[a]!.record.id} and ${items[b]!.record.id} share ${why}`);
  };
  const union = (a: number, b: number, why: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    const ga = groups.get(ra)!;
    const gb = groups.get(rb)!;
    if (ga.type !== gb.type)
      return conflict(a, b, `${why} but one is ${article(ga.type)}, the other ${article(gb.type)}`);
    if (ga.curated !== undefined && gb.curated !== undefined)
      return conflict(a, b, `${why} but both are curated records (merge them by hand)`);
    for (const k of SINGLE_IDS)
      if (ga.single[k].size && gb.single[k].size && ![...ga.single[k]].some((v) => gb.single[k].has(v)))
        return conflict(a, b, `${why} but have different ${k} ids`);
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    const gk = groups.get(keep)!;
    const gd = groups.get(drop)!;
    parent[drop] = keep;
    gk.items.push(...gd.items);
    gk.curated ??= gd.curated;
    for (const k of SINGLE_IDS) for (const v of gd.single[k]) gk.single[k].add(v);
    groups.delete(drop);
  };

  const curatedById = new Map<string, number>();
  items.forEach((it, i) => {
    if (it.source < 0) curatedById.set(it.record.id, i);
  });
  const firstWithKey = new Map<string, number>();
  items.forEach((it, i) => {
    if (it.source >= 0) {
      const c = curatedById.get(it.record.id);
      if (c !== undefined) union(c, i, `the id ${it.record.id}`);
    }
    for (const key of mergeKeys(it.record)) {
      const prev = firstWithKey.get(key);
      if (prev === undefined) firstWithKey.set(key, i);
      else union(prev, i, key);
    }
  });

  // Build the merged records.
  const rename = new Map<string, string>();
  const replaced = new Map<number, EntityRecord | null>(); // item index → merged record, or null when dropped
  for (const g of groups.values()) {
    const imported = g.items.filter((i) => items[i]!.source >= 0).sort((a, b) => a - b);
    if (!imported.length) continue;
    const curatedId = g.curated !== undefined ? items[g.curated]!.record.id : undefined;
    if (imported.length === 1 && (curatedId === undefined || curatedId === items[imported[0]!]!.record.id)) continue;
    const [lead, ...rest] = imported.map((i) => items[i]!);
    const merged = mergeRecords(
      lead!.record,
      rest.map((x) => x.record),
    );
    if (curatedId !== undefined) merged.id = curatedId;
    const keys = (r: EntityRecord) => new Set(mergeKeys(r));
    for (const x of [lead!, ...rest]) {
      if (x.record.id !== merged.id) rename.set(x.record.id, merged.id);
      if (x === lead) continue;
      const shared = [...keys(x.record)].filter((k) => keys(lead!.record).has(k));
      report.merged.push(
        `${merged.id} ← ${x.record.id} (${outputs[x.source]!.output})${shared.length ? ` by ${shared.join(', ')}` : ''}`,
      );
    }
    if (curatedId !== undefined)
      report.linked.push(
        `${curatedId} (curated) ← ${[lead!, ...rest].map((x) => `${x.record.id} (${outputs[x.source]!.output})`).join(', ')}`,
      );
    replaced.set(imported[0]!, merged);
    for (const i of imported.slice(1)) replaced.set(i, null);
  }

  const curatedRefs = new Set<string>();
  for (const r of curated) {
    if (r.regulator?.parent) curatedRefs.add(r.regulator.parent);
    if (r.firm?.parent) curatedRefs.add(r.firm.parent);
    for (const role of r.official?.roles ?? []) if (role.org) curatedRefs.add(role.org);
    for (const rel of r.relations ?? []) curatedRefs.add(rel.target);
  }
  for (const [from, to] of rename)
    if (curatedRefs.has(from) && !curated.some((c) => c.id === from))
      report.conflicts.push(`a curated record points at ${from}, which is now merged into ${to}: point it at ${to}`);

  let index = curated.length;
  const result = outputs.map((o) => {
    const records: EntityRecord[] = [];
    for (const r of o.records) {
      const got = replaced.get(index++);
      if (got === null) continue;
      const rec = got ?? r;
      if (rename.size) {
        const copy = got ? rec : structuredClone(rec);
        remapReferences(copy, rename);
        records.push(copy);
      } else records.push(rec);
    }
    return { output: o.output, records };
  });
  return { outputs: result, report };
}

/** A name folded for comparison: no accents, case or punctuation. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Records that look like one entity but were not merged: same type, jurisdiction and folded
 * name. Some are namesakes (two congressmen called Mike Rogers); the check lists them as
 * warnings for a person to look at.
 */
export function likelyDuplicates(records: readonly EntityRecord[]): string[][] {
  const by = new Map<string, string[]>();
  for (const r of records) {
    const key = `${r.type}\u0000${r.jurisdiction}\u0000${foldName(r.name)}`;
    const list = by.get(key);
    if (list) list.push(r.id);
    else by.set(key, [r.id]);
  }
  return [...by.values()].filter((ids) => ids.length > 1);
}

const KEY_ORDER = [
  'id',
  'type',
  'name',
  'nativeNames',
  'aliases',
  'jurisdiction',
  'description',
  'regulator',
  'firm',
  'official',
  'relations',
  'events',
  'cues',
  'ids',
  'sources',
  'asOf',
];

/** The record with its fields in the schema's order (merging and flagging may add some at the end). */
export function canonicalOrder(r: EntityRecord): EntityRecord {
  const out: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (k in r) out[k] = (r as Record<string, unknown>)[k];
  for (const [k, v] of Object.entries(r)) if (!(k in out)) out[k] = v;
  return out as EntityRecord;
}
