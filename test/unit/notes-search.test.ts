import { describe, expect, test } from 'vitest';
import { dateRange, indexNotes, parseTags, queryTerms, searchNotes, tagCounts } from '../../lib/notes/search';
import type { Note } from '../../lib/notes/types';

const note = (id: string, over: Partial<Note>): Note => ({
  id,
  entityId: 'cn-cac',
  text: '',
  tags: [],
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

const notes: Note[] = [
  note('a', { text: 'Data export rules tightened', tags: ['data', 'policy'], createdAt: 100 }),
  note('b', { text: 'Fine of ¥8bn announced', entityId: 'cn-didi', tags: ['fines'], createdAt: 300 }),
  note('c', { text: 'Spokesperson at the briefing', entityId: 'cn-niu-yibing', createdAt: 200, quote: 'Niu said' }),
  note('d', { text: 'deleted one about data', createdAt: 400, deletedAt: 500 }),
  note('e', { text: 'Ｆｕｌｌ－width Café notes', entityId: 'cn-didi', tags: ['Misc'], createdAt: 50 }),
];
const names: Record<string, string[]> = {
  'cn-cac': ['Cyberspace Administration of China', '国家互联网信息办公室', 'CAC'],
  'cn-didi': ['Didi Global'],
  'cn-niu-yibing': ['Niu Yibing'],
};
const index = indexNotes(notes, (id) => names[id] ?? []);
const ids = (q: Parameters<typeof searchNotes>[1]) => searchNotes(index, q).map((n) => n.id);

describe('notes search', () => {
  test('no query: every live note, newest first', () => {
    expect(ids({})).toEqual(['b', 'c', 'a', 'e']);
  });

  test('full text over text, quote, tags and entity names (all words, any order, folded)', () => {
    expect(ids({ text: 'data' })).toEqual(['a']); // the deleted note is never found
    expect(ids({ text: 'EXPORT data' })).toEqual(['a']);
    expect(ids({ text: 'didi' })).toEqual(['b', 'e']);
    expect(ids({ text: 'cyberspace' })).toEqual(['a']);
    expect(ids({ text: '网信' })).toEqual(['a']);
    expect(ids({ text: 'niu said' })).toEqual(['c']);
    expect(ids({ text: 'policy' })).toEqual(['a']);
    expect(ids({ text: 'cafe full-width' })).toEqual(['e']);
    expect(ids({ text: '"export rules"' })).toEqual(['a']);
    expect(ids({ text: '"rules export"' })).toEqual([]);
    expect(ids({ text: 'nothing-like-this' })).toEqual([]);
  });

  test('filters by tag, entity and date range combine with the text', () => {
    expect(ids({ tag: 'data' })).toEqual(['a']);
    expect(ids({ tag: 'misc' })).toEqual(['e']);
    expect(ids({ entityId: 'cn-didi' })).toEqual(['b', 'e']);
    expect(ids({ entityId: 'cn-didi', text: 'fine' })).toEqual(['b']);
    expect(ids({ from: 100, to: 200 })).toEqual(['c', 'a']);
    expect(ids({ from: 201 })).toEqual(['b']);
    expect(searchNotes(index, {}, 2).map((n) => n.id)).toEqual(['b', 'c']);
  });

  test('helpers: query terms, tags, date range', () => {
    expect(queryTerms('  Foo "bar baz"  qux ')).toEqual(['foo', 'bar baz', 'qux']);
    expect(parseTags(' data, policy ,, data，中国')).toEqual(['data', 'policy', '中国']);
    expect(tagCounts(notes)).toEqual([
      { tag: 'data', count: 1 },
      { tag: 'fines', count: 1 },
      { tag: 'Misc', count: 1 },
      { tag: 'policy', count: 1 },
    ]);
    const r = dateRange('2024-05-01', '2024-05-01');
    expect(r.to! - r.from!).toBe(86_400_000 - 1);
    expect(dateRange('', 'junk')).toEqual({ from: undefined, to: undefined });
  });
});
