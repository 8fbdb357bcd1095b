import 'fake-indexeddb/auto';
import { handlerContext } from './support/handler-context';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { handleMessage } from '../../lib/background/handlers';
import { addNoteFromSelection, addNoteHash, parseAddNoteHash } from '../../lib/notes/add-from-selection';
import { NotesDb } from '../../lib/notes/db';
import { describeStorageError } from '../../lib/notes/errors';
import { NotesRepository } from '../../lib/notes/repository';
import type { Note } from '../../lib/notes/types';

const names: string[] = [];
afterEach(async () => {
  for (const n of names.splice(0)) await Dexie.delete(n);
});

/** Creates a database exactly as 0.1.0 (schema v1, IndexedDB version 10) left it. */
function createV1(name: string, notes: unknown[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 10);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('notes', { keyPath: 'id' });
      store.createIndex('entityId', 'entityId');
      store.createIndex('createdAt', 'createdAt');
      store.createIndex('updatedAt', 'updatedAt');
      store.createIndex('tags', 'tags', { multiEntry: true });
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

const v1Notes: Note[] = [
  {
    id: 'old-1',
    entityId: 'cn-cac',
    text: 'Written by 0.1.0',
    tags: ['data'],
    createdAt: 1_650_000_000_000,
    updatedAt: 1_650_000_500_000,
    pageUrl: 'https://news.test/x',
    pageTitle: 'X',
    quote: 'quoted',
  },
  {
    id: 'old-2',
    entityId: 'cn-didi',
    text: 'Another',
    tags: [],
    createdAt: 1_650_000_100_000,
    updatedAt: 1_650_000_100_000,
  },
  {
    id: 'old-3',
    entityId: 'cn-didi',
    text: 'Deleted',
    tags: [],
    createdAt: 1_650_000_200_000,
    updatedAt: 1_650_000_200_000,
    deletedAt: 1_650_000_300_000,
  },
];

describe('schema upgrades', () => {
  test('a version 1 database opens with every note intact, and is upgraded to the current version', async () => {
    const name = `v1-${Math.random()}`;
    names.push(name);
    await createV1(name, v1Notes);
    const db = new NotesDb(name);
    const repo = new NotesRepository(db);
    expect(await repo.allWithDeleted()).toEqual(expect.arrayContaining(v1Notes));
    expect(await repo.allWithDeleted()).toHaveLength(3);
    expect((await repo.all()).map((n) => n.id)).toEqual(['old-2', 'old-1']);
    expect(await repo.listForEntity('cn-didi')).toEqual([v1Notes[1]]);
    expect(await db.notes.where('tags').equals('data').primaryKeys()).toEqual(['old-1']);
    expect(db.verno).toBe(3); // through v2 (deletedAt index) to v3 (the reader's entities, history)
    expect(await db.notes.where('deletedAt').above(0).primaryKeys()).toEqual(['old-3']);
    // Still restorable after the upgrade.
    await repo.restore('old-3');
    expect((await repo.all()).map((n) => n.id)).toEqual(['old-3', 'old-2', 'old-1']);
    db.close();
  });

  test('the v2 upgrade gives hand-made v1 notes the fields v1 code assumed', async () => {
    const name = `v1b-${Math.random()}`;
    names.push(name);
    await createV1(name, [{ id: 'bare', entityId: 'x', text: 't', createdAt: 5 }]);
    const db = new NotesDb(name);
    expect(await db.notes.get('bare')).toEqual({
      id: 'bare',
      entityId: 'x',
      text: 't',
      createdAt: 5,
      updatedAt: 5,
      tags: [],
    });
    db.close();
  });
});

describe('storage errors', () => {
  test.each([
    [new DOMException('quota', 'QuotaExceededError'), 'Storage is full'],
    [
      Object.assign(new Error('wrapped'), { name: 'AbortError', inner: { name: 'QuotaExceededError' } }),
      'Storage is full',
    ],
    [Object.assign(new Error('v'), { name: 'VersionError' }), 'newer version of Dramatis'],
    [Object.assign(new Error('blocked'), { name: 'OpenFailedError' }), 'could not be opened (blocked)'],
    [new Error('no note with id x'), 'no note with id x'],
  ])('%s is described for the reader', (err, text) => {
    expect(describeStorageError(err)).toContain(text);
  });

  test('a quota failure while saving reaches the editor as a clear message', async () => {
    const repo = {
      add: async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    } as unknown as NotesRepository;
    const r = await handleMessage({ type: 'notes:add', payload: { entityId: 'x', text: 'keep me' } }, ctx(repo));
    expect(r).toMatchObject({ ok: false });
    expect((r as { error: string }).error).toMatch(/^Storage is full.*still in the editor/);
  });
});

const ctx = handlerContext;

describe('notes:all and notes:import messages', () => {
  test('import merges and reports counts; a web page may neither list nor import', async () => {
    const name = `msg-${Math.random()}`;
    names.push(name);
    const repo = new NotesRepository(new NotesDb(name));
    const r = await handleMessage({ type: 'notes:import', payload: { notes: v1Notes.slice(0, 2) } }, ctx(repo));
    expect(r).toEqual({ ok: true, data: { added: 2, updated: 0, kept: 0 } });
    const all = await handleMessage({ type: 'notes:all', payload: {} }, ctx(repo));
    expect(all).toEqual({ ok: true, data: [v1Notes[1], v1Notes[0]] });
    const web = ctx(repo, { sender: 'content', tabId: 4 });
    expect(await handleMessage({ type: 'notes:all', payload: {} }, web)).toEqual({
      ok: false,
      error: 'notes:all: not allowed from a web page',
    });
    expect(await handleMessage({ type: 'notes:import', payload: { notes: [] } }, web)).toMatchObject({ ok: false });
    // A malformed note in an import message is refused whole.
    const bad = await handleMessage(
      { type: 'notes:import', payload: { notes: [{ ...v1Notes[2], id: 'new' }, { id: 'x' }] } },
      ctx(repo),
    );
    expect(bad).toMatchObject({ ok: false });
    expect((await repo.allWithDeleted()).map((n) => n.id).sort()).toEqual(['old-1', 'old-2']);
  });
});

describe('context menu: add a note from a selection', () => {
  test('asks the tab, then opens the add view with quote, entity and page', async () => {
    const asked: [number, number][] = [];
    const opened: string[] = [];
    const hash = await addNoteFromSelection(
      { selectionText: 'fallback', frameId: 0 },
      { id: 9, url: 'https://t.test' },
      {
        askTab: async (tabId, frameId) => {
          asked.push([tabId, frameId]);
          return { text: 'The CAC said & more', entityId: 'cn-cac', url: 'https://news.test/a?b=1', title: 'A story' };
        },
        openPage: async (h) => void opened.push(h),
      },
    );
    expect(asked).toEqual([[9, 0]]);
    expect(opened).toEqual([hash]);
    expect(parseAddNoteHash(hash)).toEqual({
      quote: 'The CAC said & more',
      entityId: 'cn-cac',
      url: 'https://news.test/a?b=1',
      title: 'A story',
    });
  });

  test('without a content script, the menu selection and tab are used', async () => {
    const hash = await addNoteFromSelection(
      { selectionText: ' picked ' },
      { id: 1, url: 'https://x.test', title: 'X' },
      {
        askTab: async () => {
          throw new Error('Could not establish connection');
        },
        openPage: async () => {},
      },
    );
    expect(parseAddNoteHash(hash)).toEqual({ quote: 'picked', url: 'https://x.test', title: 'X', entityId: undefined });
    expect(parseAddNoteHash('#/notes')).toBeUndefined();
    expect(addNoteHash({})).toBe('#/add');
  });
});
