import { describe, expect, test } from 'vitest';
import {
  editDraftKey,
  newest,
  newNoteDraftKey,
  newNoteTagsDraftKey,
  parseDraft,
  readLocalDraft,
  serializeDraft,
  writeLocalDraft,
} from '../../lib/ui/drafts';
import { hostOf, safeHref } from '../../lib/ui/links';

class MemoryStore {
  readonly items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

describe('drafts', () => {
  test('kept under the keys 0.1 used, and a 0.1 draft (plain text) still loads, older than any other copy', () => {
    expect(newNoteDraftKey('cn-cac')).toBe('dramatis:draft:cn-cac');
    expect(newNoteTagsDraftKey('cn-cac')).toBe('dramatis:draft-tags:cn-cac');
    expect(editDraftKey('n1')).toBe('dramatis:edit:n1');
    expect(parseDraft('half a thought')).toEqual({ value: 'half a thought', at: 0 });
    expect(parseDraft('{not json')).toEqual({ value: '{not json', at: 0 });
    expect(parseDraft('{"text":"x"}')).toEqual({ value: '{"text":"x"}', at: 0 });
    expect(parseDraft(serializeDraft({ value: 'x', at: 5 }))).toEqual({ value: 'x', at: 5 });
    expect(parseDraft(undefined)).toEqual({ value: '', at: 0 });
    expect(parseDraft(null)).toEqual({ value: '', at: 0 });
  });

  test('the newest copy wins: a draft cleared elsewhere stays cleared', () => {
    const typed = { value: 'typed in a card', at: 100 };
    const cleared = { value: '', at: 200 };
    expect(newest(typed, cleared)).toBe(cleared);
    expect(newest(cleared, typed)).toBe(cleared);
    expect(newest(typed, { value: 'older', at: 50 })).toBe(typed);
  });

  test('the page copy: written, read back, removed when emptied (saved)', () => {
    const store = new MemoryStore();
    expect(readLocalDraft('k', store)).toEqual({ value: '', at: 0 });
    writeLocalDraft('k', { value: 'half a thought', at: 7 }, store);
    expect(readLocalDraft('k', store)).toEqual({ value: 'half a thought', at: 7 });
    writeLocalDraft('k', { value: '', at: 8 }, store);
    expect(store.items.has('k')).toBe(false);
  });

  test('a store that refuses (full, disabled) never breaks the editor', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('nope');
      },
    };
    expect(readLocalDraft('k', broken)).toEqual({ value: '', at: 0 });
    expect(() => writeLocalDraft('k', { value: 'text', at: 1 }, broken)).not.toThrow();
    expect(() => writeLocalDraft('k', { value: '', at: 2 }, broken)).not.toThrow();
    expect(readLocalDraft('k', undefined)).toEqual({ value: '', at: 0 });
  });
});

describe('links', () => {
  test('only web addresses become links', () => {
    expect(safeHref('https://news.example/a?b=1')).toBe('https://news.example/a?b=1');
    expect(safeHref('http://x.test')).toBe('http://x.test/');
    expect(safeHref('javascript:alert(1)')).toBeUndefined();
    expect(safeHref('data:text/html,<b>x</b>')).toBeUndefined();
    expect(safeHref('not a url')).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });

  test('a link is named by its site', () => {
    expect(hostOf('https://www.sec.gov/news/press')).toBe('sec.gov');
    expect(hostOf('https://english.scio.gov.cn/x')).toBe('english.scio.gov.cn');
    expect(hostOf('not a url')).toBe('not a url');
  });
});
