/**
 * Entity search over the real dataset: table tests of queries and the first result a reader
 * expects (typos, several words, native scripts, acronyms, prominence over namesakes).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { ALIAS_ACRONYM, expandAliases } from '../../lib/dataset/aliases';
import { defaultExpandOptions, loadDataset } from '../../lib/dataset/load';
import { shardOf, toCardEntities, type CardEntity } from '../../lib/entities';
import { EntitySearch, searchDocOf, tokenize, viaOf } from '../../lib/entity-search';

let search: EntitySearch;
let byId: Map<string, CardEntity>;
beforeAll(() => {
  const ds = loadDataset();
  const cards = toCardEntities(ds.records, ds.curatedIds);
  byId = new Map(cards.map((c) => [c.id, c]));
  const opts = defaultExpandOptions();
  const acr = new Map(
    ds.records.map((r) => [
      r.id,
      expandAliases(r, opts)
        .filter((a) => a.flags & ALIAS_ACRONYM)
        .map((a) => a.text),
    ]),
  );
  // Through the serialised form, as the background loads it.
  const built = EntitySearch.build(cards.map((c) => searchDocOf(c, (id) => acr.get(id) ?? [])));
  search = EntitySearch.load(JSON.stringify(built));
}, 120_000);

describe('first result', () => {
  test.each([
    ['alibba', 'cn-alibaba'], // a typo
    ['Alibaba', 'cn-alibaba'],
    ['gensler sec', 'us-gary-gensler'], // a name and the body of the role
    ['网信办', 'cn-cac'], // inside a longer native name
    ['国家互联网信息办公室', 'cn-cac'],
    ['习近平', 'cn-xi-jinping'],
    ['トヨタ', 'jp-toyota'],
    ['삼성전자', 'kr-samsung-electronics'],
    ['CAC', 'cn-cac'], // the regulator before a bank whose ticker is CAC
    ['ecb', 'eu-ecb'], // before ECB Bancorp
    ['sec', 'us-sec'],
    ['macron', 'fr-emmanuel-macron'], // a leader before Micron
    ['lagarde', 'eu-christine-lagarde'], // before her namesakes
    ['joe biden', 'us-joseph-biden'], // the form the press uses
    ['dick durbin', 'us-richard-durbin'], // a nickname
    ['federal reserve', 'us-fed'],
    ['bank of england', 'uk-boe'],
    ['niu yibing', 'cn-niu-yibing'],
    ['hindenburg', 'us-hindenburg-research'],
    ['Cyberspace Administration', 'cn-cac'], // a prefix of several words
    ['Emmanuel Macron', 'fr-emmanuel-macron'],
  ])('%s → %s', (query, id) => {
    const hits = search.search(query, 5);
    expect(hits[0]?.id, hits.map((h) => h.id).join(', ')).toBe(id);
  });

  test('nothing for nothing, and nothing for a word no entity has', () => {
    expect(search.search('   ', 5)).toEqual([]);
    expect(search.search('zzqxjv', 5)).toEqual([]);
  });

  test('a type filter keeps only that type', () => {
    const hits = search.search('apple', 10, 'firm');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.type === 'firm')).toBe(true);
  });
});

describe('helpers', () => {
  test('tokens are folded; CJK runs become overlapping pairs', () => {
    expect(tokenize('Société Générale')).toEqual(['societe', 'generale']);
    expect(tokenize('国家网信办')).toEqual(['国家', '家网', '网信', '信办']);
    expect(tokenize('S&P 500')).toEqual(['s', 'p', '500']);
  });

  test('the alias that explains a hit is named when the name does not', () => {
    expect(viaOf('网信办', byId.get('cn-cac')!)).toBe('国家网信办');
    expect(viaOf('cyberspace', byId.get('cn-cac')!)).toBeUndefined();
  });

  test('every record carries the names of what it links to, and shards are stable', () => {
    const gensler = byId.get('us-gary-gensler')!;
    expect(Object.values(gensler.links).map((l) => l.id)).toContain('us-sec');
    const sec = byId.get('us-sec')!;
    expect(sec.backrefCount).toBeGreaterThan(0);
    expect(sec.backrefs.every((id) => sec.links[id])).toBe(true);
    expect(shardOf('us-sec')).toMatch(/^[0-9a-f]{2}$/);
    expect(shardOf('us-sec')).toBe(shardOf('us-sec'));
  });
});
