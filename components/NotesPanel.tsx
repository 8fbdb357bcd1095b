import { useEffect, useRef, useState } from 'preact/hooks';
import { parseTags } from '../lib/notes/search';
import type { NewNote } from '../lib/notes/repository';
import type { Note } from '../lib/notes/types';

export interface NotesApi {
  list(entityId: string): Promise<Note[]>;
  add(input: NewNote): Promise<Note>;
  update(id: string, text: string, tags?: string[]): Promise<Note>;
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
  /** Called after a note is added, edited, deleted or restored. */
  onChange?: () => void;
  /** Changes each time the panel is shown again (the card reopened): notes are read afresh. */
  refreshKey?: number;
}

const DRAFT_PREFIX = 'dramatis:draft:';
const DRAFT_TAGS_PREFIX = 'dramatis:draft-tags:';

function readStored(key: string): string {
  try {
    return localStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

function writeStored(key: string, text: string): void {
  try {
    if (text) localStorage.setItem(key, text);
    else localStorage.removeItem(key);
  } catch {
    // Drafts are a convenience; storage being unavailable must not break the editor.
  }
}

export function when(t: number): string {
  return new Date(t).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Only web links are made clickable; anything else is shown as text. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function TagChips({ tags, onPick }: { tags: string[]; onPick?: (tag: string) => void }) {
  if (!tags.length) return null;
  return (
    <ul class="tags" aria-label="Tags">
      {tags.map((t) => (
        <li key={t} class="tag">
          {onPick ? (
            <button type="button" class="tag-button" onClick={() => onPick(t)} title={`Show notes tagged ${t}`}>
              {t}
            </button>
          ) : (
            t
          )}
        </li>
      ))}
    </ul>
  );
}

/** The editor of an existing note: its text and comma-separated tags. */
export function NoteEditForm({
  draft,
  onChange,
  onSave,
  onCancel,
}: {
  draft: { text: string; tags: string };
  onChange: (d: { text: string; tags: string }) => void;
  onSave: (ev: Event) => void;
  onCancel: () => void;
}) {
  return (
    <form onSubmit={onSave}>
      <textarea
        aria-label="Edit note"
        value={draft.text}
        onInput={(e) => onChange({ ...draft, text: (e.target as HTMLTextAreaElement).value })}
      />
      <input
        type="text"
        class="tags-input"
        aria-label="Edit tags"
        placeholder="Tags, comma-separated"
        value={draft.tags}
        onInput={(e) => onChange({ ...draft, tags: (e.target as HTMLInputElement).value })}
      />
      <div class="row">
        <button type="submit">Save</button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function NoteSource({ note }: { note: Note }) {
  if (!note.pageUrl && !note.pageTitle) return null;
  const href = safeHref(note.pageUrl);
  const label = note.pageTitle || note.pageUrl;
  return (
    <span class="note-source">
      {' · '}
      {href ? (
        <a href={href} target="_blank" rel="noreferrer noopener" title={note.pageUrl}>
          {label}
        </a>
      ) : (
        label
      )}
    </span>
  );
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
  const [draft, setDraft] = useState(() => readStored(DRAFT_PREFIX + entityId));
  const [draftTags, setDraftTags] = useState(() => readStored(DRAFT_TAGS_PREFIX + entityId));
  const [withQuote, setWithQuote] = useState(true);
  const [editing, setEditing] = useState<{ id: string; text: string; tags: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [undo, setUndo] = useState<Note | undefined>();
  const [busy, setBusy] = useState(false);
  const editor = useRef<HTMLTextAreaElement>(null);

  const refresh = () =>
    api.list(entityId).then(setNotes, (e: unknown) => setError(`Could not load notes: ${(e as Error).message}`));

  useEffect(askPersistenceOnce, []);

  useEffect(() => {
    setNotes(undefined);
    setDraft(readStored(DRAFT_PREFIX + entityId));
    setDraftTags(readStored(DRAFT_TAGS_PREFIX + entityId));
    setEditing(undefined);
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
      setDraft('');
      setDraftTags('');
      writeStored(DRAFT_PREFIX + entityId, '');
      writeStored(DRAFT_TAGS_PREFIX + entityId, '');
      await refresh();
      onChange?.();
    } catch (e) {
      // The text stays in the editor (and in the draft): nothing is lost when saving fails.
      setError(`Not saved: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  const saveEdit = async (ev: Event) => {
    ev.preventDefault();
    if (!editing || !editing.text.trim()) return;
    try {
      await api.update(editing.id, editing.text.trim(), parseTags(editing.tags));
      setEditing(undefined);
      await refresh();
      onChange?.();
    } catch (e) {
      setError(`Not saved: ${(e as Error).message}`);
    }
  };

  const remove = async (n: Note) => {
    try {
      await api.remove(n.id);
      setUndo(n);
      await refresh();
      onChange?.();
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
      onChange?.();
    } catch (e) {
      setError(`Not restored: ${(e as Error).message}`);
    }
  };

  return (
    <section class="notes" aria-label={`Your notes on ${entityName}`}>
      <h2>
        Your notes <span class="count">{notes ? notes.length : '…'}</span>
      </h2>
      <NoteStatus error={error} deleted={!!undo} onUndo={restore} />
      <ul class="note-list">
        {notes?.map((n) => (
          <li key={n.id} class="note">
            {editing?.id === n.id ? (
              <NoteEditForm
                draft={editing}
                onChange={(d) => setEditing({ ...editing, ...d })}
                onSave={saveEdit}
                onCancel={() => setEditing(undefined)}
              />
            ) : (
              <>
                <p class="note-text">{n.text}</p>
                {n.quote ? <blockquote class="note-quote">{n.quote}</blockquote> : null}
                <TagChips tags={n.tags} />
                <p class="note-meta">
                  <time dateTime={new Date(n.createdAt).toISOString()}>{when(n.createdAt)}</time>
                  {n.updatedAt !== n.createdAt ? ' · edited' : ''}
                  <NoteSource note={n} />{' '}
                  <button
                    type="button"
                    class="link"
                    onClick={() => setEditing({ id: n.id, text: n.text, tags: n.tags.join(', ') })}
                  >
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
        {quote && withQuote ? (
          <div class="quote-draft">
            <blockquote aria-label="Quoted passage">{quote}</blockquote>
            <button type="button" class="link" onClick={() => setWithQuote(false)}>
              Don’t quote
            </button>
          </div>
        ) : null}
        <textarea
          ref={editor}
          aria-label={`New note on ${entityName}`}
          placeholder="Add a private note…"
          value={draft}
          onInput={(e) => {
            const v = (e.target as HTMLTextAreaElement).value;
            setDraft(v);
            writeStored(DRAFT_PREFIX + entityId, v);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
          }}
        />
        <input
          type="text"
          class="tags-input"
          aria-label={`Tags for this note on ${entityName} (comma-separated)`}
          placeholder="Tags, comma-separated"
          value={draftTags}
          onInput={(e) => {
            const v = (e.target as HTMLInputElement).value;
            setDraftTags(v);
            writeStored(DRAFT_TAGS_PREFIX + entityId, v);
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

/** An error and the undo of a deletion, as the card, popup and options page show them. */
export function NoteStatus(props: { error?: string; deleted: boolean; onUndo: () => void | Promise<void> }) {
  return (
    <>
      {props.error ? (
        <p class="error" role="alert">
          {props.error}
        </p>
      ) : null}
      {props.deleted ? (
        <p class="undo" role="status">
          Note deleted.{' '}
          <button type="button" class="link" onClick={() => void props.onUndo()}>
            Undo
          </button>
        </p>
      ) : null}
    </>
  );
}
