import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CardToPage, PageToCard } from '../lib/card-protocol';
import { reverseReferences } from '../lib/dataset/refs';
import type { CardEntity } from '../lib/entities';
import { postToPage, onPageMessage } from '../lib/ui/card-port';
import { loadEntities } from '../lib/ui/clients';
import { notesApi } from '../lib/ui/notes-api';
import { EntityDetails } from './EntityDetails';
import { NotesPanel } from './NotesPanel';

type Show = Extract<PageToCard, { type: 'show' }>;

/** The hover card, drawn in an extension-origin frame the page cannot read. */
export function CardApp() {
  const root = useRef<HTMLDivElement>(null);
  const [show, setShow] = useState<Show>();
  const [entityId, setEntityId] = useState<string>();
  const [entities, setEntities] = useState<Map<string, CardEntity>>();
  const [error, setError] = useState<string>();
  const [pinned, setPinned] = useState(false);
  const [focusEditor, setFocusEditor] = useState(false);

  const post = (m: CardToPage) => postToPage(m);

  useEffect(() => {
    loadEntities().then(setEntities, (e: unknown) => setError((e as Error).message));
    onPageMessage((m) => {
      if (m?.type === 'show') {
        setShow(m);
        setEntityId(m.entityId);
        setFocusEditor(false);
        if (m.focus) requestAnimationFrame(() => root.current?.focus());
      } else if (m?.type === 'hidden') setPinned(false);
    });
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') post({ type: 'close' });
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);

  // Tell the page how tall we are so the frame fits the card.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const ro = new ResizeObserver(() => post({ type: 'size', height: Math.ceil(el.scrollHeight) + 2 }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [root.current]);

  const reverse = useMemo(() => (entities ? reverseReferences(entities.values()) : undefined), [entities]);
  const onPage = useMemo(() => new Set(show?.pageEntityIds ?? []), [show]);
  const entity = entityId ? entities?.get(entityId) : undefined;

  return (
    <div
      class="card"
      role="dialog"
      aria-label={entity ? `Dramatis: ${entity.name}` : 'Dramatis'}
      tabIndex={-1}
      ref={root}
    >
      <div class="card-tools">
        {show && entityId !== show.entityId ? (
          <button type="button" title="Back" aria-label="Back" onClick={() => setEntityId(show.entityId)}>
            <svg
              width="12"
              height="12"
              viewBox="0 0 12 12"
              aria-hidden="true"
              stroke="currentColor"
              stroke-width="1.8"
              fill="none"
            >
              <path d="M7.5 2 3.5 6l4 4" />
            </svg>
          </button>
        ) : null}
        <button
          type="button"
          title={pinned ? 'Unpin' : 'Pin this card open'}
          aria-label="Pin"
          aria-pressed={pinned}
          onClick={() => {
            setPinned(!pinned);
            post({ type: 'pin', pinned: !pinned });
          }}
        >
          <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
            <path d="M10.5 1.5 14.5 5.5 12 6.5 9.5 9 9.8 12.3 8.5 13.5 5.7 10.3 2.5 13.5 2.5 13.5 5.7 10.3 2.5 7.5 3.7 6.2 7 6.5 9.5 4 Z" />
          </svg>
        </button>
        <button type="button" title="Close (Esc)" aria-label="Close" onClick={() => post({ type: 'close' })}>
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" stroke="currentColor" stroke-width="1.8">
            <path d="M2 2l8 8M10 2l-8 8" />
          </svg>
        </button>
      </div>
      {error ? <p class="error">Could not load Dramatis data: {error}</p> : null}
      {!entity && !error ? <p class="meta">Loading…</p> : null}
      {entity && entities ? (
        <>
          <EntityDetails
            entity={entity}
            entities={entities}
            reverse={reverse}
            onPage={onPage}
            onOpen={(id) => {
              setEntityId(id);
              setPinned(true);
              post({ type: 'pin', pinned: true });
            }}
          />
          <NotesPanel
            entityId={entity.id}
            entityName={entity.name}
            api={notesApi}
            pageUrl={show?.pageUrl}
            pageTitle={show?.pageTitle}
            quote={show?.quote}
            autoFocus={focusEditor}
          />
        </>
      ) : null}
    </div>
  );
}
