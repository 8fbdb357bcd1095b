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
}

export const DEFAULT_SETTINGS: Settings = { pausedAll: false, pausedSites: [], includeCode: false };

export function normalizeSettings(raw: unknown): Settings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    pausedAll: r.pausedAll === true,
    pausedSites: Array.isArray(r.pausedSites) ? r.pausedSites.filter((s): s is string => typeof s === 'string') : [],
    includeCode: r.includeCode === true,
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
