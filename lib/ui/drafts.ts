/**
 * Drafts as they are stored (see use-stored-draft.ts): their keys, their format, which copy wins,
 * and the page's own copy in localStorage. Pure apart from that storage, which can be passed in.
 */

/** The storage key of a new note's draft on an entity (kept from 0.1: old drafts still load). */
export const newNoteDraftKey = (entityId: string) => `dramatis:draft:${entityId}`;
/** The storage key of the tags typed for that draft. */
export const newNoteTagsDraftKey = (entityId: string) => `dramatis:draft-tags:${entityId}`;
/** The storage key of an unsaved edit of an existing note (its text and tags). */
export const editDraftKey = (noteId: string) => `dramatis:edit:${noteId}`;

/** A draft as stored: its text ('' once saved or given up) and when it was written (ms). */
export interface Draft {
  value: string;
  at: number;
}

const EMPTY: Draft = { value: '', at: 0 };

/** Reads a stored draft; a plain string is a draft from 0.1 (no time: any newer copy wins). */
export function parseDraft(raw: unknown): Draft {
  if (typeof raw !== 'string' || !raw) return EMPTY;
  if (raw.startsWith('{')) {
    try {
      const d = JSON.parse(raw) as Partial<Draft>;
      if (typeof d.value === 'string' && typeof d.at === 'number') return { value: d.value, at: d.at };
    } catch {
      // Not ours: a draft from 0.1 that happens to start with a brace.
    }
  }
  return { value: raw, at: 0 };
}

export const serializeDraft = (d: Draft): string => JSON.stringify(d);

/** The newer of two copies of a draft (the first on a tie). */
export const newest = (a: Draft, b: Draft): Draft => (b.at > a.at ? b : a);

export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function pageStore(): DraftStore | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // access refused (storage disabled)
  }
}

export function readLocalDraft(key: string, store = pageStore()): Draft {
  try {
    return parseDraft(store?.getItem(key));
  } catch {
    return EMPTY;
  }
}

/** Keeps the page's copy; an empty draft removes it (and no other copy can be older then). */
export function writeLocalDraft(key: string, d: Draft, store = pageStore()): void {
  try {
    if (d.value) store?.setItem(key, serializeDraft(d));
    else store?.removeItem(key);
  } catch {
    // Full or unavailable: the shared copy and the editor still hold the text.
  }
}
