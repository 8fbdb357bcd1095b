/**
 * Note operations over the database. Deletion is soft (kept for undo) until purged.
 */
import { mergeSightings } from '../custom/history';
import { planPackMerge } from '../custom/pack';
import type { CustomEntity, Sighting } from '../custom/types';
import type { NotesDb } from './db';
import { planMerge, type MergeCounts } from './import-export';
import type { Note } from './types';

/** What an import changed: notes, and for a whole backup, the reader's entities and history. */
export interface ImportCounts extends MergeCounts {
  entities?: MergeCounts;
  history?: MergeCounts;
}

export interface NewNote {
  entityId: string;
  text: string;
  tags?: string[];
  pageUrl?: string;
  pageTitle?: string;
  quote?: string;
}

function newId(): string {
  return crypto.randomUUID();
}

function cleanTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
}

export class NotesRepository {
  constructor(
    private readonly db: NotesDb,
    private readonly now: () => number = Date.now,
  ) {}

  async add(input: NewNote): Promise<Note> {
    const t = this.now();
    const note: Note = {
      id: newId(),
      entityId: input.entityId,
      text: input.text,
      tags: cleanTags(input.tags),
      createdAt: t,
      updatedAt: t,
      ...(input.pageUrl ? { pageUrl: input.pageUrl } : {}),
      ...(input.pageTitle ? { pageTitle: input.pageTitle } : {}),
      ...(input.quote ? { quote: input.quote } : {}),
    };
    await this.db.notes.add(note);
    return note;
  }

  /** Live notes of one entity, newest first. */
  async listForEntity(entityId: string): Promise<Note[]> {
    const notes = await this.db.notes.where('entityId').equals(entityId).toArray();
    return notes.filter((n) => !n.deletedAt).sort((a, b) => b.createdAt - a.createdAt);
  }

  async countsFor(entityIds: string[]): Promise<Record<string, number>> {
    const notes = await this.db.notes.where('entityId').anyOf(entityIds).toArray();
    const counts: Record<string, number> = {};
    for (const n of notes) if (!n.deletedAt) counts[n.entityId] = (counts[n.entityId] ?? 0) + 1;
    return counts;
  }

  async all(): Promise<Note[]> {
    const notes = await this.db.notes.orderBy('createdAt').reverse().toArray();
    return notes.filter((n) => !n.deletedAt);
  }

  /** Every note, soft-deleted ones included (for merging). */
  async allWithDeleted(): Promise<Note[]> {
    return this.db.notes.toArray();
  }

  /**
   * Merges validated notes (see import-export.ts `planMerge`), and with a whole backup the reader's
   * entities and history, in one transaction: either everything is written or, on any failure,
   * nothing is.
   */
  async importNotes(
    incoming: readonly Note[],
    extras: { entities?: readonly CustomEntity[]; history?: readonly Sighting[] } = {},
  ): Promise<ImportCounts> {
    const { db } = this;
    return db.transaction('rw', [db.notes, db.customEntities, db.sightings], async () => {
      const ids = incoming.map((n) => n.id);
      const held = (await db.notes.bulkGet(ids)).filter((n): n is Note => !!n);
      const { put, counts } = planMerge(new Map(held.map((n) => [n.id, n])), incoming);
      if (put.length) await db.notes.bulkPut(put);
      const out: ImportCounts = { ...counts };
      if (extras.entities) {
        const list = extras.entities;
        const have = (await db.customEntities.bulkGet(list.map((e) => e.id))).filter((e): e is CustomEntity => !!e);
        const plan = planPackMerge(new Map(have.map((e) => [e.id, e])), list);
        if (plan.put.length) await db.customEntities.bulkPut(plan.put);
        out.entities = plan.counts;
      }
      if (extras.history) out.history = await mergeSightings(db, extras.history);
      return out;
    });
  }

  /** Removes every note for good (tests; not exposed to pages). */
  async clear(): Promise<void> {
    await this.db.notes.clear();
  }

  async update(id: string, text: string, tags?: string[]): Promise<Note> {
    return this.db.transaction('rw', this.db.notes, async () => {
      const note = await this.db.notes.get(id);
      if (!note || note.deletedAt) throw new Error(`no note with id ${id}`);
      const updated: Note = { ...note, text, tags: tags ? cleanTags(tags) : note.tags, updatedAt: this.now() };
      await this.db.notes.put(updated);
      return updated;
    });
  }

  async remove(id: string): Promise<void> {
    const n = await this.db.notes.update(id, { deletedAt: this.now() });
    if (!n) throw new Error(`no note with id ${id}`);
  }

  async restore(id: string): Promise<Note> {
    return this.db.transaction('rw', this.db.notes, async () => {
      const note = await this.db.notes.get(id);
      if (!note) throw new Error(`no note with id ${id}`);
      const { deletedAt: _d, ...rest } = note;
      await this.db.notes.put(rest);
      return rest;
    });
  }
}
