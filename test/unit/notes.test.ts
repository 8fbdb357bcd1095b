import 'fake-indexeddb/auto';
import { handlerContext } from './support/handler-context';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { handleMessage, type HandlerContext } from '../../lib/background/handlers';
import { NotesDb } from '../../lib/notes/db';
import { NotesRepository } from '../../lib/notes/repository';

let db: NotesDb;
let repo: NotesRepository;
let clock = 1_000;
beforeEach(() => {
  db = new NotesDb(`test-${Math.random()}`);
  repo = new NotesRepository(db, () => ++clock);
});
afterEach(async () => {
  await db.delete();
});

const ctx = (over: Partial<HandlerContext> = {}): HandlerContext => handlerContext(repo, over);

describe('notes repository', () => {
  test('add, list newest first, update, soft delete and restore', async () => {
    const a = await repo.add({ entityId: 'cn-cac', text: 'first', tags: [' data ', 'data', ''] });
    const b = await repo.add({ entityId: 'cn-cac', text: 'second', pageUrl: 'https://x.test/a', quote: 'CAC said' });
    await repo.add({ entityId: 'cn-didi', text: 'other' });
    expect(a.tags).toEqual(['data']);
    expect((await repo.listForEntity('cn-cac')).map((n) => n.text)).toEqual(['second', 'first']);
    const u = await repo.update(a.id, 'first, edited');
    expect(u.updatedAt).toBeGreaterThan(u.createdAt);
    await repo.remove(b.id);
    expect((await repo.listForEntity('cn-cac')).map((n) => n.text)).toEqual(['first, edited']);
    expect(await repo.countsFor(['cn-cac', 'cn-didi', 'x'])).toEqual({ 'cn-cac': 1, 'cn-didi': 1 });
    await repo.restore(b.id);
    expect((await repo.listForEntity('cn-cac')).map((n) => n.quote ?? null)).toEqual(['CAC said', null]);
  });

  test('updating a missing note fails and changes nothing', async () => {
    await expect(repo.update('nope', 'x')).rejects.toThrow('no note with id nope');
    expect(await repo.all()).toEqual([]);
  });
});

describe('background message handling', () => {
  test('notes round-trip through validated messages', async () => {
    const added = await handleMessage({ type: 'notes:add', payload: { entityId: 'us-sec', text: 'hello' } }, ctx());
    expect(added).toMatchObject({ ok: true, data: { entityId: 'us-sec', text: 'hello' } });
    const listed = await handleMessage({ type: 'notes:list', payload: { entityId: 'us-sec' } }, ctx());
    expect(listed).toMatchObject({ ok: true, data: [{ text: 'hello' }] });
  });

  test('a content script (a web page) is refused any note', async () => {
    await repo.add({ entityId: 'us-sec', text: 'private' });
    const r = await handleMessage(
      { type: 'notes:list', payload: { entityId: 'us-sec' } },
      ctx({ sender: 'content', tabId: 3 }),
    );
    expect(r).toEqual({ ok: false, error: 'notes:list: not allowed from a web page' });
  });

  test.each([
    [null, 'message must be an object'],
    [{ type: 'notes:drop-all' }, 'unknown message type notes:drop-all'],
    [{ type: 'notes:add', payload: { entityId: 'x', text: '   ' } }, 'notes:add: text: a note needs some text'],
    [
      { type: 'notes:add', payload: { entityId: 'x', text: 'a', extra: 1 } },
      'notes:add: payload: Unrecognized key: "extra"',
    ],
  ])('malformed message %j is refused with a message', async (msg, error) => {
    expect(await handleMessage(msg, ctx())).toEqual({ ok: false, error });
    expect(await repo.all()).toEqual([]);
  });

  test('page:found sets the badge to the number of distinct entities', async () => {
    const calls: [number, number][] = [];
    const r = await handleMessage(
      { type: 'page:found', payload: { entityIds: ['a', 'b', 'a'] } },
      ctx({ sender: 'content', tabId: 7, setBadge: async (t, n) => void calls.push([t, n]) }),
    );
    expect(r).toEqual({ ok: true, data: { count: 2 } });
    expect(calls).toEqual([[7, 2]]);
  });
});
