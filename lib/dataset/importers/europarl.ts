/**
 * Members of the European Parliament since 2009 (7th, 8th and 9th terms) from the Parliament's
 * open-data beta repository (github.com/europarl/open-data-beta-testing, `data/meps/
 * data_v1_meps_<term>_en.csv`, Windows-1252). The CSV lists who sat in each term, with name and
 * date of birth; it does not carry political groups, national parties, the member state
 * represented or the dates of each mandate (those are only in the Turtle files, which the copy
 * lacks), so the role names the term and leaves the dates out. Its citizenship column is not
 * used: it is visibly scrambled (61 Estonian and 7 Spanish members in the 7th term, Kaja Kallas
 * listed as Spanish).
 *
 * A member is linked to a Wikidata id when an EveryPolitician list (from Wikidata) has a person
 * of the same name born the same day. People with a curated record are listed in
 * `assets/dataset/sources/europarl__open-data-beta-testing/curated-links.json`.
 */
import curatedLinksJson from '../../../assets/dataset/sources/europarl__open-data-beta-testing/curated-links.json';
import type { AliasInput, EntityRecord, Role } from '../schema';
import { parseCsv } from './csv';
import { COUNTRIES, epsFolder, readEpsRows, type CountriesConfig } from './everypolitician';
import { foldName, IdAllocator, personSlug } from './officials';
import type { Importer, ImportContext, ImportResult } from './source';

export const EP_DIR = 'europarl__open-data-beta-testing';
export const EP_OUTPUT = 'eu-meps-europarl';
const COMMIT = '6a0700279a894f28e83a9868e2ef2aa898c921ac';
/** The day the MEP files were added to the repository (SOURCE.md). */
export const EP_AS_OF = '2022-08-21';

/** Parliamentary terms taken: number → years (the Parliament's own numbering of its terms). */
export const EP_TERMS: Record<number, { ordinal: string; years: string }> = {
  7: { ordinal: '7th', years: '2009–2014' },
  8: { ordinal: '8th', years: '2014–2019' },
  9: { ordinal: '9th', years: '2019–2024' },
};
export const termFile = (n: number) => `${EP_DIR}/meps_${n}_en.csv`;

export interface EpOptions {
  curatedLinks?: { same: Record<string, string>; skip: Record<string, string> };
  countries?: CountriesConfig;
}

interface Mep {
  id: string;
  given: string;
  family: string;
  officialName?: string;
  birthday?: string;
  uri?: string;
  terms: number[];
}

/** "02/12/1930 02:00" → "1930-12-02" (the day as the file gives it; the time is not used). */
export function epDate(raw: string | undefined): string | undefined {
  const m = /^(\d\d)\/(\d\d)\/(\d{4})\b/.exec(raw ?? '');
  return m ? `${m[3]}-${m[2]}-${m[1]}` : undefined;
}

export function importMeps(ctx: ImportContext, opts: EpOptions = {}): ImportResult {
  const links =
    opts.curatedLinks ?? (curatedLinksJson as { same: Record<string, string>; skip: Record<string, string> });
  const skipped: string[] = [];
  const meps = new Map<string, Mep>();
  for (const term of Object.keys(EP_TERMS).map(Number)) {
    const file = termFile(term);
    for (const { row, values: v } of parseCsv(ctx.read(file), file, [
      'mep_identifier',
      'mep_given_name',
      'mep_family_name',
      'mep_official_given_name',
      'mep_official_family_name',
      'mep_birthday',
      'mep_URI',
    ])) {
      const id = v.mep_identifier!;
      if (!/^\d+$/.test(id) || !v.mep_family_name) {
        skipped.push(`${file} row ${row}: no identifier or family name`);
        continue;
      }
      const m = meps.get(id) ?? {
        id,
        given: v.mep_given_name ?? '',
        family: v.mep_family_name,
        terms: [],
      };
      const official = [v.mep_official_given_name, v.mep_official_family_name].filter(Boolean).join(' ');
      // Greek and Cyrillic official names did not survive the Windows-1252 export ("????").
      if (official && !official.includes('?')) m.officialName = official;
      m.birthday ||= epDate(v.mep_birthday);
      m.uri ||= /^https?:\/\//.test(v.mep_URI ?? '') ? v.mep_URI : undefined;
      if (!m.terms.includes(term)) m.terms.push(term);
      meps.set(id, m);
    }
  }

  const byNameDob = wikidataByNameAndBirth(ctx, opts.countries ?? COUNTRIES);
  const ids = new IdAllocator(ctx.reservedIds);
  for (const c of Object.values(links.same)) ids.claim(c);
  const records: EntityRecord[] = [];
  const sorted = [...meps.values()].sort((a, b) => Number(a.id) - Number(b.id));
  for (const m of sorted) {
    if (links.skip[m.id]) {
      skipped.push(`${EP_DIR}: MEP ${m.id} left out (${links.skip[m.id]})`);
      continue;
    }
    const name = [m.given, m.family].filter(Boolean).join(' ');
    const terms = m.terms.sort((a, b) => a - b);
    const q = m.birthday ? byNameDob.get(`${foldName(name)}|${m.birthday}`) : undefined;
    const id = links.same[m.id] ?? ids.take(`eu-${personSlug(name)}`, [m.birthday?.slice(0, 4), `mep${m.id}`]);
    const aliases: AliasInput[] = [];
    if (m.officialName && m.officialName !== name) aliases.push(m.officialName);
    const roles: Role[] = terms.map((t) => {
      const [start, end] = EP_TERMS[t]!.years.split('–') as [string, string];
      return {
        title: `Member of the European Parliament, ${EP_TERMS[t]!.ordinal} term (${EP_TERMS[t]!.years})`,
        org: 'eu-parliament',
        // The list gives no mandate dates: the role lay within the term, which has ended.
        within: { start, end },
      };
    });
    const termList = terms.map((t) => EP_TERMS[t]!.ordinal);
    const termText =
      termList.length === 1
        ? `the ${termList[0]} term`
        : `the ${termList.slice(0, -1).join(', ')} and ${termList[termList.length - 1]} terms`;
    const first = EP_TERMS[terms[0]!]!.years.slice(0, 4);
    const last = EP_TERMS[terms[terms.length - 1]!]!.years.slice(-4);
    const description =
      `Member of the European Parliament in ${termText} (${first}–${last}), per the Parliament's list of members` +
      (m.birthday ? `; born ${m.birthday.slice(0, 4)}.` : '.');
    records.push({
      id,
      type: 'official',
      name,
      ...(aliases.length ? { aliases } : {}),
      jurisdiction: 'EU',
      description,
      official: { roles },
      ...(q ? { ids: { wikidata: q } } : {}),
      sources: [
        {
          url: `https://github.com/europarl/open-data-beta-testing/tree/${COMMIT}/data/meps`,
          date: EP_AS_OF,
          title: 'European Parliament open data (beta): MEPs by term',
        },
        ...(m.uri ? [m.uri] : []),
        ...(q ? [`https://www.wikidata.org/wiki/${q}`] : []),
      ],
      asOf: EP_AS_OF,
    });
  }
  return { records, skipped };
}

/** Wikidata ids of the people in the EveryPolitician lists, by folded name and full date of birth. */
function wikidataByNameAndBirth(ctx: ImportContext, countries: CountriesConfig): Map<string, string> {
  const found = new Map<string, Set<string>>();
  for (const repo of Object.keys(countries).sort()) {
    if (!ctx.exists(`${epsFolder(repo)}/holders21.csv`)) continue;
    for (const r of [...readEpsRows(ctx, repo, 'holders21'), ...readEpsRows(ctx, repo, 'legislators')]) {
      if (!r.dob || !/^\d{4}-\d\d-\d\d$/.test(r.dob)) continue;
      for (const n of [r.person, r.enwiki?.replace(/\s*\([^)]*\)$/, '')]) {
        if (!n) continue;
        const k = `${foldName(n)}|${r.dob}`;
        if (!found.has(k)) found.set(k, new Set());
        found.get(k)!.add(r.wikidata);
      }
    }
  }
  const out = new Map<string, string>();
  for (const [k, qs] of found) if (qs.size === 1) out.set(k, [...qs][0]!);
  return out;
}

export const europarlImporter: Importer = {
  output: EP_OUTPUT,
  reads: [EP_DIR, ...Object.keys(COUNTRIES).sort().map(epsFolder)],
  run: (ctx) => importMeps(ctx),
};
