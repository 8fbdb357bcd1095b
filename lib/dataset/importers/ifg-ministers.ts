/**
 * UK government ministers from the Institute for Government's Ministers Database
 * (github.com/instituteforgov/ifg-ministers-database-public, CC BY 4.0): everyone who held a
 * ministerial post since 2008, with every post they held (title, department, start and end
 * dates) and their seats in the Commons or the Lords as the database records them.
 *
 * The database has no Wikidata ids. A person is linked to one when the EveryPolitician list of
 * the UK (from Wikidata) has the same person: same name, or surname for peers, and the same
 * start date for a ministerial post or a seat. That id lets the merge step join the two.
 * Data files next to the source: `org-ids.json` (department → dataset id), `curated-links.json`
 * (people with a curated record), `known-by-surname.json` (prime ministers since 2008).
 */
import curatedLinksJson from '../../../assets/dataset/sources/instituteforgov__ifg-ministers-database-public/curated-links.json';
import knownJson from '../../../assets/dataset/sources/instituteforgov__ifg-ministers-database-public/known-by-surname.json';
import orgIdsJson from '../../../assets/dataset/sources/instituteforgov__ifg-ministers-database-public/org-ids.json';
import type { AliasInput, EntityRecord, Role } from '../schema';
import { ImportError, parseCsv, type CsvRow } from './csv';
import { epsFolder, readEpsRows } from './everypolitician';
import { foldName, heldSince, IdAllocator, partialDate, personSlug, yearSpan } from './officials';
import type { Importer, ImportContext, ImportResult } from './source';

export const IFG_DIR = 'instituteforgov__ifg-ministers-database-public';
export const IFG_OUTPUT = 'uk-ministers-ifg';
const UK_EPS = 'united-kingdom-cabinet';
const REPO_URL = 'https://github.com/instituteforgov/ifg-ministers-database-public';
/** Commit date of the copy (SOURCE.md): open appointments were current on this day. */
export const IFG_AS_OF = '2026-06-19';

export interface IfgOptions {
  /** Department name (as IfG writes it) → dataset id. */
  orgIds?: Record<string, string>;
  /** IfG person id → curated record id (same person), and people left out. */
  curatedLinks?: { same: Record<string, string>; skip: Record<string, string> };
  /** IfG person ids of people the press names by surname alone. */
  knownBySurname?: { ifg: string; name: string }[];
  since?: string;
  asOf?: string;
}

const TITLED = /^(Lord|Baroness|Lady|Viscount|Viscountess|Earl|Countess|Duke|Duchess|Marquess|Marchioness)\b/;
const RANK: Record<string, number> = {
  PM: 0,
  DPM: 1,
  SoS: 2,
  MoS: 3,
  PUSS: 4,
  'Parl. lead': 5,
  'Parl. lead.': 5,
  'Parl.': 6,
};

function table(ctx: ImportContext, name: string, required: string[]): CsvRow[] {
  const file = `${IFG_DIR}/${name}.csv`;
  return parseCsv(ctx.read(file), file, required);
}

function need(row: CsvRow, file: string, ...cols: string[]): void {
  for (const c of cols) if (!row.values[c]) throw new ImportError(`${IFG_DIR}/${file}.csv`, row.row, `empty "${c}"`);
}

interface Seat {
  house: string;
  constituency?: string;
  start?: string;
  end?: string;
}

/** Joins back-to-back periods in the same seat (one per Parliament in the source) into one. */
function joinSeats(seats: Seat[]): Seat[] {
  const sorted = [...seats].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  const out: Seat[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && last.house === s.house && last.constituency === s.constituency && last.end && last.end === s.start)
      last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

export function importIfgMinisters(ctx: ImportContext, opts: IfgOptions = {}): ImportResult {
  const orgIds = opts.orgIds ?? (orgIdsJson as Record<string, string>);
  const links =
    opts.curatedLinks ?? (curatedLinksJson as { same: Record<string, string>; skip: Record<string, string> });
  const known = new Set((opts.knownBySurname ?? (knownJson as { ifg: string; name: string }[])).map((k) => k.ifg));
  const since = opts.since ?? '2008';
  const asOf = opts.asOf ?? IFG_AS_OF;
  const skipped: string[] = [];

  const persons = table(ctx, 'person', ['id', 'id_parliament', 'display_name', 'short_name', 'start_date', 'end_date']);
  const appointments = table(ctx, 'appointment', ['id', 'person_id', 'post_id', 'start_date', 'end_date']);
  const posts = new Map(
    table(ctx, 'post', ['id', 'organisation_id', 'name', 'rank_equivalence']).map((r) => [r.values.id!, r]),
  );
  const orgs = new Map(table(ctx, 'organisation', ['id', 'name']).map((r) => [r.values.id!, r.values.name!]));
  const seats = table(ctx, 'representation', ['id', 'person_id', 'house', 'constituency_id', 'start_date', 'end_date']);
  const seatParty = table(ctx, 'representation_characteristics', ['representation_id', 'party', 'start_date']);
  const constituencies = new Map(table(ctx, 'constituency', ['id', 'name']).map((r) => [r.values.id!, r.values.name!]));

  // People: one id, several rows when the name changed (a peerage, a marriage).
  const names = new Map<string, { rows: CsvRow[] }>();
  for (const r of persons) {
    need(r, 'person', 'id', 'display_name');
    const p = names.get(r.values.id!) ?? { rows: [] };
    p.rows.push(r);
    names.set(r.values.id!, p);
  }

  const byPerson = new Map<string, { role: Role; rank: number; start?: string }[]>();
  for (const a of appointments) {
    need(a, 'appointment', 'person_id', 'post_id', 'start_date');
    const post = posts.get(a.values.post_id!);
    if (!post) {
      skipped.push(`${IFG_DIR}/appointment.csv row ${a.row}: unknown post ${a.values.post_id}`);
      continue;
    }
    const orgName = orgs.get(post.values.organisation_id!);
    const start = partialDate(a.values.start_date);
    const end = partialDate(a.values.end_date);
    if (start && end && end < start) {
      skipped.push(`${IFG_DIR}/appointment.csv row ${a.row}: ends (${end}) before it starts (${start}); left out`);
      continue;
    }
    const role: Role = {
      title: post.values.name!,
      ...(orgName && orgIds[orgName] ? { org: orgIds[orgName] } : {}),
      ...(orgName ? { orgName } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
    };
    const list = byPerson.get(a.values.person_id!) ?? [];
    list.push({ role, rank: RANK[post.values.rank_equivalence!] ?? 9, start });
    byPerson.set(a.values.person_id!, list);
  }

  const partyOf = new Map<string, { party: string; start: string }>();
  const seatById = new Map(seats.map((s) => [s.values.id!, s]));
  for (const c of seatParty) {
    const seat = seatById.get(c.values.representation_id!);
    if (!seat || !c.values.party) continue;
    const pid = seat.values.person_id!;
    const prev = partyOf.get(pid);
    if (!prev || (c.values.start_date ?? '') >= prev.start)
      partyOf.set(pid, { party: c.values.party, start: c.values.start_date ?? '' });
  }
  const seatsOf = new Map<string, Seat[]>();
  for (const s of seats) {
    const list = seatsOf.get(s.values.person_id!) ?? [];
    list.push({
      house: s.values.house!,
      constituency: constituencies.get(s.values.constituency_id!),
      start: partialDate(s.values.start_date),
      end: partialDate(s.values.end_date),
    });
    seatsOf.set(s.values.person_id!, list);
  }

  const link = wikidataLinker(ctx, skipped);
  const ids = new IdAllocator(ctx.reservedIds);
  for (const c of Object.values(links.same)) ids.claim(c);
  const records: EntityRecord[] = [];
  const qTaken = new Map<string, string>();

  const people = [...byPerson.keys()]
    .filter((pid) => byPerson.get(pid)!.some((x) => heldSince(x.role.end, since)))
    .sort((a, b) => {
      const ra = Math.min(...byPerson.get(a)!.map((x) => x.rank));
      const rb = Math.min(...byPerson.get(b)!.map((x) => x.rank));
      return (
        ra - rb ||
        (names.get(a)?.rows[0]?.values.id_parliament ?? '').localeCompare(
          names.get(b)?.rows[0]?.values.id_parliament ?? '',
        ) ||
        a.localeCompare(b)
      );
    });
  for (const pid of people) {
    if (links.skip[pid]) {
      skipped.push(`${IFG_DIR}: person ${pid} left out (${links.skip[pid]})`);
      continue;
    }
    const rows = names.get(pid)?.rows;
    if (!rows) {
      skipped.push(`${IFG_DIR}/appointment.csv: person ${pid} is not in person.csv`);
      continue;
    }
    // Newest name first; a personal name before a peerage title ("Peter Mandelson", not "Lord Mandelson").
    const variants = [...rows].sort((a, b) => (b.values.start_date ?? '').localeCompare(a.values.start_date ?? ''));
    const personal = variants.find((r) => !TITLED.test(r.values.display_name!));
    const name = (personal ?? variants[0]!).values.display_name!;
    const aliases: AliasInput[] = [];
    for (const r of variants)
      for (const n of [r.values.display_name, r.values.name, r.values.normalized_name])
        if (n && n !== name && !aliases.includes(n)) aliases.push(n);
    const short = rows[0]!.values.short_name;
    const tokens = name.split(/\s+/);
    if (short && short !== tokens[tokens.length - 1] && name.includes(short))
      aliases.push({ text: short, short: true });

    const parliamentId = rows[0]!.values.id_parliament?.replace(/\.0$/, '');
    const postStarts = byPerson.get(pid)!.map((x) => x.start);
    const seatList = seatsOf.get(pid) ?? [];
    const wikidata = link(
      variants.map((r) => r.values.display_name!),
      short,
      [...postStarts, ...seatList.map((s) => s.start)].filter((d): d is string => !!d),
      [...postStarts, ...seatList.filter((s) => s.house === 'Lords').map((s) => s.start)].filter(
        (d): d is string => !!d,
      ),
    );
    let q = wikidata;
    if (q && qTaken.has(q)) {
      skipped.push(`${IFG_DIR}: ${name} and ${qTaken.get(q)} both match ${q}; neither is linked`);
      q = undefined;
    } else if (q) qTaken.set(q, name);

    const id =
      links.same[pid] ??
      ids.take(`uk-${personSlug(name)}`, [q?.toLowerCase(), parliamentId ? `p${parliamentId}` : undefined]);

    const appts = byPerson.get(pid)!.sort((a, b) => a.rank - b.rank || (b.start ?? '').localeCompare(a.start ?? ''));
    const seatRoles: Role[] = joinSeats(seatsOf.get(pid) ?? []).map((s) => ({
      title:
        s.house === 'Lords'
          ? 'Member of the House of Lords'
          : `Member of Parliament for ${s.constituency ?? 'an unnamed seat'}`,
      org: s.house === 'Lords' ? 'uk-lords' : 'uk-commons',
      ...(s.start ? { start: s.start } : {}),
      ...(s.end ? { end: s.end } : {}),
    }));
    const party = partyOf.get(pid)?.party;
    const record: EntityRecord = {
      id,
      type: 'official',
      name,
      ...(aliases.length ? { aliases } : {}),
      jurisdiction: 'GB',
      description: describeMinister(
        appts.map((x) => x.role),
        party,
      ),
      official: {
        roles: [...appts.map((x) => x.role), ...seatRoles.sort((a, b) => (b.start ?? '').localeCompare(a.start ?? ''))],
        ...(party ? { party } : {}),
        ...(known.has(pid) ? { knownBySurname: true } : {}),
      },
      ...(q ? { ids: { wikidata: q } } : {}),
      sources: [
        { url: REPO_URL, date: asOf, title: 'IfG Ministers Database' },
        ...(parliamentId ? [`https://members.parliament.uk/member/${parliamentId}`] : []),
        ...(q ? [`https://www.wikidata.org/wiki/${q}`] : []),
      ],
      asOf,
    };
    records.push(record);
  }
  return { records, skipped };
}

function describeMinister(roles: Role[], party: string | undefined): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const r of roles) {
    const key = `${r.title}|${r.orgName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = r.orgName && !r.title.includes(r.orgName) ? `${r.orgName}, ` : '';
    parts.push(`${r.title} (${where}${yearSpan(r.start, r.end)})`);
  }
  const shown = parts.slice(0, 2);
  const more = parts.length - shown.length;
  const list =
    more > 0 ? `${shown.join(', ')} and ${more} other ministerial post${more === 1 ? '' : 's'}` : shown.join(' and ');
  const text = `UK minister: ${list}.${party ? ` Party: ${party}.` : ''}`;
  return text.length <= 600 ? text : `UK minister: ${shown[0]}.`;
}

/**
 * Finds a person's Wikidata id in the EveryPolitician UK list: a holder with the same name (or,
 * for a peer, the surname) who started a post or a seat on a day this person did (by surname
 * only a ministerial post or a Lords seat: every MP elected at a general election starts that day).
 */
function wikidataLinker(
  ctx: ImportContext,
  skipped: string[],
): (names: string[], surname: string | undefined, allStarts: string[], surnameStarts: string[]) => string | undefined {
  if (!ctx.exists(`${epsFolder(UK_EPS)}/holders21.csv`)) return () => undefined;
  const rows = [...readEpsRows(ctx, UK_EPS, 'holders21', []), ...readEpsRows(ctx, UK_EPS, 'legislators', [])];
  const byName = new Map<string, Set<string>>();
  const starts = new Map<string, Set<string>>();
  const labels = new Map<string, string[]>();
  for (const r of rows) {
    for (const n of [r.person, r.enwiki?.replace(/\s*\([^)]*\)$/, '')]) {
      if (!n) continue;
      const k = foldName(n);
      if (!byName.has(k)) byName.set(k, new Set());
      byName.get(k)!.add(r.wikidata);
    }
    if (!labels.has(r.wikidata)) labels.set(r.wikidata, foldName(r.person).split(' '));
    if (r.start && /^\d{4}-\d\d-\d\d$/.test(r.start)) {
      if (!starts.has(r.wikidata)) starts.set(r.wikidata, new Set());
      starts.get(r.wikidata)!.add(r.start);
    }
  }
  void skipped;
  return (names, surname, allStarts, surnameStarts) => {
    const full = new Set<string>();
    for (const n of names) for (const q of byName.get(foldName(n)) ?? []) full.add(q);
    const hits = new Set([...full].filter((q) => allStarts.some((d) => starts.get(q)?.has(d))));
    if (!hits.size && surname) {
      const s = foldName(surname);
      for (const [q, tokens] of labels)
        if (tokens.includes(s) && surnameStarts.some((d) => starts.get(q)?.has(d))) hits.add(q);
    }
    return hits.size === 1 ? [...hits][0] : undefined;
  };
}

export const ifgMinistersImporter: Importer = {
  output: IFG_OUTPUT,
  reads: [IFG_DIR, epsFolder(UK_EPS)],
  run: (ctx) => importIfgMinisters(ctx),
};
