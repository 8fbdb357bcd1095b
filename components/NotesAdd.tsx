import { useMemo, useState } from 'preact/hooks';
import { parseAddNoteHash } from '../lib/notes/add-from-selection';
import { useEntities, useEntitySearch } from '../lib/ui/clients';
import { kindOf, rich, slot, t } from '../lib/ui/i18n';
import { safeHref } from '../lib/ui/links';
import { notesApi } from '../lib/ui/notes-api';
import { NotesPanel } from './NotesPanel';

/** Adding a note from the options page, or from the "Add a note to Dramatis" menu on a selection. */
export function NotesAdd({ hash }: { hash: string }) {
  const params = useMemo(() => parseAddNoteHash(hash) ?? {}, [hash]);
  const [chosen, setChosen] = useState<string | undefined>(params.entityId);
  const [query, setQuery] = useState(() => (params.quote && params.quote.length <= 60 ? params.quote : ''));
  // Only while choosing: a search loads the full index in the background, which holds up notes.
  const search = useEntitySearch(chosen ? '' : query, { limit: 12 });
  const hits = search.answer?.hits ?? [];
  const { entities } = useEntities(chosen ? [chosen] : []);
  const entity = chosen ? entities?.get(chosen) : undefined;
  const href = safeHref(params.url);
  const sourceLabel = params.title || params.url;

  return (
    <section class="add-note" aria-labelledby="add-note-heading">
      <h1 id="add-note-heading">{t('add.heading')}</h1>
      {sourceLabel ? (
        <p class="meta">
          {rich(t('add.from', { source: slot('source') }), {
            source: href ? (
              <a href={href} target="_blank" rel="noreferrer noopener">
                {sourceLabel}
              </a>
            ) : (
              sourceLabel
            ),
          })}
        </p>
      ) : null}
      {chosen && !entities ? <p class="meta">{t('common.loading')}</p> : null}
      {entity ? (
        <>
          <div class="chosen row">
            <span>
              {rich(t('add.about', { name: slot('name') }), {
                name: <strong class="chosen-name">{entity.name}</strong>,
              })}{' '}
              <span class="meta">{kindOf(entity)}</span>
            </span>
            <button type="button" class="secondary" onClick={() => setChosen(undefined)}>
              {t('add.change')}
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
            <span>{t('add.which')}</span>
            <input
              type="search"
              aria-label={t('add.chooseLabel')}
              placeholder={t('add.choosePlaceholder')}
              value={query}
              autoFocus
              onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
            />
          </label>
          {query.trim() ? (
            hits.length ? (
              <ul class="results" aria-label={t('add.matching')}>
                {hits.map((h) => (
                  <li key={h.id}>
                    <button type="button" onClick={() => setChosen(h.id)}>
                      <span>{h.name}</span>
                      <span class="sub">
                        {h.via ? `${t('common.via', { alias: h.via })} · ` : ''}
                        {kindOf(h)}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : search.pending || !search.answer ? (
              <p class="meta">{t('common.searching')}</p>
            ) : (
              <p class="meta">{t('common.noMatch', { query })}</p>
            )
          ) : null}
        </>
      ) : null}
    </section>
  );
}
