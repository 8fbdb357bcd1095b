import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { historyHash } from '../lib/custom/routes';
import type { Sighting } from '../lib/custom/types';
import { HISTORY_DAYS_DEFAULT, HISTORY_DAYS_MAX, readSettings, writeSettings, type Settings } from '../lib/settings';
import { useEntities } from '../lib/ui/clients';
import { historyApi, useCustomEntities } from '../lib/ui/custom-api';
import { formatAgo, formatCount, rich, slot, t } from '../lib/ui/i18n';
import { safeHref } from '../lib/ui/links';

const LIMIT = 500;

/** The options page's history tab: the setting, and the list (search, delete one, per site, all). */
export function HistoryView({ entityId }: { entityId?: string }) {
  const [settings, setSettings] = useState<Settings>();
  const [days, setDays] = useState('');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Sighting[]>();
  const [refresh, setRefresh] = useState(0);
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void readSettings(browser.storage.local).then((s) => {
      setSettings(s);
      setDays(String(s.historyDays));
    });
  }, []);
  useEffect(() => {
    let live = true;
    historyApi.list({ ...(entityId ? { entityId } : {}), ...(text.trim() ? { text } : {}) }).then(
      (r) => live && setRows(r),
      (e: unknown) => live && setError((e as Error).message),
    );
    return () => {
      live = false;
    };
  }, [entityId, text, refresh]);

  const ids = useMemo(
    () => [...new Set([...(rows ?? []).map((r) => r.entityId), ...(entityId ? [entityId] : [])])],
    [rows, entityId],
  );
  const { entities } = useEntities(ids);
  const { entities: mine } = useCustomEntities(ids);
  const nameOf = (id: string) => entities?.get(id)?.name ?? mine?.get(id)?.name ?? id;

  const save = async (next: Settings) => {
    setSettings(next);
    await writeSettings(browser.storage.local, next);
  };
  const remove = async (what: Parameters<typeof historyApi.remove>[0]) => {
    try {
      const { deleted } = await historyApi.remove(what);
      setStatus(t('history.deleted', deleted, [formatCount(deleted)]));
      setRefresh((n) => n + 1);
    } catch (e) {
      setError(t('history.failed', { error: (e as Error).message }));
    }
  };

  return (
    <section class="history" aria-label={t('history.heading')}>
      <h1>{t('history.heading')}</h1>
      {settings ? (
        <>
          <label class="switch">
            <input
              type="checkbox"
              checked={settings.history}
              onChange={(e) => void save({ ...settings, history: (e.target as HTMLInputElement).checked })}
            />{' '}
            {t('history.switchLabel')}
          </label>
          <p class="hint">{t('history.explain')}</p>
          {!settings.history ? <p class="meta">{t('history.offNote')}</p> : null}
          <label class="row">
            {rich(t('history.keepFor', { days: slot('days') }), {
              days: (
                <input
                  type="number"
                  min={1}
                  max={HISTORY_DAYS_MAX}
                  aria-label={t('history.daysLabel')}
                  value={days}
                  onInput={(e) => setDays((e.target as HTMLInputElement).value)}
                  onChange={(e) => {
                    const n = Math.round(Number((e.target as HTMLInputElement).value));
                    const v = Number.isFinite(n) && n >= 1 ? Math.min(n, HISTORY_DAYS_MAX) : HISTORY_DAYS_DEFAULT;
                    setDays(String(v));
                    void save({ ...settings, historyDays: v }).then(() => setRefresh((x) => x + 1));
                  }}
                />
              ),
            })}
          </label>
        </>
      ) : null}
      <div class="filters" role="search">
        <input
          type="search"
          aria-label={t('history.searchLabel')}
          placeholder={t('history.searchPlaceholder')}
          value={text}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
        />
      </div>
      {entityId ? (
        <p class="meta">
          {t('history.filtered', { name: nameOf(entityId) })} <a href={historyHash()}>{t('history.showAll')}</a>
        </p>
      ) : null}
      {status ? (
        <p role="status" class="outcome">
          {status}
        </p>
      ) : null}
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
      <div class="row spread">
        <p class="meta result-count" aria-live="polite">
          {rows ? t('history.count', rows.length, [formatCount(rows.length)]) : t('common.loading')}
        </p>
        {rows?.length && !confirming ? (
          <button type="button" class="secondary" onClick={() => setConfirming(true)}>
            {t('history.deleteAll')}
          </button>
        ) : null}
        {rows?.length && confirming ? (
          <span class="row">
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                void remove({ all: true });
              }}
            >
              {t('history.confirmAll', rows.length, [formatCount(rows.length)])}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t('history.keepAll')}
            </button>
          </span>
        ) : null}
      </div>
      {rows && !rows.length ? <p class="meta">{t('history.none')}</p> : null}
      <ul class="note-list history-list">
        {(rows ?? []).slice(0, LIMIT).map((r) => (
          <li key={`${r.entityId}\n${r.url}`} class="note history-row">
            <p class="note-entity">
              <a href={historyHash(r.entityId)}>{nameOf(r.entityId)}</a>
            </p>
            <p class="history-page">
              <a href={safeHref(r.url)} target="_blank" rel="noreferrer noopener">
                {r.title || r.url}
              </a>
            </p>
            <p class="note-meta">
              {r.host} · <time dateTime={new Date(r.lastSeen).toISOString()}>{formatAgo(r.lastSeen)}</time> ·{' '}
              {t('popup.mentions', r.count, [formatCount(r.count)])}{' '}
              <button type="button" class="link" onClick={() => void remove({ entityId: r.entityId, url: r.url })}>
                {t('history.delete')}
              </button>
              <button type="button" class="link" onClick={() => void remove({ host: r.host })}>
                {t('history.deleteSite', { host: r.host })}
              </button>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
