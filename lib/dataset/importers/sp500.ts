/**
 * S&P 500 constituents (datasets/s-and-p-500-companies) → firm records, with each ticker's
 * exchange looked up in the NASDAQ Trader symbol directories (datasets/nasdaq-listings,
 * datasets/nyse-other-listings).
 */
import { companyAliases, stripLegalSuffix, unInvertArticle } from '../legal-forms';
import type { AliasInput, EntityRecord } from '../schema';
import { ImportError, parseCsv } from './csv';
import type { Importer } from './source';

export const SP500_FILE = 'datasets__s-and-p-500-companies/constituents.csv';
export const NASDAQ_FILE = 'datasets__nasdaq-listings/nasdaq-listed.csv';
export const NYSE_FILE = 'datasets__nyse-other-listings/nyse-listed.csv';
export const OTHER_FILE = 'datasets__nyse-other-listings/other-listed.csv';

const SP500_URL = 'https://github.com/datasets/s-and-p-500-companies/blob/main/data/constituents.csv';
/** The day constituents.csv last changed (SOURCE.md). */
export const SP500_AS_OF = '2026-08-08';

/** other-listed.csv's Exchange column (NASDAQ Trader symbol directory definitions). */
const OTHER_EXCHANGES: Record<string, string> = {
  A: 'NYSE American',
  N: 'NYSE',
  P: 'NYSE Arca',
  Z: 'Cboe BZX',
  V: 'IEX',
};

/** Symbol → exchange, from the three listing files (NASDAQ first, then NYSE, then the rest). */
export function listingExchanges(nasdaqCsv: string, nyseCsv: string, otherCsv: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { values } of parseCsv(nasdaqCsv, NASDAQ_FILE, ['Symbol']))
    if (values.Symbol && !out.has(values.Symbol)) out.set(values.Symbol, 'NASDAQ');
  for (const { values } of parseCsv(nyseCsv, NYSE_FILE, ['ACT Symbol']))
    if (values['ACT Symbol'] && !out.has(values['ACT Symbol']!)) out.set(values['ACT Symbol']!, 'NYSE');
  for (const { row, values } of parseCsv(otherCsv, OTHER_FILE, ['ACT Symbol', 'Exchange'])) {
    const sym = values['ACT Symbol']!;
    if (!sym || out.has(sym)) continue;
    const ex = OTHER_EXCHANGES[values.Exchange!];
    if (!ex) throw new ImportError(OTHER_FILE, row, `unknown Exchange code "${values.Exchange}"`);
    out.set(sym, ex);
  }
  return out;
}

export interface Sp500Options {
  isWord: (w: string) => boolean;
  /** Symbol → exchange; a symbol not in it gets no ticker entry (the exchange is not guessed). */
  exchanges: Map<string, string>;
  /** Ids taken by other sources (us-cms is the Medicare agency): such a firm gets us-<name slug>. */
  reservedIds?: ReadonlySet<string>;
}

/** Names whose legal form is part of how the firm is called, kept whole. */
const KEEP_NAME: Record<string, string> = {};

const COLS = [
  'Symbol',
  'Security',
  'GICS Sector',
  'GICS Sub-Industry',
  'Headquarters Location',
  'Date added',
  'CIK',
  'Founded',
];
const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "Alphabet Inc. (Class A)" → "Alphabet Inc."; "Lilly (Eli)" → "Eli Lilly"; "Home Depot (The)" → "The Home Depot". */
export function securityDisplayName(security: string): string {
  let s = security.replace(/\s*\(Class [A-Z]\)$/, '').trim();
  const given = /^(.+?)\s+\(([A-Z][a-z]+)\)$/.exec(s);
  if (given && given[2] !== 'The') s = `${given[2]} ${given[1]}`;
  return unInvertArticle(s);
}

/** A ticker as an alias: never for one or two letters; flagged ambiguous when it is a word. */
export function tickerAlias(symbol: string, isWord: (w: string) => boolean): AliasInput | undefined {
  const letters = symbol.replace(/[^A-Za-z]/g, '');
  if (letters.length < 3) return undefined;
  const alias: { text: string; acronym: true; ambiguous?: boolean } = { text: symbol, acronym: true };
  if (isWord(symbol.toLowerCase())) alias.ambiguous = true;
  return alias;
}

export function importSp500(csv: string, opts: Sp500Options, file = SP500_FILE): EntityRecord[] {
  const rows = parseCsv(csv, file, COLS);
  const byName = new Map<string, EntityRecord>();
  const ids = new Set<string>();
  for (const { row, values: v } of rows) {
    const symbol = v.Symbol!;
    if (!/^[A-Z][A-Z.]*$/.test(symbol)) throw new ImportError(file, row, `bad Symbol "${symbol}"`);
    if (!v.Security) throw new ImportError(file, row, 'empty Security');
    if (!/^0*[1-9]\d*$/.test(v.CIK!)) throw new ImportError(file, row, `bad CIK "${v.CIK}"`);
    if (v['Date added'] && !DATE_RE.test(v['Date added']!))
      throw new ImportError(file, row, `bad Date added "${v['Date added']}"`);
    const display = securityDisplayName(v.Security);
    const exchange = opts.exchanges.get(symbol);
    const alias = tickerAlias(symbol, opts.isWord);
    // Share classes of one company (GOOGL/GOOG, FOXA/FOX) become one record with two tickers.
    const prev = byName.get(display);
    if (prev) {
      if (exchange) (prev.firm!.tickers ??= []).push({ symbol, exchange });
      if (alias) prev.aliases!.push(alias);
      continue;
    }
    let id = `us-${slug(symbol)}`;
    if (opts.reservedIds?.has(id)) id = `us-${slug(stripLegalSuffix(display).replace(/^The\s+/, ''))}`;
    if (ids.has(id)) id = `${id}-${slug(display)}`;
    ids.add(id);
    const stripped = KEEP_NAME[symbol] ?? stripLegalSuffix(display);
    const name = stripped.replace(/^The\s+/, '');
    const aliases: AliasInput[] = [];
    for (const a of [display, ...companyAliases(display)]) if (a !== name && !aliases.includes(a)) aliases.push(a);
    if (alias && alias.valueOf() !== name) aliases.push(alias);
    // The list writes "none" for a company without a head office (Block): no field, no clause.
    const hqRaw = v['Headquarters Location']?.trim();
    const hq = hqRaw && !/^none$/i.test(hqRaw) ? hqRaw : undefined;
    const sub = v['GICS Sub-Industry'];
    const sector = v['GICS Sector'];
    const parts = [`US company in the GICS sub-industry ${sub} (${sector} sector)`];
    if (hq) parts[0] += `, headquartered in ${hq}`;
    if (/^\d{4}$/.test(v.Founded ?? '')) parts.push(`founded in ${v.Founded}`);
    let description = parts.join(', ');
    if (v['Date added']) description += `; a member of the S&P 500 index since ${v['Date added']}`;
    description += '.';
    const record: EntityRecord = {
      id,
      type: 'firm',
      name,
      aliases,
      jurisdiction: 'US',
      description,
      firm: {
        ...(stripped !== display ? { legalName: display } : {}),
        ...(exchange ? { tickers: [{ symbol, exchange }] } : {}),
        ...(hq ? { headquarters: hq } : {}),
        sector: `${sector}: ${sub}`,
      },
      ids: { cik: v.CIK!.replace(/^0+/, '') },
      sources: [SP500_URL, `https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=${v.CIK}`],
      asOf: SP500_AS_OF,
    };
    byName.set(display, record);
  }
  return [...byName.values()];
}

export const sp500Importer: Importer = {
  output: 'sp500',
  reads: ['datasets__s-and-p-500-companies', 'datasets__nasdaq-listings', 'datasets__nyse-other-listings'],
  run(ctx) {
    const exchanges = listingExchanges(ctx.read(NASDAQ_FILE), ctx.read(NYSE_FILE), ctx.read(OTHER_FILE));
    const records = importSp500(ctx.read(SP500_FILE), { isWord: ctx.isWord, exchanges, reservedIds: ctx.reservedIds });
    return { records, skipped: [] };
  },
};
