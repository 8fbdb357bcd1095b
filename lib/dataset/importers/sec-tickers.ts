/**
 * US-listed operating companies from the SEC's company list with exchanges
 * (company_tickers_exchange.json, as copied into dgunning/edgartools'
 * `edgar/reference/data/company_tickers.parquet` and extracted to CSV by `npm run dataset:sources`)
 * → firm records with CIK, tickers and exchange.
 *
 * Which rows count is a hand table, `assets/dataset/sources/dgunning__edgartools/rules.json`:
 * exchange-listed tickers only (NYSE, Nasdaq, Cboe; not OTC), no funds, ETFs, trusts, SPAC shells
 * (by the company's name), warrants, units, rights, preferred shares or notes (by the ticker and by
 * the security's name in the NASDAQ Trader symbol directories). Companies that show they are not
 * US companies (American depositary shares, ordinary shares, a foreign legal form or EDGAR
 * location in the name) are left out: their jurisdiction is not the listing's, and the world-firms
 * importers cover them.
 */
import { z } from 'zod';
import rulesJson from '../../../assets/dataset/sources/dgunning__edgartools/rules.json';
import { companyAliases, stripLegalSuffix } from '../legal-forms';
import { foldName } from '../merge';
import type { AliasInput, EntityRecord } from '../schema';
import { ImportError, parseCsv } from './csv';
import type { Importer } from './source';
import { NASDAQ_FILE, NYSE_FILE, OTHER_FILE, listingExchanges, slug, tickerAlias } from './sp500';

export const SEC_FILE = 'dgunning__edgartools/company_tickers.csv';
export const RULES_FILE = 'assets/dataset/sources/dgunning__edgartools/rules.json';
/** The day edgartools copied the SEC list (its commit ed90631 "refresh company_tickers.parquet from SEC"). */
export const SEC_AS_OF = '2026-06-01';
const SEC_LIST_URL = 'https://www.sec.gov/files/company_tickers_exchange.json';
const COPY_URL =
  'https://github.com/dgunning/edgartools/blob/ca5a70094da7fc34890161dae9c256bb1f4c3d26/edgar/reference/data/company_tickers.parquet';
export const edgarCompanyUrl = (cik: string) => `https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=${cik}`;

const ruleSchema = z.object({ why: z.string(), pattern: z.string(), unless: z.string().optional() }).strict();
const rulesSchema = z
  .object({
    about: z.string(),
    exchanges: z.record(z.string(), z.string()),
    leaveOutCompany: z.array(ruleSchema),
    leaveOutSecurity: z.array(ruleSchema),
    leaveOutTicker: z.array(ruleSchema),
    foreignSecurity: z.string(),
    foreignName: z.string(),
  })
  .strict();
export type SecRulesInput = z.infer<typeof rulesSchema>;

interface Rule {
  why: string;
  re: RegExp;
  unless?: RegExp;
}
export interface SecRules {
  exchanges: Record<string, string>;
  company: Rule[];
  security: Rule[];
  ticker: Rule[];
  foreignSecurity: RegExp;
  foreignName: RegExp;
}

/** Checks and compiles the rules; a bad pattern names the file and the rule. */
export function parseRules(data: unknown, file = RULES_FILE): SecRules {
  const r = rulesSchema.safeParse(data);
  if (!r.success)
    throw new ImportError(file, undefined, r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '));
  const re = (p: string, where: string) => {
    try {
      return new RegExp(p, 'iu');
    } catch (err) {
      throw new ImportError(file, undefined, `${where}: ${(err as Error).message}`);
    }
  };
  const rules = (list: z.infer<typeof ruleSchema>[], key: string) =>
    list.map((x, i) => ({
      why: x.why,
      re: re(x.pattern, `${key}[${i}]`),
      ...(x.unless ? { unless: re(x.unless, `${key}[${i}].unless`) } : {}),
    }));
  return {
    exchanges: r.data.exchanges,
    company: rules(r.data.leaveOutCompany, 'leaveOutCompany'),
    security: rules(r.data.leaveOutSecurity, 'leaveOutSecurity'),
    ticker: rules(r.data.leaveOutTicker, 'leaveOutTicker'),
    foreignSecurity: re(r.data.foreignSecurity, 'foreignSecurity'),
    foreignName: re(r.data.foreignName, 'foreignName'),
  };
}

export const SEC_RULES: SecRules = parseRules(rulesJson);

const hit = (rules: Rule[], s: string) => rules.find((r) => r.re.test(s) && !(r.unless && r.unless.test(s)));

/**
 * What each symbol is, from the NASDAQ Trader directories: Nasdaq's "Security Name" after the
 * company ("Apple Inc. - Common Stock" → "Common Stock"), NYSE's and the others' whole name
 * ("Bank of Hawaii Corporation Common Stock"), which the rules read only when it does not say
 * common stock (a company called "Preferred Bank" is not a preferred share).
 */
export function securityNames(nasdaqCsv: string, nyseCsv: string, otherCsv: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const { values } of parseCsv(nasdaqCsv, NASDAQ_FILE, ['Symbol', 'Security Name'])) {
    const name = values['Security Name']!;
    const i = name.lastIndexOf(' - ');
    out.set(values.Symbol!, i >= 0 ? name.slice(i + 3) : name);
  }
  for (const { values } of parseCsv(otherCsv, OTHER_FILE, ['ACT Symbol', 'Security Name']))
    if (!out.has(values['ACT Symbol']!)) out.set(values['ACT Symbol']!, values['Security Name']!);
  for (const { values } of parseCsv(nyseCsv, NYSE_FILE, ['ACT Symbol', 'Company Name']))
    if (!out.has(values['ACT Symbol']!)) out.set(values['ACT Symbol']!, values['Company Name']!);
  return out;
}

/**
 * The issuer's name as the NASDAQ Trader directories write it, without the security's kind
 * ("Compania Cervecerias Unidas, S.A. Common Stock" → "Compania Cervecerias Unidas, S.A."): the
 * listing's own word on the issuer, where EDGAR's name may be an English one ("UNITED BREWERIES
 * CO INC") that hides a foreign legal form.
 */
export function listedIssuerNames(nasdaqCsv: string, nyseCsv: string, otherCsv: string): Map<string, string> {
  const out = new Map<string, string>();
  const issuer = (s: string) =>
    s
      .replace(/\s+-\s+.*$/, '')
      .replace(/\s+(class [a-z]\s+)?(common|ordinary|capital|voting|subordinate)\b.*$/i, '')
      .replace(/\s*\((DE|NV|MD|NY|CA|TX|FL|OH|PA|NJ|MA|WA|MN|CO|UT|OK|LA|GA|VA|IN|WI|MI|IL)\)$/, '') // a US state, not N.V.
      .trim();
  for (const { values } of parseCsv(nasdaqCsv, NASDAQ_FILE, ['Symbol', 'Security Name']))
    out.set(values.Symbol!, issuer(values['Security Name']!));
  for (const { values } of parseCsv(otherCsv, OTHER_FILE, ['ACT Symbol', 'Security Name']))
    if (!out.has(values['ACT Symbol']!)) out.set(values['ACT Symbol']!, issuer(values['Security Name']!));
  for (const { values } of parseCsv(nyseCsv, NYSE_FILE, ['ACT Symbol', 'Company Name']))
    if (!out.has(values['ACT Symbol']!)) out.set(values['ACT Symbol']!, issuer(values['Company Name']!));
  return out;
}

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'de', 'du', 'la', 'le', 'del', 'y', 'to']);

/**
 * EDGAR writes many names in capitals ("MICROSOFT CORP"): those get capitals only at word starts,
 * keeping initialisms (no vowel, or three letters or fewer that are not a word: "CVS", "ABM",
 * "U.S.") in capitals. Mixed-case names are kept as they are.
 */
export function displayCase(name: string, isWord: (w: string) => boolean): string {
  // Legal forms in capitals read as words ("ENNIS, INC." → "Ennis, Inc."), in any name.
  const forms = name.replace(
    /(^|[\s,])(INC|CORP|CO|COS|LTD|HLDGS|INCORPORATED|CORPORATION|COMPANY)(?=\.?$|\.?[\s,])/g,
    (_m, pre: string, f: string) => pre + f[0] + f.slice(1).toLowerCase(),
  );
  if (
    /\p{Ll}/u.test(
      forms.replace(/(^|[\s,])(Inc|Corp|Co|Cos|Ltd|Hldgs|Incorporated|Corporation|Company)(?=\.?$|\.?[\s,])/g, ''),
    )
  )
    return forms;
  return forms
    .split(/(\s+)/)
    .map((tok, i) => {
      if (/^\s+$/.test(tok)) return tok;
      if (/^(\p{Lu}\.)+$/u.test(tok) || /\d/.test(tok) || /&/.test(tok)) return tok;
      return tok
        .split('-')
        .map((part) => {
          const core = part.replace(/[^\p{L}']/gu, '');
          if (!core) return part;
          const lower = core.toLowerCase();
          if (i > 0 && SMALL_WORDS.has(lower)) return part.toLowerCase();
          if (!/[AEIOUY]/.test(core) || (core.length <= 3 && !isWord(lower))) return part;
          return part
            .toLowerCase()
            .replace(/\p{L}/u, (c) => c.toUpperCase())
            .replace(
              /(^|[^\p{L}])(\p{L})'(\p{L})/u,
              (_m, a: string, b: string, c: string) => `${a}${b}'${c.toUpperCase()}`,
            );
        })
        .join('-');
    })
    .join('');
}

/** "TOYOTA MOTOR CORP/", "ACME INC /DE/", "FOO CORP (DE)" → without EDGAR's location marks. */
export function withoutEdgarMarks(name: string): string {
  return name
    .replace(/\s*\/[A-Z]{1,4}\/?\s*$/, '')
    .replace(/\s*\((DE|DELAWARE|NEW)\)\s*$/i, '')
    .replace(/\/$/, '')
    .trim();
}

export interface SecOptions {
  isWord: (w: string) => boolean;
  /** Symbol → exchange and security name, from the NASDAQ Trader directories. */
  exchanges: Map<string, string>;
  securities: Map<string, string>;
  /** Symbol → the issuer's name in those directories (`listedIssuerNames`). */
  issuers?: Map<string, string>;
  reservedIds?: ReadonlySet<string>;
  rules?: SecRules;
}

interface Company {
  cik: string;
  name: string;
  row: number;
  tickers: { symbol: string; exchange: string }[];
  foreign?: string;
  /** The listing names the issuer with a foreign legal form ("…, S.A."). */
  foreignIssuer?: string;
  leftOut: string[];
}

export function importSecTickers(
  csv: string,
  opts: SecOptions,
  file = SEC_FILE,
): { records: EntityRecord[]; skipped: string[] } {
  const rules = opts.rules ?? SEC_RULES;
  const skipped: string[] = [];
  const companies = new Map<string, Company>();
  for (const { row, values: v } of parseCsv(csv, file, ['cik', 'ticker', 'exchange', 'name'])) {
    const cik = v.cik!.replace(/^0+/, '');
    if (!/^[1-9]\d{0,9}$/.test(cik)) {
      skipped.push(`${file} row ${row}: bad cik "${v.cik}"`);
      continue;
    }
    if (!v.name || !v.ticker) {
      skipped.push(`${file} row ${row}: no name or ticker`);
      continue;
    }
    let c = companies.get(cik);
    if (!c) companies.set(cik, (c = { cik, name: v.name, row, tickers: [], leftOut: [] }));
    const exchange = rules.exchanges[v.exchange!];
    if (!exchange) {
      c.leftOut.push(`${v.ticker} is not exchange-listed (${v.exchange || 'no exchange'})`);
      continue;
    }
    const byTicker = hit(rules.ticker, v.ticker);
    if (byTicker) {
      c.leftOut.push(`${v.ticker}: ${byTicker.why}`);
      continue;
    }
    // SEC writes class shares with a hyphen (BRK-B), the exchanges with a dot.
    const symbol = v.ticker.replace(/-/g, '.');
    const security = opts.securities.get(symbol);
    if (security) {
      if (rules.foreignSecurity.test(security)) c.foreign ??= `${symbol} is "${security}"`;
      const issuer = opts.issuers?.get(symbol);
      // Only an issuer named otherwise than EDGAR names the company: EDGAR's name is then an
      // English rendering ("UNITED BREWERIES CO INC" for Compania Cervecerias Unidas, S.A.); the
      // same name with another legal form is a stale listing or a US state ("(NV)"), and EDGAR wins.
      if (issuer && rules.foreignName.test(issuer) && firmKey(issuer) !== firmKey(withoutEdgarMarks(c.name)))
        c.foreignIssuer ??= `${symbol} is listed as issued by "${issuer}"`;
      const common = /\bcommon (stock|shares?)\b/i.test(security);
      const bySecurity = common ? undefined : hit(rules.security, security);
      if (bySecurity) {
        c.leftOut.push(`${symbol}: ${bySecurity.why}`);
        continue;
      }
    }
    if (!c.tickers.some((t) => t.symbol === symbol))
      c.tickers.push({ symbol, exchange: opts.exchanges.get(symbol) ?? exchange });
  }

  const records: EntityRecord[] = [];
  const used = new Set<string>();
  for (const c of companies.values()) {
    const where = `${file} row ${c.row} (CIK ${c.cik}, ${c.name})`;
    if (!c.tickers.length) {
      skipped.push(`${where}: no exchange-listed common share (${c.leftOut.join('; ')})`);
      continue;
    }
    const byName = hit(rules.company, c.name);
    if (byName) {
      skipped.push(`${where}: ${byName.why}`);
      continue;
    }
    if (c.foreign || rules.foreignName.test(c.name) || c.foreignIssuer) {
      const why = c.foreign ?? (rules.foreignName.test(c.name) ? 'its name' : c.foreignIssuer);
      skipped.push(`${where}: foreign issuer (${why})`);
      continue;
    }
    const legalName = withoutEdgarMarks(c.name);
    const display = displayCase(legalName, opts.isWord);
    const stripped = stripLegalSuffix(display);
    const name = stripped.replace(/^The\s+/, '');
    const aliases: AliasInput[] = [];
    const addAlias = (a: AliasInput) => {
      const t = typeof a === 'string' ? a : a.text;
      if (t !== name && !aliases.some((x) => (typeof x === 'string' ? x : x.text) === t)) aliases.push(a);
    };
    for (const a of [display, ...companyAliases(display)]) addAlias(a);
    for (const t of c.tickers) {
      const alias = tickerAlias(t.symbol, opts.isWord);
      if (alias) addAlias(alias);
    }
    let id = `us-${slug(c.tickers[0]!.symbol)}`;
    if (opts.reservedIds?.has(id) || used.has(id)) id = `us-${slug(name)}`;
    if (opts.reservedIds?.has(id) || used.has(id)) id = `us-${slug(name)}-${c.cik}`;
    used.add(id);
    const listing = c.tickers.map((t) => `${t.symbol} on ${t.exchange}`).join(', ');
    records.push({
      id,
      type: 'firm',
      name,
      ...(aliases.length ? { aliases } : {}),
      jurisdiction: 'US',
      description: `A company listed in the US (${listing}) that files with the US Securities and Exchange Commission (CIK ${c.cik}).`,
      firm: { legalName, tickers: c.tickers },
      ids: { cik: c.cik },
      sources: [
        { url: edgarCompanyUrl(c.cik), title: 'SEC EDGAR filings of the company' },
        {
          url: SEC_LIST_URL,
          date: SEC_AS_OF,
          title: 'SEC company tickers and exchanges (copy in dgunning/edgartools)',
        },
        { url: COPY_URL, date: SEC_AS_OF, title: 'The copy used (edgartools company_tickers.parquet)' },
      ],
      asOf: SEC_AS_OF,
    });
  }
  return { records, skipped };
}

/** Every ticker in the SEC list (funds, preferred lines and all): short acronyms equal to one are ambiguous. */
export function secTickerSymbols(csv: string, file = SEC_FILE): Set<string> {
  const out = new Set<string>();
  for (const { values } of parseCsv(csv, file, ['ticker']))
    if (values.ticker) out.add(values.ticker.replace(/-/g, '.'));
  return out;
}

export const secTickersImporter: Importer = {
  output: 'us-sec-companies',
  reads: ['dgunning__edgartools', 'datasets__nasdaq-listings', 'datasets__nyse-other-listings'],
  run(ctx) {
    const nasdaq = ctx.read(NASDAQ_FILE);
    const nyse = ctx.read(NYSE_FILE);
    const other = ctx.read(OTHER_FILE);
    return importSecTickers(ctx.read(SEC_FILE), {
      isWord: ctx.isWord,
      exchanges: listingExchanges(nasdaq, nyse, other),
      securities: securityNames(nasdaq, nyse, other),
      issuers: listedIssuerNames(nasdaq, nyse, other),
      reservedIds: ctx.reservedIds,
    });
  },
};

/** A firm's name folded for comparison, without its legal form ("TOYOTA MOTOR CORP" ~ "Toyota Motor Corporation"). */
function firmKey(name: string): string {
  return foldName(stripLegalSuffix(name)).replace(/^the /, '');
}

export const CUSIP_FILE = 'dgunning__edgartools/cusip_tickers.csv';

/**
 * CUSIP → US tickers, from the SEC's fails-to-deliver data as bundled in edgartools (`ct.pq`).
 * A US or Canadian ISIN is the CUSIP with a country prefix and a check digit, so a foreign
 * firm's ISIN names the US ticker of the same security.
 */
export function cusipTickers(csv: string, file = CUSIP_FILE): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { values } of parseCsv(csv, file, ['Cusip', 'Ticker'])) {
    const cusip = values.Cusip!.toUpperCase();
    const ticker = values.Ticker!.replace(/-/g, '.').toUpperCase();
    if (!/^[0-9A-Z]{9}$/.test(cusip) || !ticker) continue;
    let set = out.get(cusip);
    if (!set) out.set(cusip, (set = new Set()));
    set.add(ticker);
  }
  return out;
}

/** "BBD.B", "BBD B" → "BBD": a symbol without its share-class suffix. */
const baseSymbol = (s: string) => s.toUpperCase().replace(/[.\s-][A-Z]$/, '');

/**
 * How a foreign firm is shown to be the same security as a US-listed company, or undefined:
 * one of its ISINs is a CUSIP the SEC maps to one of the company's tickers, or it is listed at
 * home under one of the company's US tickers (Canadian interlisted firms: TRP on the TSX and
 * the NYSE).
 */
export function listingLink(
  sec: EntityRecord,
  foreign: EntityRecord,
  cusips: ReadonlyMap<string, ReadonlySet<string>>,
): string | undefined {
  const usTickers = new Set((sec.firm?.tickers ?? []).map((t) => t.symbol.toUpperCase()));
  for (const isin of foreign.ids?.isin ?? []) {
    const hit = [...(cusips.get(isin.slice(2, 11)) ?? [])].find((t) => usTickers.has(t));
    if (hit) return `its ISIN ${isin} is the CUSIP of ${hit}`;
  }
  const bases = new Set([...usTickers].map(baseSymbol));
  const same = (foreign.firm?.tickers ?? []).find((t) => bases.has(baseSymbol(t.symbol)));
  if (same) return `it trades as ${same.symbol} on ${same.exchange} too`;
  return undefined;
}

/**
 * A company of the SEC list is left out as the US listing of a firm of another country in the
 * dataset (a world importer's or a curated record) only when both hold: its name is that firm's
 * name, and the two are linked by an identifier (`listingLink`: the firm's ISIN is the CUSIP of
 * one of its US tickers, or the firm trades under the same symbol at home). A like name alone is
 * not enough: Whirlpool Corporation is not Whirlpool S.A. of Brazil, nor Castellum, Inc. the
 * Swedish Castellum AB. Runs after every importer, over the merged records.
 */
export function dropForeignListings(
  sec: EntityRecord[],
  others: readonly EntityRecord[],
  cusips: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
): { kept: EntityRecord[]; dropped: string[]; keptAlike: string[] } {
  const foreign = new Map<string, EntityRecord[]>();
  for (const r of others)
    if (r.type === 'firm' && r.jurisdiction !== 'US')
      for (const n of new Set([r.name, r.firm?.legalName].filter(Boolean).map((n) => firmKey(n!)))) {
        const list = foreign.get(n);
        if (list) list.push(r);
        else foreign.set(n, [r]);
      }
  const ids = new Set(others.map((o) => o.id));
  const kept: EntityRecord[] = [];
  const dropped: string[] = [];
  const keptAlike: string[] = [];
  for (const r of sec) {
    const alike = [...new Set([r.name, r.firm?.legalName].flatMap((n) => (n ? (foreign.get(firmKey(n)) ?? []) : [])))];
    // A record already linked to a curated one (by a shared ticker) carries the curated id and is replaced by it.
    const linked = ids.has(r.id);
    if (alike.length && !linked && r.jurisdiction === 'US' && !r.ids?.isin?.length) {
      const match = alike.map((f) => ({ f, why: listingLink(r, f, cusips) })).find((x) => x.why);
      if (match) {
        dropped.push(
          `${r.id} (${r.firm?.legalName ?? r.name}) left out: the US listing of ${match.f.id} (${match.why})`,
        );
        continue;
      }
      keptAlike.push(
        `${r.id} (${r.firm?.legalName ?? r.name}) kept: named like ${alike.map((f) => f.id).join(', ')}, but no ISIN or ticker links them`,
      );
    }
    kept.push(r);
  }
  return { kept, dropped, keptAlike };
}
