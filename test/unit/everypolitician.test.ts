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

describe('EveryPolitician names in the country script', () => {
  const dir = 'every-politician-scrapers__freedonia';
  const CONFIG: CountriesConfig = {
    freedonia: {
      jurisdiction: 'TW',
      country: 'Freedonia',
      commit: 'b'.repeat(40),
      date: '2023-01-11',
      positions: { Premier: 'head-of-government', 'Minister of Culture': 'minister' },
      legislatures: { 'Member of the Legislative Yuan': {} },
      native: [
        { file: 'old-legislators.csv', idColumn: 'personID', column: 'person', lang: 'auto' },
        { format: 'wikidata-json', file: 'bio.jsonl' },
        { format: 'enwiki-infobox', index: 'enwiki/index.csv', dir: 'enwiki/infobox' },
      ],
      nativeRequired: ['legislator'],
    },
  };
  const files = {
    [`${dir}/holders21.csv`]:
      'position,person,personID,start,end,DOB,enwiki\n' +
      'Premier,Su Tseng-chang,Q1,2019-01-14,2023-01-31,,Su Tseng-chang\n' +
      'Minister of Culture,Nobody Native,Q2,2016,2020,,\n',
    [`${dir}/legislators.csv`]:
      'position,person,personID,start,end,DOB,enwiki\n' +
      'Member of the Legislative Yuan,Lin One,Q3,2012,2016,,\n' +
      'Member of the Legislative Yuan,Wu Two,Q4,2016,2020,,\n' +
      'Member of the Legislative Yuan,Chen Three,Q5,2020,,,\n' +
      'Member of the Legislative Yuan,No Name,Q6,2020,,,\n' +
      'Member of the Legislative Yuan,Nobody Native,Q2,2012,2016,,\n',
    [`${dir}/old-legislators.csv`]: 'person,personID\n林一,Q3\nLin One,Q3\n',
    [`${dir}/bio.jsonl`]:
      JSON.stringify({
        id: 'Q4',
        labels: { en: 'Wu Two', zh: '吳二', 'zh-tw': '吳貳', 'zh-hans': '吴二' },
        claims: { P1559: [{ value: { text: '吳貳', language: 'zh-hant' } }] },
      }) +
      '\n' +
      JSON.stringify({ id: 'Q5', labels: { en: 'Chen Three', zh: '陳三' } }) +
      '\nnot json\n',
    [`${dir}/enwiki/index.csv`]: 'pageid,title\n11,Su Tseng-chang\n',
    [`${dir}/enwiki/infobox/11.json`]:
      '{\n  "name": "Su Tseng-chang",\n  "native_name": "蘇貞昌",\n  "native_name_lang": "zh-hant",\n}\n{\n  "t": "蘇貞昌"\n}\n',
  };
  const { records, skipped } = importEverypolitician(memoryContext(files), { countries: CONFIG });
  const byQ = new Map(records.map((r) => [r.ids?.wikidata, r]));

  it('reads names from a CSV keyed by another column, Wikidata items and infoboxes', () => {
    valid(records);
    expect(byQ.get('Q3')!.nativeNames).toEqual([{ text: '林一', lang: 'zh' }]);
    expect(byQ.get('Q4')!.nativeNames).toEqual([
      { text: '吳貳', lang: 'zh-Hant' },
      { text: '吴二', lang: 'zh-Hans' },
    ]);
    expect(byQ.get('Q5')!.nativeNames).toEqual([{ text: '陳三', lang: 'zh' }]);
    expect(byQ.get('Q1')!.nativeNames).toEqual([{ text: '蘇貞昌', lang: 'zh-Hant' }]);
    expect(skipped).toContain(`${dir}/bio.jsonl line 3: not JSON; left out`);
  });
  it('leaves out a plain legislator without a name in the script, and keeps a minister', () => {
    expect(byQ.has('Q6')).toBe(false);
    expect(skipped).toContain(
      'Q6 (No Name): left out, a legislator of Freedonia with no name in its script in the sources',
    );
    expect(byQ.get('Q2')!.nativeNames).toBeUndefined();
    expect(byQ.get('Q2')!.official!.roles.map((r) => r.title)).toEqual([
      'Minister of Culture',
      'Member of the Legislative Yuan',
    ]);
  });
  it('joins a Japanese name written with a space', () => {
    const ctx = memoryContext({
      [`${dir}/holders21.csv`]: 'position,person,personID,start,end\nPremier,Fumio Kishida,Q9,2021,\n',
      [`${dir}/legislators.csv`]: 'position,person,personID,start,end\n',
      [`${dir}/ja.csv`]: 'item,itemLabel\nQ9,岸田\u3000文雄\n',
    });
    const jp: CountriesConfig = {
      freedonia: {
        ...CONFIG.freedonia!,
        jurisdiction: 'JP',
        native: [{ file: 'ja.csv', column: 'itemLabel', lang: 'ja' }],
      },
    };
    const { records: r } = importEverypolitician(ctx, { countries: jp });
    expect(r[0]!.nativeNames).toEqual([{ text: '岸田文雄', lang: 'ja' }]);
  });
});
