/**
 * The reader's own entities and history in the database: the v3 upgrade keeps every note, the
 * repositories, the background's messages (who may send which), and history recording rules.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CardSessions } from '../../lib/background/card-sessions';
import type { EntityStore } from '../../lib/background/entity-store';
import { handleMessage, type HandlerContext } from '../../lib/background/handlers';
import { HistoryRecorder } from '../../lib/background/history-recorder';
import { DAY_MS, HistoryRepository } from '../../lib/custom/history';
import { CustomRepository } from '../../lib/custom/repository';
import {
  addEntityFromSelection,
  editEntityHash,
  historyHash,
  newEntityHash,
  parseEntitiesHash,
  parseHistoryHash,
} from '../../lib/custom/routes';
import type { CustomEntity, CustomInput, Sighting } from '../../lib/custom/types';
import { NotesDb, SCHEMAS } from '../../lib/notes/db';
import { NotesRepository } from '../../lib/notes/repository';
import type { Note } from '../../lib/notes/types';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../../lib/settings';
import { handlerContext } from './support/handler-context';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** A database exactly as 0.2.0 (schema v2, IndexedDB version 20) left it. */
function createV2(name: string, notes: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 20);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('notes', { keyPath: 'id' });
      store.createIndex('entityId', 'entityId');
      store.createIndex('createdAt', 'createdAt');
      store.createIndex('updatedAt', 'updatedAt');
      store.createIndex('tags', 'tags', { multiEntry: true });
      store.createIndex('deletedAt', 'deletedAt');
    };
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('notes', 'readwrite');
      for (const n of notes) tx.objectStore('notes').put(n);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

const v2Notes: Note[] = [
  {
    id: 'n-1',
    entityId: 'cn-cac',
    text: 'Written by 0.2.0',
    tags: ['data'],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_500_000,
    pageUrl: 'https://news.test/x',
    pageTitle: 'X',
    quote: 'quoted',
  },
  { id: 'n-2', entityId: 'us-sec', text: 'Deleted', tags: [], createdAt: 1, updatedAt: 2, deletedAt: 3 },
];

describe('schema v3', () => {
  test('a version 2 database with notes opens with every note intact, and gains the two new tables', async () => {
    const name = `v2-${Math.random()}`;
    names.push(name);
    await createV2(name, v2Notes);
    const db = new NotesDb(name);
    const repo = new NotesRepository(db);
    expect(await repo.allWithDeleted()).toEqual(expect.arrayContaining(v2Notes));
    expect(await repo.allWithDeleted()).toHaveLength(2);
    expect((await repo.all()).map((n) => n.id)).toEqual(['n-1']);
    expect(await db.notes.where('tags').equals('data').primaryKeys()).toEqual(['n-1']);
    expect(await db.notes.where('deletedAt').above(0).primaryKeys()).toEqual(['n-2']);
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['customEntities', 'notes', 'sightings']);
    expect(await db.customEntities.count()).toBe(0);
    const mine = await new CustomRepository(db).add(input({ name: 'Xu Ming' }));
    expect(await new CustomRepository(db).get([mine.id])).toEqual([mine]);
    db.close();
  });

  test('every shipped version stays declared', () => {
    expect(Object.keys(SCHEMAS)).toEqual(['1', '2', '3']);
    expect(SCHEMAS[3].notes).toBe(SCHEMAS[2].notes);
  });
});

function input(over: Partial<CustomInput> = {}): CustomInput {
  return { name: 'Xu Ming', aliases: [], type: 'official', description: '', links: [], ...over };
}

let db: NotesDb;
let clock = 1_000_000;
const now = () => clock;
beforeEach(() => {
  db = new NotesDb(`custom-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

describe('custom entities repository', () => {
  test('add tidies names, update, soft delete and restore, list by name', async () => {
    const repo = new CustomRepository(db, now);
    const a = await repo.add(
      input({
        name: '  Xu   Ming ',
        aliases: ['许明', ' xu ming ', '', 'Mr Xu', '许明'],
        jurisdiction: 'cn',
        links: [' https://gov.test/xu ', 'https://gov.test/xu'],
      }),
    );
    expect(a).toMatchObject({
      name: 'Xu Ming',
      aliases: ['许明', 'Mr Xu'],
      jurisdiction: 'CN',
      links: ['https://gov.test/xu'],
      createdAt: clock,
      updatedAt: clock,
    });
    expect(a.id).toMatch(/^custom:[0-9a-f-]{36}$/);
    const b = await repo.add(input({ name: 'Acme Analytics', type: 'firm' }));
    expect((await repo.list()).map((e) => e.name)).toEqual(['Acme Analytics', 'Xu Ming']);
    const u = await repo.update(a.id, input({ name: 'Xu Ming', description: 'Vice minister' }));
    expect(u.updatedAt).toBeGreaterThan(a.updatedAt);
    expect(u.createdAt).toBe(a.createdAt);
    expect(u.aliases).toEqual([]);
    await repo.remove(b.id);
    expect((await repo.list()).map((e) => e.name)).toEqual(['Xu Ming']);
    expect(await repo.get([b.id])).toEqual([]);
    await expect(repo.update(b.id, input())).rejects.toThrow(/no entity of yours/);
    const back = await repo.restore(b.id);
    expect(back.deletedAt).toBeUndefined();
    expect((await repo.list()).map((e) => e.name)).toEqual(['Acme Analytics', 'Xu Ming']);
    await expect(repo.remove('custom:nope')).rejects.toThrow(/no entity of yours/);
  });

  test('import merges by id and updatedAt, in one transaction', async () => {
    const repo = new CustomRepository(db, now);
    const held = await repo.add(input());
    const newer: CustomEntity = { ...held, description: 'newer', updatedAt: held.updatedAt + 5 };
    const older: CustomEntity = { ...held, description: 'older', updatedAt: held.updatedAt - 1 };
    const fresh: CustomEntity = { ...held, id: 'custom:fresh', name: 'Fresh', createdAt: 1, updatedAt: 2 };
    expect(await repo.importEntities([older])).toEqual({ added: 0, updated: 0, kept: 1 });
    expect((await repo.get([held.id]))[0]!.description).toBe('');
    expect(await repo.importEntities([newer, fresh])).toEqual({ added: 1, updated: 1, kept: 0 });
    expect((await repo.list()).map((e) => [e.name, e.description])).toEqual([
      ['Fresh', ''],
      ['Xu Ming', 'newer'],
    ]);
  });
});

describe('history repository', () => {
  const page = (n: number) => ({ url: `https://news.test/${n}`, host: 'news.test', title: `Story ${n}` });

  test('records one row per entity and page, summarises, lists, deletes and purges', async () => {
    const h = new HistoryRepository(db, now);
    clock = 10 * DAY_MS;
    await h.record(
      page(1),
      new Map([
        ['us-sec', 3],
        ['custom:x', 1],
      ]),
    );
    clock += DAY_MS;
    await h.record(page(2), new Map([['us-sec', 1]]));
    await h.record({ url: 'https://other.test/a', host: 'other.test', title: 'Other' }, new Map([['us-sec', 2]]));
    clock += DAY_MS;
    await h.record(page(1), new Map([['us-sec', 5]]));
    expect(await h.summary('us-sec')).toEqual({
      pages: 3,
      last: { url: 'https://news.test/1', title: 'Story 1', lastSeen: clock },
    });
    expect(await h.summary('nobody')).toEqual({ pages: 0 });
    const rows = await h.list({ entityId: 'us-sec' });
    expect(rows.map((r) => [r.url, r.count])).toEqual([
      ['https://news.test/1', 5],
      ['https://news.test/2', 1],
      ['https://other.test/a', 2],
    ]);
    expect(rows[0]!.firstSeen).toBe(10 * DAY_MS); // the first sighting is kept
    expect((await h.list({ text: 'other' })).map((r) => r.host)).toEqual(['other.test']);
    expect(await h.delete({ entityId: 'us-sec', url: 'https://news.test/2' })).toBe(1);
    expect(await h.delete({ host: 'other.test' })).toBe(1);
    expect((await h.list()).map((r) => `${r.entityId} ${r.url}`).sort()).toEqual([
      'custom:x https://news.test/1',
      'us-sec https://news.test/1',
    ]);
    // custom:x was last seen 2 days ago, us-sec today: a 1-day retention keeps only us-sec.
    expect(await h.purge(1)).toBe(1);
    expect(await h.delete({ all: true })).toBe(1);
    expect(await h.list()).toEqual([]);
  });
});

describe('a whole backup imports in one transaction', () => {
  test('notes, entities and history together; a failure in any writes none', async () => {
    const notes = new NotesRepository(db, now);
    const entity: CustomEntity = { ...input(), id: 'custom:a', createdAt: 1, updatedAt: 2 };
    const sighting: Sighting = {
      entityId: 'custom:a',
      url: 'https://news.test/1',
      host: 'news.test',
      title: 'One',
      firstSeen: 1,
      lastSeen: 2,
      count: 1,
    };
    const bad = { ...sighting, entityId: undefined } as unknown as Sighting; // no key: the write fails
    await expect(notes.importNotes([v2Notes[0]!], { entities: [entity], history: [sighting, bad] })).rejects.toThrow();
    expect(await db.notes.count()).toBe(0);
    expect(await db.customEntities.count()).toBe(0);
    expect(await db.sightings.count()).toBe(0);
    expect(await notes.importNotes([v2Notes[0]!], { entities: [entity], history: [sighting] })).toEqual({
      added: 1,
      updated: 0,
      kept: 0,
      entities: { added: 1, updated: 0, kept: 0 },
      history: { added: 1, updated: 0, kept: 0 },
    });
    expect(await notes.importNotes([], { history: [{ ...sighting, lastSeen: 9, title: 'Newer' }] })).toMatchObject({
      history: { added: 0, updated: 1, kept: 0 },
    });
    expect((await db.sightings.toArray())[0]).toMatchObject({ title: 'Newer', firstSeen: 1, lastSeen: 9 });
  });
});

/** A background context as the popup or options page gets it, with the new stores. */
function fullContext(over: Partial<HandlerContext> = {}): HandlerContext & { changed: number } {
  const changes = { n: 0 };
  const entities = {
    get: async (ids: readonly string[]) => ids.filter((id) => id === 'us-sec').map((id) => ({ id })),
  } as unknown as EntityStore;
  const base = handlerContext(new NotesRepository(db, now), {
    custom: new CustomRepository(db, now),
    history: new HistoryRepository(db, now),
    entities,
    customChanged: () => void changes.n++,
    settings: async () => ({ ...DEFAULT_SETTINGS, history: true }),
    ...over,
  });
  return Object.defineProperty(base, 'changed', { get: () => changes.n }) as HandlerContext & { changed: number };
}

describe('messages about the reader’s entities and history', () => {
  test('the options page adds, edits, lists, deletes, restores, exports and imports; every change is announced', async () => {
    const ctx = fullContext();
    const added = await handleMessage({ type: 'custom:add', payload: { entity: input({ aliases: ['许明'] }) } }, ctx);
    expect(added).toMatchObject({ ok: true, data: { name: 'Xu Ming', aliases: ['许明'] } });
    const id = (added as { data: CustomEntity }).data.id;
    expect(ctx.changed).toBe(1);
    const upd = await handleMessage(
      { type: 'custom:update', payload: { id, entity: input({ description: 'Vice minister' }) } },
      ctx,
    );
    expect(upd).toMatchObject({ ok: true, data: { description: 'Vice minister' } });
    expect(await handleMessage({ type: 'custom:list', payload: {} }, ctx)).toMatchObject({
      ok: true,
      data: [{ id, description: 'Vice minister' }],
    });
    const pack = await handleMessage({ type: 'custom:export', payload: {} }, ctx);
    expect(pack).toMatchObject({ ok: true, data: { format: 'dramatis-entities', version: 1, entities: [{ id }] } });
    expect(await handleMessage({ type: 'custom:delete', payload: { id } }, ctx)).toEqual({ ok: true, data: { id } });
    expect(await handleMessage({ type: 'custom:list', payload: {} }, ctx)).toEqual({ ok: true, data: [] });
    expect(await handleMessage({ type: 'custom:restore', payload: { id } }, ctx)).toMatchObject({ ok: true });
    const imported = await handleMessage(
      { type: 'custom:import', payload: { entities: (pack as { data: { entities: CustomEntity[] } }).data.entities } },
      ctx,
    );
    expect(imported).toEqual({ ok: true, data: { added: 0, updated: 0, kept: 1 } });
    expect(ctx.changed).toBe(4); // add, update, delete, restore; an import that changed nothing is not announced
  });

  test('bad input is refused whole: a link that is not a web address, an unknown "same as", a bad id', async () => {
    const ctx = fullContext();
    const js = await handleMessage(
      { type: 'custom:add', payload: { entity: input({ links: ['https://ok.test', 'javascript:alert(1)'] }) } },
      ctx,
    );
    expect(js).toMatchObject({ ok: false });
    expect((js as { error: string }).error).toContain('entity.links.1: must be a web address');
    const same = await handleMessage({ type: 'custom:add', payload: { entity: input({ sameAs: 'zz-nobody' }) } }, ctx);
    expect(same).toEqual({ ok: false, error: '"same as": no entity with id zz-nobody in the dataset' });
    const ok = await handleMessage({ type: 'custom:add', payload: { entity: input({ sameAs: 'us-sec' }) } }, ctx);
    expect(ok).toMatchObject({ ok: true, data: { sameAs: 'us-sec' } });
    expect(await handleMessage({ type: 'custom:delete', payload: { id: 'us-sec' } }, ctx)).toMatchObject({ ok: false });
    expect(await handleMessage({ type: 'custom:add', payload: { entity: input({ name: '   ' }) } }, ctx)).toMatchObject(
      {
        ok: false,
      },
    );
    expect(ctx.changed).toBe(1);
  });

  test('a content script gets none of it; a card reads one entity and its history only once claimed', async () => {
    const repo = new CustomRepository(db, now);
    const mine = await repo.add(input());
    const cards = new CardSessions();
    const content = fullContext({ sender: 'content', tabId: 4 });
    for (const msg of [
      { type: 'custom:list', payload: {} },
      { type: 'custom:get', payload: { ids: [mine.id] } },
      { type: 'custom:add', payload: { entity: input() } },
      { type: 'custom:delete', payload: { id: mine.id } },
      { type: 'custom:export', payload: {} },
      { type: 'history:summary', payload: { entityId: mine.id } },
      { type: 'history:list', payload: {} },
      { type: 'history:delete', payload: { all: true } },
      { type: 'options:open', payload: { hash: '#/history' } },
    ])
      expect(await handleMessage(msg, content)).toEqual({
        ok: false,
        error: `${msg.type}: not allowed from a web page`,
      });

    const frame = { tabId: 4, frameId: 0, documentId: 'doc-1' };
    const card = fullContext({ sender: 'card', tabId: 4, frameId: 0, documentId: 'doc-1', cards });
    expect(await handleMessage({ type: 'custom:get', payload: { ids: [mine.id] } }, card)).toMatchObject({ ok: false });
    const ticket = cards.issue({ tabId: 4, frameId: 0 });
    expect(cards.claim(ticket, frame)).toBe(true);
    expect(await handleMessage({ type: 'custom:get', payload: { ids: [mine.id] } }, card)).toEqual({
      ok: true,
      data: [mine],
    });
    expect(await handleMessage({ type: 'history:summary', payload: { entityId: mine.id } }, card)).toEqual({
      ok: true,
      data: { enabled: true, pages: 0 },
    });
    // Even a claimed card neither lists, edits nor deletes.
    for (const type of ['custom:list', 'custom:add', 'custom:delete', 'history:list', 'history:delete'] as const) {
      const payload =
        type === 'custom:add'
          ? { entity: input() }
          : type === 'custom:delete'
            ? { id: mine.id }
            : type === 'history:delete'
              ? { all: true }
              : {};
      expect(await handleMessage({ type, payload }, card)).toEqual({
        ok: false,
        error: `${type}: not allowed from a web page`,
      });
    }
    expect((await repo.list()).length).toBe(1);
  });

  test('history:summary says nothing while the history is off', async () => {
    const ctx = fullContext({ settings: async () => DEFAULT_SETTINGS });
    await new HistoryRepository(db, now).record(
      { url: 'https://news.test/1', host: 'news.test', title: 'One' },
      new Map([['us-sec', 1]]),
    );
    expect(await handleMessage({ type: 'history:summary', payload: { entityId: 'us-sec' } }, ctx)).toEqual({
      ok: true,
      data: { enabled: false, pages: 0 },
    });
  });
});

describe('recording where entities were met', () => {
  const tab = { id: 5, url: 'https://news.test/story#top', title: 'A story', incognito: false };
  const foundIn = async (settings: Settings, t: typeof tab | { incognito?: boolean; url?: string; id?: number }) => {
    const history = new HistoryRepository(db, now);
    const recorder = new HistoryRecorder(history, async () => settings, now);
    const ctx = fullContext({
      sender: 'content',
      tabId: 5,
      frameId: 0,
      tab: t,
      history,
      recorder,
      found: new Map(),
    });
    const r = await handleMessage(
      { type: 'page:found', payload: { entityIds: ['us-sec', 'custom:a'], counts: [3, 1] } },
      ctx,
    );
    expect(r).toEqual({ ok: true, data: { count: 2 } });
    // A frame of the same page adds its own.
    await handleMessage(
      { type: 'page:found', payload: { entityIds: ['us-sec'], counts: [2] } },
      { ...ctx, frameId: 7 },
    );
    return history.list();
  };
  const on: Settings = { ...DEFAULT_SETTINGS, history: true };

  test('off by default: nothing is recorded', async () => {
    expect(normalizeSettings(undefined)).toMatchObject({ history: false, historyDays: 90 });
    expect(await foundIn(DEFAULT_SETTINGS, tab)).toEqual([]);
  });

  test('on: each entity of the page, frames counted together, address without its fragment', async () => {
    clock = 5_000_000;
    const rows = await foundIn(on, tab);
    expect(rows.map((r) => [r.entityId, r.url, r.title, r.count]).sort()).toEqual([
      ['custom:a', 'https://news.test/story', 'A story', 1],
      ['us-sec', 'https://news.test/story', 'A story', 5],
    ]);
  });

  test.each([
    ['a private window', { ...tab, incognito: true }, on],
    ['a tab of unknown privacy', { id: 5, url: tab.url }, on],
    ['a paused site', tab, { ...on, pausedSites: ['news.test'] }],
    ['paused everywhere', tab, { ...on, pausedAll: true }],
    ['a page that is not http(s)', { ...tab, url: 'file:///home/me/a.html' }, on],
  ])('never %s', async (_what, t, settings) => {
    expect(await foundIn(settings, t)).toEqual([]);
  });

  test('settings: retention is a whole number of days, within bounds', () => {
    expect(normalizeSettings({ history: true, historyDays: 30 })).toMatchObject({ history: true, historyDays: 30 });
    expect(normalizeSettings({ historyDays: 0 }).historyDays).toBe(90);
    expect(normalizeSettings({ historyDays: 2.5 }).historyDays).toBe(90);
    expect(normalizeSettings({ historyDays: 1e9 }).historyDays).toBe(3650);
  });
});

describe('options-page routes and the context menu', () => {
  test('hashes round-trip', () => {
    expect(parseEntitiesHash('#/entities')).toEqual({ view: 'list' });
    expect(parseEntitiesHash(newEntityHash({ name: 'Xu Ming & co', url: 'https://x.test/?a=1', title: 'T' }))).toEqual({
      view: 'new',
      params: { name: 'Xu Ming & co', url: 'https://x.test/?a=1', title: 'T', sameAs: undefined },
    });
    expect(parseEntitiesHash(editEntityHash('custom:abc'))).toEqual({ view: 'edit', id: 'custom:abc' });
    expect(parseEntitiesHash('#/entities/edit')).toEqual({ view: 'list' });
    expect(parseEntitiesHash('#/notes')).toBeUndefined();
    expect(parseHistoryHash(historyHash('us-sec'))).toEqual({ entityId: 'us-sec' });
    expect(parseHistoryHash('#/history')).toEqual({ entityId: undefined });
    expect(parseHistoryHash('#/entities')).toBeUndefined();
  });

  test("“Add 'Xu Ming' to Dramatis…” opens the editor with the selection as the name", async () => {
    const opened: string[] = [];
    const hash = await addEntityFromSelection(
      { selectionText: '  Xu\n  Ming ' },
      { url: 'https://news.test/a', title: 'A story' },
      { openPage: async (h) => void opened.push(h) },
    );
    expect(opened).toEqual([hash]);
    expect(parseEntitiesHash(hash)).toEqual({
      view: 'new',
      params: { name: 'Xu Ming', url: 'https://news.test/a', title: 'A story', sameAs: undefined },
    });
  });
});
