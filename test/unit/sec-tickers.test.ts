import { describe, expect, it } from 'vitest';
import {
  cusipTickers,
  displayCase,
  dropForeignListings,
  listedIssuerNames,
  listingLink,
  importSecTickers,
  parseRules,
  SEC_RULES,
  secTickerSymbols,
  securityNames,
  withoutEdgarMarks,
} from '../../lib/dataset/importers/sec-tickers';
import { listingExchanges } from '../../lib/dataset/importers/sp500';
import { entitySchema, type EntityRecord } from '../../lib/dataset/schema';

const WORDS = new Set(['par', 'target', 'hawaii', 'bank', 'of']);
const isWord = (w: string) => WORDS.has(w);

const SEC =
  'cik,ticker,exchange,name\n' +
  '0000320193,AAPL,Nasdaq,Apple Inc.\n' +
  '0000051143,IBM,NYSE,INTERNATIONAL BUSINESS MACHINES CORP\n' +
  '0001067983,BRK-B,NYSE,BERKSHIRE HATHAWAY INC\n' +
  '0001067983,BRK-A,NYSE,BERKSHIRE HATHAWAY INC\n' +
  '0000046195,BOH,NYSE,BANK OF HAWAII CORP\n' +
  '0000046195,BOH-PA,NYSE,BANK OF HAWAII CORP\n' +
  '0001000001,SPDR,NYSE,SPDR S&P 500 ETF TRUST\n' +
  '0001000002,ABCU,Nasdaq,Alpha Beta Acquisition Corp. II\n' +
  '0001000003,PBT,NYSE,PERMIAN BASIN ROYALTY TRUST\n' +
  '0001000004,FRT,NYSE,FEDERAL REALTY INVESTMENT TRUST\n' +
  '0001000005,TSM,NYSE,TAIWAN SEMICONDUCTOR MANUFACTURING CO LTD\n' +
  '0001000006,JD,Nasdaq,"JD.com, Inc."\n' +
  '0001000007,OTCX,OTC,Over The Counter Inc\n' +
  '0001000008,XWAR,Nasdaq,Warrant Holdings Inc\n' +
  '0001000009,XWARW,Nasdaq,Warrant Holdings Inc\n' +
  '00000000x1,BAD,NYSE,Bad Row Inc\n';
const NASDAQ =
  'Symbol,Security Name\nAAPL,Apple Inc. - Common Stock\nJD,"JD.com, Inc. - American Depositary Shares"\nXWARW,Warrant Holdings Inc - Warrant\nXWAR,Warrant Holdings Inc - Common Stock\n';
const NYSE = 'ACT Symbol,Company Name\nIBM,International Business Machines Corporation Common Stock\n';
const OTHER =
  'ACT Symbol,Company Name,Security Name,Exchange,CQS Symbol,ETF,Round Lot Size,Test Issue,NASDAQ Symbol\n' +
  'BRK.B,Berkshire,Berkshire Hathaway Inc. Class B,N,BRK.B,N,100,N,BRK.B\n' +
  'BOH,Bank of Hawaii,Bank of Hawaii Corporation Common Stock,N,BOH,N,100,N,BOH\n';

describe('SEC company list importer', () => {
  const { records, skipped } = importSecTickers(SEC, {
    isWord,
    exchanges: listingExchanges(NASDAQ, NYSE, OTHER),
    securities: securityNames(NASDAQ, NYSE, OTHER),
    reservedIds: new Set(['us-aapl']),
  });
  const byCik = new Map(records.map((r) => [r.ids!.cik!, r]));

  it('keeps exchange-listed operating companies, one record per CIK with its tickers', () => {
    records.forEach((r) => expect(entitySchema.safeParse(r).success, JSON.stringify(r)).toBe(true));
    expect([...byCik.keys()]).toEqual(['320193', '51143', '1067983', '46195', '1000004', '1000008']);
    expect(byCik.get('1067983')!.firm!.tickers).toEqual([
      { symbol: 'BRK.B', exchange: 'NYSE' },
      { symbol: 'BRK.A', exchange: 'NYSE' },
    ]);
    expect(byCik.get('46195')!.firm!.tickers).toEqual([{ symbol: 'BOH', exchange: 'NYSE' }]); // no preferred line
    expect(byCik.get('1000008')!.firm!.tickers).toEqual([{ symbol: 'XWAR', exchange: 'NASDAQ' }]); // no warrant
  });
  it('writes names without the legal form, capitals only at word starts, and keeps the legal name', () => {
    const ibm = byCik.get('51143')!;
    expect(ibm.id).toBe('us-ibm');
    expect(ibm.name).toBe('International Business Machines');
    expect(ibm.firm!.legalName).toBe('INTERNATIONAL BUSINESS MACHINES CORP');
    expect(ibm.aliases).toContainEqual({ text: 'IBM', acronym: true });
    expect(byCik.get('46195')!.name).toBe('Bank of Hawaii');
    expect(byCik.get('320193')!.id).toBe('us-apple'); // us-aapl is taken
  });
  it('cites the EDGAR page of the CIK and the dated list', () => {
    const apple = byCik.get('320193')!;
    expect(apple.sources[0]).toEqual({
      url: 'https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=320193',
      title: 'SEC EDGAR filings of the company',
    });
    expect(apple.sources[1]).toMatchObject({
      url: 'https://www.sec.gov/files/company_tickers_exchange.json',
      date: '2026-06-01',
    });
    expect(apple.asOf).toBe('2026-06-01');
    expect(apple.description).toBe(
      'A company listed in the US (AAPL on NASDAQ) that files with the US Securities and Exchange Commission (CIK 320193).',
    );
  });
  it('says why each company was left out, naming file and row', () => {
    const why = (cik: string) => skipped.find((s) => s.includes(`(CIK ${cik},`));
    expect(why('1000001')).toMatch(/: ETF or ETN$/);
    expect(why('1000002')).toMatch(/: SPAC shell$/);
    expect(why('1000003')).toMatch(/: trust/);
    expect(why('1000005')).toMatch(/foreign issuer \(its name\)/);
    expect(why('1000006')).toMatch(/foreign issuer \(JD is "American Depositary Shares"\)/);
    expect(why('1000007')).toMatch(/no exchange-listed common share \(OTCX is not exchange-listed \(OTC\)\)/);
    expect(skipped).toContain('dgunning__edgartools/company_tickers.csv row 17: bad cik "00000000x1"');
  });
  it('lists every ticker for the collision flags', () => {
    expect(secTickerSymbols(SEC).has('BOH.PA')).toBe(true);
  });
});

describe('SEC list helpers', () => {
  it('reads EDGAR capitals as a name', () => {
    expect(displayCase(withoutEdgarMarks('ABM INDUSTRIES INC /DE/'), isWord)).toBe('ABM Industries Inc');
    expect(displayCase("MACY'S, INC.", isWord)).toBe("Macy's, Inc.");
    expect(displayCase('ENNIS, INC.', isWord)).toBe('Ennis, Inc.');
    expect(displayCase('Ennis, INC.', isWord)).toBe('Ennis, Inc.');
    expect(displayCase('CVS HEALTH CORP', isWord)).toBe('CVS Health Corp');
    expect(withoutEdgarMarks('TOYOTA MOTOR CORP/')).toBe('TOYOTA MOTOR CORP');
  });
  it('checks the rules file', () => {
    expect(SEC_RULES.company.length).toBeGreaterThan(3);
    expect(() => parseRules({ about: 'x' }, 'rules.json')).toThrow(/rules\.json: exchanges/);
    expect(() =>
      parseRules(
        {
          about: '',
          exchanges: {},
          leaveOutCompany: [{ why: 'x', pattern: '(' }],
          leaveOutSecurity: [],
          leaveOutTicker: [],
          foreignSecurity: 'a',
          foreignName: 'b',
        },
        'rules.json',
      ),
    ).toThrow(/rules\.json: leaveOutCompany\[0\]/);
  });
  const firm = (
    id: string,
    name: string,
    jurisdiction: string,
    tickers: { symbol: string; exchange: string }[] = [],
    isin?: string[],
  ): EntityRecord => ({
    id,
    type: 'firm',
    name,
    jurisdiction,
    description: 'x',
    firm: { legalName: name, tickers },
    ...(isin ? { ids: { isin } } : {}),
    sources: ['https://example.org/'],
    asOf: '2026-01-01',
  });
  const cusips = cusipTickers('Cusip,Ticker\n13321L108,CCJ\n892331307,TM\nbad,X\n');
  it('reads the CUSIP → ticker table', () => {
    expect(cusips.get('13321L108')).toEqual(new Set(['CCJ']));
    expect(cusips.has('bad')).toBe(false);
  });
  it('leaves out the US listing of a firm of another country when an ISIN or ticker links them', () => {
    const { kept, dropped, keptAlike } = dropForeignListings(
      [
        firm('us-ccj', 'CAMECO CORP', 'US', [{ symbol: 'CCJ', exchange: 'NYSE' }]),
        firm('us-trp', 'TC ENERGY CORP', 'US', [{ symbol: 'TRP', exchange: 'NYSE' }]),
        firm('us-ibm', 'IBM', 'US', [{ symbol: 'IBM', exchange: 'NYSE' }]),
      ],
      [
        firm('ca-cameco', 'Cameco Corporation', 'CA', [{ symbol: 'CCO', exchange: 'TSX' }], ['CA13321L1085']),
        firm('ca-tc-energy', 'TC Energy Corporation', 'CA', [{ symbol: 'TRP', exchange: 'TSX' }]),
      ],
      cusips,
    );
    expect(kept.map((r) => r.id)).toEqual(['us-ibm']);
    expect(dropped).toEqual([
      'us-ccj (CAMECO CORP) left out: the US listing of ca-cameco (its ISIN CA13321L1085 is the CUSIP of CCJ)',
      'us-trp (TC ENERGY CORP) left out: the US listing of ca-tc-energy (it trades as TRP on TSX too)',
    ]);
    expect(keptAlike).toEqual([]);
  });
  it('keeps a US company that only shares a name with a foreign firm (Whirlpool, Castellum, SPAR)', () => {
    const { kept, dropped, keptAlike } = dropForeignListings(
      [
        firm('us-whr', 'WHIRLPOOL CORP', 'US', [{ symbol: 'WHR', exchange: 'NYSE' }]),
        firm('us-ctm', 'Castellum, Inc.', 'US', [{ symbol: 'CTM', exchange: 'NYSE' }]),
        firm('us-sgrp', 'SPAR Group, Inc.', 'US', [{ symbol: 'SGRP', exchange: 'NASDAQ' }]),
      ],
      [
        firm('br-whirlpool', 'Whirlpool S.A.', 'BR', [{ symbol: 'WHRL3', exchange: 'B3' }], ['BRWHRLACNOR0']),
        firm('se-castellum', 'Castellum AB', 'SE', [{ symbol: 'CAST', exchange: 'Nasdaq Stockholm' }]),
        firm('za-spar-group', 'The SPAR Group Ltd', 'ZA', [{ symbol: 'SPP', exchange: 'JSE' }]),
      ],
      cusips,
    );
    expect(kept.map((r) => r.id)).toEqual(['us-whr', 'us-ctm', 'us-sgrp']);
    expect(dropped).toEqual([]);
    expect(keptAlike[0]).toBe(
      'us-whr (WHIRLPOOL CORP) kept: named like br-whirlpool, but no ISIN or ticker links them',
    );
  });
  it('links by ticker without a share-class suffix, and not across different symbols', () => {
    const sec = firm('us-x', 'X Corp', 'US', [{ symbol: 'BBD', exchange: 'NYSE' }]);
    expect(listingLink(sec, firm('ca-x', 'X', 'CA', [{ symbol: 'BBD.B', exchange: 'TSX' }]), cusips)).toBe(
      'it trades as BBD.B on TSX too',
    );
    expect(listingLink(sec, firm('ca-y', 'X', 'CA', [{ symbol: 'BB', exchange: 'TSX' }]), cusips)).toBeUndefined();
  });
});

describe('foreign issuers named by the listing', () => {
  const sec =
    'cik,ticker,exchange,name\n' +
    '0000888746,CCU,NYSE,UNITED BREWERIES CO INC\n' +
    '0001553788,SBEV,NYSE,"SPLASH BEVERAGE GROUP, INC."\n' +
    '0000821002,GIII,Nasdaq,G III APPAREL GROUP LTD /DE/\n';
  const nasdaq = 'Symbol,Security Name\nGIII,"G-III Apparel Group, LTD. - Common Stock"\n';
  const nyse =
    'ACT Symbol,Company Name\nCCU,"Compania Cervecerias Unidas, S.A. Common Stock"\nSBEV,"Splash Beverage Group, Inc. (NV) Common Stock"\n';
  const other =
    'ACT Symbol,Company Name,Security Name,Exchange,CQS Symbol,ETF,Round Lot Size,Test Issue,NASDAQ Symbol\n';
  it('reads the issuer out of the security name', () => {
    const issuers = listedIssuerNames(nasdaq, nyse, other);
    expect(issuers.get('CCU')).toBe('Compania Cervecerias Unidas, S.A.');
    expect(issuers.get('SBEV')).toBe('Splash Beverage Group, Inc.');
    expect(issuers.get('GIII')).toBe('G-III Apparel Group, LTD.');
  });
  it('leaves out a company whose listing names a foreign issuer EDGAR renders in English', () => {
    const { records, skipped } = importSecTickers(sec, {
      isWord,
      exchanges: listingExchanges(nasdaq, nyse, other),
      securities: securityNames(nasdaq, nyse, other),
      issuers: listedIssuerNames(nasdaq, nyse, other),
    });
    expect(skipped.find((s) => s.includes('CIK 888746'))).toMatch(
      /foreign issuer \(CCU is listed as issued by "Compania Cervecerias Unidas, S\.A\."\)/,
    );
    // The same name with another legal form (a stale listing, a US state): EDGAR's word wins.
    expect(records.map((r) => r.id).sort()).toEqual(['us-giii', 'us-sbev']);
  });
});
