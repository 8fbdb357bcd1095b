import { useEffect, useMemo, useState } from 'preact/hooks';
import { dateRange, indexNotes, searchNotes, tagCounts } from '../lib/notes/search';
import type { Note } from '../lib/notes/types';
import { useEntities } from '../lib/ui/clients';
import { entityNamesOf } from '../lib/ui/entity-names';
import { formatCount, rich, slot, t, uiLocale } from '../lib/ui/i18n';
import { allNotes, notesApi } from '../lib/ui/notes-api';
import { NoteItem, NoteStatus } from './NoteItem';

const PAGE = 100;

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
    allNotes().then(setNotes, (e: unknown) => setError(t('notes.loadError', { error: (e as Error).message })));
  }, []);

  const { entities } = useEntities(notes?.map((n) => n.entityId) ?? []);
  const names = useMemo(() => entityNamesOf(entities), [entities]);
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
  const collator = useMemo(() => new Intl.Collator(uiLocale()), []);
  const noteEntities = useMemo(() => {
    const ids = new Set(notes?.map((n) => n.entityId));
    return [...ids]
      .map((id) => ({ id, name: entities?.get(id)?.name ?? id }))
      .sort((a, b) => collator.compare(a.name, b.name));
  }, [notes, entities]);

  useEffect(() => setShown(PAGE), [text, tag, entityId, fromDate, toDate]);

  const nameOf = (id: string) => entities?.get(id)?.name ?? id;
  const filtered = text.trim() || tag || entityId || fromDate || toDate;

  const restore = async () => {
    if (!undo) return;
    try {
      const n = await notesApi.restore(undo.id);
      setNotes((list) => [n, ...(list ?? []).filter((x) => x.id !== n.id)]);
      setUndo(undefined);
    } catch (e) {
      setError(t('notes.notRestored', { error: (e as Error).message }));
    }
  };

  return (
    <section class="notes-browser" aria-labelledby="notes-browser-heading">
      <h1 id="notes-browser-heading" class="visually-hidden">
        {t('list.label')}
      </h1>
      <div class="filters" role="search">
        <input
          type="search"
          aria-label={t('list.searchLabel')}
          placeholder={t('list.searchPlaceholder')}
          value={text}
          autoFocus
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
        <label>
          {t('list.tag')}{' '}
          <select
            aria-label={t('list.filterByTag')}
            value={tag}
            onChange={(e) => setTag((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('list.allTags')}</option>
            {tags.map((c) => (
              <option key={c.tag} value={c.tag}>
                {c.tag} ({formatCount(c.count)})
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list.entity')}{' '}
          <select
            aria-label={t('list.filterByEntity')}
            value={entityId}
            onChange={(e) => setEntityId((e.target as HTMLSelectElement).value)}
          >
            <option value="">{t('list.allEntities')}</option>
            {noteEntities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('list.from')}{' '}
          <input
            type="date"
            aria-label={t('list.fromDate')}
            value={fromDate}
            onInput={(e) => setFromDate((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          {t('list.to')}{' '}
          <input
            type="date"
            aria-label={t('list.toDate')}
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
            {t('list.clear')}
          </button>
        ) : null}
      </div>
      <NoteStatus error={error} deleted={!!undo} onUndo={restore} />
      <p class="meta result-count" aria-live="polite">
        {!notes
          ? t('common.loading')
          : filtered
            ? t('list.filteredCount', notes.length, [formatCount(notes.length)], {
                shown: formatCount(results.length),
              })
            : t('list.count', notes.length, [formatCount(notes.length)])}
      </p>
      {notes && !notes.length ? (
        <p class="meta">
          {rich(t('list.empty', { link: slot('link') }), { link: <a href="#/add">{t('list.emptyLink')}</a> })}
        </p>
      ) : null}
      <ul class="note-list">
        {results.slice(0, shown).map((n) => (
          <NoteItem
            key={n.id}
            note={n}
            api={notesApi}
            entity={{ name: nameOf(n.entityId), onPick: () => setEntityId(n.entityId) }}
            onPickTag={setTag}
            onChanged={(u) => setNotes((list) => list?.map((x) => (x.id === u.id ? u : x)))}
            onDeleted={(d) => {
              setNotes((list) => list?.filter((x) => x.id !== d.id));
              setUndo(d);
            }}
          />
        ))}
      </ul>
      {results.length > shown ? (
        <button type="button" class="secondary" onClick={() => setShown(shown + PAGE)}>
          {t('list.showMore', {
            count: formatCount(Math.min(PAGE, results.length - shown)),
            rest: formatCount(results.length - shown),
          })}
        </button>
      ) : null}
    </section>
  );
}
