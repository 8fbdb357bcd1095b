/**
 * Coverage figures (`npm run dataset:stats`) and the staleness report (`npm run dataset:stale`),
 * computed from the loaded records. Pure: `today` is passed in.
 */
import { expandAliases, isCjk, type ExpandOptions } from './aliases';
import type { EntityRecord, Role, SourceRef } from './schema';

/**
 * Scripts counted in `withNativeName`: Hans and Hant (simplified and traditional Han, when the
 * name's tag says which), Hani (Han whose tag does not say which: telling the two apart from the
 * characters alone needs a conversion table), Jpan, Kore, and other (Latin, Arabic, Cyrillic …).
 */
export const SCRIPTS = ['Hans', 'Hant', 'Hani', 'Jpan', 'Kore', 'other'] as const;
export type ScriptName = (typeof SCRIPTS)[number];

/** Jurisdictions whose entities should carry a Chinese, Japanese or Korean name. */
export const CJK_JURISDICTIONS = new Set(['CN', 'HK', 'TW', 'MO', 'JP', 'KR']);

const HANGUL_RE = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
const KANA_RE = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/;
const HAN_RE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{2fa1f}]/u;

/**
 * The script of a native name, from its characters: Hangul is Kore, kana Jpan, other Latin and
 * the rest "other"; Han characters alone take the script the tag gives (`scriptOf`), and Hani
 * when the tag does not say (a bare `zh`).
 */
export function nameScript(name: { text: string; lang: string }): ScriptName {
  if (HANGUL_RE.test(name.text)) return 'Kore';
  if (KANA_RE.test(name.text)) return 'Jpan';
  if (!HAN_RE.test(name.text)) return 'other';
  const byTag = scriptOf(name.lang);
  return byTag === 'other' ? 'Hani' : byTag;
}

/** The script a BCP 47 tag names (script subtag first, then language and region); `other` when it does not say. */
export function scriptOf(lang: string): ScriptName {
  const parts = lang.split(/[-_]/);
  const language = parts[0]!.toLowerCase();
  const script = parts.find((p, i) => i > 0 && p.length === 4);
  if (script) {
    const s = script[0]!.toUpperCase() + script.slice(1).toLowerCase();
    if (s === 'Hans' || s === 'Hant' || s === 'Jpan' || s === 'Kore') return s;
    if (s === 'Hira' || s === 'Kana') return 'Jpan';
    if (s === 'Hang') return 'Kore';
  }
  if (language === 'ja') return 'Jpan';
  if (language === 'ko') return 'Kore';
  if (language === 'zh' || language === 'cmn' || language === 'yue') {
    const region = parts
      .slice(1)
      .find((p) => /^[A-Za-z]{2}$/.test(p))
      ?.toUpperCase();
    if (region === 'TW' || region === 'HK' || region === 'MO') return 'Hant';
    if (region === 'CN' || region === 'SG') return 'Hans';
  }
  return 'other';
}

/** A role is held when it has no end, or ends on or after `today` (a term's scheduled end). */
export function roleIsOpen(role: Role, today: string): boolean {
  return role.end === undefined || role.end === null || role.end >= today;
}

export function sourceDate(s: SourceRef): string | undefined {
  return typeof s === 'string' ? undefined : s.date;
}

/** The newest date among a record's dated sources (undefined when none is dated). */
export function newestSourceDate(r: EntityRecord): string | undefined {
  let best: string | undefined;
  for (const s of r.sources) {
    const d = sourceDate(s);
    if (d && (!best || d > best)) best = d;
  }
  return best;
}

export interface DatasetStats {
  entities: number;
  byType: Record<EntityRecord['type'], number>;
  firms: number;
  officials: number;
  /** Officials none of whose roles is held (every role has ended). */
  formerOfficials: number;
  regulators: number;
  jurisdictions: number;
  regulatorJurisdictions: number;
  aliases: number;
  withSources: number;
  withAsOf: number;
  withWikidata: number;
  /** Records with a native name, in all and by script (`nameScript`; a record counts once for each script it has). */
  withNativeName: Record<'all' | ScriptName, number>;
  /** Entities of CN, HK, TW, MO, JP and KR, and how many of them have a Chinese, Japanese or Korean name. */
  cjkEntities: number;
  cjkWithNativeName: number;
  byJurisdiction: Record<string, number>;
}

export function datasetStats(records: readonly EntityRecord[], opts: ExpandOptions, today: string): DatasetStats {
  const byType = { regulator: 0, firm: 0, official: 0 };
  const jurisdictions = new Map<string, number>();
  const regulatorJurisdictions = new Set<string>();
  const withNativeName = { all: 0, Hans: 0, Hant: 0, Hani: 0, Jpan: 0, Kore: 0, other: 0 };
  let aliases = 0;
  let withSources = 0;
  let withAsOf = 0;
  let withWikidata = 0;
  let formerOfficials = 0;
  let cjkEntities = 0;
  let cjkWithNativeName = 0;
  for (const r of records) {
    byType[r.type]++;
    jurisdictions.set(r.jurisdiction, (jurisdictions.get(r.jurisdiction) ?? 0) + 1);
    if (r.type === 'regulator') regulatorJurisdictions.add(r.jurisdiction);
    aliases += expandAliases(r, opts).length;
    if (r.sources.length) withSources++;
    if (r.asOf) withAsOf++;
    if (r.ids?.wikidata) withWikidata++;
    if (r.type === 'official' && !r.official?.roles.some((role) => roleIsOpen(role, today))) formerOfficials++;
    if (r.nativeNames?.length) {
      withNativeName.all++;
      for (const s of new Set(r.nativeNames.map(nameScript))) withNativeName[s]++;
    }
    if (CJK_JURISDICTIONS.has(r.jurisdiction)) {
      cjkEntities++;
      if (r.nativeNames?.some((n) => isCjk(n.text))) cjkWithNativeName++;
    }
  }
  return {
    entities: records.length,
    byType,
    firms: byType.firm,
    officials: byType.official,
    formerOfficials,
    regulators: byType.regulator,
    jurisdictions: jurisdictions.size,
    regulatorJurisdictions: regulatorJurisdictions.size,
    aliases,
    withSources,
    withAsOf,
    withWikidata,
    withNativeName,
    cjkEntities,
    cjkWithNativeName,
    byJurisdiction: Object.fromEntries([...jurisdictions].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
  };
}

export interface StaleReport {
  /** Open-ended roles (no end) of records whose newest source is older than the cut-off. */
  openRoles: { id: string; title: string; newestSource: string }[];
  /** Records whose asOf is older than their newest dated source. */
  behindSources: { id: string; asOf: string; newestSource: string }[];
  cutoff: string;
}

/** `today` minus `months` months, as YYYY-MM-DD (the day clamped to the month's length). */
export function monthsBefore(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * What may be out of date: roles still open although the record's newest source (its newest
 * dated source, else its asOf) is more than `months` months old, and records whose asOf is
 * older than one of their dated sources.
 */
export function staleReport(records: readonly EntityRecord[], today: string, months = 12): StaleReport {
  const cutoff = monthsBefore(today, months);
  const openRoles: StaleReport['openRoles'] = [];
  const behindSources: StaleReport['behindSources'] = [];
  for (const r of records) {
    const dated = newestSourceDate(r);
    const newest = dated && dated > r.asOf ? dated : r.asOf;
    for (const role of r.official?.roles ?? [])
      if ((role.end === undefined || role.end === null) && newest < cutoff)
        openRoles.push({ id: r.id, title: role.title, newestSource: newest });
    // Partial dates ("2024-05") compare as the start of their period.
    if (dated && dated > r.asOf && dated.length === 10)
      behindSources.push({ id: r.id, asOf: r.asOf, newestSource: dated });
    else if (dated && dated.length < 10 && dated > r.asOf.slice(0, dated.length))
      behindSources.push({ id: r.id, asOf: r.asOf, newestSource: dated });
  }
  return { openRoles, behindSources, cutoff };
}
