/**
 * Entity packs and the whole backup (notes file version 2): validated as a whole, named problems,
 * merged by id and `updatedAt`.
 */
import { describe, expect, test } from 'vitest';
import { parsePack, planPackMerge, toPack, toPackJson } from '../../lib/custom/pack';
import type { CustomEntity, Sighting } from '../../lib/custom/types';
import { parseNotesFile, toJson } from '../../lib/notes/import-export';

const xu: CustomEntity = {
  id: 'custom:11111111-2222-3333-4444-555555555555',
  name: 'Xu Ming',
  aliases: ['许明'],
  type: 'official',
  jurisdiction: 'CN',
  description: 'Deputy head',
  links: ['https://gov.test/xu'],
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_100_000,
};
const acme: CustomEntity = {
  id: 'custom:acme',
  name: 'Acme Analytics',
  aliases: [],
  type: 'firm',
  description: '',
  links: [],
  sameAs: 'us-aapl',
  createdAt: 1_600_000_000_000,
  updatedAt: 1_600_000_000_000,
};
const seen: Sighting = {
  entityId: xu.id,
  url: 'https://news.test/a',
  host: 'news.test',
  title: 'A story',
  firstSeen: 1_700_000_000_000,
  lastSeen: 1_700_000_200_000,
  count: 2,
};

const packOf = (entities: unknown, over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'dramatis-entities', version: 1, exportedAt: 1, entities, ...over });

describe('entity packs', () => {
  test('a pack round-trips; oldest first; deleted entities are left out', () => {
    const json = toPackJson([xu, acme, { ...xu, id: 'custom:gone', deletedAt: 5 }], 1_700_000_300_000);
    const r = parsePack(json);
    expect(r).toEqual({
      ok: true,
      file: { format: 'dramatis-entities', version: 1, exportedAt: 1_700_000_300_000, entities: [acme, xu] },
    });
    expect(toPack([acme, xu], 1)).toEqual(toPack([xu, acme], 1));
  });

  test.each([
    ['nope', 'file: not JSON'],
    ['"x"', 'file: expected a Dramatis entity pack (a JSON object), found a string'],
    [JSON.stringify({ format: 'dramatis-notes', version: 2 }), 'this is a Dramatis backup'],
    [packOf([], { format: 'other' }), 'format: expected "dramatis-entities", found "other"'],
    [packOf([], { version: 3 }), 'version: this pack is version 3, written by a newer Dramatis'],
    [packOf([{ ...xu, links: ['javascript:alert(1)'] }]), 'entities[0].links[0]: must be a web address'],
    [packOf([{ ...xu, links: ['data:text/html,x'] }]), 'entities[0].links[0]: must be a web address'],
    [packOf([{ ...xu, type: 'person' }]), 'entities[0].type: expected'],
    [packOf([{ ...xu, id: 'us-sec' }]), 'entities[0].id: must be "custom:"'],
    [packOf([{ ...xu, name: '  ' }]), 'entities[0].name: a name needs some text'],
    [packOf([{ ...xu, sameAs: 'Not An Id' }]), 'entities[0].sameAs: must be the id of a bundled entity'],
    [packOf([{ ...xu, colour: 'red' }]), 'entities[0]: unexpected field "colour"'],
    [packOf([xu, xu]), `entities[1].id: "${xu.id}" is also the id of entities[0]`],
    [packOf([{ ...xu, updatedAt: 1 }]), 'entities[0].updatedAt: earlier than createdAt'],
    [packOf([{ ...xu, jurisdiction: 'China' }]), 'entities[0].jurisdiction: must be an ISO 3166-1 alpha-2 code'],
  ])('refuses %s whole, saying what and where', (text, message) => {
    const r = parsePack(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });

  test('merge: new added, newer updated, older kept; a deleted one comes back from a file no older', () => {
    const held = new Map<string, CustomEntity>([
      [xu.id, xu],
      [acme.id, { ...acme, deletedAt: 9 }],
    ]);
    const { put, counts } = planPackMerge(held, [
      { ...xu, updatedAt: xu.updatedAt - 1, name: 'older' },
      acme,
      { ...xu, id: 'custom:new' },
    ]);
    expect(counts).toEqual({ added: 1, updated: 1, kept: 1 });
    expect(put.map((e) => e.id).sort()).toEqual(['custom:acme', 'custom:new']);
    expect(put.find((e) => e.id === acme.id)!.deletedAt).toBeUndefined();
    expect(planPackMerge(held, [{ ...xu, updatedAt: xu.updatedAt + 1 }]).counts).toEqual({
      added: 0,
      updated: 1,
      kept: 0,
    });
  });
});

describe('the whole backup (notes file version 2)', () => {
  test('holds notes, entities and history, and reads back the same', () => {
    const json = toJson([], 5, { entities: [xu], history: [seen] });
    expect(parseNotesFile(json)).toEqual({
      ok: true,
      file: { format: 'dramatis-notes', version: 2, exportedAt: 5, notes: [], entities: [xu], history: [seen] },
    });
  });

  test.each([
    [{ history: [{ ...seen, url: 'javascript:alert(1)' }] }, 'history[0].url: must be a web address'],
    [{ history: [seen, { ...seen, count: 4 }] }, 'history[1]: the same entity and page as history[0]'],
    [{ history: [{ ...seen, lastSeen: 1 }] }, 'history[0].lastSeen: earlier than firstSeen'],
    [{ entities: [{ ...xu, links: ['ftp://x.test'] }] }, 'entities[0].links[0]: must be a web address'],
    [{ entities: undefined }, 'entities: missing (expected an array)'],
  ])('a bad part refuses the whole file: %j', (over, message) => {
    const file = { ...JSON.parse(toJson([], 5, { entities: [xu], history: [seen] })), ...over };
    const r = parseNotesFile(JSON.stringify(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });
});
