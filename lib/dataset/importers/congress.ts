/**
 * Current members of the US Congress, and the current President and Vice President, from
 * unitedstates/congress-legislators (legislators-current.yaml, executive.yaml,
 * committees-current.yaml, committee-membership-current.yaml) → official records.
 */
import { parse } from 'yaml';
import type { AliasInput, EntityRecord, Role } from '../schema';
import { ImportError } from './csv';
import type { Importer } from './source';

export const LEGISLATORS_FILE = 'unitedstates__congress-legislators/legislators-current.yaml';
export const EXECUTIVE_FILE = 'unitedstates__congress-legislators/executive.yaml';
export const COMMITTEES_FILE = 'unitedstates__congress-legislators/committees-current.yaml';
export const MEMBERSHIP_FILE = 'unitedstates__congress-legislators/committee-membership-current.yaml';
const REPO = 'https://github.com/unitedstates/congress-legislators/blob/main';
/** The commit date of the copied files (SOURCE.md): who is "current" is judged on this day. */
export const CONGRESS_AS_OF = '2026-06-15';

export const STATES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  DC: 'the District of Columbia',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'the U.S. Virgin Islands',
  AS: 'American Samoa',
  MP: 'the Northern Mariana Islands',
};
/** Terms this close together (days) are one stretch in the seat (Congresses start a few days apart). */
const CONTIGUOUS_DAYS = 7;

const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** Joins consecutive terms of one title into one role. */
export function joinTerms(terms: { title: string; org?: string; start: string; end: string }[]): Role[] {
  const roles: Role[] = [];
  for (const t of [...terms].sort((a, b) => (a.start < b.start ? -1 : 1))) {
    const prev = roles.find((r) => r.title === t.title && daysBetween(r.end as string, t.start) <= CONTIGUOUS_DAYS);
    if (prev && t.end > (prev.end as string)) prev.end = t.end;
    else if (!prev) roles.push({ title: t.title, ...(t.org ? { org: t.org } : {}), start: t.start, end: t.end });
  }
  return roles.sort((a, b) => ((b.start ?? '') < (a.start ?? '') ? -1 : 1));
}

/** Non-voting seats: five Delegates and Puerto Rico's Resident Commissioner. */
const DELEGATE_SEATS = new Set(['DC', 'GU', 'VI', 'AS', 'MP']);

/** The seat a term is for: "U.S. Senator from Ohio", "U.S. Representative for OH-3" … (undefined for other types). */
export function seatTitle(term: Pick<Term, 'type' | 'state' | 'district'>): string | undefined {
  const state = term.state ?? '';
  const stateName = STATES[state];
  if (!stateName) return undefined;
  if (term.type === 'sen') return `U.S. Senator from ${stateName}`;
  if (term.type !== 'rep') return undefined;
  if (DELEGATE_SEATS.has(state)) return `Delegate to the U.S. House of Representatives from ${stateName}`;
  if (state === 'PR') return 'Resident Commissioner of Puerto Rico in the U.S. House of Representatives';
  if (!term.district) return `U.S. Representative for ${stateName} (at large)`;
  return `U.S. Representative for ${state}-${term.district}`;
}

export interface Term {
  type: string;
  start: string;
  end: string;
  state?: string;
  district?: number;
  party?: string;
}
export interface Person {
  id: { bioguide?: string; wikidata?: string; wikipedia?: string };
  name: { first: string; last: string; middle?: string; nickname?: string; suffix?: string; official_full?: string };
  terms: Term[];
  leadership_roles?: LeadershipRole[];
}
export interface LeadershipRole {
  title: string;
  chamber?: string;
  start?: string;
  end?: string;
}

/**
 * The name of the person's Wikipedia article ("Dick Durbin", "Bernie Sanders"), without a
 * disambiguation ("Chris Jacobs (politician)"): the form the press uses. Undefined when it does
 * not read as a person's name.
 */
export function articleName(wikipedia: string | undefined): string | undefined {
  const t = wikipedia?.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return t && /^\p{Lu}[\p{L}.'’-]*( [\p{L}.'’-]+)+$/u.test(t) ? t : undefined;
}

/** Party leadership posts (Speaker, whips, leaders) with their dates; one without an end only when `openOk`. */
export function leadershipRoles(list: LeadershipRole[] | undefined, openOk: boolean): Role[] {
  const out: Role[] = [];
  const valid = (list ?? []).filter((l) => l?.title && /^\d{4}-\d{2}-\d{2}$/.test(String(l.start)));
  for (const l of valid.sort((a, b) => (a.start! < b.start! ? -1 : 1))) {
    const end = l.end && /^\d{4}-\d{2}-\d{2}$/.test(String(l.end)) ? l.end : undefined;
    if (!end && !openOk) continue;
    const org = l.chamber === 'senate' ? 'us-senate' : l.chamber === 'house' ? 'us-house' : undefined;
    // The same post in consecutive Congresses is one stretch.
    const prev = out.find(
      (r) => r.title === l.title && typeof r.end === 'string' && daysBetween(r.end, l.start!) <= CONTIGUOUS_DAYS,
    );
    if (prev) {
      if (end) prev.end = end;
      else delete prev.end;
      continue;
    }
    out.push({ title: l.title, ...(org ? { org } : {}), start: l.start, ...(end ? { end } : {}) });
  }
  return out.sort((a, b) => ((b.start ?? '') < (a.start ?? '') ? -1 : 1));
}
interface Committee {
  type: string;
  name: string;
  thomas_id: string;
}
interface Member {
  name?: string;
  bioguide?: string;
  title?: string;
}

export interface CongressFiles {
  legislators: string;
  executive: string;
  committees: string;
  membership: string;
}

function load<T>(text: string, file: string): T {
  try {
    return parse(text) as T;
  } catch (err) {
    throw new ImportError(file, undefined, `not valid YAML: ${(err as Error).message}`);
  }
}

export function personSlug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function checkPerson(p: Person, file: string, index: number): void {
  const where = `entry #${index + 1}${p?.id?.bioguide ? ` (${p.id.bioguide})` : ''}`;
  if (!p?.name?.first || !p.name.last)
    throw new ImportError(file, undefined, `${where}: missing name.first / name.last`);
  if (!Array.isArray(p.terms) || !p.terms.length) throw new ImportError(file, undefined, `${where}: no terms`);
  for (const t of p.terms)
    if (!/^\d{4}-\d{2}-\d{2}$/.test(String(t.start)) || !/^\d{4}-\d{2}-\d{2}$/.test(String(t.end)))
      throw new ImportError(file, undefined, `${where}: term without YYYY-MM-DD start/end`);
}

function ordinalParty(party: string | undefined): string | undefined {
  if (!party) return undefined;
  return party === 'Democrat' ? 'Democratic' : party;
}

export function importCongress(
  f: CongressFiles,
  files = {
    legislators: LEGISLATORS_FILE,
    executive: EXECUTIVE_FILE,
    committees: COMMITTEES_FILE,
    membership: MEMBERSHIP_FILE,
  },
): EntityRecord[] {
  const legislators = load<Person[]>(f.legislators, files.legislators);
  const executive = load<Person[]>(f.executive, files.executive);
  const committees = load<Committee[]>(f.committees, files.committees);
  const membership = load<Record<string, Member[]>>(f.membership, files.membership);
  if (!Array.isArray(legislators))
    throw new ImportError(files.legislators, undefined, 'expected a list of legislators');
  if (!Array.isArray(executive)) throw new ImportError(files.executive, undefined, 'expected a list of office holders');
  if (!Array.isArray(committees)) throw new ImportError(files.committees, undefined, 'expected a list of committees');

  // Chair and ranking-member seats of full committees (not subcommittees), by bioguide id.
  const committeeName = new Map(committees.map((c) => [c.thomas_id, c.name]));
  const leadership = new Map<string, Role[]>();
  for (const [code, members] of Object.entries(membership ?? {})) {
    const cname = committeeName.get(code);
    if (!cname || !Array.isArray(members)) continue;
    for (const m of members) {
      const title = /^(Chair|Chairman|Chairwoman)$/.test(m.title ?? '')
        ? 'Chair'
        : m.title === 'Ranking Member'
          ? 'Ranking Member'
          : undefined;
      if (!title || !m.bioguide) continue;
      const roles = leadership.get(m.bioguide) ?? [];
      roles.push({ title: `${title}, ${cname}`, orgName: cname, source: `${REPO}/committee-membership-current.yaml` });
      leadership.set(m.bioguide, roles);
    }
  }

  const people: { p: Person; roles: Role[]; party?: string; file: string; term: Term; kind: 'sen' | 'rep' | 'exec' }[] =
    [];
  legislators.forEach((p, i) => {
    checkPerson(p, files.legislators, i);
    const term = p.terms[p.terms.length - 1]!;
    const state = term.state ?? '';
    if (!STATES[state])
      throw new ImportError(files.legislators, undefined, `entry #${i + 1}: unknown state "${state}"`);
    const title = seatTitle(term);
    if (!title)
      throw new ImportError(files.legislators, undefined, `entry #${i + 1}: unexpected term type "${term.type}"`);
    // Every seat held, consecutive terms joined, the current one first.
    const seats = p.terms.flatMap((t) => {
      const seat = seatTitle(t);
      return seat
        ? [{ title: seat, org: t.type === 'sen' ? 'us-senate' : 'us-house', start: t.start, end: t.end }]
        : [];
    });
    const joined = joinTerms(seats);
    const current = joined.find((r) => r.title === title && r.end === term.end) ?? {
      title,
      org: term.type === 'sen' ? 'us-senate' : 'us-house',
      start: term.start,
      end: term.end,
    };
    const roles: Role[] = [
      current,
      ...joined.filter((r) => r !== current),
      ...leadershipRoles(p.leadership_roles, true),
      ...(leadership.get(p.id.bioguide ?? '') ?? []),
    ];
    people.push({ p, roles, party: term.party, file: files.legislators, term, kind: term.type as 'sen' | 'rep' });
  });

  // The President and Vice President whose terms include the data's date.
  executive.forEach((p, i) => {
    checkPerson(p, files.executive, i);
    for (const term of p.terms) {
      if (term.type !== 'prez' && term.type !== 'viceprez') continue;
      if (!(term.start <= CONGRESS_AS_OF && CONGRESS_AS_OF < term.end)) continue;
      const role: Role = {
        title: term.type === 'prez' ? 'President of the United States' : 'Vice President of the United States',
        start: term.start,
        end: term.end,
      };
      const already = people.find((x) => x.p.id.bioguide && x.p.id.bioguide === p.id.bioguide);
      if (already) already.roles.unshift(role);
      else people.push({ p, roles: [role], party: term.party, file: files.executive, term, kind: 'exec' });
    }
  });

  // Ids: us-<first>-<last>; when two people share one, each gets the state too.
  const base = (p: Person) => `us-${personSlug(`${p.name.first} ${p.name.last}`)}`;
  const counts = new Map<string, number>();
  for (const { p } of people) counts.set(base(p), (counts.get(base(p)) ?? 0) + 1);

  return people.map(({ p, roles, party, file, term, kind }) => {
    let id = base(p);
    if ((counts.get(id) ?? 0) > 1) id = `${id}-${personSlug(term.state ?? kind)}`;
    const n = p.name;
    const name = n.official_full ?? `${n.first} ${n.last}`;
    const aliases: AliasInput[] = [];
    const plain = `${n.first} ${n.last}${n.suffix ? ` ${n.suffix}` : ''}`;
    if (plain !== name && !/^\p{L}\.?$/u.test(n.first)) aliases.push(`${n.first} ${n.last}`);
    if (n.nickname) {
      const nick = `${n.nickname} ${n.last}`;
      if (nick !== name && !aliases.includes(nick)) aliases.push(nick);
    }
    const article = articleName(p.id.wikipedia);
    if (article && article !== name && !aliases.includes(article)) aliases.push(article);
    const firstTerm = p.terms[0]!;
    const partyWord = ordinalParty(party);
    let description: string;
    if (kind === 'exec')
      description = `${roles[0]!.title}${partyWord ? ` (${party})` : ''}, in office since ${roles[0]!.start}.`;
    else {
      const chamber = kind === 'sen' ? 'U.S. Senate' : 'U.S. House of Representatives';
      const place = STATES[term.state!]!;
      description =
        `${partyWord ? `${partyWord} member` : 'Member'} of the ${chamber} for ${place}` +
        (kind === 'rep' && term.district ? ` (district ${term.district})` : '') +
        `; current term ${term.start} to ${term.end}; first term in Congress began ${firstTerm.start}.`;
    }
    const sources = [
      `${REPO}/${file === LEGISLATORS_FILE || file === files.legislators ? 'legislators-current.yaml' : 'executive.yaml'}`,
    ];
    if (roles.some((r) => r.source)) sources.push(`${REPO}/committee-membership-current.yaml`);
    if (p.id.bioguide) sources.push(`https://bioguide.congress.gov/search/bio/${p.id.bioguide}`);
    const wikidataOk = !!p.id.wikidata && /^Q\d+$/.test(p.id.wikidata);
    const bioguideOk = !!p.id.bioguide && /^[A-Z]\d{6}$/.test(p.id.bioguide);
    const record: EntityRecord = {
      id,
      type: 'official',
      name,
      ...(aliases.length ? { aliases } : {}),
      jurisdiction: 'US',
      description,
      official: {
        roles,
        ...(party ? { party } : {}),
      },
      ...(wikidataOk || bioguideOk
        ? {
            ids: {
              ...(wikidataOk ? { wikidata: p.id.wikidata } : {}),
              ...(bioguideOk ? { bioguide: p.id.bioguide } : {}),
            },
          }
        : {}),
      sources,
      asOf: CONGRESS_AS_OF,
    };
    return record;
  });
}

export const congressImporter: Importer = {
  output: 'us-congress',
  reads: ['unitedstates__congress-legislators'],
  run: (ctx) => ({
    records: importCongress({
      legislators: ctx.read(LEGISLATORS_FILE),
      executive: ctx.read(EXECUTIVE_FILE),
      committees: ctx.read(COMMITTEES_FILE),
      membership: ctx.read(MEMBERSHIP_FILE),
    }),
    skipped: [],
  }),
};
