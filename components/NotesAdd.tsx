import { useMemo, useState } from 'preact/hooks';
import { isCustomId } from '../lib/custom/types';
import { parseAddNoteHash } from '../lib/notes/add-from-selection';
import { useEntities, useEntitySearch } from '../lib/ui/clients';
import { searchCustom, useCustomEntities, useCustomList } from '../lib/ui/custom-api';
import { notesApi } from '../lib/ui/notes-api';
import { jurisdictionName } from './EntityDetails';
import { NotesPanel, safeHref } from './NotesPanel';

/** Adding a note from the options page, or from the "Add a note to Dramatis" menu on a selection. */
export function NotesAdd({ hash }: { hash: string }) {
  const params = useMemo(() => parseAddNoteHash(hash) ?? {}, [hash]);
  const [chosen, setChosen] = useState<string | undefined>(params.entityId);
  const [query, setQuery] = useState(() => (params.quote && params.quote.length <= 60 ? params.quote : ''));
  const search = useEntitySearch(query, { limit: 12 });
  const hits = search.answer?.hits ?? [];
  const mineChosen = !!chosen && isCustomId(chosen);
  const bundled = useEntities(chosen && !mineChosen ? [chosen] : []);
  const own = useCustomEntities(mineChosen ? [chosen!] : []);
  // The reader's own entity, or a bundled one: what the note is about.
  const found = mineChosen ? own.entities?.get(chosen!) : bundled.entities?.get(chosen ?? '');
  const entities = mineChosen ? own.entities : bundled.entities;
  const entity = found
    ? { id: found.id, name: found.name, type: found.type, jurisdiction: found.jurisdiction }
    : undefined;
  const { list: mineList } = useCustomList();
  const mineHits = searchCustom(mineList ?? [], query).slice(0, 6);
  const href = safeHref(params.url);

  return (
    <section class="add-note" aria-label="Add a note">
      <h1>Add a note</h1>
      {params.url || params.title ? (
        <p class="meta">
          From{' '}
          {href ? (
            <a href={href} target="_blank" rel="noreferrer noopener">
              {params.title || params.url}
            </a>
          ) : (
            params.title || params.url
          )}
        </p>
      ) : null}
      {chosen && !entities ? <p class="meta">Loading…</p> : null}
      {entity ? (
        <>
          <div class="chosen row">
            <span>
              About <strong class="chosen-name">{entity.name}</strong>{' '}
              <span class="meta">
                {entity.type}
                {entity.jurisdiction ? ` · ${jurisdictionName(entity.jurisdiction)}` : ''}
              </span>
            </span>
            <button type="button" class="secondary" onClick={() => setChosen(undefined)}>
              Change
            </button>
          </div>
          <NotesPanel
            entityId={entity.id}
            entityName={entity.name}
            api={notesApi}
            pageUrl={params.url}
            pageTitle={params.title}
            quote={params.quote}
            autoFocus
          />
        </>
      ) : null}
      {!chosen || (entities && !entity) ? (
        <>
          {params.quote ? <blockquote class="note-quote">{params.quote}</blockquote> : null}
          <label class="field">
            <span>Which regulator, firm or official is this note about?</span>
            <input
              type="search"
              aria-label="Choose an entity"
              placeholder="Type a name, native name or alias…"
              value={query}
              autoFocus
              onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
            />
          </label>
          {query.trim() ? (
            hits.length || mineHits.length ? (
              <ul class="results" aria-label="Matching entities">
                {mineHits.map(({ entity: e, via }) => (
                  <li key={e.id}>
                    <button type="button" onClick={() => setChosen(e.id)}>
                      <span>{e.name}</span>
                      <span class="sub">{via ? `via “${via}” · ` : ''}Your entity</span>
                    </button>
                  </li>
                ))}
                {hits.map((h) => (
                  <li key={h.id}>
                    <button type="button" onClick={() => setChosen(h.id)}>
                      <span>{h.name}</span>
                      <span class="sub">
                        {h.via ? `via “${h.via}” · ` : ''}
                        {h.type} · {jurisdictionName(h.jurisdiction)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : search.pending || !search.answer ? (
              <p class="meta">Searching…</p>
            ) : (
              <p class="meta">No entity matches “{query}”.</p>
            )
          ) : null}
        </>
      ) : null}
    </section>
  );
}
