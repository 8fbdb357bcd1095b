/**
 * Reader settings kept in `storage.local`: where Dramatis is paused, and reading options.
 * Pure helpers plus the storage key; the storage object is passed in so this runs anywhere.
 */
export const SETTINGS_KEY = 'dramatis:settings';

export interface Settings {
  /** Paused everywhere. */
  pausedAll: boolean;
  /** Hostnames where Dramatis is paused ("example.org"). */
  pausedSites: string[];
  /** Also mark names inside code and pre blocks. */
  includeCode: boolean;
  /**
   * "Where have I met this name": keep, per entity, the pages where it was marked. Off unless the
   * reader turns it on (options page); never for paused sites or private windows.
   */
  history: boolean;
  /** Days a page stays in that history after it was last seen. */
  historyDays: number;
}

export const HISTORY_DAYS_DEFAULT = 90;
export const HISTORY_DAYS_MAX = 3650;

export const DEFAULT_SETTINGS: Settings = {
  pausedAll: false,
  pausedSites: [],
  includeCode: false,
  history: false,
  historyDays: HISTORY_DAYS_DEFAULT,
};

export function normalizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    pausedAll: r.pausedAll === true,
    pausedSites: Array.isArray(r.pausedSites) ? r.pausedSites.filter((s): s is string => typeof s === 'string') : [],
    includeCode: r.includeCode === true,
    history: r.history === true,
    historyDays:
      typeof r.historyDays === 'number' && Number.isInteger(r.historyDays) && r.historyDays >= 1
        ? Math.min(r.historyDays, HISTORY_DAYS_MAX)
        : HISTORY_DAYS_DEFAULT,
  };
}

export function isPaused(settings: Settings, hostname: string): boolean {
  return settings.pausedAll || settings.pausedSites.includes(hostname);
}

export function togglePausedSite(settings: Settings, hostname: string, paused: boolean): Settings {
  const sites = new Set(settings.pausedSites);
  if (paused) sites.add(hostname);
  else sites.delete(hostname);
  return { ...settings, pausedSites: [...sites].sort() };
}

export interface StorageAreaLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export async function readSettings(area: StorageAreaLike): Promise<Settings> {
  const got = await area.get(SETTINGS_KEY);
  return normalizeSettings(got[SETTINGS_KEY]);
}

export async function writeSettings(area: StorageAreaLike, s: Settings): Promise<void> {
  await area.set({ [SETTINGS_KEY]: s });
}
