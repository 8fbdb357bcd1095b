/**
 * Storage failures in words a reader can act on. Pure. Dexie wraps IndexedDB errors and keeps
 * the original in `inner`; both are looked at.
 */
function names(err: unknown): string[] {
  const out: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') out.push(name);
    e = (e as { inner?: unknown }).inner;
  }
  return out;
}

/** The words for each failure, in the interface's language (the background passes its catalogue's). */
export interface StorageErrorWords {
  storageFull: string;
  newerDatabase: string;
  databaseClosed: (detail: string) => string;
}

/** The English words, as in locales/en.yml (errors.*). */
export const ENGLISH_STORAGE_ERRORS: StorageErrorWords = {
  storageFull:
    'Storage is full: the browser refused to store more. Free some disk space (or export and delete old notes), then try again. Your text is still in the editor.',
  newerDatabase:
    'The notes database was written by a newer version of Dramatis; update the extension. Nothing was changed.',
  databaseClosed: (detail) =>
    `The notes database could not be opened (${detail}). Close other Dramatis pages and try again. Your text is still in the editor.`,
};

export function describeStorageError(err: unknown, words: StorageErrorWords = ENGLISH_STORAGE_ERRORS): string {
  const n = names(err);
  const msg = err instanceof Error ? err.message : String(err);
  if (n.some((x) => x === 'QuotaExceededError' || x === 'QuotaError')) return words.storageFull;
  if (n.includes('VersionError')) return words.newerDatabase;
  if (
    n.some(
      (x) =>
        x === 'DatabaseClosedError' || x === 'OpenFailedError' || x === 'BlockedError' || x === 'InvalidStateError',
    )
  )
    return words.databaseClosed(msg);
  return msg;
}
