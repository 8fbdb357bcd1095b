/**
 * The reader's own entities over the database. Deletion is soft (kept for undo) until purged.
 */
import type { NotesDb } from '../notes/db';
import type { MergeCounts } from '../notes/import-export';
import { planPackMerge } from './pack';
import { CUSTOM_PREFIX, normalizeInput, type CustomEntity, type CustomInput } from './types';

export class CustomRepository {
  constructor(
    private readonly db: NotesDb,
    private readonly now: () => number = Date.now,
  ) {}

  /** Live entities, by name. */
  async list(): Promise<CustomEntity[]> {
    const all = await this.db.customEntities.toArray();
    return all
      .filter((e) => e.deletedAt === undefined)
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  }

  /** Every entity, deleted ones included (export, merging). */
  async allWithDeleted(): Promise<CustomEntity[]> {
    return this.db.customEntities.toArray();
  }

  /** Live entities by id, in the order asked (unknown and deleted ones left out). */
  async get(ids: readonly string[]): Promise<CustomEntity[]> {
    const got = await this.db.customEntities.bulkGet([...new Set(ids)]);
    return got.filter((e): e is CustomEntity => !!e && e.deletedAt === undefined);
  }

  async add(input: CustomInput): Promise<CustomEntity> {
    const t = this.now();
    const entity: CustomEntity = {
      id: `${CUSTOM_PREFIX}${crypto.randomUUID()}`,
      ...normalizeInput(input),
      createdAt: t,
      updatedAt: t,
    };
    await this.db.customEntities.add(entity);
    return entity;
  }

  async update(id: string, input: CustomInput): Promise<CustomEntity> {
    return this.db.transaction('rw', this.db.customEntities, async () => {
      const held = await this.db.customEntities.get(id);
      if (!held || held.deletedAt !== undefined) throw new Error(`no entity of yours with id ${id}`);
      const t = this.now();
      const updated: CustomEntity = {
        id,
        ...normalizeInput(input),
        createdAt: held.createdAt,
        // Strictly later than before, so a merge always tells the edit from the original.
        updatedAt: Math.max(t, held.updatedAt + 1),
      };
      await this.db.customEntities.put(updated);
      return updated;
    });
  }

  async remove(id: string): Promise<void> {
    const n = await this.db.customEntities.update(id, { deletedAt: this.now() });
    if (!n) throw new Error(`no entity of yours with id ${id}`);
  }

  async restore(id: string): Promise<CustomEntity> {
    return this.db.transaction('rw', this.db.customEntities, async () => {
      const held = await this.db.customEntities.get(id);
      if (!held) throw new Error(`no entity of yours with id ${id}`);
      const { deletedAt: _d, ...rest } = held;
      await this.db.customEntities.put(rest);
      return rest;
    });
  }

  /** Merges validated entities (lib/custom/pack.ts) in one transaction: all or none. */
  async importEntities(incoming: readonly CustomEntity[]): Promise<MergeCounts> {
    return this.db.transaction('rw', this.db.customEntities, async () => {
      const held = (await this.db.customEntities.bulkGet(incoming.map((e) => e.id))).filter(
        (e): e is CustomEntity => !!e,
      );
      const { put, counts } = planPackMerge(new Map(held.map((e) => [e.id, e])), incoming);
      if (put.length) await this.db.customEntities.bulkPut(put);
      return counts;
    });
  }
}
