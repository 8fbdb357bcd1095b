import { describe, expect, it } from 'vitest';
import { entitySchema } from '../../lib/dataset/schema';
import { parseCsv } from '../../lib/dataset/importers/csv';
import { importSp500, listingExchanges, securityDisplayName, tickerAlias } from '../../lib/dataset/importers/sp500';
import { importDotgov, parseBodies, US_BODIES, type BodySpec } from '../../lib/dataset/importers/dotgov';
import { acronymInName, importDpas, splitDpaName } from '../../lib/dataset/importers/datenanfragen';
import { importCongress } from '../../lib/dataset/importers/congress';
import { extractLegalSuffixes } from '../../lib/dataset/importers/iso20275';

const WORDS = new Set(['all', 'it', 'on', 'a', 'apple', 'target', 'cost', 'trust', 'partnership']);
const isWord = (w: string) => WORDS.has(w);
const valid = (records: unknown[]) =>
  records.forEach((r) => expect(entitySchema.safeParse(r).success, JSON.stringify(r)).toBe(true));

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes and CRLF', () => {
    const rows = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n', 'f.csv');
    expect(rows).toEqual([{ row: 2, values: { a: 'x, y', b: 'say "hi"' } }]);
  });
  it('names the file and row of a row with the wrong number of fields', () => {
    expect(() => parseCsv('a,b\n1,2\n3\n', 'data/x.csv')).toThrow(/data\/x\.csv: row 3: expected 2 fields, found 1/);
  });
  it('names the file and row of an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,2\n"3,4\n', 'x.csv')).toThrow(/x\.csv: row 3: unterminated/);
  });
  it('names a missing column', () => {
    expect(() => parseCsv('a,b\n1,2\n', 'x.csv', ['c'])).toThrow(/x\.csv: row 1: missing column "c"/);
  });
});

const SP_HEADER = 'Symbol,Security,GICS Sector,GICS Sub-Industry,Headquarters Location,Date added,CIK,Founded\n';
const SP =
  SP_HEADER +
  'AAPL,Apple Inc.,Information Technology,"Technology Hardware, Storage & Peripherals","Cupertino, California",1982-11-30,320193,1977\n' +
  'GOOGL,Alphabet Inc. (Class A),Communication Services,Interactive Media & Services,"Mountain View, California",2014-04-03,1652044,1998\n' +
  'GOOG,Alphabet Inc. (Class C),Communication Services,Interactive Media & Services,"Mountain View, California",2006-04-03,1652044,1998\n' +
  'ALL,Allstate,Financials,Property & Casualty Insurance,"Northbrook, Illinois",1995-07-13,899051,1931\n' +
  'HD,Home Depot (The),Consumer Discretionary,Home Improvement Retail,"Atlanta, Georgia",1988-03-31,354950,1978\n' +
  'ZZZ,Mystery Corp.,Industrials,Widgets,"Nowhere, Nevada",,12345,\n' +
  'XYZ,"Block, Inc.",Financials,Transaction & Payment Processing Services,none,2025-07-23,1512673,2009\n';

describe('S&P 500 importer', () => {
  const exchanges = listingExchanges(
    'Symbol,Security Name\nAAPL,Apple Inc. - Common Stock\nGOOGL,Alphabet Inc. - Class A\nGOOG,Alphabet Inc. - Class C\n',
    'ACT Symbol,Company Name\nALL,Allstate Corporation (The) Common Stock\n',
    'ACT Symbol,Company Name,Security Name,Exchange,CQS Symbol,ETF,Round Lot Size,Test Issue,NASDAQ Symbol\nHD,Home Depot,Home Depot,N,HD,N,100.0,N,HD\n',
  );
  const records = importSp500(SP, { isWord, exchanges });
  const byId = new Map(records.map((r) => [r.id, r]));

  it('makes valid firm records, one per company', () => {
    valid(records);
    expect([...byId.keys()]).toEqual(['us-aapl', 'us-googl', 'us-all', 'us-hd', 'us-zzz', 'us-xyz']);
  });
  it('strips the legal form from the name and keeps the listed name', () => {
    const apple = byId.get('us-aapl')!;
    expect(apple.name).toBe('Apple');
    expect(apple.firm?.legalName).toBe('Apple Inc.');
    expect(apple.firm?.tickers).toEqual([{ symbol: 'AAPL', exchange: 'NASDAQ' }]);
    expect(apple.sources[1]).toBe('https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=320193');
    expect(apple.ids).toEqual({ cik: '320193' });
    expect(apple.asOf).toBe('2026-08-08');
    expect(byId.get('us-hd')!.name).toBe('Home Depot');
    expect(byId.get('us-hd')!.firm?.tickers).toEqual([{ symbol: 'HD', exchange: 'NYSE' }]);
  });
  it('merges share classes into one record with both tickers', () => {
    expect(byId.get('us-googl')!.firm?.tickers?.map((t) => t.symbol)).toEqual(['GOOGL', 'GOOG']);
  });
  it('leaves out a ticker whose exchange is unknown, and short tickers as aliases', () => {
    expect(byId.get('us-zzz')!.firm?.tickers).toBeUndefined();
    expect(JSON.stringify(byId.get('us-hd')!.aliases)).not.toContain('"HD"');
  });
  it('flags word tickers ambiguous', () => {
    expect(byId.get('us-all')!.aliases).toContainEqual({ text: 'ALL', acronym: true, ambiguous: true });
    expect(tickerAlias('MSFT', isWord)).toEqual({ text: 'MSFT', acronym: true });
    expect(tickerAlias('ON', isWord)).toBeUndefined();
    expect(tickerAlias('A', isWord)).toBeUndefined();
  });
  it('writes the description from the row only', () => {
    expect(byId.get('us-aapl')!.description).toContain('Cupertino, California');
    expect(byId.get('us-aapl')!.description).toContain('since 1982-11-30');
    expect(byId.get('us-zzz')!.description).not.toContain('since');
  });
  it('leaves out a head office the list gives as "none"', () => {
    const block = byId.get('us-xyz')!;
    expect(block.firm!.headquarters).toBeUndefined();
    expect(block.description).not.toContain('none');
  });
  it('gives a firm a name-based id when its ticker id is reserved', () => {
    const r = importSp500(SP, { isWord, exchanges, reservedIds: new Set(['us-all']) });
    expect(r.map((x) => x.id)).toContain('us-allstate');
  });
  it('names file and row of a malformed row', () => {
    expect(() => importSp500(SP_HEADER + 'AAPL,Apple Inc.,IT\n', { isWord, exchanges })).toThrow(
      /constituents\.csv: row 2: expected 8 fields/,
    );
    expect(() =>
      importSp500(SP_HEADER + 'AAPL,Apple Inc.,IT,HW,"Cupertino, California",1982-11-30,notacik,1977\n', {
        isWord,
        exchanges,
      }),
    ).toThrow(/constituents\.csv: row 2: bad CIK/);
  });
  it('undoes the list sort-order style', () => {
    expect(securityDisplayName('Lilly (Eli)')).toBe('Eli Lilly');
    expect(securityDisplayName('Fox Corporation (Class B)')).toBe('Fox Corporation');
  });
});

describe('dotgov importer', () => {
  const federal =
    'Domain name,Domain type,Organization name,Suborganization name,City,State\n' +
    'sec.gov,Federal - Executive,Securities and Exchange Commission,,Washington,DC\n' +
    'justice.gov,Federal - Executive,Department of Justice,,Washington,DC\n' +
    'healthycompetition.gov,Federal - Executive,Department of Justice,Antitrust Division,Washington,DC\n' +
    'museum.gov,Federal - Executive,Some Museum,,Washington,DC\n';
  const agencies =
    'Agency,Bureau\nDepartment of Justice,Antitrust Division\nPublic Company Accounting Oversight Board,\n';
  const bodies: BodySpec[] = [
    {
      src: 'Securities and Exchange Commission',
      id: 'us-sec',
      remit: ['securities'],
      domain: 'sec.gov',
      acronym: 'SEC',
    },
    {
      src: 'Department of Justice',
      id: 'us-doj',
      remit: ['justice'],
      domain: 'justice.gov',
      name: 'U.S. Department of Justice',
    },
    { src: 'Antitrust Division', under: 'Department of Justice', id: 'us-doj-antitrust', remit: ['competition'] },
    { src: 'Public Company Accounting Oversight Board', id: 'us-pcaob', remit: ['accounting-audit'] },
  ];
  const records = importDotgov(federal, agencies, bodies);
  it('keeps only allow-listed bodies, with website, acronym and parent', () => {
    valid(records);
    expect(records.map((r) => r.id)).toEqual(['us-sec', 'us-doj', 'us-doj-antitrust', 'us-pcaob']);
    const sec = records[0]!;
    expect(sec.regulator).toEqual({ remit: ['securities'], website: 'https://www.sec.gov/' });
    expect(sec.aliases).toEqual([{ text: 'SEC', acronym: true }]);
    expect(records[1]!.aliases).toEqual(['Department of Justice']);
    expect(records[2]!.regulator?.parent).toBe('us-doj');
    expect(records[3]!.sources).toEqual(['https://github.com/cisagov/dotgov-data/blob/main/agencies-and-subs.csv']);
  });
  it('refuses an acronym or domain the registry does not show', () => {
    expect(() => importDotgov(federal, agencies, [{ ...bodies[0]!, acronym: 'SECX' }])).toThrow(/acronym SECX/);
    expect(() => importDotgov(federal, agencies, [{ ...bodies[0]!, domain: 'ftc.gov' }])).toThrow(
      /ftc\.gov is not listed/,
    );
    expect(() => importDotgov(federal, agencies, [{ src: 'Nope', id: 'us-nope', remit: ['general'] }])).toThrow(
      /not in the registry/,
    );
  });
  it('names file and row of a malformed row', () => {
    expect(() => importDotgov(federal + 'bad domain!,x,Org,,y,z\n', agencies, bodies)).toThrow(
      /current-federal\.csv: row 6: bad domain/,
    );
  });
});

describe('datenanfragen importer', () => {
  const file = (slug: string, cc: string, name: string, web?: string) => ({
    file: `supervisory-authorities/${slug}.json`,
    text: JSON.stringify({ slug, 'relevant-countries': [cc], name, ...(web ? { web } : {}) }),
  });
  const records = importDpas([
    file(
      'frcnil',
      'fr',
      "Commission Nationale de l'Informatique et des Libertés – CNIL (French National Commission on Informatics and Liberty)",
      'https://www.cnil.fr/',
    ),
    file('gbico', 'gb', 'The Information Commissioner’s Office', 'https://ico.org.uk/'),
    file('dehessbdi', 'de', 'Der Hessische Beauftragte für Datenschutz und Informationsfreiheit'),
    file('dkdi', 'dk', 'Datatilsynet (Data Inspectorate of Denmark)'),
  ]);
  it('splits native and English names and adds acronyms shown in the name', () => {
    valid(records);
    const [cnil, ico, hesse, dk] = records;
    expect(cnil!.id).toBe('fr-cnil');
    expect(cnil!.name).toBe('French National Commission on Informatics and Liberty');
    expect(cnil!.nativeNames).toEqual([{ text: "Commission Nationale de l'Informatique et des Libertés", lang: 'fr' }]);
    expect(cnil!.aliases).toContainEqual({ text: 'CNIL', acronym: true });
    expect(cnil!.regulator).toEqual({ remit: ['privacy'], website: 'https://www.cnil.fr/' });
    expect(cnil!.sources).toEqual([
      'https://github.com/datenanfragen/data/blob/master/supervisory-authorities/frcnil.json',
    ]);
    expect(ico!.id).toBe('uk-ico');
    expect(ico!.jurisdiction).toBe('GB');
    expect(ico!.aliases).toContainEqual({ text: 'ICO', acronym: true });
    expect(hesse!.jurisdiction).toBe('DE');
    expect(hesse!.name).toBe('Der Hessische Beauftragte für Datenschutz und Informationsfreiheit');
    expect(dk!.aliases).toContainEqual({ text: 'Datatilsynet', ambiguous: true, lang: 'da' });
  });
  it('checks acronyms against the name', () => {
    expect(acronymInName('AEPD', 'Agencia Española de Protección de Datos')).toBe(true);
    expect(acronymInName('DPC', 'Irish Data Protection Commission')).toBe(true);
    expect(acronymInName('XYZ', 'Irish Data Protection Commission')).toBe(false);
    expect(
      splitDpaName('UODO – Urząd Ochrony Danych Osobowych (Personal Data Protection Office of Poland)', 'pl'),
    ).toEqual({
      english: 'Personal Data Protection Office of Poland',
      natives: ['Urząd Ochrony Danych Osobowych'],
      acronyms: ['UODO'],
    });
  });
  it('names the file of a malformed record', () => {
    expect(() => importDpas([{ file: 'supervisory-authorities/x.json', text: '{"slug": "x"' }])).toThrow(
      /supervisory-authorities\/x\.json: not valid JSON/,
    );
    expect(() => importDpas([{ file: 'supervisory-authorities/y.json', text: '{"slug": "y"}' }])).toThrow(
      /y\.json: needs slug/,
    );
  });
});

describe('congress importer', () => {
  const legislators = `
- id: {bioguide: S000148, wikidata: Q380900}
  name: {first: Charles, last: Schumer, nickname: Chuck, official_full: Charles E. Schumer}
  terms:
  - {type: rep, start: '1981-01-05', end: '1983-01-03', state: NY, district: 16, party: Democrat}
  - {type: sen, start: '2023-01-03', end: '2029-01-03', state: NY, party: Democrat}
- id: {bioguide: X000001}
  name: {first: Pat, last: Smith}
  terms:
  - {type: rep, start: '2025-01-03', end: '2027-01-03', state: AK, district: 0, party: Republican}
- id: {bioguide: X000002}
  name: {first: Pat, last: Smith}
  terms:
  - {type: rep, start: '2025-01-03', end: '2027-01-03', state: OH, district: 3, party: Democrat}
`;
  const executive = `
- id: {bioguide: P000001}
  name: {first: Old, last: President}
  terms: [{type: prez, start: '2017-01-20', end: '2021-01-20', party: X}]
- id: {bioguide: P000002}
  name: {first: Current, last: President}
  terms: [{type: prez, start: '2025-01-20', end: '2029-01-20', party: Y}]
`;
  const committees = `
- {type: senate, name: Senate Committee on Banking, thomas_id: SSBK}
`;
  const membership = `
SSBK:
- {name: Charles Schumer, bioguide: S000148, title: Ranking Member}
SSBK01:
- {name: Pat Smith, bioguide: X000001, title: Chair}
`;
  const records = importCongress({ legislators, executive, committees, membership });
  it('makes one official per current member plus the current president', () => {
    valid(records);
    expect(records.map((r) => r.id)).toEqual([
      'us-charles-schumer',
      'us-pat-smith-ak',
      'us-pat-smith-oh',
      'us-current-president',
    ]);
  });
  it('takes name, nickname, roles, party and wikidata from the file', () => {
    const s = records[0]!;
    expect(s.name).toBe('Charles E. Schumer');
    expect(s.aliases).toEqual(['Charles Schumer', 'Chuck Schumer']);
    expect(s.official?.roles[0]).toEqual({
      title: 'U.S. Senator from New York',
      org: 'us-senate',
      start: '2023-01-03',
      end: '2029-01-03',
    });
    expect(s.official?.roles[1]).toEqual({
      title: 'U.S. Representative for NY-16',
      org: 'us-house',
      start: '1981-01-05',
      end: '1983-01-03',
    });
    expect(s.official?.roles[2]?.title).toBe('Ranking Member, Senate Committee on Banking');
    expect(s.ids).toEqual({ wikidata: 'Q380900', bioguide: 'S000148' });
    expect(s.sources).toContain('https://bioguide.congress.gov/search/bio/S000148');
    expect(records[1]!.official?.roles).toHaveLength(1); // a subcommittee chair is not listed
    expect(records[1]!.official?.roles[0]?.title).toBe('U.S. Representative for Alaska (at large)');
    expect(records[2]!.official?.roles[0]?.title).toBe('U.S. Representative for OH-3');
  });
  it('names the file of a malformed entry', () => {
    expect(() =>
      importCongress({ legislators: '- {id: {bioguide: Z1}, terms: []}', executive, committees, membership }),
    ).toThrow(/legislators-current\.yaml: entry #1 \(Z1\): missing name/);
  });
});

describe('ISO 20275 extraction', () => {
  const header =
    '"ELF Code","Country of formation","Country Code (ISO 3166-1)","Jurisdiction of formation","Country sub-division code (ISO 3166-2)","Entity Legal Form name Local name","Language","Language Code (ISO 639-1)","Entity Legal Form name Transliterated name (per ISO 01-140-10)","Abbreviations Local language","Abbreviations transliterated","Date created YYYY-MM-DD (ISO 8601)","ELF Status ACTV/INAC","Modification","Modification date YYYY-MM-DD (ISO 8601)","Reason"\n';
  const row = (code: string, cc: string, name: string, lang: string, abbr: string) =>
    `"${code}","","${cc}","","","${name}","","${lang}","","${abbr}","","2017-11-30","ACTV","","",""\n`;
  it('keeps company forms and drops ordinary words and far-away codes', () => {
    const csv =
      header +
      row('1', 'GB', 'Public Limited Company', 'en', 'PLC;plc') +
      row('2', 'US', 'Trust', 'en', 'Trust;B.T.') +
      row('3', 'HK', '私人股份有限公司', 'zh', '有限公司') +
      row('4', 'ZZ', 'Thing', 'en', 'XYZ.');
    const out = extractLegalSuffixes(csv, isWord, 'iso.csv');
    expect(out.latin).toEqual(['Public Limited Company', 'B.T.', 'PLC', 'plc']);
    expect(out.cjk).toEqual(['私人股份有限公司', '有限公司']);
  });
  it('names file and row of a malformed row', () => {
    expect(() => extractLegalSuffixes(header + '"1","x"\n', isWord, 'iso.csv')).toThrow(
      /iso\.csv: row 2: expected 16 fields/,
    );
  });
});

describe('dotgov allow-list file', () => {
  it('loads every body from the data file', () => {
    expect(US_BODIES.length).toBeGreaterThan(100);
    expect(US_BODIES.find((b) => b.id === 'us-sec')).toMatchObject({ src: 'Securities and Exchange Commission' });
  });
  it('names the file and entry of a bad body', () => {
    expect(() => parseBodies([{ src: 'X', id: 'us-x', remit: ['nonsense'] }], 'bodies.json')).toThrow(
      /bodies\.json: entry #1: remit\.0/,
    );
    expect(() =>
      parseBodies(
        [
          { src: 'X', id: 'us-x', remit: ['general'] },
          { src: 'Y', id: 'us-x', remit: ['general'] },
        ],
        'bodies.json',
      ),
    ).toThrow(/entry #2: duplicate id us-x/);
  });
});
