import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CardEntity } from '../lib/entities';
import { dateRange, indexNotes, parseTags, searchNotes, tagCounts } from '../lib/notes/search';
import type { Note } from '../lib/notes/types';
import type { CustomEntity } from '../lib/custom/types';
import { useEntities } from '../lib/ui/clients';
import { useCustomEntities } from '../lib/ui/custom-api';
import { allNotes, notesApi } from '../lib/ui/notes-api';
import { NoteEditForm, NoteSource, NoteStatus, TagChips, when } from './NotesPanel';

const PAGE = 100;

/** The names a note's entity is searched by: name, native names, aliases (the reader's own entities too). */
export function entityNamesOf(entities: Map<string, CardEntity> | undefined, mine?: Map<string, CustomEntity>) {
  return (id: string): string[] => {
    const own = mine?.get(id);
    if (own) return [own.name, ...own.aliases];
    const e = entities?.get(id);
    return e
      ? [
          e.name,
          ...(e.nativeNames ?? []).map((n) => n.text),
          ...(e.aliases ?? []).map((a) => (typeof a === 'string' ? a : a.text)),
        ]
      : [];
  };
}

function NoteRow({
  note,
  entityName,
  onChanged,
  onDeleted,
  onFilter,
}: {
  note: Note;
  entityName: string;
  onChanged: (n: Note) => void;
  onDeleted: (n: Note) => void;
  onFilter: (f: { tag?: string; entityId?: string }) => void;
}) {
  const [editing, setEditing] = useState<{ text: string; tags: string }>();
  const [error, setError] = useState<string>();

  const save = async (ev: Event) => {
    ev.preventDefault();
    if (!editing?.text.trim()) return;
    try {
      onChanged(await notesApi.update(note.id, editing.text.trim(), parseTags(editing.tags)));
      setEditing(undefined);
      setError(undefined);
    } catch (e) {
      setError(`Not saved: ${(e as Error).message}`);
    }
  };

  const remove = async () => {
    try {
      await notesApi.remove(note.id);
      onDeleted(note);
    } catch (e) {
      setError(`Not deleted: ${(e as Error).message}`);
    }
  };

  return (
    <li class="note" data-note-id={note.id}>
      <p class="note-entity">
        <button type="button" class="link" onClick={() => onFilter({ entityId: note.entityId })}>
          {entityName}
        </button>
      </p>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {editing ? (
        <NoteEditForm
          draft={editing}
          onChange={(d) => setEditing(d)}
          onSave={save}
          onCancel={() => setEditing(undefined)}
        />
      ) : (
        <>
          <p class="note-text">{note.text}</p>
          {note.quote ? <blockquote class="note-quote">{note.quote}</blockquote> : null}
          <TagChips tags={note.tags} onPick={(tag) => onFilter({ tag })} />
          <p class="note-meta">
            <time dateTime={new Date(note.createdAt).toISOString()}>{when(note.createdAt)}</time>
            {note.updatedAt !== note.createdAt ? ` · edited ${when(note.updatedAt)}` : ''}
            <NoteSource note={note} />{' '}
            <button
              type="button"
              class="link"
              onClick={() => setEditing({ text: note.text, tags: note.tags.join(', ') })}
            >
              Edit
            </button>
            <button type="button" class="link" onClick={() => void remove()}>
              Delete
            </button>
          </p>
        </>
      )}
    </li>
  );
}

/** Every note, newest first, with full-text search and filters. Search runs in memory. */
export function NotesBrowser() {
  const [notes, setNotes] = useState<Note[]>();
  const [error, setError] = useState<string>();
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [entityId, setEntityId] = useState('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [undo, setUndo] = useState<Note>();

  useEffect(() => {
    allNotes().then(setNotes, (e: unknown) => setError(`Could not load notes: ${(e as Error).message}`));
  }, []);

  const { entities } = useEntities(notes?.map((n) => n.entityId) ?? []);
  const { entities: mine } = useCustomEntities(notes?.map((n) => n.entityId) ?? []);
  const names = useMemo(() => entityNamesOf(entities, mine), [entities, mine]);
  const index = useMemo(() => (notes ? indexNotes(notes, names) : undefined), [notes, names]);
  const range = useMemo(() => dateRange(fromDate, toDate), [fromDate, toDate]);
  const results = useMemo(
    () =>
      index
        ? searchNotes(index, {
            text,
            ...(tag ? { tag } : {}),
            ...(entityId ? { entityId } : {}),
            ...range,
          })
        : [],
    [index, text, tag, entityId, range],
  );
  const tags = useMemo(() => (notes ? tagCounts(notes) : []), [notes]);
  const noteEntities = useMemo(() => {
    const ids = new Set(notes?.map((n) => n.entityId));
    return [...ids]
      .map((id) => ({ id, name: entities?.get(id)?.name ?? mine?.get(id)?.name ?? id }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [notes, entities, mine]);

  useEffect(() => setShown(PAGE), [text, tag, entityId, fromDate, toDate]);

  const nameOf = (id: string) => entities?.get(id)?.name ?? mine?.get(id)?.name ?? id;
  const filtered = text.trim() || tag || entityId || fromDate || toDate;

  const restore = async () => {
    if (!undo) return;
    try {
      const n = await notesApi.restore(undo.id);
      setNotes((list) => [n, ...(list ?? []).filter((x) => x.id !== n.id)]);
      setUndo(undefined);
    } catch (e) {
      setError(`Not restored: ${(e as Error).message}`);
    }
  };

  return (
    <section class="notes-browser" aria-label="All notes">
      <div class="filters" role="search">
        <input
          type="search"
          aria-label="Search notes"
          placeholder="Search text, tags and names…"
          value={text}
          autoFocus
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <label>
          Tag{' '}
          <select
            aria-label="Filter by tag"
            value={tag}
            onChange={(e) => setTag((e.target as HTMLSelectElement).value)}
          >
            <option value="">All tags</option>
            {tags.map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Entity{' '}
          <select
            aria-label="Filter by entity"
            value={entityId}
            onChange={(e) => setEntityId((e.target as HTMLSelectElement).value)}
          >
            <option value="">All entities</option>
            {noteEntities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          From{' '}
          <input
            type="date"
            aria-label="From date"
            value={fromDate}
            onInput={(e) => setFromDate((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          To{' '}
          <input
            type="date"
            aria-label="To date"
            value={toDate}
            onInput={(e) => setToDate((e.target as HTMLInputElement).value)}
          />
        </label>
        {filtered ? (
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setText('');
              setTag('');
              setEntityId('');
              setFromDate('');
              setToDate('');
            }}
          >
            Clear
          </button>
        ) : null}
      </div>
      <NoteStatus error={error} deleted={!!undo} onUndo={restore} />
      <p class="meta result-count" aria-live="polite">
        {!notes
          ? 'Loading…'
          : filtered
            ? `${results.length.toLocaleString()} of ${notes.length.toLocaleString()} notes`
            : `${notes.length.toLocaleString()} note${notes.length === 1 ? '' : 's'}`}
      </p>
      {notes && !notes.length ? (
        <p class="meta">
          No notes yet. Hover a marked name on a page, or <a href="#/add">add one here</a>.
        </p>
      ) : null}
      <ul class="note-list">
        {results.slice(0, shown).map((n) => (
          <NoteRow
            key={n.id}
            note={n}
            entityName={nameOf(n.entityId)}
            onChanged={(u) => setNotes((list) => list?.map((x) => (x.id === u.id ? u : x)))}
            onDeleted={(d) => {
              setNotes((list) => list?.filter((x) => x.id !== d.id));
              setUndo(d);
            }}
            onFilter={(f) => {
              if (f.tag !== undefined) setTag(f.tag);
              if (f.entityId !== undefined) setEntityId(f.entityId);
            }}
          />
        ))}
      </ul>
      {results.length > shown ? (
        <button type="button" class="secondary" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, results.length - shown)} more of {(results.length - shown).toLocaleString()}
        </button>
      ) : null}
    </section>
  );
}
