import { describe, expect, it } from 'vitest';
import { entitySchema, type EntityRecord } from '../../lib/dataset/schema';
import { parseCsv } from '../../lib/dataset/importers/csv';
import {
  cleanName,
  domainAcronym,
  importCentralBanks,
  sameHead,
  websiteOf,
  withArticle,
  type CentralBankTables,
} from '../../lib/dataset/importers/central-banks';
import { importPublishers, type PublisherRules } from '../../lib/dataset/importers/opensanctions-publishers';
import { importPublicBodies, type PublicBodySelection } from '../../lib/dataset/importers/publicbodies';

const valid = (records: unknown[]) =>
  records.forEach((r) => expect(entitySchema.safeParse(r).success, JSON.stringify(r)).toBe(true));
const byId = (records: EntityRecord[]) => new Map(records.map((r) => [r.id, r]));

describe('parseCsv with a delimiter', () => {
  it('reads ;-separated rows with a multi-line quoted field', () => {
    const rows = parseCsv(
      'country;bank\nAndorra;"No central bank\nuses the euro"\nKenya;Central Bank of Kenya\n',
      'x.csv',
      [],
      ';',
    );
    expect(rows.map((r) => r.values.country)).toEqual(['Andorra', 'Kenya']);
    expect(rows[1]!.row).toBe(4);
  });
});

const CB_TABLES: CentralBankTables = {
  countryNames: {
    AL: 'Albania',
    KW: 'Kuwait',
    BJ: 'Benin',
    SN: 'Senegal',
    AT: 'Austria',
    GB: 'the United Kingdom',
    EU: 'the European Union',
  },
  labels: {
    Albania: 'AL',
    Kuwait: 'KW',
    Benin: 'BJ',
    Senegal: 'SN',
    Austria: 'AT',
    'United Kingdom': 'GB',
    'Central Bank of West African States': 'INT',
    'Abkhazia *': null,
  },
  existing: { 'Bank of England': 'uk-boe' },
  renames: {},
  banks: { 'Central Bank of West African States': { id: 'int-bceao', jurisdiction: 'INT' } },
  kofLabels: { 'Central Bank of West African States': 'Central Bank of West African States' },
  people: { 'Mark Carney': 'ca-mark-carney' },
};
const BANKS =
  'country;central_bank;wikipedia_bank_url\n' +
  'Albania;Bank of Albania;https://en.wikipedia.org/wiki/Bank_of_Albania\n' +
  'Kuwait;Central Bank of Kuwait;https://en.wikipedia.org/wiki/Central_Bank_of_Kuwait\n' +
  'Benin;Central Bank of West African States;https://en.wikipedia.org/wiki/BCEAO\n' +
  'Senegal;Central Bank of West African States;https://en.wikipedia.org/wiki/BCEAO\n' +
  'Austria;European Central Bank ( Oesterreichische Nationalbank );https://en.wikipedia.org/wiki/OeNB\n' +
  'United Kingdom;Bank of England;https://en.wikipedia.org/wiki/Bank_of_England\n' +
  'Abkhazia *;National Bank of Abkhazia;https://en.wikipedia.org/wiki/X\n' +
  'Andorra;"No central bank; uses the euro";\n';
const KOF =
  'country;central_bank_name;name;position;start_year;end_year;source_dataset;source_method;source_page;source_detail\n' +
  'Albania;Bank of Albania;Ardian Fullani;President / Governor;2004;2016;kof;v;https://www.bankofalbania.org;ALB\n' +
  'Albania;Bank of Albania;Gent Sejko;President / Governor;2016;En cargo;kof;v;https://www.bankofalbania.org;ALB\n' +
  'Albania;Bank of Albania;Old Governor;President / Governor;1990;1997;kof;v;https://www.bankofalbania.org;ALB\n' +
  'Kuwait;Central Bank of Kuwait;Mohammad Al-Hashel;President / Governor;2012;En cargo;kof;v;https://www.cbk.gov.kw;KWT\n' +
  'Benin;Central Bank of West African States;Tiemoko Kone;President / Governor;2011;2022;kof;v;https://www.bceao.int;BEN\n' +
  'Central Bank of West African States;;Tiémoko Meyliet Kone;President / Governor;2011;2022;kof;v;https://www.bceao.int/en/content/governor;BCEAO\n' +
  'United Kingdom;Bank of England;Mark Carney;President / Governor;2013;2020;kof;v;https://www.bankofengland.co.uk;GBR\n' +
  'Austria;European Central Bank ( Oesterreichische Nationalbank );Ewald Nowotny;President / Governor;2008;2019;kof;v;https://www.oenb.at;AUT\n' +
  'Albania;Bank of Albania;Smith;President / Governor;2009;2010;kof;v;https://www.bankofalbania.org;ALB\n' +
  'Albania;Bank of Albania;Someone;President / Governor;20x9;2010;kof;v;https://www.bankofalbania.org;ALB\n';
const PAGES =
  'country;central_bank_name;name;position;start_year;end_year;source_dataset;source_method;source_page;source_detail\n' +
  'Albania;Bank of Albania;Gent Sejko;Governor;;;banks;b;https://en.wikipedia.org/wiki/Bank_of_Albania;Governor\n' +
  'Kuwait;Central Bank of Kuwait;Dr. Basel Al-Haroon;Governor;;;banks;b;https://en.wikipedia.org/wiki/Central_Bank_of_Kuwait;Governor\n';

describe('central banks importer', () => {
  const { records, skipped } = importCentralBanks(
    { banks: BANKS, kof: KOF, pages: PAGES },
    CB_TABLES,
    new Set(['uk-boe']),
  );
  const got = byId(records);

  it('makes valid records: one per bank the dataset lacks, and heads since 2008', () => {
    valid(records);
    expect(got.has('uk-boe')).toBe(false);
    expect([...got.keys()].filter((k) => !got.get(k)!.official)).toEqual([
      'al-central-bank',
      'kw-central-bank',
      'int-bceao',
      'at-central-bank',
    ]);
  });
  it('shares a union bank, links euro-area banks to the ECB, spells acronyms from the domain', () => {
    expect(got.get('int-bceao')!.description).toBe('The central bank shared by Benin and Senegal.');
    expect(got.get('at-central-bank')!.relations).toEqual([
      { type: 'member-of', target: 'eu-ecb', note: 'Eurosystem' },
    ]);
    expect(got.get('kw-central-bank')!.aliases).toEqual([{ text: 'CBK', acronym: true, ambiguous: true }]);
    expect(got.get('kw-central-bank')!.regulator!.website).toBe('https://www.cbk.gov.kw/');
    expect(got.get('al-central-bank')!.aliases).toBeUndefined();
  });
  it('keeps terms with years, an incumbent the 2026 infobox confirms, and points roles at existing banks', () => {
    expect(got.get('al-ardian-fullani')!.official!.roles).toEqual([
      { title: 'President / Governor', org: 'al-central-bank', start: '2004', end: '2016' },
    ]);
    expect(got.get('al-gent-sejko')!.official!.roles[0]!.end).toBeUndefined();
    expect(got.get('al-gent-sejko')!.sources).toHaveLength(2);
    expect(got.get('at-ewald-nowotny')!.official!.roles[0]!.org).toBe('at-central-bank');
    expect(got.has('al-old-governor')).toBe(false);
  });
  it('drops a KOF incumbent the infobox contradicts and adds the infobox head without a start date', () => {
    expect(got.has('kw-mohammad-al-hashel')).toBe(false);
    expect(skipped.some((s) => /row 5: Mohammad Al-Hashel is in office in KOF v2023/.test(s))).toBe(true);
    expect(got.get('kw-basel-al-haroon')!.official!.roles).toEqual([{ title: 'Governor', org: 'kw-central-bank' }]);
  });
  it("uses a union's own rows, not the member countries' copies", () => {
    expect(got.has('int-tiemoko-meyliet-kone')).toBe(true);
    expect(got.has('bj-tiemoko-kone')).toBe(false);
    expect(got.has('int-tiemoko-kone')).toBe(false);
  });
  it('names skipped rows with file and row', () => {
    expect(skipped).toContain(
      'sebabecerra__central-banks-board/central_banks.csv row 8: "Abkhazia *" has no ISO 3166-1 code',
    );
    expect(skipped).toContain(
      'sebabecerra__central-banks-board/kof_governors.csv row 8: Mark Carney is already in the dataset as ca-mark-carney',
    );
    expect(skipped).toContain('sebabecerra__central-banks-board/kof_governors.csv row 10: "Smith" is not a full name');
    expect(skipped).toContain(
      'sebabecerra__central-banks-board/kof_governors.csv row 11: unreadable years "20x9"–"2010"',
    );
  });
  it('throws on a malformed row, naming file and row', () => {
    expect(() =>
      importCentralBanks(
        { banks: 'country;central_bank;wikipedia_bank_url\nAlbania;Bank\n', kof: KOF, pages: PAGES },
        CB_TABLES,
        new Set(),
      ),
    ).toThrow(/central_banks\.csv: row 2: expected 3 fields, found 2/);
  });
  it('helpers', () => {
    expect(withArticle('Bank of Albania')).toBe('the Bank of Albania');
    expect(withArticle('Czech National Bank')).toBe('the Czech National Bank');
    expect(withArticle('Bank Indonesia')).toBe('Bank Indonesia');
    expect(withArticle('Norges Bank')).toBe('Norges Bank');
    expect(cleanName('Dr. Johnson Pandit Asiama .')).toBe('Johnson Pandit Asiama');
    expect(cleanName('Simon Vong Sin Man ( 黃善文 )')).toBe('Simon Vong Sin Man');
    expect(cleanName('Amando M. Tetangco, Jr')).toBe('Amando M. Tetangco Jr.');
    expect(cleanName('Haji Mohammad Idris, during Taliban era')).toBe('Haji Mohammad Idris');
    expect(sameHead('Roger Madrigal Lopez', 'Róger Madrigal')).toBe(true);
    expect(sameHead('Jameel Ahmed', 'Jameel Ahmad')).toBe(true);
    expect(sameHead('Adrian Orr', 'Anna Breman')).toBe(false);
    expect(websiteOf("https://www.banky-foiben'ny-madagasikara.mg")).toBeUndefined();
    expect(websiteOf('https://www.bceao.int/en/content/governor')).toBe('https://www.bceao.int/');
    expect(domainAcronym('https://www.bom.mu/', 'Bank of Mauritius')).toBeUndefined();
  });
});

const RULES: PublisherRules = {
  skipCountries: ['us', 'zz'],
  rules: [
    { pattern: '(Parliament|Assembly)', remit: ['legislature'], what: 'A legislative body' },
    { pattern: 'Financial Intelligence', remit: ['finance', 'justice'], what: 'The financial intelligence unit' },
    { pattern: 'Foreign Affairs', remit: ['foreign-affairs'], what: 'The foreign ministry' },
  ],
  existing: { 'de|Deutscher Bundestag': 'de-bundestag' },
  skip: [],
  dropAcronyms: [],
  genericWords: ['ministry', 'of', 'foreign', 'affairs'],
  nonLatinLanguages: ['ja'],
  languages: { hr: 'hr' },
  countryNames: { HR: 'Croatia', ZA: 'South Africa', NL: 'the Netherlands', DE: 'Germany', US: 'the United States' },
};
const yml = (title: string, publisher: string) => `title: ${title}\npublisher:\n${publisher}`;
const PUB_FILES = [
  {
    file: 'os/hr_sabor.yml',
    path: 'datasets/hr/sabor/hr_sabor.yml',
    text: yml(
      'Croatia Members of Parliament',
      '  name: Hrvatski sabor\n  name_en: Croatian Parliament\n  country: hr\n  url: https://www.sabor.hr/\n  official: true\n',
    ),
  },
  {
    file: 'os/za_fic.yml',
    path: 'datasets/za/fic/za_fic.yml',
    text: yml(
      'South Africa FIC Sanctions',
      '  name: Financial Intelligence Centre\n  acronym: FIC\n  country: za\n  url: https://www.fic.gov.za/\n  official: true\n',
    ),
  },
  {
    file: 'os/za_fic2.yml',
    path: 'datasets/za/fic2/za_fic2.yml',
    text: yml(
      'South Africa FIC Notices',
      '  name: Financial Intelligence Centre\n  acronym: FIC\n  country: za\n  official: true\n',
    ),
  },
  {
    file: 'os/nl_mfa.yml',
    path: 'datasets/nl/mfa/nl_mfa.yml',
    text: yml(
      'Netherlands Sanctions',
      '  name: Ministry of Foreign Affairs\n  acronym: MFA\n  country: nl\n  official: true\n',
    ),
  },
  {
    file: 'os/de_bt.yml',
    path: 'datasets/de/bt/de_bt.yml',
    text: yml(
      'Bundestag',
      '  name: Deutscher Bundestag\n  name_en: German Bundestag\n  country: de\n  official: true\n',
    ),
  },
  {
    file: 'os/us_x.yml',
    path: 'datasets/us/x/us_x.yml',
    text: yml('US list', '  name: Some Agency\n  country: us\n  official: true\n'),
  },
  {
    file: 'os/za_news.yml',
    path: 'datasets/za/news/za_news.yml',
    text: yml('News', '  name: A Newspaper\n  country: za\n  official: false\n'),
  },
];

describe('OpenSanctions publishers importer', () => {
  const { records, skipped } = importPublishers(PUB_FILES, RULES, new Set());
  const got = byId(records);
  it('makes valid records from official publishers a rule covers', () => {
    valid(records);
    expect([...got.keys()].sort()).toEqual(['hr-croatian-parliament', 'nl-mfa', 'za-fic']);
  });
  it('keeps the native name, the acronym, every dataset as a dated source', () => {
    expect(got.get('hr-croatian-parliament')!.nativeNames).toEqual([{ text: 'Hrvatski sabor', lang: 'hr' }]);
    expect(got.get('za-fic')!.aliases).toEqual([{ text: 'FIC', acronym: true, ambiguous: true }]);
    expect(got.get('za-fic')!.sources).toHaveLength(2);
    expect(got.get('za-fic')!.description).toMatch(
      /^The financial intelligence unit of South Africa; it publishes the source of OpenSanctions' “South Africa FIC Sanctions” and “South Africa FIC Notices” datasets\.$/,
    );
  });
  it('qualifies a generic name with the country', () => {
    expect(got.get('nl-mfa')!.name).toBe('Ministry of Foreign Affairs (Netherlands)');
    expect(got.get('nl-mfa')!.aliases).toContainEqual({ text: 'Ministry of Foreign Affairs', ambiguous: true });
  });
  it('says why a publisher was skipped, naming the file', () => {
    expect(skipped).toContain('os/de_bt.yml: "German Bundestag" is already in the dataset as de-bundestag');
    expect(skipped).toContain('os/us_x.yml: publisher "Some Agency" has country "us"');
    expect(skipped).toContain('os/za_news.yml: publisher "A Newspaper" is not an official body');
  });
  it('throws on a file that is not YAML, naming it', () => {
    expect(() => importPublishers([{ file: 'os/bad.yml', path: 'x', text: 'a: [1, 2' }], RULES, new Set())).toThrow(
      /os\/bad\.yml: not valid YAML/,
    );
  });
});

const PB_SELECTION: PublicBodySelection = {
  rules: [
    { country: 'se', pattern: '^Konsumentverket$', remit: ['consumer'], what: 'The consumer agency' },
    { country: 'se', pattern: '^Läkemedelsverket$', remit: ['health'], what: 'The medical products agency' },
    { country: 'se', pattern: '^Gammal Myndighet$', remit: ['general'], what: 'An old agency' },
    { country: 'nz', pattern: '^Ministry of Health$', remit: ['health'], what: 'The health ministry' },
  ],
  existing: { 'se|Läkemedelsverket': 'se-mpa' },
  languages: { se: 'sv', nz: 'en' },
  countryNames: { SE: 'Sweden', NZ: 'New Zealand' },
  genericWords: ['ministry', 'of', 'health'],
};
const PB_HEADER = 'id,name,abbreviation,classification,dissolution_date,url,tags\n';

describe('publicbodies importer', () => {
  const { records, skipped } = importPublicBodies(
    {
      se:
        PB_HEADER +
        'se/konsumentverket,Konsumentverket,KO,,,https://www.konsumentverket.se,\n' +
        'se/lakemedelsverket,Läkemedelsverket,,,,https://www.lakemedelsverket.se,\n' +
        'se/gammal,Gammal Myndighet,,,2015-01-01,,\n' +
        'se/other,Annan Myndighet,,,,,\n',
      nz: PB_HEADER + 'nz/moh,Ministry of Health,MOH,,,,ministry\n',
    },
    PB_SELECTION,
    new Set(),
  );
  const got = byId(records);
  it('takes only the bodies a rule names, with the file date as asOf', () => {
    valid(records);
    expect([...got.keys()]).toEqual(['se-ko', 'nz-moh']);
    expect(got.get('se-ko')!.asOf).toBe('2021-10-18');
    expect(got.get('se-ko')!.description).toBe(
      'The consumer agency of Sweden, as listed in the publicbodies.org register.',
    );
    expect(got.get('nz-moh')!.name).toBe('Ministry of Health (New Zealand)');
  });
  it('skips bodies already in the dataset or dissolved, naming file and row', () => {
    expect(skipped).toContain(
      'datasets__publicbodies/se.csv row 3: "Läkemedelsverket" is already in the dataset as se-mpa',
    );
    expect(skipped).toContain('datasets__publicbodies/se.csv row 4: "Gammal Myndighet" is marked defunct or dissolved');
  });
  it('throws on a malformed row, naming file and row', () => {
    expect(() => importPublicBodies({ se: PB_HEADER + 'a,b\n' }, PB_SELECTION, new Set())).toThrow(
      /datasets__publicbodies\/se\.csv: row 2: expected 7 fields, found 2/,
    );
  });
});
