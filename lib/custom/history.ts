/**
 * "Where have I met this name": for each entity, the pages where it was marked (address, title,
 * when, how many times). Recorded by the background only when the reader has turned it on, never
 * for paused sites or private windows (the caller decides: `lib/background/history-recorder.ts`).
 */
import type { NotesDb } from '../notes/db';
import { mergeSighting, type MergeCounts } from '../notes/import-export';
import type { Sighting } from './types';

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface HistorySummary {
  /** Pages it was seen on. */
  pages: number;
  /** The page it was seen on last. */
  last?: { url: string; title: string; lastSeen: number };
}

export interface HistoryQuery {
  entityId?: string;
  /** Words in the title or address. */
  text?: string;
  host?: string;
  limit?: number;
}

export class HistoryRepository {
  constructor(
    private readonly db: NotesDb,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The page at `url` (already stripped of its fragment) shows these entities, so many times
   * each: one row per entity and page, its first sighting kept.
   */
  async record(page: { url: string; host: string; title: string }, counts: ReadonlyMap<string, number>): Promise<void> {
    if (!counts.size) return;
    const t = this.now();
    await this.db.transaction('rw', this.db.sightings, async () => {
      const keys = [...counts.keys()].map((id) => [id, page.url] as [string, string]);
      const held = await this.db.sightings.bulkGet(keys);
      const rows: Sighting[] = keys.map(([entityId], i) => ({
        entityId,
        url: page.url,
        host: page.host,
        title: page.title || held[i]?.title || page.url,
        firstSeen: held[i]?.firstSeen ?? t,
        lastSeen: t,
        count: counts.get(entityId)!,
      }));
      await this.db.sightings.bulkPut(rows);
    });
  }

  async summary(entityId: string): Promise<HistorySummary> {
    const rows = await this.db.sightings.where('entityId').equals(entityId).toArray();
    if (!rows.length) return { pages: 0 };
    const last = rows.reduce((a, b) => (b.lastSeen > a.lastSeen ? b : a));
    return { pages: rows.length, last: { url: last.url, title: last.title, lastSeen: last.lastSeen } };
  }

  /** Rows, most recently seen first. */
  async list(q: HistoryQuery = {}): Promise<Sighting[]> {
    let rows = q.entityId
      ? await this.db.sightings.where('entityId').equals(q.entityId).toArray()
      : q.host
        ? await this.db.sightings.where('host').equals(q.host).toArray()
        : await this.db.sightings.toArray();
    if (q.host) rows = rows.filter((r) => r.host === q.host);
    const words = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length)
      rows = rows.filter((r) => {
        const hay = `${r.title}\n${r.url}`.toLowerCase();
        return words.every((w) => hay.includes(w));
      });
    rows.sort((a, b) => b.lastSeen - a.lastSeen || (a.url < b.url ? -1 : 1));
    return q.limit ? rows.slice(0, q.limit) : rows;
  }

  async all(): Promise<Sighting[]> {
    return this.db.sightings.toArray();
  }

  /** Deletes one row, every row of a site, every row of an entity, or everything; returns how many. */
  async delete(
    what: { entityId: string; url: string } | { host: string } | { entityId: string } | { all: true },
  ): Promise<number> {
    const table = this.db.sightings;
    if ('all' in what) {
      const n = await table.count();
      await table.clear();
      return n;
    }
    if ('url' in what) {
      const key: [string, string] = [what.entityId, what.url];
      const had = await table.get(key);
      await table.delete(key);
      return had ? 1 : 0;
    }
    if ('host' in what) return table.where('host').equals(what.host).delete();
    return table.where('entityId').equals(what.entityId).delete();
  }

  /** Deletes rows last seen more than `days` days ago; returns how many. */
  async purge(days: number): Promise<number> {
    return this.db.sightings
      .where('lastSeen')
      .below(this.now() - days * DAY_MS)
      .delete();
  }

  /** Merges validated rows (a backup): by entity and page, the later sighting wins. */
  async importHistory(incoming: readonly Sighting[]): Promise<MergeCounts> {
    return this.db.transaction('rw', this.db.sightings, () => mergeSightings(this.db, incoming));
  }
}

/** Inside a transaction over `sightings`. */
export async function mergeSightings(db: NotesDb, incoming: readonly Sighting[]): Promise<MergeCounts> {
  const counts: MergeCounts = { added: 0, updated: 0, kept: 0 };
  if (!incoming.length) return counts;
  const held = await db.sightings.bulkGet(incoming.map((s) => [s.entityId, s.url] as [string, string]));
  const put: Sighting[] = [];
  incoming.forEach((s, i) => {
    const merged = mergeSighting(held[i], s);
    if (!merged) counts.kept++;
    else {
      if (held[i]) counts.updated++;
      else counts.added++;
      put.push(merged);
    }
  });
  if (put.length) await db.sightings.bulkPut(put);
  return counts;
}
