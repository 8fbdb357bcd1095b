import { describe, expect, it } from 'vitest';
import { articleName, leadershipRoles } from '../../lib/dataset/importers/congress';
import { importCongressHistory, joinTerms } from '../../lib/dataset/importers/congress-history';
import { entitySchema } from '../../lib/dataset/schema';

const seen = (date: string, commit = 'a'.repeat(40)) => ({ commit, date });
const former = JSON.stringify([
  {
    id: { bioguide: 'D000001', wikidata: 'Q1' },
    name: { first: 'Richard', last: 'Doe', nickname: 'Dick', official_full: 'Richard J. Doe' },
    terms: [
      { type: 'rep', start: '2009-01-06', end: '2011-01-03', state: 'IL', district: 20, party: 'Democrat' },
      { type: 'rep', start: '2011-01-05', end: '2013-01-03', state: 'IL', district: 20, party: 'Democrat' },
      { type: 'sen', start: '2013-01-03', end: '2019-01-03', state: 'IL', party: 'Democrat' },
    ],
    _lastSeen: seen('2018-12-20'),
    _firstAbsent: seen('2019-01-04', 'b'.repeat(40)),
  },
  {
    id: { bioguide: 'E000002' },
    name: { first: 'Early', last: 'Leaver' },
    terms: [
      { type: 'rep', start: '2013-01-03', end: '2015-01-03', state: 'OH', district: 3, party: 'Republican' },
      { type: 'rep', start: '2015-01-06', end: '2017-01-03', state: 'OH', district: 3, party: 'Republican' },
    ],
    _lastSeen: seen('2016-03-01'),
    _firstAbsent: seen('2016-03-08'),
  },
  { id: { bioguide: 'X000003' }, name: { first: 'No', last: 'Terms' }, terms: [], _lastSeen: seen('2014-01-01') },
]);
const executive = `
- id: {bioguide: B000444, wikidata: Q6279}
  name: {first: Joseph, last: Biden, middle: R., suffix: Jr.}
  terms:
  - {type: viceprez, start: '2009-01-20', end: '2013-01-20', party: Democrat}
  - {type: viceprez, start: '2013-01-20', end: '2017-01-20', party: Democrat}
  - {type: prez, start: '2021-01-20', end: '2025-01-20', party: Democrat}
- id: {bioguide: W000001}
  name: {first: Old, last: President}
  terms: [{type: prez, start: '1993-01-20', end: '2001-01-20', party: X}]
`;

describe('Congress history importer', () => {
  const { records, skipped } = importCongressHistory(former, executive, new Set(['us-richard-doe']));
  const byId = new Map(records.map((r) => [r.id, r]));

  it('makes valid officials for former members and presidents since 2008', () => {
    records.forEach((r) => expect(entitySchema.safeParse(r).success, JSON.stringify(r)).toBe(true));
    expect([...byId.keys()]).toEqual(['us-richard-doe-il', 'us-early-leaver', 'us-joseph-biden']);
  });
  it('joins consecutive terms in one seat and keeps dates as given', () => {
    const doe = byId.get('us-richard-doe-il')!;
    expect(doe.official!.roles).toEqual([
      { title: 'U.S. Senator from Illinois', org: 'us-senate', start: '2013-01-03', end: '2019-01-03' },
      { title: 'U.S. Representative for IL-20', org: 'us-house', start: '2009-01-06', end: '2013-01-03' },
    ]);
    expect(doe.aliases).toEqual(['Richard Doe', 'Dick Doe']);
    expect(doe.ids).toEqual({ wikidata: 'Q1', bioguide: 'D000001' });
    expect(doe.sources[0]).toEqual({
      url: `https://github.com/unitedstates/congress-legislators/blob/${'a'.repeat(40)}/legislators-current.yaml`,
      date: '2018-12-20',
      title: 'congress-legislators, legislators-current.yaml of 2018-12-20',
    });
    expect(doe.asOf).toBe('2018-12-20');
  });
  it('leaves out a last term that ended early on a date the file never gave', () => {
    const e = byId.get('us-early-leaver')!;
    expect(e.official!.roles).toEqual([
      { title: 'U.S. Representative for OH-3', org: 'us-house', start: '2013-01-03', end: '2015-01-03' },
    ]);
    expect(e.description).toMatch(/left before the end of the term that began 2015-01-06/);
  });
  it('takes every presidential and vice-presidential term of those in office since 2008', () => {
    const b = byId.get('us-joseph-biden')!;
    expect(b.name).toBe('Joseph R. Biden Jr.');
    expect(b.official!.knownBySurname).toBe(true);
    expect(byId.get('us-richard-doe-il')!.official!.knownBySurname).toBeUndefined();
    expect(b.official!.roles.map((r) => [r.title, r.start, r.end])).toEqual([
      ['President of the United States', '2021-01-20', '2025-01-20'],
      ['Vice President of the United States', '2009-01-20', '2017-01-20'],
    ]);
  });
  it('names the file and entry of a malformed row', () => {
    expect(skipped).toEqual([
      'unitedstates__congress-legislators/legislators-former-since-2012.json entry #3 (X000003): needs name.first, name.last, terms, _lastSeen and _firstAbsent',
    ]);
    expect(() => importCongressHistory('[', executive)).toThrow(/legislators-former-since-2012\.json: not valid JSON/);
  });
  it('joins terms only when they follow each other', () => {
    expect(
      joinTerms([
        { title: 'A', start: '2001-01-03', end: '2003-01-03' },
        { title: 'A', start: '2007-01-04', end: '2009-01-03' },
      ]),
    ).toHaveLength(2);
  });
});

describe('Congress names and leadership posts', () => {
  it('takes the Wikipedia article name as the form the press uses', () => {
    expect(articleName('Dick Durbin')).toBe('Dick Durbin');
    expect(articleName('Chris Jacobs (politician)')).toBe('Chris Jacobs');
    expect(articleName('Cher')).toBeUndefined();
    expect(articleName(undefined)).toBeUndefined();
  });
  it('joins a post held in consecutive Congresses and keeps an open one only when asked', () => {
    const list = [
      { title: 'Senate Majority Whip', chamber: 'senate', start: '2021-01-20', end: '2023-01-03' },
      { title: 'Senate Majority Whip', chamber: 'senate', start: '2023-01-03', end: '2025-01-03' },
      { title: 'Senate Minority Whip', chamber: 'senate', start: '2025-01-03' },
    ];
    expect(leadershipRoles(list, true)).toEqual([
      { title: 'Senate Minority Whip', org: 'us-senate', start: '2025-01-03' },
      { title: 'Senate Majority Whip', org: 'us-senate', start: '2021-01-20', end: '2025-01-03' },
    ]);
    expect(leadershipRoles(list, false)).toHaveLength(1);
  });
});
