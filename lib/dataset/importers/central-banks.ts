/**
 * Central banks of the world and their heads since 2008, from sebabecerra/central-banks-board:
 * `central_banks.csv` (country; bank; Wikipedia article, taken from Wikipedia's "List of central
 * banks"), `kof_governors.csv` (the KOF ETH Zurich central-bank governors data, v2023: one row
 * per term with start and end years) and `bank_page_people.csv` (the head named in each bank's
 * Wikipedia infobox when the repository was built, 2026-04).
 *
 * Banks the dataset already has (curated) are not repeated: their governors' roles point at the
 * existing id. Hand tables (country labels → ISO codes, existing ids, ids of shared banks) live
 * in `assets/dataset/sources/sebabecerra__central-banks-board/`.
 */
import type { AliasInput, EntityRecord, Role, SourceRef } from '../schema';
import { parseCsv } from './csv';
import type { ImportContext, Importer, ImportResult } from './source';
import countriesTable from '../../../assets/dataset/sources/countries.json';
import labelsTable from '../../../assets/dataset/sources/sebabecerra__central-banks-board/countries.json';
import banksTable from '../../../assets/dataset/sources/sebabecerra__central-banks-board/banks.json';

export const CB_DIR = 'sebabecerra__central-banks-board';
const REPO = 'https://github.com/sebabecerra/central-banks-board/blob/03e06cac8909c079e90a6cea2f78afbbd2ca834f';
/** The day the three files last changed in the repository (SOURCE.md). */
export const CB_AS_OF = '2026-04-30';
/** Terms that ended before this year are left out. */
const SINCE = 2008;

export interface CentralBankTables {
  /** ISO code → English short name for descriptions ("the Netherlands"). */
  countryNames: Record<string, string>;
  /** Source country label → ISO 3166-1 alpha-2, EU or INT; null: not a country we can code. */
  labels: Record<string, string | null>;
  existing: Record<string, string>;
  renames: Record<string, string>;
  banks: Record<string, { id: string; jurisdiction: string }>;
  kofLabels: Record<string, string>;
  /** Heads the dataset already has under another id, by the name used here → that id. */
  people: Record<string, string>;
}

export const CENTRAL_BANK_TABLES: CentralBankTables = {
  countryNames: countriesTable.names as Record<string, string>,
  labels: labelsTable.countries as Record<string, string | null>,
  existing: banksTable.existing,
  renames: banksTable.renames as Record<string, string>,
  banks: banksTable.banks as Record<string, { id: string; jurisdiction: string }>,
  kofLabels: banksTable.kofLabels as Record<string, string>,
  people: banksTable.people as Record<string, string>,
};

interface Bank {
  id: string;
  name: string;
  countries: string[];
  jurisdiction: string;
  eurosystem: boolean;
  wikipedia?: string;
  website?: string;
  existing: boolean;
  row: number;
}

/** "Central Bank of Kuwait" → "CBK": initials of the capitalised words. */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** Lower-case, no accents, single spaces: the key two spellings of one name share. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function slug(text: string): string {
  return foldName(text).replace(/ /g, '-');
}

/** An id prefix for a jurisdiction: ISO code in lower case, `uk` for GB (the dataset's habit). */
export function idPrefix(jurisdiction: string): string {
  return jurisdiction === 'GB' ? 'uk' : jurisdiction.toLowerCase();
}

/** The site's origin when the URL is a plain http(s) address with an ordinary host name. */
export function websiteOf(url: string): string | undefined {
  const m = /^(https?):\/\/([a-z0-9.-]+\.[a-z]{2,})(?:[/:?#]|$)/i.exec(url.trim());
  return m ? `${m[1]!.toLowerCase()}://${m[2]!.toLowerCase()}/` : undefined;
}

/** The acronym the site's domain spells, when it is the initials of the name ("cbk.gov.kw"). */
export function domainAcronym(website: string | undefined, name: string): string | undefined {
  if (!website) return undefined;
  const host = new URL(website).hostname.replace(/^www\./, '');
  const label = host.split('.')[0]!.toUpperCase();
  const ini = initials(name);
  return label.length >= 2 && label === ini ? label : undefined;
}

/** "the Bank of Algeria", "the Czech National Bank", but "Bank Indonesia", "Norges Bank". */
export function withArticle(bank: string): string {
  const the =
    /^(Bank of|Central|National|Reserve|Monetary|State|Federal|European|Eastern|Royal|Overseas|Administration)\b/.test(
      bank,
    ) || /\b(National|Central|Reserve|People's) Bank\b|Monetary Authority$|Nationalbank$/.test(bank);
  return the && !/^The /.test(bank) ? `the ${bank}` : bank;
}

function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function readBanks(
  text: string,
  file: string,
  t: CentralBankTables,
  skipped: string[],
): { banks: Map<string, Bank>; byCountry: Map<string, Bank> } {
  const rows = parseCsv(text, file, ['country', 'central_bank', 'wikipedia_bank_url'], ';');
  const banks = new Map<string, Bank>();
  const byCountry = new Map<string, Bank>();
  for (const { row, values } of rows) {
    const label = values.country!;
    let raw = values.central_bank!.replace(/\s+/g, ' ').trim();
    if (!raw) {
      skipped.push(`${file} row ${row}: no bank named`);
      continue;
    }
    if (/^No central bank/i.test(raw)) {
      skipped.push(`${file} row ${row}: ${label} has no central bank`);
      continue;
    }
    if (!(label in t.labels)) {
      skipped.push(`${file} row ${row}: country "${label}" is not in countries.json`);
      continue;
    }
    const cc = t.labels[label];
    if (!cc) {
      skipped.push(`${file} row ${row}: "${label}" has no ISO 3166-1 code`);
      continue;
    }
    const euro = /^European Central Bank \( (.+) \)$/.exec(raw);
    if (euro) raw = euro[1]!;
    const name = t.renames[raw] ?? raw;
    let bank = banks.get(name);
    if (!bank) {
      const existing = t.existing[name];
      const spec = t.banks[name];
      bank = {
        id: existing ?? spec?.id ?? `${idPrefix(cc)}-central-bank`,
        name,
        countries: [],
        jurisdiction: spec?.jurisdiction ?? cc,
        eurosystem: !!euro,
        existing: !!existing,
        row,
      };
      if (/^https:\/\/en\.wikipedia\.org\/wiki\/\S+$/.test(values.wikipedia_bank_url ?? ''))
        bank.wikipedia = values.wikipedia_bank_url;
      banks.set(name, bank);
    }
    if (!bank.countries.includes(cc)) bank.countries.push(cc);
    byCountry.set(cc, bank);
  }
  return { banks, byCountry };
}

/** A name as the press writes it: no titles, notes or native-script glosses. */
export function cleanName(raw: string): string {
  return raw
    .replace(/\s*\([^)]*\)/g, '')
    .replace(/,\s*Jr\.?$/i, ' Jr.')
    .replace(/,\s+\p{Ll}.*$/u, '')
    .replace(/^(Dr|Mr|Mrs|Ms|Prof|Sir)\.?\s+/i, '')
    .replace(/\s+\.$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/**
 * Two spellings of one head of one bank: the surname of one is among the other's names
 * ("Róger Madrigal" / "Roger Madrigal Lopez"), or the same first name with surnames one
 * letter apart ("Jameel Ahmad" / "Jameel Ahmed"). Only used within one bank.
 */
export function sameHead(a: string, b: string): boolean {
  const x = foldName(a).split(' ');
  const y = foldName(b).split(' ');
  if (y.includes(x[x.length - 1]!) || x.includes(y[y.length - 1]!)) return true;
  return x[0] === y[0] && editDistanceAtMostOne(x[x.length - 1]!, y[y.length - 1]!);
}

interface Person {
  name: string;
  jurisdiction: string;
  roles: (Role & { sortKey: string })[];
  sources: SourceRef[];
  rows: string[];
}

export function importCentralBanks(
  files: { banks: string; kof: string; pages: string },
  t: CentralBankTables,
  reservedIds: ReadonlySet<string>,
): ImportResult {
  const skipped: string[] = [];
  const F = {
    banks: `${CB_DIR}/central_banks.csv`,
    kof: `${CB_DIR}/kof_governors.csv`,
    pages: `${CB_DIR}/bank_page_people.csv`,
  };
  const { banks, byCountry } = readBanks(files.banks, F.banks, t, skipped);
  const kofRows = parseCsv(
    files.kof,
    F.kof,
    ['country', 'name', 'position', 'start_year', 'end_year', 'source_page'],
    ';',
  );
  const pageRows = parseCsv(files.pages, F.pages, ['country', 'name', 'position', 'end_year', 'source_detail'], ';');

  /** The bank a KOF or page row is about: by the union's own label, else by country. */
  const bankOfLabel = (label: string): Bank | undefined => {
    const union = t.kofLabels[label];
    if (union) return banks.get(union);
    const cc = t.labels[label];
    return cc ? byCountry.get(cc) : undefined;
  };
  const isUnionMemberCopy = (label: string, bank: Bank) =>
    !t.kofLabels[label] && bank.countries.length > 1 && bank.jurisdiction === 'INT';

  // Websites: the KOF file's source address for each bank (its own site), origin only.
  for (const { values } of kofRows) {
    const bank = bankOfLabel(values.country!);
    if (!bank || bank.website || isUnionMemberCopy(values.country!, bank)) continue;
    const w = websiteOf(values.source_page ?? '');
    if (w) bank.website = w;
  }

  const kofSource: SourceRef = {
    url: `${REPO}/CM/data/kof_governors_with_sources.csv`,
    date: CB_AS_OF,
    title: 'KOF central bank governors (v2023), via sebabecerra/central-banks-board',
  };
  const pageSource: SourceRef = {
    url: `${REPO}/CM/data/central_bank_people_from_banks_long.csv`,
    date: CB_AS_OF,
    title: 'Central bank heads in Wikipedia infoboxes, via sebabecerra/central-banks-board',
  };
  const listSource: SourceRef = {
    url: `${REPO}/CM/data-aux/central_banks.csv`,
    date: CB_AS_OF,
    title: 'List of central banks (Wikipedia), via sebabecerra/central-banks-board',
  };

  // Heads named in the 2026 infoboxes, by bank.
  const heads = new Map<string, { name: string; title: string; row: number }[]>();
  for (const { row, values } of pageRows) {
    const detail = values.source_detail!;
    if (!['Governor', 'President', 'Chairman', 'Governor and Chairman'].includes(detail)) continue;
    const bank = bankOfLabel(values.country!);
    if (!bank) continue;
    const list = heads.get(bank.id) ?? [];
    if (!list.some((h) => foldName(h.name) === foldName(values.name!)))
      list.push({ name: cleanName(values.name!), title: detail, row });
    heads.set(bank.id, list);
  }

  const people = new Map<string, Person>();
  const person = (name: string, jurisdiction: string): Person => {
    const key = foldName(name);
    let p = people.get(key);
    if (!p) {
      p = { name, jurisdiction, roles: [], sources: [], rows: [] };
      people.set(key, p);
    }
    return p;
  };

  for (const { row, values } of kofRows) {
    const where = `${F.kof} row ${row}`;
    const bank = bankOfLabel(values.country!);
    if (!bank) {
      skipped.push(`${where}: no bank for "${values.country}"`);
      continue;
    }
    if (isUnionMemberCopy(values.country!, bank)) continue; // the union's own rows list them
    const start = values.start_year!;
    const endRaw = values.end_year!;
    const current = endRaw === 'En cargo';
    if (!/^\d{4}$/.test(start) || (!current && !/^\d{4}$/.test(endRaw))) {
      skipped.push(`${where}: unreadable years "${start}"–"${endRaw}"`);
      continue;
    }
    if (!current && Number(endRaw) < SINCE) continue;
    const interim = /\((?:[^)]*\b(?:ad i[nt]+erim|interim|acting)\b[^)]*)\)/i.test(values.name!);
    const name = cleanName(values.name!);
    if (name.split(' ').length < 2 || /[0-9]/.test(name)) {
      skipped.push(`${where}: "${values.name}" is not a full name`);
      continue;
    }
    if (current) {
      const now = heads.get(bank.id);
      if (now?.length && !now.some((h) => sameHead(h.name, name))) {
        skipped.push(
          `${where}: ${name} is in office in KOF v2023, but the 2026 infobox of ${bank.name} names ${now.map((h) => h.name).join(', ')}; end year unknown`,
        );
        continue;
      }
    }
    const p = person(name, bank.jurisdiction);
    const title = interim ? 'President / Governor (interim)' : 'President / Governor';
    p.roles.push({
      title,
      org: bank.id,
      start,
      ...(current ? {} : { end: endRaw }),
      sortKey: start,
    });
    p.jurisdiction = bank.jurisdiction;
    p.rows.push(where);
    if (!p.sources.includes(kofSource)) p.sources.push(kofSource);
  }

  // The 2026 infobox heads: confirm a KOF incumbent, or add the head with no start date.
  for (const [bankId, list] of heads) {
    const bank = [...banks.values()].find((b) => b.id === bankId)!;
    for (const h of list) {
      const known = [...people.values()].find(
        (p) => sameHead(p.name, h.name) && p.roles.some((r) => r.org === bankId && r.end === undefined),
      );
      if (known) {
        if (!known.sources.includes(pageSource)) known.sources.push(pageSource);
        continue;
      }
      if (h.name.split(' ').length < 2) {
        skipped.push(`${F.pages} row ${h.row}: "${h.name}" is not a full name`);
        continue;
      }
      const p = person(h.name, bank.jurisdiction);
      if (p.roles.some((r) => r.org === bankId && r.end === undefined)) continue;
      p.roles.push({ title: h.title === 'Chairman' ? 'Chair' : h.title, org: bankId, sortKey: '9999' });
      p.jurisdiction = bank.jurisdiction;
      p.rows.push(`${F.pages} row ${h.row}`);
      if (!p.sources.includes(pageSource)) p.sources.push(pageSource);
    }
  }

  const names = t.countryNames;
  const where = (b: Bank) => (b.countries.length === 1 ? (names[b.countries[0]!] ?? b.countries[0]!) : '');
  const records: EntityRecord[] = [];
  for (const b of banks.values()) {
    if (b.existing) continue;
    if (reservedIds.has(b.id)) {
      skipped.push(`${F.banks} row ${b.row}: id ${b.id} is taken by another record`);
      continue;
    }
    const countryList = b.countries.map((c) => names[c] ?? c);
    let description: string;
    if (b.eurosystem)
      description = `The national central bank of ${where(b)}; in the euro area it works within the Eurosystem under the European Central Bank.`;
    else if (b.countries.length > 1) description = `The central bank shared by ${listWords(countryList)}.`;
    else description = `The central bank of ${where(b)}.`;
    const aliases: AliasInput[] = [];
    const acronym = domainAcronym(b.website, b.name);
    if (acronym) aliases.push({ text: acronym, acronym: true, ...(acronym.length <= 3 ? { ambiguous: true } : {}) });
    if (/^The /.test(b.name)) aliases.push(b.name.replace(/^The /, ''));
    const cues =
      acronym && acronym.length <= 3 ? [...countryList.map((c) => c.replace(/^the /, '')), 'central bank'] : undefined;
    const sources: SourceRef[] = [...(b.wikipedia ? [b.wikipedia] : []), listSource];
    records.push({
      id: b.id,
      type: 'regulator',
      name: b.name,
      ...(aliases.length ? { aliases } : {}),
      jurisdiction: b.jurisdiction,
      description,
      regulator: { remit: ['central-bank'], ...(b.website ? { website: b.website } : {}) },
      ...(b.eurosystem ? { relations: [{ type: 'member-of' as const, target: 'eu-ecb', note: 'Eurosystem' }] } : {}),
      ...(cues ? { cues } : {}),
      sources,
      asOf: CB_AS_OF,
    });
  }

  const bankName = new Map([...banks.values()].map((b) => [b.id, b.name]));
  const taken = new Set(records.map((r) => r.id));
  for (const p of people.values()) {
    const id = `${idPrefix(p.jurisdiction)}-${slug(p.name)}`;
    const known = t.people[p.name];
    if (known) {
      skipped.push(`${p.rows[0]}: ${p.name} is already in the dataset as ${known}`);
      continue;
    }
    if (reservedIds.has(id)) {
      skipped.push(`${p.rows[0]}: ${p.name} is already in the dataset as ${id}`);
      continue;
    }
    if (taken.has(id)) {
      skipped.push(`${p.rows[0]}: id ${id} is taken`);
      continue;
    }
    taken.add(id);
    const roles = p.roles
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))
      .map(({ sortKey: _s, ...r }) => r);
    const last = roles[roles.length - 1]!;
    const lastOrg = withArticle(bankName.get(last.org!)!);
    const span = !last.start
      ? ''
      : !last.end
        ? ` since ${last.start}`
        : last.end === last.start
          ? ` in ${last.start}`
          : ` from ${last.start} to ${last.end}`;
    const head = last.title.startsWith('President / Governor')
      ? 'head (president or governor)'
      : last.title.toLowerCase();
    const description =
      last.end === undefined
        ? `${head[0]!.toUpperCase()}${head.slice(1)} of ${lastOrg}${span}.`
        : `Former ${head} of ${lastOrg}${span}.`;
    records.push({
      id,
      type: 'official',
      name: p.name,
      jurisdiction: p.jurisdiction,
      description,
      official: { roles },
      sources: p.sources,
      asOf: CB_AS_OF,
    });
  }
  return { records, skipped };
}

export const centralBanksImporter: Importer = {
  output: 'central-banks',
  reads: [CB_DIR],
  run(ctx: ImportContext): ImportResult {
    return importCentralBanks(
      {
        banks: ctx.read(`${CB_DIR}/central_banks.csv`),
        kof: ctx.read(`${CB_DIR}/kof_governors.csv`),
        pages: ctx.read(`${CB_DIR}/bank_page_people.csv`),
      },
      CENTRAL_BANK_TABLES,
      ctx.reservedIds,
    );
  },
};
