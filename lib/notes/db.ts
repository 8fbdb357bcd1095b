/**
 * The notes database: Dexie over IndexedDB in the extension's origin (background and extension
 * pages only; a content script would open the page's IndexedDB instead). Every schema version
 * ever shipped stays declared here with its upgrade, so any old database opens.
 *
 * Dexie stores version N as IndexedDB version N × 10: v1 is IndexedDB version 10, v2 is 20.
 * Never change or remove a version once shipped; add a new one with its upgrade instead.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Note } from './types';

export const DB_NAME = 'dramatis';

/** The schema of each shipped version. Exported so tests can build an old database by hand. */
export const SCHEMAS = {
  // v1 (0.1.0): notes by entity, with times and tags indexed for the notes list.
  1: { notes: 'id, entityId, createdAt, updatedAt, *tags' },
  // v2 (0.2.0): deletedAt indexed, to find and purge soft-deleted notes without a full scan.
  2: { notes: 'id, entityId, createdAt, updatedAt, *tags, deletedAt' },
} as const;

/**
 * v1 → v2: no field changes meaning. Notes written by hand or by early builds may lack `tags` or
 * `updatedAt`; give them the values v1 code assumed (no tags; updated when created).
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('notes')
    .toCollection()
    .modify((n: Partial<Note>) => {
      if (!Array.isArray(n.tags)) n.tags = [];
      if (typeof n.updatedAt !== 'number' && typeof n.createdAt === 'number') n.updatedAt = n.createdAt;
    });
}

export class NotesDb extends Dexie {
  notes!: EntityTable<Note, 'id'>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMAS[1]);
    this.version(2).stores(SCHEMAS[2]).upgrade(upgradeToV2);
  }
}
