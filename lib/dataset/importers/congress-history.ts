/**
 * Former members of Congress since 2012 and the Presidents and Vice Presidents since 2008, from
 * unitedstates/congress-legislators → official records with dated roles.
 *
 * The project's historical file (legislators-historical.yaml) is too large for our copies, so
 * former members come from the history of legislators-current.yaml instead
 * (`legislators-former-since-2012.json`, made by `npm run dataset:sources`): each member who has
 * left, as the last version of the file that listed them had them (every term, with dates),
 * with the commits of that version and of the first version without them. The file's history
 * begins on 2012-09-27, so members who left between 2009 and then are not in it.
 *
 * A term is written as the file gives it. When a member left before their last term's
 * scheduled end (the first version without them is older than that end), the real end date is
 * not in the file: that term is left out of the roles and the description says so.
 * Consecutive terms in one seat become one role. Presidents and Vice Presidents come from
 * executive.yaml (every term of anyone in office on or after 2008-01-01).
 */
import { parse } from 'yaml';
import type { AliasInput, EntityRecord, Role } from '../schema';
import {
  articleName,
  joinTerms,
  leadershipRoles,
  personSlug,
  seatTitle,
  STATES,
  type LeadershipRole,
  type Term,
} from './congress';

export { joinTerms };
import { ImportError } from './csv';
import type { Importer } from './source';

export const FORMER_FILE = 'unitedstates__congress-legislators/legislators-former-since-2012.json';
export const EXECUTIVE_FILE = 'unitedstates__congress-legislators/executive.yaml';
const REPO = 'https://github.com/unitedstates/congress-legislators';
/** executive.yaml's commit and its date (the shared copy's SOURCE.md). */
const EXECUTIVE_COMMIT = 'dfa9622263dd4c8d08636926e498f1845704d7eb';
export const EXECUTIVE_AS_OF = '2026-06-15';
/** Officials "since 2008": anyone whose term ran on or after this day. */
const SINCE = '2008-01-01';

interface Version {
  commit: string;
  date: string;
}
export interface FormerMember {
  id: { bioguide?: string; wikidata?: string; wikipedia?: string };
  leadership_roles?: LeadershipRole[];
  name: { first?: string; last?: string; middle?: string; nickname?: string; suffix?: string; official_full?: string };
  terms: Term[];
  _lastSeen: Version;
  _firstAbsent: Version;
}
interface ExecutivePerson {
  id: { bioguide?: string; wikidata?: string; wikipedia?: string };
  name: { first?: string; last?: string; middle?: string; nickname?: string; suffix?: string; official_full?: string };
  terms: (Term & { how?: string })[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
function displayName(n: FormerMember['name']): string {
  return n.official_full ?? [n.first, n.middle, n.last, n.suffix].filter(Boolean).join(' ');
}

function namesOf(n: FormerMember['name'], name: string, wikipedia?: string): AliasInput[] {
  const out: string[] = [];
  const add = (s: string | undefined) => {
    if (s && s !== name && !out.includes(s)) out.push(s);
  };
  if (n.first && n.last && !/^\p{L}\.?$/u.test(n.first)) add(`${n.first} ${n.last}`);
  if (n.nickname && n.last) add(`${n.nickname} ${n.last}`);
  add(articleName(wikipedia));
  return out;
}

function partyWord(party: string | undefined): string | undefined {
  return party === 'Democrat' ? 'Democratic' : party;
}

interface Person {
  bioguide?: string;
  wikidata?: string;
  name: string;
  aliases: AliasInput[];
  slugName: string;
  state?: string;
  roles: Role[];
  party?: string;
  /** Presidents and Vice Presidents: the press names them by surname alone. */
  knownBySurname?: boolean;
  description: string[];
  sources: EntityRecord['sources'];
  asOf: string;
}

export function importCongressHistory(
  formerJson: string,
  executiveYaml: string,
  reservedIds: ReadonlySet<string> = new Set(),
  files = { former: FORMER_FILE, executive: EXECUTIVE_FILE },
): { records: EntityRecord[]; skipped: string[] } {
  let former: FormerMember[];
  try {
    former = JSON.parse(formerJson) as FormerMember[];
  } catch (err) {
    throw new ImportError(files.former, undefined, `not valid JSON: ${(err as Error).message}`);
  }
  let executive: ExecutivePerson[];
  try {
    executive = parse(executiveYaml) as ExecutivePerson[];
  } catch (err) {
    throw new ImportError(files.executive, undefined, `not valid YAML: ${(err as Error).message}`);
  }
  if (!Array.isArray(former)) throw new ImportError(files.former, undefined, 'expected a list of members');
  if (!Array.isArray(executive)) throw new ImportError(files.executive, undefined, 'expected a list of office holders');
  const skipped: string[] = [];
  const people = new Map<string, Person>();

  former.forEach((m, i) => {
    const where = `${files.former} entry #${i + 1}${m?.id?.bioguide ? ` (${m.id.bioguide})` : ''}`;
    if (
      !m?.name?.last ||
      !m.name.first ||
      !Array.isArray(m.terms) ||
      !m.terms.length ||
      !m._lastSeen ||
      !m._firstAbsent
    ) {
      skipped.push(`${where}: needs name.first, name.last, terms, _lastSeen and _firstAbsent`);
      return;
    }
    if (m.terms.some((t) => !DATE.test(String(t.start)) || !DATE.test(String(t.end)))) {
      skipped.push(`${where}: a term without YYYY-MM-DD start and end`);
      return;
    }
    const terms = [...m.terms].sort((a, b) => (a.start < b.start ? -1 : 1));
    const lastTerm = terms[terms.length - 1]!;
    if (lastTerm.end < SINCE) {
      skipped.push(`${where}: left Congress before 2008`);
      return;
    }
    // Left before the scheduled end: the file never gave the real end date.
    const leftEarly = m._firstAbsent.date < lastTerm.end;
    const dated = leftEarly ? terms.slice(0, -1) : terms;
    const seats: { title: string; org: string; start: string; end: string }[] = [];
    for (const t of dated) {
      const title = seatTitle(t);
      if (!title) {
        skipped.push(`${where}: a term of unknown type or state ("${t.type}", "${t.state}") left out`);
        continue;
      }
      seats.push({ title, org: t.type === 'sen' ? 'us-senate' : 'us-house', start: t.start, end: t.end });
    }
    // Leadership posts with both dates only: the last version of the file may predate their end.
    const roles = [...joinTerms(seats), ...leadershipRoles(m.leadership_roles, false)];
    const lastTitle = seatTitle(lastTerm);
    if (!roles.length) {
      skipped.push(`${where}: only term ended early on an unknown date`);
      return;
    }
    const name = displayName(m.name);
    const chamber = lastTerm.type === 'sen' ? 'U.S. Senate' : 'U.S. House of Representatives';
    const place = STATES[lastTerm.state ?? ''] ?? lastTerm.state;
    const party = lastTerm.party;
    const description = [
      `Former ${partyWord(party) ? `${partyWord(party)} ` : ''}member of the ${chamber} for ${place}` +
        `; in Congress from ${terms[0]!.start}` +
        (leftEarly
          ? `; left before the end of the term that began ${lastTerm.start}${lastTitle ? ` (${lastTitle})` : ''}.`
          : ` to ${lastTerm.end}.`),
    ];
    const bioguide = m.id.bioguide && /^[A-Z]\d{6}$/.test(m.id.bioguide) ? m.id.bioguide : undefined;
    const wikidata = m.id.wikidata && /^Q\d+$/.test(m.id.wikidata) ? m.id.wikidata : undefined;
    const sources: EntityRecord['sources'] = [
      {
        url: `${REPO}/blob/${m._lastSeen.commit}/legislators-current.yaml`,
        date: m._lastSeen.date,
        title: `congress-legislators, legislators-current.yaml of ${m._lastSeen.date}`,
      },
    ];
    if (bioguide) sources.push(`https://bioguide.congress.gov/search/bio/${bioguide}`);
    people.set(bioguide ?? `#${i}`, {
      bioguide,
      wikidata,
      name,
      aliases: namesOf(m.name, name, m.id.wikipedia),
      slugName: `${m.name.first} ${m.name.last}`,
      state: lastTerm.state,
      roles,
      party,
      description,
      sources,
      asOf: m._lastSeen.date,
    });
  });

  executive.forEach((p, i) => {
    const where = `${files.executive} entry #${i + 1}${p?.id?.bioguide ? ` (${p.id.bioguide})` : ''}`;
    if (!p?.name?.last || !Array.isArray(p.terms)) {
      skipped.push(`${where}: needs name.last and terms`);
      return;
    }
    const terms = p.terms.filter((t) => t.type === 'prez' || t.type === 'viceprez');
    if (!terms.some((t) => String(t.end) >= SINCE)) return;
    if (terms.some((t) => !DATE.test(String(t.start)) || !DATE.test(String(t.end)))) {
      skipped.push(`${where}: a term without YYYY-MM-DD start and end`);
      return;
    }
    const roles = joinTerms(
      terms.map((t) => ({
        title: t.type === 'prez' ? 'President of the United States' : 'Vice President of the United States',
        start: t.start,
        end: t.end,
      })),
    );
    const bioguide = p.id.bioguide && /^[A-Z]\d{6}$/.test(p.id.bioguide) ? p.id.bioguide : undefined;
    const wikidata = p.id.wikidata && /^Q\d+$/.test(p.id.wikidata) ? p.id.wikidata : undefined;
    const source = {
      url: `${REPO}/blob/${EXECUTIVE_COMMIT}/executive.yaml`,
      date: EXECUTIVE_AS_OF,
      title: 'congress-legislators, executive.yaml',
    };
    const last = [...terms].sort((a, b) => (a.start < b.start ? -1 : 1)).pop()!;
    const summary =
      roles
        .map((r) => `${r.title} from ${r.start} to ${r.end}`)
        .reverse()
        .join('; ') + '.';
    const known = bioguide ? people.get(bioguide) : undefined;
    if (known) {
      known.roles = [...roles, ...known.roles];
      known.knownBySurname = true;
      known.description.unshift(summary.replace(/\.$/, ';'));
      known.sources.unshift(source);
      if (EXECUTIVE_AS_OF > known.asOf) known.asOf = EXECUTIVE_AS_OF;
      if (!known.wikidata && wikidata) known.wikidata = wikidata;
      return;
    }
    const name = displayName(p.name as FormerMember['name']);
    people.set(bioguide ?? `exec#${i}`, {
      bioguide,
      wikidata,
      name,
      aliases: namesOf(p.name as FormerMember['name'], name, p.id.wikipedia),
      slugName: `${p.name.first ?? ''} ${p.name.last}`.trim(),
      roles,
      party: last.party,
      knownBySurname: true,
      description: [summary],
      sources: [source, ...(bioguide ? [`https://bioguide.congress.gov/search/bio/${bioguide}`] : [])],
      asOf: EXECUTIVE_AS_OF,
    });
  });

  // Ids: us-<first>-<last>; a second person of that name (or an id taken elsewhere) adds the state.
  const used = new Set<string>();
  const records: EntityRecord[] = [];
  for (const p of people.values()) {
    let id = `us-${personSlug(p.slugName)}`;
    if (reservedIds.has(id) || used.has(id)) id = `${id}-${personSlug(p.state ?? 'us')}`;
    if (reservedIds.has(id) || used.has(id)) id = `${id}-${(p.bioguide ?? String(used.size)).toLowerCase()}`;
    used.add(id);
    const description = p.description.join(' ');
    records.push({
      id,
      type: 'official',
      name: p.name,
      ...(p.aliases.length ? { aliases: p.aliases } : {}),
      jurisdiction: 'US',
      description: description.length > 600 ? `${description.slice(0, 597)}…` : description,
      official: {
        roles: p.roles,
        ...(p.party ? { party: p.party } : {}),
        ...(p.knownBySurname ? { knownBySurname: true } : {}),
      },
      ...(p.bioguide || p.wikidata
        ? { ids: { ...(p.wikidata ? { wikidata: p.wikidata } : {}), ...(p.bioguide ? { bioguide: p.bioguide } : {}) } }
        : {}),
      sources: p.sources,
      asOf: p.asOf,
    });
  }
  return { records, skipped };
}

export const congressHistoryImporter: Importer = {
  output: 'us-congress-history',
  reads: ['unitedstates__congress-legislators'],
  run: (ctx) => importCongressHistory(ctx.read(FORMER_FILE), ctx.read(EXECUTIVE_FILE), ctx.reservedIds),
};
