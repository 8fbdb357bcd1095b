import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { NotesDb } from '../../lib/notes/db';
import { parseNotesFile, planMerge, toJson, toMarkdown } from '../../lib/notes/import-export';
import { NotesRepository } from '../../lib/notes/repository';
import type { Note } from '../../lib/notes/types';

const good: Note[] = [
  {
    id: 'n1',
    entityId: 'cn-cac',
    text: 'First <img src=x onerror=alert(1)>',
    tags: ['data', 'policy'],
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_100_000,
    pageUrl: 'https://news.test/a',
    pageTitle: 'CAC fines Didi',
    quote: 'The CAC said\non Thursday',
  },
  {
    id: 'n2',
    entityId: 'cn-didi',
    text: 'Second',
    tags: [],
    createdAt: 1_700_000_200_000,
    updatedAt: 1_700_000_200_000,
  },
];
const fileOf = (notes: unknown, over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'dramatis-notes', version: 1, exportedAt: 1_700_000_300_000, notes, ...over });

describe('import validation', () => {
  test('a good file parses back to the same notes', () => {
    const r = parseNotesFile(toJson(good, 1_700_000_300_000));
    expect(r).toEqual({
      ok: true,
      file: {
        format: 'dramatis-notes',
        version: 2,
        exportedAt: 1_700_000_300_000,
        notes: good,
        entities: [],
        history: [],
      },
    });
  });

  test('a version 1 file (notes only, as 0.2.0 wrote it) is still read', () => {
    expect(parseNotesFile(fileOf(good))).toEqual({
      ok: true,
      file: {
        format: 'dramatis-notes',
        version: 2,
        exportedAt: 1_700_000_300_000,
        notes: good,
        entities: [],
        history: [],
      },
    });
    // A version 1 file never held entities.
    const r = parseNotesFile(fileOf(good, { entities: [] }));
    expect(r.ok).toBe(false);
  });

  test.each([
    ['not json {', 'file: not JSON'],
    ['[1,2]', 'file: expected a Dramatis notes file (a JSON object), found an array'],
    [
      JSON.stringify({ notes: [] }),
      'format: expected "dramatis-notes", found nothing — this is not a Dramatis notes file',
    ],
    [fileOf([], { format: 'evernote' }), 'format: expected "dramatis-notes", found "evernote"'],
    [
      fileOf([], { version: 7 }),
      'version: this file is version 7, written by a newer Dramatis; this one reads versions 1 to 2',
    ],
    [
      fileOf([good[0], good[1], { ...good[1], id: 'n3', createdAt: '2024-01-01' }]),
      'notes[2].createdAt: expected a number, found a string',
    ],
    [fileOf([{ ...good[0], text: undefined }]), 'notes[0].text: missing (expected a string)'],
    [fileOf([{ ...good[0], tags: 'data' }]), 'notes[0].tags: expected an array, found a string'],
    [fileOf([{ ...good[0], colour: 'red' }]), 'notes[0]: unexpected field "colour"'],
    [fileOf([{ ...good[0], id: '' }]), 'notes[0].id: must not be empty'],
    [fileOf([good[0], good[0]]), 'notes[1].id: "n1" is also the id of notes[0]'],
    [fileOf({}), 'notes: expected an array, found an object'],
    [fileOf([{ ...good[1], updatedAt: 1 }]), 'notes[0].updatedAt: earlier than createdAt'],
  ])('refuses %s with a message saying what and where', (text, message) => {
    const r = parseNotesFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(message);
  });

  test('lists many problems, capped', () => {
    const bad = Array.from({ length: 30 }, (_, i) => ({ ...good[1], id: `x${i}`, createdAt: 'no' }));
    const r = parseNotesFile(fileOf(bad), 5);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(6);
      expect(r.errors[5]).toBe('…and 25 more');
    }
  });
});

describe('merge', () => {
  test('same id and older (or same) → kept, newer → updated, new → added', () => {
    const held = new Map(good.map((n) => [n.id, n]));
    const incoming: Note[] = [
      { ...good[0]!, text: 'older', updatedAt: good[0]!.updatedAt - 1 },
      { ...good[1]!, text: 'newer', updatedAt: good[1]!.updatedAt + 1 },
      { ...good[1]!, id: 'n9' },
    ];
    const { put, counts } = planMerge(held, [...incoming, good[0]!]);
    expect(counts).toEqual({ added: 1, updated: 1, kept: 2 });
    expect(put.map((n) => [n.id, n.text])).toEqual([
      ['n2', 'newer'],
      ['n9', 'Second'],
    ]);
  });

  test('a note deleted here comes back from a backup holding it, but an older text never replaces a newer one', () => {
    const deletedAt = good[0]!.updatedAt + 10;
    const held = new Map<string, Note>([
      [good[0]!.id, { ...good[0]!, deletedAt }],
      [good[1]!.id, { ...good[1]!, text: 'edited, then deleted', updatedAt: good[1]!.updatedAt + 5, deletedAt }],
    ]);
    const { put, counts } = planMerge(held, [good[0]!, good[1]!]);
    expect(counts).toEqual({ added: 0, updated: 1, kept: 1 });
    expect(put).toEqual([good[0]!]);
    expect(put[0]!.deletedAt).toBeUndefined();
  });
});

describe('markdown', () => {
  test('grouped by entity name, newest first, readable', () => {
    const md = toMarkdown(
      good,
      (id) => ({ 'cn-cac': 'Cyberspace Administration of China', 'cn-didi': 'Didi Global' })[id] ?? id,
      1_700_000_300_000,
    );
    expect(md).toContain('# Dramatis notes');
    expect(md).toContain('2 notes on 2 entities');
    expect(md.indexOf('## Cyberspace Administration of China')).toBeLessThan(md.indexOf('## Didi Global'));
    expect(md).toContain('> The CAC said\n> on Thursday');
    expect(md).toContain('#data #policy');
    expect(md).toContain('Source: CAC fines Didi — <https://news.test/a>');
  });
});

describe('round trip through the database', () => {
  let db: NotesDb;
  let repo: NotesRepository;
  let clock = 1_700_000_000_000;
  beforeEach(() => {
    db = new NotesDb(`ie-${Math.random()}`);
    repo = new NotesRepository(db, () => (clock += 1000));
  });
  afterEach(async () => {
    await db.delete();
  });

  test('export → wipe → import gives back exactly the same notes', async () => {
    const a = await repo.add({
      entityId: 'cn-cac',
      text: 'alpha',
      tags: ['x'],
      quote: 'q',
      pageUrl: 'https://a.test',
      pageTitle: 'A',
    });
    await repo.add({ entityId: 'cn-didi', text: 'beta' });
    await repo.update(a.id, 'alpha edited', ['x', 'y']);
    const c = await repo.add({ entityId: 'cn-didi', text: 'gone' });
    await repo.remove(c.id);
    const before = await repo.all();
    const json = toJson(before, 1);
    await repo.clear();
    expect(await repo.all()).toEqual([]);
    const parsed = parseNotesFile(json);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(await repo.importNotes(parsed.file.notes)).toEqual({ added: 2, updated: 0, kept: 0 });
    expect(await repo.all()).toEqual(before);
    expect(toJson(await repo.all(), 1)).toBe(json);
    // Importing the same file again changes nothing.
    expect(await repo.importNotes(parsed.file.notes)).toEqual({ added: 0, updated: 0, kept: 2 });
    expect(await repo.all()).toEqual(before);
  });

  test('a backup brings back a deleted note (the same edit or newer); an older edit does not', async () => {
    const n = await repo.add({ entityId: 'cn-cac', text: 'v1' });
    await repo.remove(n.id);
    expect(await repo.importNotes([{ ...n, text: 'old', updatedAt: n.updatedAt - 5 }])).toEqual({
      added: 0,
      updated: 0,
      kept: 1,
    });
    expect(await repo.all()).toEqual([]);
    // The backup made before the deletion: the note is back as it was.
    expect(await repo.importNotes([n])).toEqual({ added: 0, updated: 1, kept: 0 });
    expect((await repo.all()).map((x) => x.text)).toEqual(['v1']);
    await repo.remove(n.id);
    expect(await repo.importNotes([{ ...n, text: 'v2', updatedAt: n.updatedAt + 5 }])).toEqual({
      added: 0,
      updated: 1,
      kept: 0,
    });
    expect((await repo.all()).map((x) => x.text)).toEqual(['v2']);
  });
});
