import { useState } from 'preact/hooks';
import type { Note } from '../lib/notes/types';
import { parseTags } from '../lib/notes/search';
import { useNow } from '../lib/ui/clock';
import { editDraftKey, useStoredDraft } from '../lib/ui/use-stored-draft';
import { formatMoment, formatWhen, t, tagsText } from '../lib/ui/i18n';
import { safeHref } from '../lib/ui/links';
import type { NotesApi } from '../lib/ui/notes-api';

export function TagChips({ tags, onPick }: { tags: string[]; onPick?: (tag: string) => void }) {
  if (!tags.length) return null;
  return (
    <ul class="tags" aria-label={t('notes.tags')}>
      {tags.map((tag) => (
        <li key={tag} class="tag">
          {onPick ? (
            <button type="button" class="tag-button" onClick={() => onPick(tag)} title={t('notes.showTagged', { tag })}>
              {tag}
            </button>
          ) : (
            tag
          )}
        </li>
      ))}
    </ul>
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
          {t('notes.deleted')}{' '}
          <button type="button" class="link" onClick={() => void props.onUndo()}>
            {t('notes.undo')}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** A moment as "3 hours ago" (a date once it is a week old), with the full date and time on hover. */
export function When({ ms, now }: { ms: number; now: number }) {
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatMoment(ms)}>
      {formatWhen(ms, now)}
    </time>
  );
}

interface EditDraft {
  text: string;
  tags: string;
}

function parseEditDraft(raw: string): EditDraft | undefined {
  if (!raw) return undefined;
  try {
    const d = JSON.parse(raw) as Partial<EditDraft>;
    return typeof d.text === 'string' ? { text: d.text, tags: typeof d.tags === 'string' ? d.tags : '' } : undefined;
  } catch {
    return undefined;
  }
}

export interface NoteItemProps {
  note: Note;
  api: Pick<NotesApi, 'update' | 'remove'>;
  /** The note's entity, named above it where notes on many entities are listed (options page). */
  entity?: { name: string; onPick?: () => void };
  /** Tags become buttons that call this (the options page filters by them). */
  onPickTag?: (tag: string) => void;
  /** After an edit was saved, with the note as stored. */
  onChanged: (note: Note) => void;
  /** After the note was deleted (softly: the caller offers the undo). */
  onDeleted: (note: Note) => void;
}

/**
 * One note, as the card, the popup and the options page show it: text (never markup), quote, tags,
 * when and where it was written, and its edit and delete buttons. An edit in progress is a draft
 * kept across a closed card or popup (`useStoredDraft`), forgotten when saved or cancelled.
 */
export function NoteItem({ note, api, entity, onPickTag, onChanged, onDeleted }: NoteItemProps) {
  const now = useNow();
  const [rawDraft, setRawDraft, clearDraft] = useStoredDraft(editDraftKey(note.id));
  const editing = parseEditDraft(rawDraft);
  const setEditing = (d: EditDraft) => setRawDraft(JSON.stringify(d));
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const save = async (ev: Event) => {
    ev.preventDefault();
    if (!editing?.text.trim() || busy) return;
    setBusy(true);
    try {
      const saved = await api.update(note.id, editing.text.trim(), parseTags(editing.tags));
      clearDraft();
      setError(undefined);
      onChanged(saved);
    } catch (e) {
      // The edit stays in the form (and in its draft): nothing is lost when saving fails.
      setError(t('notes.notSaved', { error: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    try {
      await api.remove(note.id);
      clearDraft();
      onDeleted(note);
    } catch (e) {
      setError(t('notes.notDeleted', { error: (e as Error).message }));
    }
  };

  return (
    <li class="note" data-note-id={note.id}>
      {entity ? (
        <p class="note-entity">
          {entity.onPick ? (
            <button
              type="button"
              class="link"
              onClick={entity.onPick}
              title={t('notes.showAbout', { name: entity.name })}
            >
              {entity.name}
            </button>
          ) : (
            entity.name
          )}
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {editing ? (
        <form onSubmit={save}>
          <textarea
            aria-label={t('notes.editLabel')}
            value={editing.text}
            onInput={(e) => setEditing({ ...editing, text: (e.target as HTMLTextAreaElement).value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save(e);
            }}
          />
          <input
            type="text"
            class="tags-input"
            aria-label={t('notes.editTagsLabel')}
            placeholder={t('notes.tagsPlaceholder')}
            value={editing.tags}
            onInput={(e) => setEditing({ ...editing, tags: (e.target as HTMLInputElement).value })}
          />
          <div class="row">
            <button type="submit" disabled={busy || !editing.text.trim()}>
              {t('common.save')}
            </button>
            <button type="button" class="secondary" onClick={clearDraft}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p class="note-text">{note.text}</p>
          {note.quote ? <blockquote class="note-quote">{note.quote}</blockquote> : null}
          <TagChips tags={note.tags} onPick={onPickTag} />
          <p class="note-meta">
            <When ms={note.createdAt} now={now} />
            {note.updatedAt !== note.createdAt ? (
              <>
                {' · '}
                <span title={formatMoment(note.updatedAt)}>
                  {t('notes.editedAt', { time: formatWhen(note.updatedAt, now) })}
                </span>
              </>
            ) : null}
            <NoteSource note={note} />{' '}
            <button
              type="button"
              class="link"
              onClick={() => setEditing({ text: note.text, tags: tagsText(note.tags) })}
            >
              {t('notes.edit')}
            </button>
            <button type="button" class="link" onClick={() => void remove()}>
              {t('notes.delete')}
            </button>
          </p>
        </>
      )}
    </li>
  );
}
