/**
 * Drafts the reader has not saved yet. A draft survives a closed card or popup and shows up
 * wherever the same note is written next: the card (on any site), the popup, the options page.
 *
 * Two places keep it. `storage.session` is shared by every extension page, card frames included,
 * and closed to content scripts (a draft is a note's text; the content script never gets one); it
 * is emptied when the browser quits. The page's own localStorage keeps a copy across a restart; in
 * a card frame it is the copy of that site only (Chrome partitions a frame's storage by the site
 * it is shown on). Each copy carries the time it was written and the newest wins, so a draft
 * cleared by saving in the popup stays cleared in a card on another site.
 *
 * Storage being unavailable or full never breaks the editor: the text stays in it.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { newest, parseDraft, readLocalDraft, serializeDraft, writeLocalDraft, type Draft } from './drafts';

export { editDraftKey, newNoteDraftKey, newNoteTagsDraftKey } from './drafts';

/** The shared copy (storage.session), as far as this browser has one. */
export interface SharedDraftArea {
  get(key: string): Promise<Draft>;
  set(key: string, d: Draft): Promise<void>;
  /** Calls back when another page changes a draft; returns the unsubscribe. */
  watch(cb: (key: string, d: Draft) => void): () => void;
}

function sessionArea(): SharedDraftArea | undefined {
  const area = browser.storage?.session;
  if (!area) return undefined;
  return {
    get: async (key) => parseDraft((await area.get(key))[key]),
    // An emptied draft is kept as such (with its time) for as long as the session lasts, so an
    // older copy in some card's own storage does not come back.
    set: (key, d) => area.set({ [key]: serializeDraft(d) }),
    watch: (cb) => {
      const listener = (changes: Record<string, { newValue?: unknown }>, areaName: string) => {
        if (areaName !== 'session') return;
        for (const [key, c] of Object.entries(changes)) cb(key, parseDraft(c.newValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

let shared: SharedDraftArea | undefined | null = null;
function sharedArea(): SharedDraftArea | undefined {
  if (shared === null) {
    try {
      shared = sessionArea();
    } catch {
      shared = undefined;
    }
  }
  return shared;
}

/**
 * A draft kept under `key` as the reader types: `[value, set, clear]`. Shows the page's copy at
 * once, then the shared one when it is newer; follows changes made in other extension pages; and
 * `clear()` forgets it everywhere once the note is saved.
 */
export function useStoredDraft(key: string): [string, (value: string) => void, () => void] {
  const [, rerender] = useState(0);
  const draft = useRef<{ key: string } & Draft>();
  // Another key (another entity or note): its own draft, read in this very render.
  if (draft.current?.key !== key) draft.current = { key, ...readLocalDraft(key) };

  const adopt = useCallback(
    (d: Draft) => {
      const cur = draft.current!;
      if (cur.key !== key || newest(cur, d) === cur) return;
      draft.current = { key, ...d };
      writeLocalDraft(key, d);
      rerender((n) => n + 1);
    },
    [key],
  );

  useEffect(() => {
    const area = sharedArea();
    if (!area) return;
    let live = true;
    void area.get(key).then(
      (d) => live && adopt(d),
      () => {},
    );
    const stop = area.watch((k, d) => {
      if (k === key) adopt(d);
    });
    return () => {
      live = false;
      stop();
    };
  }, [key]);

  const set = useCallback(
    (value: string) => {
      // Strictly later than what we hold, even within one millisecond.
      const d = { value, at: Math.max(Date.now(), draft.current!.at + 1) };
      draft.current = { key, ...d };
      writeLocalDraft(key, d);
      void sharedArea()
        ?.set(key, d)
        .catch(() => {});
      rerender((n) => n + 1);
    },
    [key],
  );
  const clear = useCallback(() => set(''), [set]);
  return [draft.current.value, set, clear];
}
