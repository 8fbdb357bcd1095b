import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CardToPage, PageToCard } from '../lib/card-protocol';
import type { CardPort } from '../lib/ui/card-port';
import { watchVisibility } from '../lib/ui/visibility';
import { useEntities } from '../lib/ui/clients';
import { t, whyMarked } from '../lib/ui/i18n';
import { notesApi } from '../lib/ui/notes-api';
import { RULE_IDS } from '../lib/match/rules';
import { EntityDetails } from './EntityDetails';
import { NotesPanel } from './NotesPanel';

type Show = Extract<PageToCard, { type: 'show' }>;

/** The notes box's fixed height: the card's size tells the page nothing about the notes. */
export const NOTES_BOX_PX = 240;
/** The card's vertical padding (22) and the notes box's top margin (8), from card.css. */
const CARD_PADDING_PX = 30;

/**
 * The hover card, drawn in an extension-origin frame the page cannot read. It shows nothing until
 * our content script has connected with a ticket the background confirmed (`port.connected`), its
 * height depends only on the entity's public details (the notes live in a fixed-height, scrolling
 * box), and while the browser reports the frame covered or faded by the page, pointer clicks on its
 * controls are ignored.
 */
export function CardApp({ port }: { port: CardPort }) {
  const root = useRef<HTMLDivElement>(null);
  const details = useRef<HTMLDivElement>(null);
  const [connected, setConnected] = useState(port.connected);
  const visible = useRef(true);
  const [show, setShow] = useState<Show>();
  const [entityId, setEntityId] = useState<string>();

  const [pinned, setPinned] = useState(false);
  const [focusEditor, setFocusEditor] = useState(false);
  /** Counts the times the card was shown: notes written elsewhere meanwhile are read again. */
  const [shown, setShown] = useState(0);

  const post = (m: CardToPage) => port.post(m);

  useEffect(() => port.onConnected(() => setConnected(true)), []);

  useEffect(() => {
    if (!connected) return;
    port.onMessage((m) => {
      if (m?.type === 'show') {
        setShow(m);
        setShown((n) => n + 1);
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
  }, [connected]);

  // Tell the content script how tall the card is so the frame fits it. Only the details block is
  // measured: the notes box has a fixed height, so nothing the page can see depends on the notes.
  useEffect(() => {
    const el = details.current;
    const card = root.current;
    if (!el || !card) return;
    const ro = new ResizeObserver(() => {
      const chrome = card.offsetHeight - card.clientHeight + NOTES_BOX_PX + CARD_PADDING_PX;
      post({ type: 'size', height: Math.ceil(el.offsetHeight + chrome) });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [details.current, root.current]);

  // Clicks while the page covers or fades the frame (Chrome reports it; elsewhere assumed visible).
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    return watchVisibility(el, (v) => (visible.current = v));
  }, [root.current]);
  const guardClick = (e: MouseEvent) => {
    // detail 0: a click from the keyboard (Enter, Space), which no overlay can steal.
    if (!visible.current && e.detail > 0) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const onPage = useMemo(() => new Set(show?.pageEntityIds ?? []), [show]);
  const { entities, error } = useEntities(entityId ? [entityId] : []);
  const entity = entityId ? entities?.get(entityId) : undefined;

  if (!connected) return null;
  return (
    <div
      class="card"
      role="dialog"
      aria-label={entity ? t('card.label', { name: entity.name }) : t('manifest.name')}
      tabIndex={-1}
      ref={root}
      onClickCapture={guardClick}
      onMouseDownCapture={guardClick}
    >
      <div class="card-details">
        {/* Measured, not the scrolling box around it: its height is the details' own. */}
        <div ref={details}>
          <div class="card-tools">
            {show && entityId !== show.entityId ? (
              <button
                type="button"
                title={t('common.back')}
                aria-label={t('common.back')}
                onClick={() => setEntityId(show.entityId)}
              >
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
              title={pinned ? t('card.unpinTitle') : t('card.pinTitle')}
              aria-label={t('card.pin')}
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
            <button
              type="button"
              title={t('card.closeTitle')}
              aria-label={t('card.close')}
              onClick={() => post({ type: 'close' })}
            >
              <svg
                width="12"
                height="12"
                viewBox="0 0 12 12"
                aria-hidden="true"
                stroke="currentColor"
                stroke-width="1.8"
              >
                <path d="M2 2l8 8M10 2l-8 8" />
              </svg>
            </button>
          </div>
          {error ? <p class="error">{t('card.loadError', { error })}</p> : null}
          {!entity && !error ? <p class="meta">{entities ? t('card.notInDataset') : t('common.loading')}</p> : null}
          {entity ? (
            <EntityDetails
              entity={entity}
              onPage={onPage}
              onOpen={(id) => {
                setEntityId(id);
                setPinned(true);
                post({ type: 'pin', pinned: true });
              }}
            />
          ) : null}
          {entity && show && entityId === show.entityId && show.why !== undefined && RULE_IDS[show.why] ? (
            <details class="why">
              <summary>{t('why.summary')}</summary>
              <p>{whyMarked(RULE_IDS[show.why]!)}</p>
            </details>
          ) : null}
        </div>
      </div>
      <div class="card-notes" style={{ flexBasis: `${NOTES_BOX_PX}px` }}>
        {entity ? (
          <NotesPanel
            entityId={entity.id}
            entityName={entity.name}
            api={notesApi}
            pageUrl={show?.pageUrl}
            pageTitle={show?.pageTitle}
            quote={show?.quote}
            autoFocus={focusEditor}
            refreshKey={shown}
          />
        ) : null}
      </div>
    </div>
  );
}
