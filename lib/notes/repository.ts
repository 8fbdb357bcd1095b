/**
 * Note operations over the database. Deletion is soft (kept for undo) until purged.
 */
import type { NotesDb } from './db';
import { planMerge, type MergeCounts } from './import-export';
import type { Note } from './types';

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
   * Merges validated notes (see import-export.ts `planMerge`) in one transaction: either every
   * note is written or, on any failure, none is.
   */
  async importNotes(incoming: readonly Note[]): Promise<MergeCounts> {
    return this.db.transaction('rw', this.db.notes, async () => {
      const ids = incoming.map((n) => n.id);
      const held = (await this.db.notes.bulkGet(ids)).filter((n): n is Note => !!n);
      const { put, counts } = planMerge(new Map(held.map((n) => [n.id, n])), incoming);
      if (put.length) await this.db.notes.bulkPut(put);
      return counts;
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
