/**
 * The notes database: Dexie over IndexedDB in the extension's origin (background and extension
 * pages only; a content script would open the page's IndexedDB instead). Every schema version
 * ever shipped stays declared here with its upgrade, so any old database opens.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Note } from './types';

export const DB_NAME = 'dramatis';

export class NotesDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    // v1 (0.1.0): notes by entity, with times and tags indexed for the notes list.
    this.version(1).stores({ notes: 'id, entityId, createdAt, updatedAt, *tags' });
  }
}
