import { describe, expect, it } from 'vitest';
import { entitySchema } from '../../lib/dataset/schema';
import { epDate, importMeps, termFile } from '../../lib/dataset/importers/europarl';
import type { CountriesConfig } from '../../lib/dataset/importers/everypolitician';
import { memoryContext } from '../../lib/dataset/importers/officials';

const valid = (records: unknown[]) =>
  records.forEach((r) => expect(entitySchema.safeParse(r).success, JSON.stringify(r)).toBe(true));

/** One EveryPolitician list, for linking members to Wikidata by name and date of birth. */
const COUNTRIES: CountriesConfig = {
  'ruritania-cabinet': {
    jurisdiction: 'FR',
    country: 'Ruritania',
    commit: 'a'.repeat(40),
    date: '2022-07-23',
    positions: {},
    legislatures: {},
  },
};

// --- European Parliament ---------------------------------------------------------------------

const MEP_HEADER =
  'mep_identifier,mep_given_name,mep_family_name,mep_official_given_name,mep_official_family_name,mep_birthday,mep_URI\n';

describe('European Parliament importer', () => {
  const ctx = memoryContext(
    {
      [termFile(7)]: MEP_HEADER + '840,Charles,Goerens,,,06/02/1952 01:00,https://data.europarl.europa.eu/person/840\n',
      [termFile(8)]:
        MEP_HEADER +
        '840,Charles,Goerens,,,06/02/1952 01:00,https://data.europarl.europa.eu/person/840\n' +
        '28115,Mairead,McGuinness,,,13/06/1959 01:00,https://data.europarl.europa.eu/person/28115\n' +
        '999,,,,,,\n',
      [termFile(9)]:
        MEP_HEADER + '4,Eleni,Theocharous,?????,?????????,24/07/1953 12:00,https://data.europarl.europa.eu/person/4\n',
      'every-politician-scrapers__ruritania-cabinet/holders21.csv':
        'position,person,personID,start,end,DOB,enwiki\nMinister,Charles Goerens,Q77,1999,2004,1952-02-06,\n',
      'every-politician-scrapers__ruritania-cabinet/legislators.csv': 'position,person,personID,start,end\n',
    },
    { reservedIds: ['eu-eleni-theocharous'] },
  );
  const { records, skipped } = importMeps(ctx, {
    countries: COUNTRIES,
    curatedLinks: { same: { '28115': 'eu-mairead-mcguinness' }, skip: {} },
  });
  const byName = new Map(records.map((r) => [r.name, r]));

  it('makes one record per member with a role for each term since 2009', () => {
    valid(records);
    const goerens = byName.get('Charles Goerens')!;
    expect(goerens.id).toBe('eu-charles-goerens');
    expect(goerens.jurisdiction).toBe('EU');
    expect(goerens.official?.roles.map((r) => r.title)).toEqual([
      'Member of the European Parliament, 7th term (2009–2014)',
      'Member of the European Parliament, 8th term (2014–2019)',
    ]);
    expect(goerens.description).toBe(
      "Member of the European Parliament in the 7th and 8th terms (2009–2019), per the Parliament's list of members; born 1952.",
    );
    expect(goerens.sources[1]).toBe('https://data.europarl.europa.eu/person/840');
  });
  it('links a Wikidata id by name and date of birth', () => {
    expect(byName.get('Charles Goerens')!.ids).toEqual({ wikidata: 'Q77' });
  });
  it('ignores official names lost to the encoding and picks another id on a clash', () => {
    const eleni = byName.get('Eleni Theocharous')!;
    expect(eleni.aliases).toBeUndefined();
    expect(eleni.id).toBe('eu-eleni-theocharous-1953');
  });
  it('uses the curated id for a member with a curated record, and names rows it cannot use', () => {
    expect(byName.get('Mairead McGuinness')!.id).toBe('eu-mairead-mcguinness');
    expect(skipped).toEqual([`${termFile(8)} row 4: no identifier or family name`]);
  });
  it('reads the day of a date-time as written', () => {
    expect(epDate('02/12/1930 02:00')).toBe('1930-12-02');
    expect(epDate('')).toBeUndefined();
  });
});
