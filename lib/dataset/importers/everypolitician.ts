/**
 * Officials outside the US from the EveryPolitician scrapers (github.com/every-politician-scrapers/<country>):
 * each country's `html/holders21.csv` (holders of national posts: heads of state and government,
 * ministers, central-bank governors, presiding officers…) and `html/legislators.csv` (members of
 * the national legislature), both compiled from Wikidata, so every person carries a Wikidata id.
 *
 * Which posts and legislatures count, and the body each maps to, is a hand-checked table in
 * `assets/dataset/sources/every-politician-scrapers/countries.json`; people the press names by
 * surname alone are listed in `known-by-surname.json`, and people who already have a curated
 * record in `curated-links.json`. Roles held since 2008 qualify a person and are kept, with the
 * dates the source gives (partial dates as given); roles that ended before 2008 are left out.
 */
import countriesJson from '../../../assets/dataset/sources/every-politician-scrapers/countries.json';
import curatedLinksJson from '../../../assets/dataset/sources/every-politician-scrapers/curated-links.json';
import knownBySurnameJson from '../../../assets/dataset/sources/every-politician-scrapers/known-by-surname.json';
import { isCjk } from '../aliases';
import type { AliasInput, EntityRecord, Role } from '../schema';
import { ImportError, parseCsv } from './csv';
import { dedupeRoles, heldSince, IdAllocator, partialDate, personSlug, yearSpan } from './officials';
import type { Importer, ImportContext, ImportResult } from './source';

export const EPS_OWNER = 'every-politician-scrapers';
export const EPS_OUTPUT = 'world-everypolitician';

export const CATEGORIES = [
  'head-of-state',
  'head-of-government',
  'party-leader',
  'deputy-head-of-state',
  'deputy-head-of-government',
  'central-bank',
  'minister',
  'regulator-head',
  'legislature-leader',
  'legislator',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface RepoConfig {
  /** ISO 3166-1 alpha-2 (GB for the United Kingdom). */
  jurisdiction: string;
  /** The country as written in descriptions ("Japan", "the United Kingdom"). */
  country: string;
  /** Commit of the copy and its date (the date the lists were compiled from Wikidata). */
  commit: string;
  date: string;
  /** Posts in holders21.csv that are taken, by title as the file writes it. */
  positions: Record<string, Category | { category: Category; org?: string }>;
  /** Legislature memberships in legislators.csv that are taken, with the body's dataset id if it has one. */
  legislatures: Record<string, { org?: string }>;
  /** Names in the country's script keyed by Wikidata id, from the scrapers' own files (`NativeSpec`). */
  native?: NativeSpec[];
  /**
   * Categories whose holders are left out when no name in the country's script is found for them
   * (a plain legislator of CN, HK, TW, JP or KR: of little use to readers of zh/ja/ko pages without
   * it). A person who also holds a post of another category is kept either way.
   */
  nativeRequired?: Category[];
}

/**
 * Where names in the country's script come from, each keyed by the person's Wikidata id:
 * - a CSV (`file`, the name in `column`, the id in `idColumn`, default `item`): a scraper's
 *   per-term Wikidata list, or an older version of its own lists when the label was in the
 *   country's script; `lang` is a BCP 47 tag, or `auto` (from the script and the jurisdiction);
 * - `wikidata-json`: Wikidata items, one JSON object a line (`html/raw/bio.json`): the "name in
 *   native language" (P1559), else the zh-tw, zh-hant or zh label, and the zh-hans label;
 * - `enwiki-infobox`: the `native_name` of the English Wikipedia infobox of the person's article
 *   (`dir/<pageid>.json`, `index` maps page ids to titles), joined through the article title the
 *   post and legislature lists give with the Wikidata id (their `enwiki` column).
 */
export type NativeSpec =
  | { format?: 'csv'; file: string; column: string; lang: string; idColumn?: string }
  | { format: 'wikidata-json'; file: string }
  | { format: 'enwiki-infobox'; index: string; dir: string };
export type CountriesConfig = Record<string, RepoConfig>;
export interface KnownBySurname {
  wikidata: string;
  name: string;
  country: string;
  position: string;
}
export interface CuratedLinks {
  /** Wikidata id → id of the curated record for the same person (ours is emitted under that id and replaced). */
  same: Record<string, string>;
  /** Wikidata id → why the person is left out (e.g. a different person with a curated record's exact name). */
  skip: Record<string, string>;
}

export const COUNTRIES = countriesJson as CountriesConfig;
export const KNOWN_BY_SURNAME = knownBySurnameJson as KnownBySurname[];
export const CURATED_LINKS = curatedLinksJson as CuratedLinks;

export const epsFolder = (repo: string) => `${EPS_OWNER}__${repo}`;
/** Record id prefix for a jurisdiction: the dataset writes the United Kingdom as `uk-`. */
export const idPrefix = (jurisdiction: string) => (jurisdiction === 'GB' ? 'uk' : jurisdiction.toLowerCase());

export interface EpsRow {
  file: string;
  row: number;
  position: string;
  person: string;
  wikidata: string;
  start?: string;
  end?: string;
  dob?: string;
  enwiki?: string;
}

/** The rows of one country's holders21.csv or legislators.csv (only rows with a Wikidata person id). */
export function readEpsRows(
  ctx: ImportContext,
  repo: string,
  which: 'holders21' | 'legislators',
  skipped: string[] = [],
): EpsRow[] {
  const file = `${epsFolder(repo)}/${which}.csv`;
  if (!ctx.exists(file)) return [];
  const out: EpsRow[] = [];
  for (const { row, values: v } of parseCsv(ctx.read(file), file, ['position', 'person', 'personID', 'start', 'end'])) {
    if (!/^Q\d+$/.test(v.personID ?? '')) {
      skipped.push(`${file} row ${row}: no Wikidata id for "${v.person}"`);
      continue;
    }
    const start = partialDate(v.start);
    const end = partialDate(v.end);
    if (v.start && !start) skipped.push(`${file} row ${row}: start "${v.start}" is not a date; left out`);
    if (v.end && !end) skipped.push(`${file} row ${row}: end "${v.end}" is not a date; left out`);
    out.push({
      file,
      row,
      position: v.position!,
      person: v.person!,
      wikidata: v.personID!,
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      ...(partialDate(v.DOB) ? { dob: v.DOB } : {}),
      ...(v.enwiki ? { enwiki: v.enwiki } : {}),
    });
  }
  return out;
}

const RANK = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));

/**
 * A role with no end date that began before 1960, held by someone born before 1920 or of unknown
 * birth: Wikidata lacks the end (Greek deputies of 1881, a Brazilian deputy of 1890), so it is
 * not taken as held since 2008.
 */
export function staleOpenRole(r: Pick<EpsRow, 'start' | 'end' | 'dob'>): boolean {
  if (r.end || !r.start || r.start.slice(0, 4) >= '1960') return false;
  return !r.dob || r.dob.slice(0, 4) < '1920';
}

interface Person {
  wikidata: string;
  names: string[];
  dob?: string;
  enwiki?: string;
  roles: { role: Role; category: Category; repo: string; heldSince2008: boolean }[];
  native: { text: string; lang: string }[];
}

function ucfirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "Li Qiang (politician)" → "Li Qiang", "이상배 (1939년)" → "이상배": a title or label without its disambiguator. */
export function withoutQualifier(s: string | undefined): string | undefined {
  const t = s?.replace(/\s*[(（][^)）]*[)）]\s*$/, '').trim();
  return t || undefined;
}

/** "2012–2014, 2017–": a post's spans, back-to-back terms joined. */
function spans(roles: Role[]): string {
  const sorted = [...roles].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
  const out: { start?: string; end?: string | null }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last.end && r.start && r.start.slice(0, 4) <= last.end.slice(0, 4)) {
      if (!r.end || (last.end && r.end > last.end)) last.end = r.end ?? null;
    } else if (last && !last.end && last.start)
      continue; // inside an open span
    else out.push({ start: r.start, end: r.end });
  }
  return out
    .map((x) => yearSpan(x.start, x.end))
    .filter(Boolean)
    .join(', ');
}

function describe(p: Person, country: string, date: string): string {
  const roles = p.roles
    .filter((r) => r.heldSince2008)
    .sort(
      (a, b) => RANK.get(a.category)! - RANK.get(b.category)! || (b.role.start ?? '').localeCompare(a.role.start ?? ''),
    );
  const titles = [...new Set(roles.map((r) => r.role.title))];
  const parts = titles.map((t) => {
    const span = spans(roles.filter((r) => r.role.title === t).map((r) => r.role));
    return span ? `${t} (${span})` : t;
  });
  const shown = parts.slice(0, 2);
  const more = parts.length - shown.length;
  const list =
    more > 0
      ? `${shown.join(', ')} and ${more} other post${more === 1 ? '' : 's'}`
      : shown.join(shown.length === 2 ? ' and ' : '');
  const place = country.replace(/^the /, '');
  const where = list.includes(place) ? '' : ` in ${country}`;
  const text = `${list}${where}, as recorded in Wikidata on ${date}.`;
  return text.length <= 600 ? text : `${shown[0]}${where}, as recorded in Wikidata on ${date}.`;
}

export interface EpsOptions {
  countries?: CountriesConfig;
  knownBySurname?: KnownBySurname[];
  curatedLinks?: CuratedLinks;
  /** Roles ending before this year do not qualify a person. */
  since?: string;
}

export function importEverypolitician(ctx: ImportContext, opts: EpsOptions = {}): ImportResult {
  const countries = opts.countries ?? COUNTRIES;
  const known = new Set((opts.knownBySurname ?? KNOWN_BY_SURNAME).map((k) => k.wikidata));
  const links = opts.curatedLinks ?? CURATED_LINKS;
  const since = opts.since ?? '2008';
  const skipped: string[] = [];
  const people = new Map<string, Person>();
  const repoOf = new Map<string, string>();

  for (const repo of Object.keys(countries).sort()) {
    const cfg = countries[repo]!;
    const folder = epsFolder(repo);
    if (!ctx.exists(`${folder}/holders21.csv`))
      throw new ImportError(`${folder}/holders21.csv`, undefined, 'missing (run npm run dataset:sources)');
    const rows: { r: EpsRow; category: Category; org?: string }[] = [];
    for (const r of readEpsRows(ctx, repo, 'holders21', skipped)) {
      const spec = cfg.positions[r.position];
      if (!spec) continue;
      const { category, org } = typeof spec === 'string' ? { category: spec, org: undefined } : spec;
      rows.push({ r, category, org });
    }
    for (const r of readEpsRows(ctx, repo, 'legislators', skipped)) {
      const spec = cfg.legislatures[r.position];
      if (spec) rows.push({ r, category: 'legislator', org: spec.org });
    }
    // The English Wikipedia article each Wikidata id links to, for the infobox names.
    const enwikiOf = new Map<string, string>();
    for (const { r } of rows) if (r.enwiki) enwikiOf.set(r.enwiki, r.wikidata);
    for (const { r, category, org } of rows) {
      let p = people.get(r.wikidata);
      if (!p) {
        p = { wikidata: r.wikidata, names: [], roles: [], native: [] };
        people.set(r.wikidata, p);
        repoOf.set(r.wikidata, repo);
      }
      // Some labels carry a disambiguator ("이상배 (1939년)"): the name is what precedes it.
      const label = withoutQualifier(r.person);
      if (label && label !== r.wikidata && !p.names.includes(label)) p.names.push(label);
      p.dob ??= r.dob;
      p.enwiki ??= r.enwiki;
      const role: Role = {
        title: ucfirst(r.position),
        ...(org ? { org } : {}),
        ...(r.start ? { start: r.start } : {}),
        ...(r.end ? { end: r.end } : {}),
      };
      if (role.start && role.end && role.end < role.start) {
        skipped.push(`${r.file} row ${r.row}: ends (${r.end}) before it starts (${r.start}); role left out`);
        continue;
      }
      p.roles.push({ role, category, repo, heldSince2008: heldSince(r.end, since) && !staleOpenRole(r) });
    }
    for (const spec of cfg.native ?? [])
      for (const { wikidata, text, lang } of readNative(ctx, folder, spec, enwikiOf, cfg.jurisdiction, skipped)) {
        const p = people.get(wikidata);
        if (!p || p.native.some((x) => x.text === text)) continue;
        p.native.push({ text, lang });
      }
  }

  // Most senior people first, so the plain id goes to the person the press most likely means.
  const ordered = [...people.values()]
    .filter((p) => p.roles.some((r) => r.heldSince2008))
    .map((p) => ({ p, rank: Math.min(...p.roles.map((r) => RANK.get(r.category)!)) }))
    .sort((a, b) => a.rank - b.rank || Number(a.p.wikidata.slice(1)) - Number(b.p.wikidata.slice(1)));

  const ids = new IdAllocator(ctx.reservedIds);
  for (const curatedId of Object.values(links.same)) ids.claim(curatedId);
  const records: EntityRecord[] = [];
  for (const { p } of ordered) {
    if (links.skip[p.wikidata]) {
      skipped.push(`${p.wikidata}: left out (${links.skip[p.wikidata]})`);
      continue;
    }
    const name = p.names[0];
    if (!name) {
      skipped.push(`${p.wikidata}: no name in the source`);
      continue;
    }
    // The post that decides the jurisdiction: the most senior one.
    const top = p.roles
      .filter((r) => r.heldSince2008)
      .sort((a, b) => RANK.get(a.category)! - RANK.get(b.category)!)[0]!;
    const cfg = countries[top.repo]!;
    const required = new Set(cfg.nativeRequired ?? []);
    if (
      required.size &&
      p.roles.filter((r) => r.heldSince2008).every((r) => required.has(r.category)) &&
      !isCjk(name) &&
      !p.native.some((n) => isCjk(n.text))
    ) {
      skipped.push(
        `${p.wikidata} (${name}): left out, a ${[...required].join(' or ')} of ${cfg.country} with no name in its script in the sources`,
      );
      continue;
    }
    const prefix = idPrefix(cfg.jurisdiction);
    const slug = personSlug(name);
    const id =
      links.same[p.wikidata] ??
      ids.take(slug ? `${prefix}-${slug}` : `${prefix}-${p.wikidata.toLowerCase()}`, [
        p.dob?.slice(0, 4),
        p.wikidata.toLowerCase(),
      ]);

    const nativeNames: { text: string; lang: string }[] = [];
    const cjkName = isCjk(name);
    if (cjkName) nativeNames.push({ text: name, lang: nativeLang(name, cfg.jurisdiction) });
    for (const n of p.native) if (!nativeNames.some((x) => x.text === n.text)) nativeNames.push(n);

    const aliases: AliasInput[] = [];
    const addAlias = (a: string | undefined) => {
      if (!a || a === name || nativeNames.some((n) => n.text === a) || aliases.includes(a)) return;
      aliases.push(a);
    };
    for (const other of p.names.slice(1)) addAlias(other);
    addAlias(withoutQualifier(p.enwiki));
    // A two-character Chinese name occurs inside ordinary text and longer names: evidence needed.
    if (cjkName && [...name].length <= 2) aliases.push({ text: name, ambiguous: true });

    const roles = dedupeRoles(
      p.roles
        .slice()
        .sort(
          (a, b) =>
            RANK.get(a.category)! - RANK.get(b.category)! || (b.role.start ?? '').localeCompare(a.role.start ?? ''),
        )
        .filter((r) => r.heldSince2008)
        .map((r) => r.role),
    );
    const repos = [...new Set(p.roles.filter((r) => r.heldSince2008).map((r) => r.repo))].sort();
    const date = repos.map((r) => countries[r]!.date).sort()[repos.length - 1]!;
    const record: EntityRecord = {
      id,
      type: 'official',
      name,
      ...(nativeNames.length ? { nativeNames } : {}),
      ...(aliases.length ? { aliases } : {}),
      jurisdiction: cfg.jurisdiction,
      description: describe(p, cfg.country, countries[top.repo]!.date),
      official: {
        roles,
        ...(known.has(p.wikidata) ? { knownBySurname: true } : {}),
      },
      ids: { wikidata: p.wikidata },
      sources: [
        ...repos.map((r) => ({ url: `https://github.com/${EPS_OWNER}/${r}`, date: countries[r]!.date })),
        `https://www.wikidata.org/wiki/${p.wikidata}`,
      ],
      asOf: date,
    };
    records.push(record);
  }
  return { records, skipped };
}

/** A name in the country's script, as the source writes it; Japanese names lose the space between family and given name. */
function cleanNative(text: string | undefined, lang: string): string | undefined {
  let t = withoutQualifier(text?.replace(/\s*\n.*$/s, ''));
  if (!t || !isCjk(t)) return undefined;
  if (lang === 'ja')
    t = t.replace(
      /(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\s\u3000]+(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/gu,
      '',
    );
  return t;
}

/** A BCP 47 tag as Wikidata or an infobox writes it ("zh-hant", "zh-Hans-CN") in the usual case. */
export function normaliseLang(tag: string): string {
  return tag
    .split(/[-_]/)
    .map((p, i) =>
      i === 0 ? p.toLowerCase() : p.length === 4 ? p[0]!.toUpperCase() + p.slice(1).toLowerCase() : p.toUpperCase(),
    )
    .join('-');
}

/**
 * Infobox JSON as the scrapers write it: one object per infobox of the article, one after the
 * other, sometimes with a trailing comma before the closing brace.
 */
export function parseInfoboxes(text: string): Record<string, string>[] {
  return text
    .split(/\n(?=\{)/)
    .filter((t) => t.trim())
    .map((t) => JSON.parse(t.replace(/,(\s*[}\]])/g, '$1')) as Record<string, string>);
}

/** The names of one `NativeSpec`, each with the Wikidata id it belongs to. */
export function readNative(
  ctx: ImportContext,
  folder: string,
  spec: NativeSpec,
  enwikiOf: ReadonlyMap<string, string>,
  jurisdiction: string,
  skipped: string[] = [],
): { wikidata: string; text: string; lang: string }[] {
  const out: { wikidata: string; text: string; lang: string }[] = [];
  const push = (wikidata: string | undefined, raw: string | undefined, tag: string) => {
    if (!wikidata || !/^Q\d+$/.test(wikidata)) return;
    const lang = tag === 'auto' ? nativeLang(raw ?? '', jurisdiction) : normaliseLang(tag);
    const text = cleanNative(raw, lang.split('-')[0]!);
    if (text) out.push({ wikidata, text, lang });
  };
  if (spec.format === 'wikidata-json') {
    const file = `${folder}/${spec.file}`;
    if (!ctx.exists(file)) return out;
    ctx
      .read(file)
      .split('\n')
      .forEach((line, i) => {
        if (!line.trim()) return;
        let item: {
          id?: string;
          labels?: Record<string, string>;
          claims?: { P1559?: { value?: { text?: string; language?: string } }[] };
        };
        try {
          item = JSON.parse(line) as typeof item;
        } catch {
          skipped.push(`${file} line ${i + 1}: not JSON; left out`);
          return;
        }
        const labels = item.labels ?? {};
        const own = item.claims?.P1559?.map((c) => c.value).find((v) => v?.text && isCjk(v.text));
        if (own) push(item.id, own.text, own.language ?? 'auto');
        else {
          const tag = ['zh-tw', 'zh-hant', 'zh'].find((t) => labels[t] && isCjk(labels[t]));
          if (tag) push(item.id, labels[tag], tag);
        }
        if (labels['zh-hans']) push(item.id, labels['zh-hans'], 'zh-hans');
      });
    return out;
  }
  if (spec.format === 'enwiki-infobox') {
    const index = `${folder}/${spec.index}`;
    if (!ctx.exists(index)) return out;
    for (const { values } of parseCsv(ctx.read(index), index, ['pageid', 'title'])) {
      const file = `${folder}/${spec.dir}/${values.pageid}.json`;
      const wikidata = enwikiOf.get(values.title!);
      if (!wikidata || !ctx.exists(file)) continue;
      let boxes: Record<string, string>[];
      try {
        boxes = parseInfoboxes(ctx.read(file));
      } catch {
        skipped.push(`${file}: not JSON; left out`);
        continue;
      }
      const box = boxes.find((b) => b.native_name);
      if (box) push(wikidata, box.native_name, box.native_name_lang || 'auto');
    }
    return out;
  }
  const file = `${folder}/${spec.file}`;
  if (!ctx.exists(file)) return out;
  const idColumn = spec.idColumn ?? 'item';
  for (const { values } of parseCsv(ctx.read(file), file, [idColumn, spec.column]))
    push(values[idColumn], values[spec.column], spec.lang);
  return out;
}

/** The language of a name written in CJK script: Hangul is Korean, kana Japanese, Han by jurisdiction. */
export function nativeLang(text: string, jurisdiction: string): string {
  if (/[\uac00-\ud7af]/.test(text)) return 'ko';
  if (/[\u3040-\u30ff]/.test(text)) return 'ja';
  if (jurisdiction === 'JP') return 'ja';
  if (jurisdiction === 'KR') return 'ko';
  return 'zh';
}

export const everypoliticianImporter: Importer = {
  output: EPS_OUTPUT,
  reads: Object.keys(COUNTRIES)
    .sort()
    .map((r) => epsFolder(r)),
  run: (ctx) => importEverypolitician(ctx),
};
