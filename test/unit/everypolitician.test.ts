import { describe, expect, it } from 'vitest';
import { entitySchema } from '../../lib/dataset/schema';
import {
  importEverypolitician,
  staleOpenRole,
  withoutQualifier,
  type CountriesConfig,
} from '../../lib/dataset/importers/everypolitician';
import {
  dedupeRoles,
  foldName,
  IdAllocator,
  memoryContext,
  personSlug,
  yearSpan,
} from '../../lib/dataset/importers/officials';

const valid = (records: unknown[]) =>
  records.forEach((r) => expect(entitySchema.safeParse(r).success, JSON.stringify(r)).toBe(true));

describe('officials helpers', () => {
  it('slugs names with letters NFKD does not decompose', () => {
    expect(personSlug('Dan Jørgensen')).toBe('dan-jorgensen');
    expect(personSlug('Łukasz Kohut')).toBe('lukasz-kohut');
    expect(personSlug('Élisabeth Borne')).toBe('elisabeth-borne');
  });
  it('folds names for comparison', () => {
    expect(foldName('Kōichi  Hagiuda')).toBe(foldName('koichi hagiuda'));
    expect(foldName("O'Brien")).toBe('obrien');
  });
  it('writes year spans without padding', () => {
    expect(yearSpan('2010-05-11', '2016-07-13')).toBe('2010–2016');
    expect(yearSpan('2019', undefined)).toBe('2019–');
    expect(yearSpan('2016-01', '2016-09')).toBe('2016');
  });
  it('drops a role repeated over a span inside another', () => {
    const roles = dedupeRoles([
      { title: 'Prime Minister', start: '2000-04-05', end: '2001-04-26' },
      { title: 'Prime Minister', start: '2000-04-05', end: '2000-07-04' },
      { title: 'Prime Minister', start: '2000-07-04', end: '2001-04-26' },
      { title: 'Minister of Finance', start: '2000-07-04', end: '2001-04-26' },
    ]);
    expect(roles).toEqual([
      { title: 'Prime Minister', start: '2000-04-05', end: '2001-04-26' },
      { title: 'Minister of Finance', start: '2000-07-04', end: '2001-04-26' },
    ]);
  });
  it('hands out the first free id', () => {
    const ids = new IdAllocator(new Set(['fr-jean-martin']));
    expect(ids.take('fr-jean-martin', ['1950', 'q1'])).toBe('fr-jean-martin-1950');
    expect(ids.take('fr-jean-martin', ['1950', 'q2'])).toBe('fr-jean-martin-q2');
    expect(ids.take('fr-jean-martin', [undefined])).toBe('fr-jean-martin-2');
  });
  it('strips disambiguators from labels', () => {
    expect(withoutQualifier('이상배 (1939년)')).toBe('이상배');
    expect(withoutQualifier('Li Qiang (politician)')).toBe('Li Qiang');
  });
});

// --- EveryPolitician -------------------------------------------------------------------------

const EPS_CONFIG: CountriesConfig = {
  'ruritania-cabinet': {
    jurisdiction: 'FR',
    country: 'Ruritania',
    commit: 'a'.repeat(40),
    date: '2022-07-23',
    positions: {
      'Prime Minister': 'head-of-government',
      'Minister of Finance': 'minister',
      'Governor of the Central Bank': { category: 'central-bank', org: 'fr-bdf' },
    },
    legislatures: { 'member of the National Assembly': {} },
    native: [{ file: 'native.csv', column: 'itemLabel', lang: 'ko' }],
  },
};
const HOLDERS =
  'position,person,personID,start,end,DOB,enwiki\n' +
  'Prime Minister,Anna Berg,Q10,2017-05-15,,1970-01-02,Anna Berg (politician)\n' +
  'Minister of Finance,Anna Berg,Q10,2012,2017-05-15,1970-01-02,Anna Berg (politician)\n' +
  'Minister of Finance,Old Timer,Q11,1990,2001,1930-01-01,\n' +
  'Governor of the Central Bank,Jean Martin,Q12,2015-11-01,,1959-02-24,\n' +
  'Ambassador to Atlantis,Jean Martin,Q12,2001,2005,1959-02-24,\n' +
  'Minister of Finance,Bad Dates,Q13,1990s,2010,,\n' +
  'Minister of Finance,No Id,,2010,2012,,\n';
const LEGISLATORS =
  'position,person,personID,start,end,DOB,enwiki\n' +
  'member of the National Assembly,Anna Berg,Q10,2012-06-20,2017-06-20,1970-01-02,\n' +
  'member of the National Assembly,王伟,Q14,2013-03,,,\n' +
  'member of the National Assembly,이상배 (1939년),Q15,2008-05-30,2012-05-29,1939,\n' +
  'member of the Regional Council,Jean Martin,Q12,2010,,1959-02-24,\n' +
  'member of the National Assembly,Pierre Curie,Q16,2014,2019,,\n';

function epsContext(reserved: string[] = []) {
  return memoryContext(
    {
      'every-politician-scrapers__ruritania-cabinet/holders21.csv': HOLDERS,
      'every-politician-scrapers__ruritania-cabinet/legislators.csv': LEGISLATORS,
      'every-politician-scrapers__ruritania-cabinet/native.csv': 'item,itemLabel\nQ10,안나 베르크\nQ12,Jean Martin\n',
    },
    { reservedIds: reserved },
  );
}

describe('EveryPolitician importer', () => {
  const { records, skipped } = importEverypolitician(epsContext(['fr-jean-martin']), {
    countries: EPS_CONFIG,
    knownBySurname: [{ wikidata: 'Q10', name: 'Anna Berg', country: 'FR', position: 'Prime Minister' }],
    curatedLinks: { same: { Q16: 'fr-pierre-curie' }, skip: {} },
  });
  const byQ = new Map(records.map((r) => [r.ids?.wikidata, r]));

  it('makes valid records for people holding a listed post since 2008', () => {
    valid(records);
    expect([...byQ.keys()].sort()).toEqual(['Q10', 'Q12', 'Q13', 'Q14', 'Q15', 'Q16']);
  });
  it('keeps the posts and dates as given, and the listed posts only', () => {
    const anna = byQ.get('Q10')!;
    expect(anna.id).toBe('fr-anna-berg');
    expect(anna.official?.roles).toEqual([
      { title: 'Prime Minister', start: '2017-05-15' },
      { title: 'Minister of Finance', start: '2012', end: '2017-05-15' },
      { title: 'Member of the National Assembly', start: '2012-06-20', end: '2017-06-20' },
    ]);
    expect(anna.official?.knownBySurname).toBe(true);
    expect(anna.aliases).toBeUndefined(); // the enwiki title is the name once its qualifier is gone
    expect(anna.nativeNames).toEqual([{ text: '안나 베르크', lang: 'ko' }]);
    expect(anna.description).toBe(
      'Prime Minister (2017–), Minister of Finance (2012–2017) and 1 other post in Ruritania, as recorded in Wikidata on 2022-07-23.',
    );
    expect(anna.sources[0]).toEqual({
      url: 'https://github.com/every-politician-scrapers/ruritania-cabinet',
      date: '2022-07-23',
    });
    expect(anna.asOf).toBe('2022-07-23');
  });
  it('maps a post to the body in the dataset, and picks another id on a clash', () => {
    const jean = byQ.get('Q12')!;
    expect(jean.id).toBe('fr-jean-martin-1959');
    expect(jean.official?.roles).toEqual([
      { title: 'Governor of the Central Bank', org: 'fr-bdf', start: '2015-11-01' },
    ]);
  });
  it('takes names in CJK script as the source gives them, with the language from the script', () => {
    const wang = byQ.get('Q14')!;
    expect(wang.id).toBe('fr-q14');
    expect(wang.nativeNames).toEqual([{ text: '王伟', lang: 'zh' }]);
    expect(wang.aliases).toContainEqual({ text: '王伟', ambiguous: true });
    expect(byQ.get('Q15')!.name).toBe('이상배');
    expect(byQ.get('Q15')!.nativeNames).toEqual([{ text: '이상배', lang: 'ko' }]);
  });
  it('leaves out people whose posts all ended before 2008, and names bad rows', () => {
    expect(byQ.has('Q11')).toBe(false);
    expect(skipped).toContain(
      'every-politician-scrapers__ruritania-cabinet/holders21.csv row 7: start "1990s" is not a date; left out',
    );
    expect(skipped).toContain(
      'every-politician-scrapers__ruritania-cabinet/holders21.csv row 8: no Wikidata id for "No Id"',
    );
    expect(byQ.get('Q13')!.official?.roles).toEqual([{ title: 'Minister of Finance', end: '2010' }]);
  });
  it('uses the curated id for a person with a curated record', () => {
    expect(byQ.get('Q16')!.id).toBe('fr-pierre-curie');
  });
  it('names the file and row of a malformed row', () => {
    const ctx = memoryContext({
      'every-politician-scrapers__ruritania-cabinet/holders21.csv':
        'position,person,personID,start,end\nPrime Minister,X\n',
    });
    expect(() => importEverypolitician(ctx, { countries: EPS_CONFIG })).toThrow(
      /every-politician-scrapers__ruritania-cabinet\/holders21\.csv: row 2: expected 5 fields, found 2/,
    );
  });
});

describe('EveryPolitician stale open roles', () => {
  it('does not take an open role begun before 1960 by someone born before 1920 or of unknown birth', () => {
    expect(staleOpenRole({ start: '1890-11-15' })).toBe(true);
    expect(staleOpenRole({ start: '1926', dob: '1881' })).toBe(true);
    expect(staleOpenRole({ start: '1952-02-06', dob: '1926-04-21' })).toBe(false);
    expect(staleOpenRole({ start: '1890', end: '1894' })).toBe(false);
    expect(staleOpenRole({ start: '1985' })).toBe(false);
  });
});
