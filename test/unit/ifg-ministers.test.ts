import { describe, expect, it } from 'vitest';
import { entitySchema } from '../../lib/dataset/schema';
import { importIfgMinisters, IFG_DIR } from '../../lib/dataset/importers/ifg-ministers';
import { memoryContext } from '../../lib/dataset/importers/officials';

const valid = (records: unknown[]) =>
  records.forEach((r) => expect(entitySchema.safeParse(r).success, JSON.stringify(r)).toBe(true));

// --- IfG Ministers Database ------------------------------------------------------------------

const IFG = {
  person:
    'id,id_parliament,name,display_name,normalized_name,short_name,start_date,end_date\n' +
    'p1,500.0,Lord Mandelson,Lord Mandelson,Lord Mandelson,Mandelson,2008-10-03,\n' +
    'p1,500.0,Peter Mandelson,Peter Mandelson,Peter Mandelson,Mandelson,,2008-10-03\n' +
    'p2,1423.0,Boris Johnson,Boris Johnson,Boris Johnson,Johnson,,\n' +
    'p3,12.0,Old Minister,Old Minister,Old Minister,Minister,,\n' +
    'p4,4210.0,Lord Ahmad of Wimbledon,Lord Ahmad of Wimbledon,Lord Ahmad of Wimbledon,Ahmad,,\n',
  appointment:
    'id,person_id,post_id,start_date,end_date\n' +
    'a1,p1,post-bis,2008-10-03,2010-05-11\n' +
    'a2,p2,post-pm,2019-07-24,2022-09-06\n' +
    'a3,p3,post-bis,1990-01-01,1995-01-01\n' +
    'a4,p4,post-moj,2012-09-04,2011-01-01\n' +
    'a5,p4,post-moj,2014-07-15,\n',
  post:
    'id,organisation_id,name,display_name,rank_equivalence\n' +
    'post-bis,o-bis,Secretary of State,"Secretary of State, BIS",SoS\n' +
    'post-pm,o-pm,Prime Minister,Prime Minister,PM\n' +
    'post-moj,o-moj,Parliamentary Under-Secretary of State,"PUSS, MoJ",PUSS\n',
  organisation:
    'id,name,short_name,start_date,end_date\n' +
    'o-bis,"Department for Business, Innovation and Skills",BIS,2009-06-06,2016-07-17\n' +
    "o-pm,Prime Minister's Office,PM,,\n" +
    'o-moj,Ministry of Justice,MoJ,2007-05-09,\n',
  representation:
    'id,person_id,house,constituency_id,start_date,end_date\n' +
    'r1,p2,Commons,c1,2015-05-07,2017-06-08\n' +
    'r2,p2,Commons,c1,2017-06-08,2023-06-12\n' +
    'r3,p1,Lords,,2008-10-13,\n' +
    'r4,p4,Lords,,2011-05-31,\n',
  representation_characteristics:
    'representation_id,party,start_date,end_date\n' + 'r1,Conservative,2015-05-07,2017-06-08\n',
  constituency: 'id,name\nc1,Uxbridge and South Ruislip\n',
};
const UK_HOLDERS =
  'position,person,personID,start,end,DOB,enwiki\n' +
  'Prime Minister,Boris Johnson,Q180589,2019-07-24,,1964-06-19,Boris Johnson\n' +
  'Minister of State for Justice,"Tariq Ahmad, Baron Ahmad of Wimbledon",Q1237673,2014-07-15,,1968-04-03,\n';

function ifgContext(extra: Record<string, string> = {}) {
  const files: Record<string, string> = {
    'every-politician-scrapers__united-kingdom-cabinet/holders21.csv': UK_HOLDERS,
    'every-politician-scrapers__united-kingdom-cabinet/legislators.csv': 'position,person,personID,start,end\n',
  };
  for (const [k, v] of Object.entries({ ...IFG, ...extra })) files[`${IFG_DIR}/${k}.csv`] = v;
  return memoryContext(files);
}

describe('IfG ministers importer', () => {
  const { records, skipped } = importIfgMinisters(ifgContext(), {
    orgIds: { "Prime Minister's Office": 'uk-pmo' },
    curatedLinks: { same: {}, skip: {} },
    knownBySurname: [{ ifg: 'p2', name: 'Boris Johnson' }],
    asOf: '2026-06-19',
  });
  const byName = new Map(records.map((r) => [r.name, r]));

  it('takes ministers since 2008, each post with its department and dates', () => {
    expect([...byName.keys()].sort()).toEqual(['Boris Johnson', 'Lord Ahmad of Wimbledon', 'Peter Mandelson']);
    const boris = byName.get('Boris Johnson')!;
    expect(boris.id).toBe('uk-boris-johnson');
    expect(boris.official?.roles[0]).toEqual({
      title: 'Prime Minister',
      org: 'uk-pmo',
      orgName: "Prime Minister's Office",
      start: '2019-07-24',
      end: '2022-09-06',
    });
    expect(boris.official?.party).toBe('Conservative');
    expect(boris.official?.knownBySurname).toBe(true);
    expect(boris.description).toBe(
      "UK minister: Prime Minister (Prime Minister's Office, 2019–2022). Party: Conservative.",
    );
  });
  it('joins back-to-back terms in the same seat', () => {
    expect(byName.get('Boris Johnson')!.official?.roles[1]).toEqual({
      title: 'Member of Parliament for Uxbridge and South Ruislip',
      org: 'uk-commons',
      start: '2015-05-07',
      end: '2023-06-12',
    });
  });
  it('names a peer by the personal name and keeps the title as an alias', () => {
    const mandelson = byName.get('Peter Mandelson')!;
    expect(mandelson.aliases).toEqual(['Lord Mandelson']);
    expect(mandelson.sources[1]).toBe('https://members.parliament.uk/member/500');
    valid(records);
  });
  it('links the Wikidata id when the EveryPolitician list shows the same person on the same day', () => {
    expect(byName.get('Boris Johnson')!.ids).toEqual({ wikidata: 'Q180589' });
    const ahmad = byName.get('Lord Ahmad of Wimbledon')!;
    expect(ahmad.ids).toEqual({ wikidata: 'Q1237673' }); // by surname and the post's start date
    expect(ahmad.aliases).toContainEqual({ text: 'Ahmad', short: true });
    expect(byName.get('Peter Mandelson')!.ids).toBeUndefined();
  });
  it('leaves out an appointment that ends before it starts, naming the row', () => {
    expect(skipped).toContain(
      `${IFG_DIR}/appointment.csv row 5: ends (2011-01-01) before it starts (2012-09-04); left out`,
    );
    expect(byName.get('Lord Ahmad of Wimbledon')!.official?.roles[0]?.start).toBe('2014-07-15');
  });
  it('names the file and row of a malformed row', () => {
    expect(() => importIfgMinisters(ifgContext({ post: 'id,organisation_id,name,rank_equivalence\nx,y\n' }))).toThrow(
      /post\.csv: row 2: expected 4 fields, found 2/,
    );
  });
});
