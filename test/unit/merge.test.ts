import { describe, expect, it } from 'vitest';
import {
  likelyDuplicates,
  mergeAcrossSources,
  mergeKeys,
  mergeRecords,
  withoutOpenTwins,
} from '../../lib/dataset/merge';
import { entitySchema, type EntityRecord } from '../../lib/dataset/schema';

const person = (id: string, extra: Partial<EntityRecord> = {}): EntityRecord => ({
  id,
  type: 'official',
  name: 'Richard J. Durbin',
  jurisdiction: 'US',
  description: 'A senator.',
  official: {
    roles: [{ title: 'U.S. Senator from Illinois', org: 'us-senate', start: '2021-01-03', end: '2027-01-03' }],
  },
  sources: ['https://example.org/a'],
  asOf: '2026-06-15',
  ...extra,
});

const firm = (id: string, extra: Partial<EntityRecord> = {}): EntityRecord => ({
  id,
  type: 'firm',
  name: id,
  jurisdiction: 'US',
  description: 'A company.',
  firm: {},
  sources: [`https://example.org/${id}`],
  asOf: '2026-06-01',
  ...extra,
});

describe('merge across sources', () => {
  it('makes one record of a person in two sources (by Bioguide and Wikidata id)', () => {
    const current = person('us-richard-durbin', {
      aliases: ['Dick Durbin'],
      ids: { wikidata: 'Q434804', bioguide: 'D000563' },
      official: {
        roles: [{ title: 'U.S. Senator from Illinois', org: 'us-senate', start: '2021-01-03', end: '2027-01-03' }],
        party: 'Democrat',
      },
    });
    const former = person('us-richard-durbin-il', {
      name: 'Dick Durbin',
      ids: { bioguide: 'D000563' },
      official: {
        roles: [
          { title: 'U.S. Senator from Illinois', org: 'us-senate', start: '2021-01-03', end: '2027-01-03' },
          { title: 'U.S. Representative for IL-20', org: 'us-house', start: '1983-01-03', end: '1997-01-03' },
        ],
      },
      sources: [{ url: 'https://example.org/history', date: '2024-01-04' }, 'https://example.org/a'],
      asOf: '2024-01-04',
    });
    const other = person('us-someone-else', { name: 'Someone Else', ids: { bioguide: 'S000001' } });
    const { outputs, report } = mergeAcrossSources(
      [
        { output: 'us-congress', records: [current] },
        { output: 'us-congress-former', records: [former, other] },
      ],
      [],
    );
    expect(outputs[0]!.records).toHaveLength(1);
    expect(outputs[1]!.records.map((r) => r.id)).toEqual(['us-someone-else']);
    const m = outputs[0]!.records[0]!;
    expect(entitySchema.safeParse(m).success).toBe(true);
    expect(m.id).toBe('us-richard-durbin'); // the first importer's id
    expect(m.official!.roles.map((r) => r.title)).toEqual([
      'U.S. Senator from Illinois', // once: same title and start
      'U.S. Representative for IL-20',
    ]);
    expect(m.official!.party).toBe('Democrat');
    expect(m.aliases).toEqual(['Dick Durbin']); // the other name, not twice
    expect(m.ids).toEqual({ wikidata: 'Q434804', bioguide: 'D000563' });
    expect(m.sources).toEqual(['https://example.org/a', { url: 'https://example.org/history', date: '2024-01-04' }]);
    expect(m.asOf).toBe('2026-06-15'); // the newest
    expect(report.merged).toEqual([
      'us-richard-durbin ← us-richard-durbin-il (us-congress-former) by bioguide:D000563',
    ]);
  });

  it('merges firms by CIK, ISIN or ticker on the same exchange, and unions tickers', () => {
    const sp = firm('us-aapl', {
      name: 'Apple',
      ids: { cik: '320193' },
      firm: { tickers: [{ symbol: 'AAPL', exchange: 'NASDAQ' }], sector: 'IT' },
    });
    const sec = firm('us-apple', {
      name: 'Apple',
      ids: { cik: '320193' },
      firm: { legalName: 'Apple Inc.', tickers: [{ symbol: 'AAPL', exchange: 'Nasdaq' }] },
    });
    const world = firm('de-apple', {
      ids: { isin: ['US0378331005'] },
      firm: { tickers: [{ symbol: 'AAPL', exchange: 'NASDAQ' }] },
    });
    const { outputs } = mergeAcrossSources(
      [
        { output: 'sp500', records: [sp] },
        { output: 'sec', records: [sec] },
        { output: 'world', records: [world] },
      ],
      [],
    );
    const [m] = outputs[0]!.records;
    expect(outputs.map((o) => o.records.length)).toEqual([1, 0, 0]);
    expect(m!.firm).toEqual({
      tickers: [{ symbol: 'AAPL', exchange: 'NASDAQ' }],
      sector: 'IT',
      legalName: 'Apple Inc.',
    });
    expect(m!.ids).toEqual({ cik: '320193', isin: ['US0378331005'] });
    expect(m!.aliases).toEqual(['de-apple']);
  });

  it('does not merge across types, nor records with different ids of one kind', () => {
    const a = firm('us-a', { ids: { cik: '1' }, firm: { tickers: [{ symbol: 'X', exchange: 'NYSE' }] } });
    const b = firm('us-b', { ids: { cik: '2' }, firm: { tickers: [{ symbol: 'X', exchange: 'NYSE' }] } });
    const c = person('us-c', { ids: { cik: '1' } });
    const { outputs, report } = mergeAcrossSources([{ output: 'o', records: [a, b, c] }], []);
    expect(outputs[0]!.records).toHaveLength(3);
    expect(report.conflicts).toEqual([
      'us-a and us-b share ticker:X@NYSE but have different cik ids',
      'us-a and us-c share cik:1 but one is a firm, the other an official',
    ]);
  });

  it('links imported records to a curated record, which keeps its id and wins', () => {
    const curated = person('us-dick-durbin', { ids: { wikidata: 'Q434804' } });
    const imported = person('us-richard-durbin', {
      ids: { wikidata: 'Q434804', bioguide: 'D000563' },
      relations: [{ type: 'member-of', target: 'us-x' }],
    });
    const pointing = firm('us-x', { relations: [{ type: 'related', target: 'us-richard-durbin' }] });
    const { outputs, report } = mergeAcrossSources([{ output: 'c', records: [imported, pointing] }], [curated]);
    expect(outputs[0]!.records.map((r) => r.id)).toEqual(['us-dick-durbin', 'us-x']);
    expect(outputs[0]!.records[1]!.relations).toEqual([{ type: 'related', target: 'us-dick-durbin' }]);
    expect(report.linked).toEqual(['us-dick-durbin (curated) ← us-richard-durbin (c)']);
  });

  it('never merges two curated records', () => {
    const a = person('us-a', { ids: { wikidata: 'Q1' } });
    const b = person('us-b', { ids: { wikidata: 'Q1' } });
    const { report } = mergeAcrossSources([], [a, b]);
    expect(report.conflicts[0]).toMatch(/both are curated/);
  });

  it('takes a governor listed by two sources as one person, by name and body', () => {
    const kof = person('eg-tarek-amer', {
      jurisdiction: 'EG',
      name: 'Tarek Amer',
      official: { roles: [{ title: 'President / Governor', org: 'eg-cbe', start: '2015', end: '2022' }] },
    });
    const eps = person('eg-tarek-amer-q25939185', {
      jurisdiction: 'EG',
      name: 'Tarek Amer',
      ids: { wikidata: 'Q25939185' },
      official: { roles: [{ title: 'Governor of the Central Bank', org: 'eg-cbe', start: '2015-11-27' }] },
    });
    const deputy = person('eg-x', {
      name: 'Tarek Amer',
      official: { roles: [{ title: 'Deputy Governor', org: 'eg-cbe' }] },
    });
    expect(mergeKeys(eps)).toEqual(['wikidata:Q25939185', 'head:eg-cbe:tarek amer']);
    expect(mergeKeys(deputy)).toEqual([]);
    const { outputs } = mergeAcrossSources(
      [
        { output: 'central-banks', records: [kof] },
        { output: 'world-everypolitician', records: [eps] },
      ],
      [],
    );
    const all = outputs.flatMap((o) => o.records);
    expect(all.map((r) => r.id)).toEqual(['eg-tarek-amer']);
    // The open twin of the ended tenure is dropped: the card does not show him as governor today.
    expect(all[0]!.official!.roles).toEqual([
      { title: 'President / Governor', org: 'eg-cbe', start: '2015', end: '2022' },
    ]);
    expect(all[0]!.ids).toEqual({ wikidata: 'Q25939185' });
  });

  it('keeps an open role unless an ended one in the same body began the same year', () => {
    const roles = [
      { title: 'Governor', org: 'x-cb', start: '2019', end: '2021' },
      { title: 'Governor of X', org: 'x-cb', start: '2023-01-01' },
    ];
    expect(withoutOpenTwins(roles)).toEqual(roles);
  });

  it('lists the keys of a record', () => {
    expect(
      mergeKeys(
        firm('x', {
          ids: { cik: '5', isin: ['US0000000001'] },
          firm: { tickers: [{ symbol: 'brk.b', exchange: 'Nyse' }] },
        }),
      ),
    ).toEqual(['cik:5', 'isin:US0000000001', 'ticker:BRK.B@NYSE']);
  });

  it('keeps a flagged alias over a plain one and native names once', () => {
    const m = mergeRecords(firm('a', { aliases: ['Ant'], nativeNames: [{ text: '蚂蚁', lang: 'zh-Hans' }] }), [
      firm('b', { aliases: [{ text: 'Ant', ambiguous: true }], nativeNames: [{ text: '蚂蚁', lang: 'zh-Hans' }] }),
    ]);
    expect(m.aliases).toEqual([{ text: 'Ant', ambiguous: true }, 'b']);
    expect(m.nativeNames).toEqual([{ text: '蚂蚁', lang: 'zh-Hans' }]);
  });
});

describe('likely duplicates', () => {
  it('groups records of one type and jurisdiction whose names fold to the same text', () => {
    expect(
      likelyDuplicates([
        person('us-a', { name: 'José Smith' }),
        person('us-b', { name: 'jose smith' }),
        person('gb-c', { name: 'Jose Smith', jurisdiction: 'GB' }),
        firm('us-jose-smith', { name: 'Jose Smith' }),
      ]),
    ).toEqual([['us-a', 'us-b']]);
  });
});
