import { useEffect, useRef, useState } from 'preact/hooks';
import type { Note } from '../lib/notes/types';

export interface NotesApi {
  list(entityId: string): Promise<Note[]>;
  add(input: { entityId: string; text: string; pageUrl?: string; pageTitle?: string; quote?: string }): Promise<Note>;
  update(id: string, text: string): Promise<Note>;
  remove(id: string): Promise<unknown>;
  restore(id: string): Promise<Note>;
}

export interface NotesPanelProps {
  entityId: string;
  entityName: string;
  api: NotesApi;
  pageUrl?: string;
  pageTitle?: string;
  quote?: string;
  /** Move focus to the editor when shown. */
  autoFocus?: boolean;
}

const DRAFT_PREFIX = 'dramatis:draft:';

function readDraft(entityId: string): string {
  try {
    return localStorage.getItem(DRAFT_PREFIX + entityId) ?? '';
  } catch {
    return '';
  }
}

function writeDraft(entityId: string, text: string): void {
  try {
    if (text) localStorage.setItem(DRAFT_PREFIX + entityId, text);
    else localStorage.removeItem(DRAFT_PREFIX + entityId);
  } catch {
    // Drafts are a convenience; storage being unavailable must not break the editor.
  }
}

function when(t: number): string {
  return new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The reader's notes on one entity, latest first, with an editor. Notes render as text only. */
export function NotesPanel({ entityId, entityName, api, pageUrl, pageTitle, quote, autoFocus }: NotesPanelProps) {
  const [notes, setNotes] = useState<Note[] | undefined>();
  const [draft, setDraft] = useState(() => readDraft(entityId));
  const [editing, setEditing] = useState<{ id: string; text: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [undo, setUndo] = useState<Note | undefined>();
  const [busy, setBusy] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);

  const refresh = () =>
    api.list(entityId).then(setNotes, (e: unknown) => setError(`Could not load notes: ${(e as Error).message}`));

  useEffect(() => {
    setNotes(undefined);
    setDraft(readDraft(entityId));
    setEditing(undefined);
    setError(undefined);
    setUndo(undefined);
    void refresh();
  }, [entityId]);

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
      await api.add({ entityId, text, pageUrl, pageTitle, quote });
      setDraft('');
      writeDraft(entityId, '');
      await refresh();
    } catch (e) {
      // The text stays in the editor: nothing is lost when saving fails.
      setError(`Not saved: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const saveEdit = async (ev: Event) => {
    ev.preventDefault();
    if (!editing || !editing.text.trim()) return;
    try {
      await api.update(editing.id, editing.text.trim());
      setEditing(undefined);
      await refresh();
    } catch (e) {
      setError(`Not saved: ${(e as Error).message}`);
    }
  };

  const remove = async (n: Note) => {
    try {
      await api.remove(n.id);
      setUndo(n);
      await refresh();
    } catch (e) {
      setError(`Not deleted: ${(e as Error).message}`);
    }
  };

  const restore = async () => {
    if (!undo) return;
    try {
      await api.restore(undo.id);
      setUndo(undefined);
      await refresh();
    } catch (e) {
      setError(`Not restored: ${(e as Error).message}`);
    }
  };

  return (
    <section class="notes" aria-label={`Your notes on ${entityName}`}>
      <h2>
        Your notes <span class="count">{notes ? notes.length : '…'}</span>
      </h2>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {undo ? (
        <p class="undo" role="status">
          Note deleted.{' '}
          <button type="button" class="link" onClick={restore}>
            Undo
          </button>
        </p>
      ) : null}
      <ul class="note-list">
        {notes?.map((n) => (
          <li key={n.id} class="note">
            {editing?.id === n.id ? (
              <form onSubmit={saveEdit}>
                <textarea
                  aria-label="Edit note"
                  value={editing.text}
                  onInput={(e) => setEditing({ id: n.id, text: (e.target as HTMLTextAreaElement).value })}
                />
                <div class="row">
                  <button type="submit">Save</button>
                  <button type="button" class="secondary" onClick={() => setEditing(undefined)}>
                    Cancel
                  </button>
                </div>
              </form>
            ) : (
              <>
                <p class="note-text">{n.text}</p>
                {n.quote ? <blockquote>{n.quote}</blockquote> : null}
                <p class="note-meta">
                  <time dateTime={new Date(n.createdAt).toISOString()}>{when(n.createdAt)}</time>
                  {n.updatedAt !== n.createdAt ? ' · edited' : ''}
                  {n.pageTitle ? ` · ${n.pageTitle}` : ''}
                  <button type="button" class="link" onClick={() => setEditing({ id: n.id, text: n.text })}>
                    Edit
                  </button>
                  <button type="button" class="link" onClick={() => void remove(n)}>
                    Delete
                  </button>
                </p>
              </>
            )}
          </li>
        ))}
      </ul>
      <form class="note-editor" onSubmit={save}>
        <textarea
          ref={editor}
          aria-label={`New note on ${entityName}`}
          placeholder="Add a private note…"
          value={draft}
          onInput={(e) => {
            const v = (e.target as HTMLTextAreaElement).value;
            setDraft(v);
            writeDraft(entityId, v);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
          }}
        />
        <div class="row">
          <button type="submit" disabled={busy || !draft.trim()}>
            Save note
          </button>
          <span class="hint">Stored on this device only</span>
        </div>
      </form>
    </section>
  );
}
