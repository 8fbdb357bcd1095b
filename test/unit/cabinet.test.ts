import { describe, expect, it } from 'vitest';
import { importCabinet, usDate } from '../../lib/dataset/importers/cabinet';
import { entitySchema, type EntityRecord } from '../../lib/dataset/schema';

const CSV =
  'president,position,appointee,start_date,end_date\n' +
  'Bush 43,Secretary of Defense,Bob Gates,12/18/06,Obama admin\n' +
  'Obama,Secretary of Defense,Bob Gates,Bush admin,6/30/11\n' +
  'Obama,Secretary of State,John Kerry,2/1/13,1/20/17\n' +
  'Obama,Vice President,Joe Biden,1/20/09,1/20/17\n' +
  'Biden,Secretary of State,Antony Blinken,1/26/21,Still in office\n' +
  'Carter,OMB Director,Bert Lance,1/21/77,9/23/77\n' +
  'Trump,Space Czar,Nobody,1/20/17,1/20/18\n' +
  'Trump,CIA Director,Someone,Aug. 2017,1/20/18\n';

const senator: EntityRecord = {
  id: 'us-john-kerry',
  type: 'official',
  name: 'John F. Kerry',
  aliases: ['John Kerry'],
  jurisdiction: 'US',
  description: 'x',
  official: { roles: [{ title: 'U.S. Senator from Massachusetts', start: '1985-01-03', end: '2009-01-03' }] },
  ids: { bioguide: 'K000148', wikidata: 'Q22316' },
  sources: ['https://example.org/'],
  asOf: '2020-01-01',
};

describe('Cabinet importer', () => {
  const { records, skipped } = importCabinet(CSV, { reservedIds: new Set(['us-john-kerry']), earlier: [senator] });
  const byName = new Map(records.map((r) => [r.name, r]));

  it('makes officials with dated roles since 2009, joining a role carried into the next administration', () => {
    records.forEach((r) => expect(entitySchema.safeParse(r).success, JSON.stringify(r)).toBe(true));
    expect([...byName.keys()]).toEqual(['Bob Gates', 'John Kerry']);
    expect(byName.get('Bob Gates')!.official!.roles).toEqual([
      { title: 'U.S. Secretary of Defense', org: 'us-dod', start: '2006-12-18', end: '2011-06-30' },
    ]);
    expect(byName.get('Bob Gates')!.sources).toEqual([
      {
        url: 'https://github.com/fivethirtyeight/data/blob/fcf572c4fba05a42f1f34f415bd5e6dc389efd68/cabinet-turnover/cabinet-turnover.csv',
        date: '2023-02-10',
        title: 'FiveThirtyEight, Cabinet turnover data',
      },
    ]);
  });
  it('links a person to the one earlier US official of that name, by that record’s ids', () => {
    const kerry = byName.get('John Kerry')!;
    expect(kerry.id).toBe('us-john-kerry-cabinet');
    expect(kerry.ids).toEqual({ wikidata: 'Q22316', bioguide: 'K000148' });
  });
  it('leaves out a role still held on the list’s date, and names file and row of what it skips', () => {
    expect(byName.has('Antony Blinken')).toBe(false);
    expect(skipped).toEqual([
      'fivethirtyeight__data/cabinet-turnover.csv row 8: position "Space Czar" is not in positions.json',
      'fivethirtyeight__data/cabinet-turnover.csv row 9: start "Aug. 2017" is not a date',
      'fivethirtyeight__data/cabinet-turnover.csv rows 6: Antony Blinken, Secretary of State: "Still in office" on 2023-02-10; the end is not in the list, so the role is left out',
    ]);
  });
  it('reads US dates', () => {
    expect(usDate('1/20/17')).toBe('2017-01-20');
    expect(usDate('12/18/06')).toBe('2006-12-18');
    expect(usDate('9/23/77')).toBe('1977-09-23');
    expect(usDate('Obama admin')).toBeUndefined();
  });
});
