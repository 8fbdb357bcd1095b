/**
 * Decides whether a page goes into "where have I met this name", and writes it. Nothing is kept
 * unless the reader turned the history on; never a private (incognito) window, never a paused
 * site, only http(s) pages. A page rescanned often (a live blog) is written again only when what
 * it shows changed, or a minute later. Entries older than the reader's retention are purged at
 * most once an hour. No extension APIs: the entrypoint hands in the tab and the settings.
 */
import type { HistoryRepository } from '../custom/history';
import { historyUrl } from '../custom/types';
import { isPaused, type Settings } from '../settings';

/** What the browser tells about the tab a message came from (`sender.tab`). */
export interface TabInfo {
  id?: number;
  url?: string;
  title?: string;
  incognito?: boolean;
}

const REWRITE_MS = 60_000;
const PURGE_EVERY_MS = 60 * 60 * 1000;

export class HistoryRecorder {
  private readonly lastWrite = new Map<number | string, { sig: string; at: number }>();
  private lastPurge = -Infinity;

  constructor(
    private readonly repo: HistoryRepository,
    private readonly settings: () => Promise<Settings>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The entities marked on a tab's page, with their counts. Resolves true when it was recorded. */
  async pageFound(tab: TabInfo, counts: ReadonlyMap<string, number>): Promise<boolean> {
    if (tab.incognito !== false) return false; // unknown counts as private
    const s = await this.settings();
    if (!s.history) return false;
    const page = historyUrl(tab.url);
    if (!page || isPaused(s, page.host) || !counts.size) return false;
    const t = this.now();
    if (t - this.lastPurge > PURGE_EVERY_MS) {
      this.lastPurge = t;
      await this.repo.purge(s.historyDays);
    }
    const title = (tab.title ?? '').slice(0, 1000);
    const sig = `${page.url}\n${title}\n${[...counts]
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(([id, n]) => `${id}:${n}`)
      .join(',')}`;
    const key = tab.id ?? page.url;
    const prev = this.lastWrite.get(key);
    if (prev && prev.sig === sig && t - prev.at < REWRITE_MS) return false;
    this.lastWrite.set(key, { sig, at: t });
    await this.repo.record({ ...page, title }, counts);
    return true;
  }

  /** The tab closed: forget what was written for it. */
  forgetTab(tabId: number): void {
    this.lastWrite.delete(tabId);
  }
}
