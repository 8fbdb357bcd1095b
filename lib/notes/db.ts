/**
 * The reader's database: notes, the reader's own entities and where entities were met. Dexie over
 * IndexedDB in the extension's origin (the background only; a content script would open the
 * page's IndexedDB instead). Every schema version
 * ever shipped stays declared here with its upgrade, so any old database opens.
 *
 * Dexie stores version N as IndexedDB version N × 10: v1 is IndexedDB version 10, v2 is 20.
 * Never change or remove a version once shipped; add a new one with its upgrade instead.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { CustomEntity, Sighting } from '../custom/types';
import type { Note } from './types';

export const DB_NAME = 'dramatis';

/** The schema of each shipped version. Exported so tests can build an old database by hand. */
export const SCHEMAS = {
  // v1 (0.1.0): notes by entity, with times and tags indexed for the notes list.
  1: { notes: 'id, entityId, createdAt, updatedAt, *tags' },
  // v2 (0.2.0): deletedAt indexed, to find and purge soft-deleted notes without a full scan.
  2: { notes: 'id, entityId, createdAt, updatedAt, *tags, deletedAt' },
  // v3 (0.3.0): the reader's own entities (by id; `sameAs` finds those adding names to a bundled
  // entity) and the pages where entities were met, one row per entity and page address.
  3: {
    notes: 'id, entityId, createdAt, updatedAt, *tags, deletedAt',
    customEntities: 'id, updatedAt, deletedAt, sameAs',
    sightings: '[entityId+url], entityId, host, lastSeen',
  },
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
  customEntities!: EntityTable<CustomEntity, 'id'>;
  sightings!: Table<Sighting, [string, string]>;

  constructor(name = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMAS[1]);
    this.version(2).stores(SCHEMAS[2]).upgrade(upgradeToV2);
    // Two new tables, nothing to convert: notes are left exactly as they are.
    this.version(3).stores(SCHEMAS[3]);
  }
}
