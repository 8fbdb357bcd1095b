/**
 * Listed firms outside the US: FinanceDatabase's equities files (JerBouma/FinanceDatabase,
 * one CSV per exchange) → firm records, with native-script names joined by exchange code from
 * the exchanges' own lists: A-share short names (1nchaos/adata), JPX's listed issues
 * (umihico/kabu-json-all-stock-list) and KRX's listing (FinanceData/fdr_krx_data_cache).
 *
 * Which files, countries and market-cap bands are taken is data:
 * `assets/dataset/sources/JerBouma__FinanceDatabase/world-listed.json`. The same company listed
 * twice (A and B shares, NSE and BSE, two lines on one exchange) becomes one record: rows are
 * joined when they share an ISIN, or the same name in the same country.
 */
import config from '../../../assets/dataset/sources/JerBouma__FinanceDatabase/world-listed.json';
import { companyAliases, stripLegalSuffix } from '../legal-forms';
import type { AliasInput, EntityRecord, SourceRef } from '../schema';
import { ImportError, parseCsv } from './csv';
import type { ImportContext, Importer, ImportResult } from './source';
import { slug } from './sp500';

export const FDB_DIR = 'JerBouma__FinanceDatabase';
export const ADATA_FILE = '1nchaos__adata/all_code.csv';
export const JPX_FILE = 'umihico__kabu-json-all-stock-list/all_stocks.json';
export const KRX_FILE = 'FinanceData__fdr_krx_data_cache/krx-listing.csv';

export interface MarketSpec {
  /** FinanceDatabase file name without `.csv` (its exchange code: JPX, HKG …). */
  file: string;
  /** The exchange as commonly written, for `firm.tickers`. */
  exchange: string;
  /** FinanceDatabase `country` values counted as this market's own companies. */
  countries: string[];
  /** FinanceDatabase `market_cap` bands taken. */
  bands: string[];
  /** Yahoo-style suffix on the symbol (".T"), removed. */
  suffix: string;
  symbolPattern: string;
  /** Yahoo writes share classes with a dash (BT-A); the exchange with this separator (BT.A). */
  classSeparator?: string;
  /** A firm whose listings give no native-script name is kept only in these bands (default: all taken). */
  bandsWithoutNativeName?: string[];
  /** Which native-name list this market's codes are looked up in. */
  nativeNames?: string;
  /**
   * Band → fewest characters the native name of a firm in that band must have: a short name of a
   * small company is mostly an everyday word or a place (生物, 春天, 连云港), so such firms are left out.
   */
  nativeMinLength?: Record<string, number>;
  /**
   * Codes of the exchange's own list that FinanceDatabase lacks altogether: firms of these segments
   * (the list's Market column, e.g. KOSPI) whose name has at least `minLength` characters become
   * records named as the exchange writes them (no English name is known from the sources); names
   * without a character of the native script are left out.
   */
  exchangeListOnly?: { segments: string[]; minLength: number };
}

export interface SourceSpec {
  url: string;
  date: string;
  title: string;
}

export interface WorldListedConfig {
  markets: MarketSpec[];
  /** FinanceDatabase country name → ISO 3166-1 alpha-2. */
  countries: Record<string, string>;
  /** Id prefix when it is not the lower-case country code (GB → uk). */
  idPrefix: Record<string, string>;
  excludeNames: string[];
  /** A KRX short name ending like this is a preferred share line. */
  koreanPreferred: string;
  bandWords: Record<string, string>;
  /** "exchange:symbol" → the id of a curated record that is this firm though no name or code shows it. */
  sameFirm: Record<string, string>;
  sources: Record<string, SourceSpec>;
}

export const WORLD_LISTED_CONFIG = config as WorldListedConfig;

const FDB_COLS = [
  'symbol',
  'name',
  'sector',
  'industry',
  'country',
  'city',
  'website',
  'market_cap',
  'isin',
  'delisted',
];
const ISIN_RE = /^[A-Z]{2}[A-Z0-9]{9}\d$/;
const CJK_CHAR = '[\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff]';

/** Full-width Latin letters, digits and the ideographic space as their ASCII forms ("ＣＣＮ" → "CCN"). */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * An A-share short name without the exchange's trading markers: the risk-warning and
 * share-reform prefixes (*ST, ST, S*ST, S, PT) and a trailing share-class letter (万科A → 万科);
 * spaces the exchange pads short names with are removed ("万  科Ａ" → "万科").
 */
export function aShareName(raw: string): string {
  let s = halfWidth(raw).replace(new RegExp(`(${CJK_CHAR})\\s+(?=${CJK_CHAR})`, 'gu'), '$1');
  s = s.replace(new RegExp(`^(?:\\*ST|S\\*ST|SST|ST|PT|S|退市)(?=${CJK_CHAR})`, 'u'), '');
  s = s.replace(new RegExp(`(${CJK_CHAR})[AB]$`, 'u'), '$1');
  // A short name ending in 退 is one in its delisting period (绿景退): the marker is not the name.
  s = s.replace(new RegExp(`(${CJK_CHAR}{2,})退$`, 'u'), '$1');
  return s.trim();
}

interface NativeName {
  text: string;
  lang: string;
  source: string;
  isin?: string;
  preferred?: boolean;
  /** The list's segment (KRX: KOSPI, KOSDAQ …). */
  segment?: string;
}

/** code → native name, per list (adata-SH, adata-SZ, jpx, krx). */
export type NativeLists = Map<string, Map<string, NativeName>>;

export function readNativeLists(ctx: Pick<ImportContext, 'read' | 'exists'>, cfg = WORLD_LISTED_CONFIG): NativeLists {
  const lists: NativeLists = new Map();
  const pref = new RegExp(cfg.koreanPreferred, 'u');
  const sh = new Map<string, NativeName>();
  const sz = new Map<string, NativeName>();
  for (const { row, values } of parseCsv(ctx.read(ADATA_FILE), ADATA_FILE, ['stock_code', 'short_name', 'exchange'])) {
    const code = values.stock_code!;
    if (!/^\d{6}$/.test(code)) throw new ImportError(ADATA_FILE, row, `bad stock_code "${code}"`);
    const text = aShareName(values.short_name ?? '');
    if (!text) continue;
    const into = values.exchange === 'SH' ? sh : values.exchange === 'SZ' ? sz : undefined;
    into?.set(code, { text, lang: 'zh-Hans', source: '1nchaos__adata' });
  }
  lists.set('adata-SH', sh);
  lists.set('adata-SZ', sz);

  const jpx = new Map<string, NativeName>();
  const data = JSON.parse(ctx.read(JPX_FILE)) as unknown;
  if (!Array.isArray(data)) throw new ImportError(JPX_FILE, undefined, 'expected a JSON array');
  data.forEach((item: Record<string, unknown>, i) => {
    const code = item['コード'];
    const name = item['銘柄名'];
    if (typeof code !== 'string' || typeof name !== 'string')
      throw new ImportError(JPX_FILE, i + 1, 'item without コード and 銘柄名 strings');
    const text = halfWidth(name);
    if (text) jpx.set(code, { text, lang: 'ja', source: 'umihico__kabu-json-all-stock-list' });
  });
  lists.set('jpx', jpx);

  const krx = new Map<string, NativeName>();
  for (const { row, values } of parseCsv(ctx.read(KRX_FILE), KRX_FILE, ['Code', 'ISU_CD', 'Name'])) {
    const code = values.Code!;
    if (!/^[0-9A-Z]{6}$/.test(code)) throw new ImportError(KRX_FILE, row, `bad Code "${code}"`);
    const text = halfWidth(values.Name ?? '');
    if (!text) continue;
    const isin = ISIN_RE.test(values.ISU_CD ?? '') ? values.ISU_CD : undefined;
    krx.set(code, {
      text,
      lang: 'ko',
      source: 'FinanceData__fdr_krx_data_cache',
      ...(isin ? { isin } : {}),
      ...(pref.test(text) ? { preferred: true } : {}),
      ...(values.Market ? { segment: values.Market } : {}),
    });
  }
  lists.set('krx', krx);
  return lists;
}

interface Listing {
  market: MarketSpec;
  order: number;
  file: string;
  row: number;
  symbol: string;
  name: string;
  iso: string;
  country: string;
  city?: string;
  website?: string;
  sector?: string;
  industry?: string;
  band: string;
  isin: string[];
  native?: NativeName;
  /** Made from the exchange's own list alone (FinanceDatabase has no row for the code). */
  exchangeListOnly?: boolean;
}

/**
 * A FinanceDatabase name without what names a share line rather than the company:
 * "ZTO Express (Cayman), Inc. Sponsored ADR Class A" → "ZTO Express (Cayman), Inc.".
 */
export function cleanName(raw: string): string {
  let s = raw.replace(/\s+/g, ' ').trim();
  for (let prev = ''; prev !== s;) {
    prev = s;
    s = s
      .replace(/,?\s+(?:Class [A-Z]|Registered Shares|Sponsored ADR|ADR)$/i, '')
      .replace(/\s+\(publ\)$/i, '')
      .replace(/\s+-$/, '')
      .trim();
  }
  return s;
}

/** Name key for joining two lines of one company: letters and digits only, no accents, lower case. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function validUrl(u: string | undefined): string | undefined {
  if (!u) return undefined;
  try {
    const url = new URL(u);
    return /^https?:$/.test(url.protocol) && url.hostname.includes('.') ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** Reads one market's file: the rows kept, as listings; malformed kept rows go to `skipped`. */
export function readMarket(
  csv: string,
  market: MarketSpec,
  order: number,
  natives: NativeLists,
  skipped: string[],
  cfg = WORLD_LISTED_CONFIG,
): Listing[] {
  const file = `${FDB_DIR}/equities/${market.file}.csv`;
  const pattern = new RegExp(market.symbolPattern);
  const exclude = cfg.excludeNames.map((p) => new RegExp(p, 'i'));
  const natList = market.nativeNames ? natives.get(market.nativeNames) : undefined;
  if (market.nativeNames && !natList) throw new Error(`${market.file}: unknown native-name list ${market.nativeNames}`);
  const out: Listing[] = [];
  /** Every code FinanceDatabase lists for this market, kept or not. */
  const codes = new Set<string>();
  for (const { row, values: v } of parseCsv(csv, file, FDB_COLS)) {
    if (v.symbol?.endsWith(market.suffix)) codes.add(v.symbol.slice(0, -market.suffix.length));
    if (v.delisted !== 'False') continue;
    if (!market.countries.includes(v.country!)) continue;
    if (!market.bands.includes(v.market_cap!)) continue;
    const name = cleanName(v.name!);
    if (!name) {
      skipped.push(`${file} row ${row}: no name`);
      continue;
    }
    if (exclude.some((re) => re.test(name))) continue;
    const raw = v.symbol!;
    if (!raw.endsWith(market.suffix)) {
      skipped.push(`${file} row ${row}: symbol "${raw}" does not end in ${market.suffix}`);
      continue;
    }
    let symbol = raw.slice(0, -market.suffix.length);
    if (!pattern.test(symbol)) {
      skipped.push(`${file} row ${row}: symbol "${raw}" is not a ${market.exchange} share code`);
      continue;
    }
    if (market.classSeparator) symbol = symbol.replace(/-/g, market.classSeparator);
    const iso = cfg.countries[v.country!];
    if (!iso) throw new ImportError(file, row, `no ISO code for country "${v.country}"`);
    let native: NativeName | undefined;
    if (natList) {
      native = natList.get(symbol);
      // The exchange's own current list decides what is still listed there.
      if (!native) {
        skipped.push(
          `${file} row ${row}: ${symbol} (${name}) is not in the ${market.exchange} list it is checked against, left out`,
        );
        continue;
      }
      if (native.preferred) continue;
      const min = market.nativeMinLength?.[v.market_cap!];
      if (min && [...native.text].length < min) {
        skipped.push(
          `${file} row ${row}: ${symbol} (${name}, ${v.market_cap}) has the short native name ${native.text}, left out`,
        );
        continue;
      }
    }
    const isin = [v.isin, native?.isin].filter((x): x is string => !!x && ISIN_RE.test(x));
    if (v.isin && !ISIN_RE.test(v.isin)) skipped.push(`${file} row ${row}: bad isin "${v.isin}" left out`);
    out.push({
      market,
      order,
      file: market.file,
      row,
      symbol,
      name,
      iso,
      country: v.country!,
      ...(v.city ? { city: v.city } : {}),
      ...(validUrl(v.website) ? { website: validUrl(v.website) } : {}),
      ...(v.sector ? { sector: v.sector } : {}),
      ...(v.industry ? { industry: v.industry } : {}),
      band: v.market_cap!,
      isin: [...new Set(isin)],
      ...(native ? { native } : {}),
    });
  }
  const only = market.exchangeListOnly;
  if (only && natList) {
    const iso = cfg.countries[market.countries[0]!];
    if (!iso) throw new Error(`${market.file}: no ISO code for country "${market.countries[0]}"`);
    for (const [symbol, native] of natList) {
      if (codes.has(symbol) || native.preferred || !only.segments.includes(native.segment ?? '')) continue;
      if (!pattern.test(symbol)) continue;
      // A name in Latin letters alone (NICE, S-Oil) may be a word or another firm's name: left out.
      if ([...native.text].length < only.minLength || !new RegExp(CJK_CHAR, 'u').test(native.text)) {
        skipped.push(
          `${native.source}: ${symbol} (${native.text}) is not in FinanceDatabase and its name is short or has no native script, left out`,
        );
        continue;
      }
      out.push({
        market,
        order,
        file: market.file,
        row: 0,
        symbol,
        name: native.text,
        iso,
        country: market.countries[0]!,
        band: '',
        isin: native.isin ? [native.isin] : [],
        native,
        exchangeListOnly: true,
      });
    }
  }
  return out;
}

/**
 * Groups listings of one company: the same ISIN or the same name, in the same country. Lines
 * the exchange's own list names differently (KRX: POSCO Holdings, POSCO Future M …) stay apart.
 * Of several lines on one exchange only the shortest codes are kept: the longer ones are
 * preferred shares, notes or structured products (BMO and BMO.PB, ACA and ACAFO).
 */
export function groupListings(listings: Listing[]): { g: Listing[]; split: boolean }[] {
  const parent = listings.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const seen = new Map<string, number>();
  listings.forEach((l, i) => {
    const keys = [l.name, stripLegalSuffix(l.name)].map((n) => `name:${l.iso}:${nameKey(n)}`);
    for (const key of [...l.isin.map((x) => `isin:${l.iso}:${x}`), ...new Set(keys)]) {
      const j = seen.get(key);
      if (j === undefined) seen.set(key, i);
      else union(i, j);
    }
  });
  const groups = new Map<number, Listing[]>();
  listings.forEach((l, i) => {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r)!.push(l);
  });
  const out: { g: Listing[]; split: boolean }[] = [];
  for (const g of groups.values()) {
    g.sort((a, b) => a.order - b.order || a.row - b.row);
    const natives = [...new Set(g.filter((l) => l.native).map((l) => l.native!.text))];
    const parts =
      natives.length > 1 ? natives.map((t, k) => g.filter((l) => (l.native ? l.native.text === t : k === 0))) : [g];
    for (const part of parts) {
      const shortest = new Map<string, number>();
      for (const l of part)
        shortest.set(l.market.exchange, Math.min(shortest.get(l.market.exchange) ?? Infinity, l.symbol.length));
      out.push({ g: part.filter((l) => l.symbol.length === shortest.get(l.market.exchange)), split: parts.length > 1 });
    }
  }
  return out;
}

/** Records already in the dataset: the same firm is found by ticker + exchange, ISIN, or name and country. */
interface Known {
  byTicker: Map<string, EntityRecord>;
  byIsin: Map<string, EntityRecord>;
  byName: Map<string, EntityRecord>;
  /** Every name, native name and alias (lower case, without a leading "the") → the records that have it. */
  texts: Map<string, Set<string>>;
}

const tickerKey = (exchange: string, symbol: string) =>
  `${exchange}|${symbol.replace(/[^A-Za-z0-9]/g, '').toUpperCase()}`;
const textKey = (t: string) =>
  t
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, '');

function indexKnown(records: readonly EntityRecord[]): Known {
  const k: Known = { byTicker: new Map(), byIsin: new Map(), byName: new Map(), texts: new Map() };
  for (const r of records) {
    const texts = [
      r.name,
      ...(r.nativeNames ?? []).map((n) => n.text),
      ...(r.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
    ];
    for (const t of texts) {
      const key = textKey(t);
      if (!k.texts.has(key)) k.texts.set(key, new Set());
      k.texts.get(key)!.add(r.id);
    }
    if (r.type !== 'firm') continue;
    for (const t of r.firm?.tickers ?? []) k.byTicker.set(tickerKey(t.exchange, t.symbol), r);
    for (const i of r.ids?.isin ?? []) k.byIsin.set(i, r);
    for (const n of [...texts, r.firm?.legalName])
      if (n && !/^[A-Z0-9]{1,4}$/.test(n)) k.byName.set(`${r.jurisdiction}:${nameKey(n)}`, r);
  }
  return k;
}

function listingsPhrase(g: Listing[]): string {
  const parts: string[] = [];
  for (const l of g) {
    const p = `${l.market.exchange} (${l.symbol})`;
    if (!parts.includes(p)) parts.push(p);
  }
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0]!;
}

export interface WorldListedOptions {
  /** Records of curated files and earlier importers: a listed company among them keeps its id there. */
  existing?: readonly EntityRecord[];
  /** Curated ids: a record with such an id is replaced by the curated one. */
  curatedIds?: ReadonlySet<string>;
  reservedIds?: ReadonlySet<string>;
  cfg?: WorldListedConfig;
}

interface Planned {
  g: Listing[];
  id: string;
  name: string;
  legalName: string;
}

export function buildWorldListed(
  listings: Listing[],
  skipped: string[],
  opts: WorldListedOptions = {},
): EntityRecord[] {
  const cfg = opts.cfg ?? WORLD_LISTED_CONFIG;
  const known = indexKnown(opts.existing ?? []);
  const curatedIds = opts.curatedIds ?? new Set<string>();
  const ids = new Set<string>();
  /** Names of the new records, lower case → id. */
  const names = new Map<string, string>();
  /** Is this text another record's name, native name or alias? */
  const taken = (text: string, self?: string) => {
    const k = textKey(text);
    const mine = names.get(k);
    return (mine !== undefined && mine !== self) || [...(known.texts.get(k) ?? [])].some((x) => x !== self);
  };
  const planned: Planned[] = [];
  // 1. Which firms are new, and their names and ids.
  for (const { g, split } of groupListings(listings)) {
    const first = g[0]!;
    const where = first.exchangeListOnly
      ? `${first.native!.source} ${first.symbol}`
      : `${FDB_DIR}/equities/${first.file}.csv row ${first.row}`;
    let match: EntityRecord | undefined;
    for (const l of g) {
      match ??= known.byTicker.get(tickerKey(l.market.exchange, l.symbol));
      for (const i of l.isin) match ??= known.byIsin.get(i);
    }
    // By name in the same country: as written, without its legal form or a parenthesis, the
    // exchange's own name; shorter forms ("Roche Holding" → "Roche") only for a listed firm.
    const forms = (n: string) => [n, stripLegalSuffix(n), stripLegalSuffix(n.replace(/\s*\([^)]*\)/g, ''))];
    for (const l of g)
      for (const n of [...forms(l.name), ...(l.native ? [l.native.text] : [])])
        match ??= known.byName.get(`${l.iso}:${nameKey(n)}`);
    for (const l of g)
      for (const n of companyAliases(l.name)) {
        const r = known.byName.get(`${l.iso}:${nameKey(n)}`);
        if (r?.firm?.tickers?.length) match ??= r;
      }
    if (!match)
      for (const l of g) {
        const id = cfg.sameFirm[`${l.market.exchange}:${l.symbol}`];
        if (id) match = (opts.existing ?? []).find((r) => r.id === id);
        if (id && !match) throw new Error(`world-listed.json sameFirm: no record ${id}`);
      }
    if (split && !match) {
      skipped.push(
        `${where}: FinanceDatabase names ${first.symbol} "${first.name}" like a firm the ${first.market.exchange} list names otherwise, left out`,
      );
      continue;
    }
    if (match && !curatedIds.has(match.id)) {
      skipped.push(`${where}: ${first.name} is already ${match.id} (from another source)`);
      continue;
    }
    const unnamed = first.market.bandsWithoutNativeName;
    if (!match && unnamed && !g.some((l) => l.native) && !unnamed.includes(first.band)) {
      skipped.push(`${where}: ${first.name} (${first.band}) has no native-script name, left out`);
      continue;
    }
    const legalName = first.name;
    const short = stripLegalSuffix(legalName).replace(/^The\s+/, '');
    if (match) {
      if (!ids.has(match.id)) {
        ids.add(match.id);
        planned.push({ g, id: match.id, name: short, legalName });
      } else skipped.push(`${where}: ${first.name} is a second line of ${match.id}`);
      continue;
    }
    // Names are unique in the dataset and no other record's alias: else the legal name, then with the country.
    const name = [short, legalName, `${legalName} (${first.country})`].find((n) => !taken(n));
    if (!name) {
      skipped.push(`${where}: the name "${short}" is taken by another record`);
      continue;
    }
    const prefix = cfg.idPrefix[first.iso] ?? first.iso.toLowerCase();
    let id = first.exchangeListOnly
      ? `${prefix}-${slug(first.market.exchange)}-${slug(first.symbol)}`
      : `${prefix}-${slug(short) || slug(first.symbol)}`;
    if (ids.has(id) || opts.reservedIds?.has(id)) id = `${id}-${slug(first.symbol)}`;
    if (ids.has(id) || opts.reservedIds?.has(id)) {
      skipped.push(`${where}: id ${id} is taken`);
      continue;
    }
    ids.add(id);
    names.set(textKey(name), id);
    planned.push({ g, id, name, legalName });
  }

  // Native names two new records share, or another record already has, are left out.
  const nativeCount = new Map<string, number>();
  for (const p of planned)
    for (const t of new Set(p.g.filter((l) => l.native).map((l) => l.native!.text)))
      nativeCount.set(t, (nativeCount.get(t) ?? 0) + 1);

  // An ISIN on listings of two firms (a vendor's slip) is left off both.
  const isinOwners = new Map<string, Set<string>>();
  for (const p of planned)
    for (const i of p.g.flatMap((l) => l.isin)) {
      if (!isinOwners.has(i)) isinOwners.set(i, new Set());
      isinOwners.get(i)!.add(p.id);
    }
  // The firm of the ISIN's country keeps it; the others are listed with another firm's ISIN (and
  // name): a vendor's slip, left out. With none of that country, all are left out.
  const dropped = new Set<string>();
  for (const [i, owners] of isinOwners) {
    if (owners.size < 2) continue;
    const home = planned.filter((p) => owners.has(p.id) && p.g[0]!.iso === i.slice(0, 2)).map((p) => p.id);
    for (const o of owners)
      if (home.length !== 1 || home[0] !== o) {
        dropped.add(o);
        skipped.push(
          `${o}: listed with the ISIN ${i} that ${[...owners].filter((x) => x !== o).join(', ')} has too, left out`,
        );
      }
    owners.clear();
    if (home.length === 1) owners.add(home[0]!);
  }
  for (let k = planned.length - 1; k >= 0; k--) if (dropped.has(planned[k]!.id)) planned.splice(k, 1);

  // 2. The records.
  const out: EntityRecord[] = [];
  for (const { g, id, name, legalName } of planned) {
    const first = g[0]!;
    const tickers: { symbol: string; exchange: string }[] = [];
    for (const l of g)
      if (!tickers.some((t) => t.symbol === l.symbol && t.exchange === l.market.exchange))
        tickers.push({ symbol: l.symbol, exchange: l.market.exchange });
    const isin = [...new Set(g.flatMap((l) => l.isin))].filter((i) => isinOwners.get(i)!.has(id)).sort();
    const nativeNames: { text: string; lang: string }[] = [];
    for (const l of g) {
      const n = l.native;
      if (!n || nativeNames.some((x) => x.text === n.text)) continue;
      if (nativeCount.get(n.text)! > 1 || taken(n.text, id))
        skipped.push(
          `${FDB_DIR}/equities/${l.file}.csv row ${l.row}: native name ${n.text} is another record's too, left out`,
        );
      else nativeNames.push({ text: n.text, lang: n.lang });
    }
    // Shorter names news uses, unless they are another record's name.
    const aliases: AliasInput[] = [];
    for (const a of [legalName, ...companyAliases(legalName)]) {
      const k = textKey(a);
      if (k === textKey(name) || aliases.some((x) => textKey(x as string) === k)) continue;
      if (taken(a, id)) continue;
      // Two letters ("VZ" from "VZ Holding") match too much to be a name.
      if (a.replace(/[^\p{L}\p{N}]/gu, '').length < 3) continue;
      aliases.push(a);
    }
    const withData = (f: (l: Listing) => string | undefined) => g.map(f).find((x) => x !== undefined);
    const city = withData((l) => l.city);
    const sector = withData((l) => l.sector);
    const industry = withData((l) => l.industry);
    const website = withData((l) => l.website);
    const headquarters = city ? `${city}, ${first.country}` : undefined;

    let description = 'Company';
    if (industry && sector) description += ` in the ${industry} industry (${sector} sector)`;
    else if (sector) description += ` in the ${sector} sector`;
    description += headquarters ? `, based in ${headquarters}` : ` of ${first.country}`;
    description += `; its shares trade on ${listingsPhrase(g)}.`;
    const band = cfg.bandWords[first.band];
    if (band) description += ` FinanceDatabase classes it as ${band}.`;

    const sources: SourceRef[] = [];
    const used = [
      ...new Set(g.filter((l) => !l.exchangeListOnly).map((l) => `${FDB_DIR}:${l.file}`)),
      ...new Set(nativeNames.length ? g.filter((l) => l.native).map((l) => l.native!.source) : []),
    ];
    let asOf = '';
    for (const u of used) {
      const [dir, file = ''] = u.split(':') as [string, string?];
      const spec = cfg.sources[dir];
      if (!spec) throw new Error(`world-listed.json: no source for ${dir}`);
      sources.push({
        url: spec.url.replace('{file}', file),
        date: spec.date,
        title: spec.title.replace('{file}', file),
      });
      if (spec.date > asOf) asOf = spec.date;
    }

    out.push({
      id,
      type: 'firm',
      name,
      ...(nativeNames.length ? { nativeNames } : {}),
      ...(aliases.length ? { aliases } : {}),
      jurisdiction: first.iso,
      description,
      firm: {
        ...(legalName !== name ? { legalName } : {}),
        tickers,
        ...(headquarters ? { headquarters } : {}),
        ...(sector ? { sector: industry ? `${sector}: ${industry}` : sector } : {}),
        ...(website ? { website } : {}),
      },
      ...(isin.length ? { ids: { isin } } : {}),
      sources,
      asOf,
    });
  }
  return out;
}

export function importWorldListed(ctx: ImportContext, opts: WorldListedOptions = {}): ImportResult {
  const cfg = opts.cfg ?? WORLD_LISTED_CONFIG;
  const skipped: string[] = [];
  const natives = readNativeLists(ctx, cfg);
  const listings = cfg.markets.flatMap((m, order) =>
    readMarket(ctx.read(`${FDB_DIR}/equities/${m.file}.csv`), m, order, natives, skipped, cfg),
  );
  return { records: buildWorldListed(listings, skipped, { ...opts, cfg }), skipped };
}

export const worldListedImporter: Importer = {
  output: 'world-listed-firms',
  reads: [FDB_DIR, '1nchaos__adata', 'umihico__kabu-json-all-stock-list', 'FinanceData__fdr_krx_data_cache'],
  run: (ctx) =>
    importWorldListed(ctx, {
      existing: ctx.existing,
      curatedIds: ctx.curatedIds,
      reservedIds: ctx.reservedIds,
    }),
};
