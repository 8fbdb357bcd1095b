import { useEffect, useRef, useState } from 'preact/hooks';
import { parseTags } from '../lib/notes/search';
import type { Note } from '../lib/notes/types';
import { newNoteDraftKey, newNoteTagsDraftKey, useStoredDraft } from '../lib/ui/use-stored-draft';
import { formatCount, t } from '../lib/ui/i18n';
import type { NotesApi } from '../lib/ui/notes-api';
import { NoteItem, NoteStatus } from './NoteItem';

export interface NotesPanelProps {
  entityId: string;
  entityName: string;
  api: NotesApi;
  pageUrl?: string;
  pageTitle?: string;
  quote?: string;
  /** Move focus to the editor when shown. */
  autoFocus?: boolean;
  /** Called after a note is added, edited, deleted or restored. */
  onChange?: () => void;
  /** Changes each time the panel is shown again (the card reopened): notes are read afresh. */
  refreshKey?: number;
}

let persistenceAsked = false;
function askPersistenceOnce(): void {
  // From top-level extension pages only (popup, options): the card is a frame inside a web page.
  if (persistenceAsked || window.top !== window) return;
  persistenceAsked = true;
  try {
    void navigator.storage?.persist?.().catch(() => {});
  } catch {
    // Not available here; nothing to do.
  }
}

/** The reader's notes on one entity, latest first, with an editor. Notes render as text only. */
export function NotesPanel({
  entityId,
  entityName,
  api,
  pageUrl,
  pageTitle,
  quote,
  autoFocus,
  onChange,
  refreshKey,
}: NotesPanelProps) {
  const [notes, setNotes] = useState<Note[] | undefined>();
  // Drafts survive a closed card or popup, per entity; cleared once the note is saved.
  const [draft, setDraft, clearDraft] = useStoredDraft(newNoteDraftKey(entityId));
  const [draftTags, setDraftTags, clearDraftTags] = useStoredDraft(newNoteTagsDraftKey(entityId));
  const [withQuote, setWithQuote] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [undo, setUndo] = useState<Note | undefined>();
  const [busy, setBusy] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);

  const refresh = () =>
    api.list(entityId).then(setNotes, (e: unknown) => setError(t('notes.loadError', { error: (e as Error).message })));

  useEffect(askPersistenceOnce, []);

  useEffect(() => {
    setNotes(undefined);
    setError(undefined);
    setUndo(undefined);
    void refresh();
  }, [entityId, refreshKey]);

  useEffect(() => setWithQuote(true), [quote]);

  useEffect(() => {
    if (autoFocus) editor.current?.focus();
  }, [autoFocus, entityId]);

  const save = async (ev: Event) => {
    ev.preventDefault();
    const text = draft.trim();
    if (!text || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const tags = parseTags(draftTags);
      await api.add({
        entityId,
        text,
        ...(tags.length ? { tags } : {}),
        ...(pageUrl ? { pageUrl } : {}),
        ...(pageTitle ? { pageTitle } : {}),
        ...(quote && withQuote ? { quote } : {}),
      });
      clearDraft();
      clearDraftTags();
      await refresh();
      onChange?.();
    } catch (e) {
      // The text stays in the editor (and in the draft): nothing is lost when saving fails.
      setError(t('notes.notSaved', { error: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    if (!undo) return;
    try {
      await api.restore(undo.id);
      setUndo(undefined);
      await refresh();
      onChange?.();
    } catch (e) {
      setError(t('notes.notRestored', { error: (e as Error).message }));
    }
  };

  return (
    <section class="notes" aria-label={t('notes.panelLabel', { name: entityName })}>
      <h2>
        {t('notes.heading')} <span class="count">{notes ? formatCount(notes.length) : '…'}</span>
      </h2>
      <NoteStatus error={error} deleted={!!undo} onUndo={restore} />
      <ul class="note-list">
        {notes?.map((n) => (
          <NoteItem
            key={n.id}
            note={n}
            api={api}
            onChanged={(u) => {
              setNotes((list) => list?.map((x) => (x.id === u.id ? u : x)));
              onChange?.();
            }}
            onDeleted={(d) => {
              setNotes((list) => list?.filter((x) => x.id !== d.id));
              setUndo(d);
              onChange?.();
            }}
          />
        ))}
      </ul>
      <form class="note-editor" onSubmit={save}>
        {quote && withQuote ? (
          <div class="quote-draft">
            <blockquote aria-label={t('notes.quotedPassage')}>{quote}</blockquote>
            <button type="button" class="link" onClick={() => setWithQuote(false)}>
              {t('notes.dontQuote')}
            </button>
          </div>
        ) : null}
        <textarea
          ref={editor}
          aria-label={t('notes.newLabel', { name: entityName })}
          placeholder={t('notes.newPlaceholder')}
          value={draft}
          onInput={(e) => setDraft((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
          }}
        />
        <input
          type="text"
          class="tags-input"
          aria-label={t('notes.newTagsLabel', { name: entityName })}
          placeholder={t('notes.tagsPlaceholder')}
          value={draftTags}
          onInput={(e) => setDraftTags((e.target as HTMLInputElement).value)}
        />
        <div class="row">
          <button type="submit" disabled={busy || !draft.trim()}>
            {t('notes.saveNote')}
          </button>
          <span class="hint">{t('notes.localOnly')}</span>
        </div>
      </form>
    </section>
  );
}
