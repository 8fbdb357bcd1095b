import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { EntitySummary } from '../lib/entities';
import { send } from '../lib/messages';
import { readSettings, togglePausedSite, writeSettings, type Settings } from '../lib/settings';
import { useEntities, useEntitySearch, warmSearch } from '../lib/ui/clients';
import { formatCount, kindOf, t } from '../lib/ui/i18n';
import { notesApi } from '../lib/ui/notes-api';
import { EntityDetails } from './EntityDetails';
import { NotesPanel } from './NotesPanel';

interface OnPage {
  entities: { id: string; count: number }[];
  url: string;
  title: string;
}

async function mentionsOnActiveTab(): Promise<OnPage | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return undefined;
  try {
    return await send((m) => browser.tabs.sendMessage(tab.id!, m, { frameId: 0 }), 'page:mentions', {});
  } catch {
    return undefined; // no content script there (browser pages, store pages, a paused site)
  }
}

function ResultRow({
  e,
  sub,
  onOpen,
}: {
  e: EntitySummary & { nativeNames?: { text: string }[] };
  sub?: string;
  onOpen: (id: string) => void;
}) {
  return (
    <li>
      <button type="button" onClick={() => onOpen(e.id)}>
        <span class={`dot cat-${e.type}`} aria-hidden="true" />
        <span>
          {e.name}
          {e.nativeNames?.[0] ? <span class="meta"> {e.nativeNames[0].text}</span> : null}
        </span>
        <span class="sub">{sub ?? kindOf(e)}</span>
      </button>
    </li>
  );
}

export function PopupApp() {
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string>();
  const [onPage, setOnPage] = useState<OnPage>();
  const [settings, setSettings] = useState<Settings>();

  useEffect(() => {
    warmSearch();
    void mentionsOnActiveTab().then(setOnPage);
    void readSettings(browser.storage.local).then(setSettings);
  }, []);

  const host = useMemo(() => {
    try {
      const u = onPage?.url ? new URL(onPage.url) : undefined;
      return u && /^https?:$/.test(u.protocol) ? u.hostname : undefined;
    } catch {
      return undefined;
    }
  }, [onPage]);
  const save = async (next: Settings) => {
    setSettings(next);
    await writeSettings(browser.storage.local, next);
    // The page rescans (or clears) by itself; refresh what we list for it.
    setTimeout(() => void mentionsOnActiveTab().then(setOnPage), 600);
  };

  const search = useEntitySearch(query, { limit: 50 });
  const hits = search.answer?.hits ?? [];
  const pageIds = useMemo(() => new Set(onPage?.entities.map((e) => e.id) ?? []), [onPage]);
  const { entities, error } = useEntities([...pageIds, ...(openId ? [openId] : [])]);
  const open = openId ? entities?.get(openId) : undefined;

  return (
    <main>
      <div class="popup-head">
        <h1 class="brand">{t('manifest.name')}</h1>

        <button type="button" class="link all-notes" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.allNotes')}
        </button>
      </div>
      {settings ? (
        <div class="switches">
          {host ? (
            <label>
              <input
                type="checkbox"
                checked={settings.pausedSites.includes(host)}
                onChange={(e) => void save(togglePausedSite(settings, host, (e.target as HTMLInputElement).checked))}
              />{' '}
              {t('popup.pauseOn', { host })}
            </label>
          ) : null}
          <label>
            <input
              type="checkbox"
              checked={settings.pausedAll}
              onChange={(e) => void save({ ...settings, pausedAll: (e.target as HTMLInputElement).checked })}
            />{' '}
            {t('popup.pauseEverywhere')}
          </label>
        </div>
      ) : null}
      {error ? <p class="error">{t('popup.loadError', { error })}</p> : null}
      {open ? (
        <>
          <button type="button" class="secondary back" onClick={() => setOpenId(undefined)}>
            <span aria-hidden="true">← </span>
            {t('common.back')}
          </button>
          <EntityDetails entity={open} onPage={pageIds} onOpen={setOpenId} />
          <NotesPanel
            entityId={open.id}
            entityName={open.name}
            api={notesApi}
            pageUrl={onPage?.url}
            pageTitle={onPage?.title}
          />
        </>
      ) : (
        <>
          <input
            type="search"
            placeholder={t('popup.searchPlaceholder')}
            aria-label={t('popup.searchLabel')}
            value={query}
            autoFocus
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          />
          {query.trim() ? (
            <section aria-label={t('popup.searchResults')}>
              {hits.length ? (
                <ul class="results">
                  {hits.map((h) => (
                    <ResultRow
                      key={h.id}
                      e={h}
                      onOpen={setOpenId}
                      sub={`${h.via ? `${t('common.via', { alias: h.via })} · ` : ''}${kindOf(h)}`}
                    />
                  ))}
                </ul>
              ) : search.pending || !search.answer ? (
                <p class="meta">
                  {search.error ? t('popup.searchFailed', { error: search.error }) : t('common.searching')}
                </p>
              ) : (
                <p class="meta">{t('common.noMatch', { query })}</p>
              )}
            </section>
          ) : (
            <section aria-labelledby="on-this-page">
              <h2 id="on-this-page">{t('popup.onThisPage')}</h2>
              {onPage?.entities.length && !entities && !error ? (
                <p class="meta">{t('common.loading')}</p>
              ) : onPage?.entities.length && entities ? (
                <ul class="results">
                  {onPage.entities
                    .filter((x) => entities.has(x.id))
                    .sort((a, b) => b.count - a.count)
                    .map((x) => (
                      <ResultRow
                        key={x.id}
                        e={entities.get(x.id)!}
                        onOpen={setOpenId}
                        sub={t('popup.mentions', x.count, [formatCount(x.count)])}
                      />
                    ))}
                </ul>
              ) : (
                <p class="meta">{t('popup.noneOnPage')}</p>
              )}
            </section>
          )}
        </>
      )}
    </main>
  );
}
