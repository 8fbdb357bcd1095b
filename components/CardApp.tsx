import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CardToPage, PageToCard } from '../lib/card-protocol';
import type { CardPort } from '../lib/ui/card-port';
import { watchVisibility } from '../lib/ui/visibility';
import { isCustomId } from '../lib/custom/types';
import { editEntityHash, historyHash } from '../lib/custom/routes';
import { useEntities } from '../lib/ui/clients';
import { openOptions, useCustomEntities } from '../lib/ui/custom-api';
import { t, whyMarked } from '../lib/ui/i18n';
import { notesApi } from '../lib/ui/notes-api';
import { RULE_IDS } from '../lib/match/rules';
import { CustomDetails } from './CustomDetails';
import { EntityDetails } from './EntityDetails';
import { HistoryLine } from './HistoryLine';
import { NotesPanel } from './NotesPanel';

type Show = Extract<PageToCard, { type: 'show' }>;

/** The notes box's fixed height: the card's size tells the page nothing about the notes. */
export const NOTES_BOX_PX = 240;
/**
 * The details box of one of the reader's own entities: fixed too (it scrolls), since everything in
 * it is private — the card of any entity of theirs has the same size.
 */
export const CUSTOM_DETAILS_PX = 170;

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
  const detailsContent = useRef<HTMLDivElement>(null);
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

  const custom = !!entityId && isCustomId(entityId);
  const isCustom = useRef(custom);
  isCustom.current = custom;

  // Tell the content script how tall the card is so the frame fits it. Only the details block is
  // measured: the notes box has a fixed height, so nothing the page can see depends on the notes;
  // an entity of the reader's own has fixed-height details too.
  // The content inside the details box is observed too: while the frame is short (the first size
  // was sent while loading), the box itself is squeezed to fit and would never resize.
  useEffect(() => {
    const el = details.current;
    const inner = detailsContent.current;
    const card = root.current;
    if (!el || !card || !inner) return;
    const ro = new ResizeObserver(() => {
      const chrome = card.offsetHeight - card.clientHeight + NOTES_BOX_PX + CARD_PADDING_PX;
      // The details' own height (not the scrolling box's), or the fixed height of a reader's entity.
      const h = isCustom.current ? CUSTOM_DETAILS_PX : inner.offsetHeight;
      post({ type: 'size', height: Math.ceil(h + chrome) });
    });
    ro.observe(el);
    ro.observe(inner);
    return () => ro.disconnect();
  }, [details.current, detailsContent.current, root.current]);

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
  const { entities, error } = useEntities(entityId && !custom ? [entityId] : []);
  const entity = entityId && !custom ? entities?.get(entityId) : undefined;
  const mine = useCustomEntities(custom ? [entityId!] : [], shown);
  const own = custom ? mine.entities?.get(entityId!) : undefined;
  const shownId = entity?.id ?? own?.id;
  const shownName = entity?.name ?? own?.name;

  // For the bench: how long after the content script asked for it the card showed the details
  // (a measure in the card's own timeline, which the page cannot read).
  const measured = useRef(0);
  useEffect(() => {
    if (!show?.openedAt || measured.current === shown || !shownId || shownId !== show.entityId) return;
    measured.current = shown;
    performance.mark('dramatis:card-shown', {
      detail: { entityId: shownId, sinceOpenMs: performance.timeOrigin + performance.now() - show.openedAt },
    });
  }, [shownId, show, shown]);

  if (!connected) return null;
  return (
    <div
      class="card"
      role="dialog"
      aria-label={shownName ? t('card.label', { name: shownName }) : t('manifest.name')}
      tabIndex={-1}
      ref={root}
      onClickCapture={guardClick}
      onMouseDownCapture={guardClick}
    >
      <div
        class={custom ? 'card-details fixed' : 'card-details'}
        ref={details}
        style={custom ? { height: `${CUSTOM_DETAILS_PX}px` } : undefined}
      >
        {/* Measured, not the scrolling box around it: its height is the details' own. */}
        <div class="card-details-content" ref={detailsContent}>
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
          {!custom && !entity && !error ? (
            <p class="meta">{entities ? t('card.notInDataset') : t('common.loading')}</p>
          ) : null}
          {custom && !own ? (
            <p class={mine.error ? 'error' : 'meta'}>
              {mine.error ?? (mine.entities ? t('custom.gone') : t('common.loading'))}
            </p>
          ) : null}
          {own ? <CustomDetails entity={own} onEdit={() => void openOptions(editEntityHash(own.id))} /> : null}
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
        {shownId ? (
          <HistoryLine
            entityId={shownId}
            refreshKey={shown}
            onOpenList={() => void openOptions(historyHash(shownId))}
          />
        ) : null}
        {shownId && shownName ? (
          <NotesPanel
            entityId={shownId}
            entityName={shownName}
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
