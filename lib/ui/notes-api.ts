import type { MergeCounts } from '../notes/import-export';
import type { NewNote } from '../notes/repository';
import type { Note } from '../notes/types';
import { call } from './clients';

/** What the note components need of the notes store (tests and pages may pass their own). */
export interface NotesApi {
  list(entityId: string): Promise<Note[]>;
  add(input: NewNote): Promise<Note>;
  update(id: string, text: string, tags?: string[]): Promise<Note>;
  remove(id: string): Promise<unknown>;
  restore(id: string): Promise<Note>;
}

/** Notes through the background (the card frame, popup and options page use this). */
export const notesApi: NotesApi = {
  list: (entityId) => call('notes:list', { entityId }),
  add: (input) => call('notes:add', input),
  update: (id, text, tags) => call('notes:update', { id, text, ...(tags ? { tags } : {}) }),
  remove: (id) => call('notes:delete', { id }),
  restore: (id) => call('notes:restore', { id }),
};

export const allNotes = (): Promise<Note[]> => call('notes:all', {});
export const importNotes = (notes: Note[]): Promise<MergeCounts> => call('notes:import', { notes });

/**
 * Asks the browser to keep our storage (IndexedDB, localStorage) under storage pressure.
 * Only pages can ask (not the service worker); extensions with unlimitedStorage usually get it.
 */
export async function requestPersistence(): Promise<boolean | undefined> {
  try {
    if (!navigator.storage?.persist) return undefined;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return undefined;
  }
}
